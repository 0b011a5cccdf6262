"""The session agenda handout: what a participant takes home from one session.

`agenda_document` gathers the facts from the store and the curriculum in the active
language; `agenda_page` lays them out as a `Page` for the renderers. Participants'
names appear only when asked for (a sign-in list).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from imr_tui.curriculum import Curriculum, SessionStructure
from imr_tui.i18n import LANGUAGES, _, current_language, format_long_date, format_time, use_language
from imr_tui.planning.agenda import build_agenda
from imr_tui.printing.page import Bullets, Column, Page, Paragraph, Section, Table, WritingSpace

if TYPE_CHECKING:
    from imr_tui.store import Store
    from imr_tui.store.records import SessionOverview


@dataclass(frozen=True)
class AgendaPart:
    starts: dt.time
    ends: dt.time
    minutes: int
    title: str


@dataclass(frozen=True)
class AgendaDocument:
    language: str
    """The language the texts below are in, and the page is printed in."""
    session_id: int
    group_name: str | None
    """None when the group's name is left off the page."""
    location: str
    therapists: tuple[str, ...]
    date: dt.date
    starts: dt.time
    ends: dt.time
    module_title: str | None
    """`Module 4: The stress-vulnerability model`; None when no module is planned."""
    topic_title: str | None
    parts: tuple[AgendaPart, ...]
    key_points: tuple[str, ...]
    home_assignment: str
    home_assignment_agreed: bool
    """True when the group has agreed it; otherwise it is the topic's suggestion."""
    participants: tuple[str, ...] = ()
    """Names for the sign-in list; empty unless the therapist asked for names."""

    def page(self) -> Page:
        return agenda_page(self)


def agenda_document(
    store: Store, curriculum: Curriculum, session_id: int, with_names: bool = False, show_group_name: bool = True,
    in_group_language: bool = False,
) -> AgendaDocument:
    """The agenda of one session, in the active language or, with `in_group_language`, the group's."""
    overview = store.sessions.overview(session_id)
    if in_group_language:
        with use_language(overview.group_language):
            return _agenda(overview, curriculum, with_names, show_group_name)
    return _agenda(overview, curriculum, with_names, show_group_name)


def _agenda(overview: SessionOverview, curriculum: Curriculum, with_names: bool, show_group_name: bool) -> AgendaDocument:
    session = overview.session
    module = curriculum.module(session.module_id)
    topic = curriculum.topic(session.module_id, session.topic_id)
    structure = _with_session_minutes(curriculum.structure, overview.part_minutes)
    items = build_agenda(structure, session.start_time, individual=bool(module and module.individual))
    suggested = topic.home_assignment.get() if topic and topic.home_assignment else ""
    return AgendaDocument(
        language=current_language(),
        session_id=session.id,
        group_name=overview.group_name if show_group_name else None,
        location=overview.group_location,
        therapists=tuple(therapist.name for therapist in overview.therapists),
        date=session.date,
        starts=session.start_time,
        ends=(dt.datetime.combine(session.date, session.start_time) + dt.timedelta(minutes=session.minutes)).time(),
        module_title=_("Module {number}: {title}").format(number=module.number, title=module.title.get()) if module else None,
        topic_title=topic.title.get() if topic else None,
        parts=tuple(AgendaPart(item.starts, item.ends, item.minutes, item.part.title.get()) for item in items),
        key_points=tuple(point.get() for point in topic.key_points) if topic else (),
        home_assignment=overview.home_assignment or suggested,
        home_assignment_agreed=bool(overview.home_assignment),
        participants=tuple(person.name for person in overview.participants) if with_names else (),
    )


def _with_session_minutes(structure: SessionStructure, minutes: dict[str, int]) -> SessionStructure:
    """The structure with this session's own minutes per part, where the therapist changed them."""
    if not minutes:
        return structure
    parts = tuple(
        replace(part, group_minutes=minutes[part.id], individual_minutes=minutes[part.id]) if part.id in minutes else part
        for part in structure.parts
    )
    return replace(structure, parts=parts)


def agenda_page(document: AgendaDocument) -> Page:
    with use_language(document.language):
        return Page(
            language=document.language,
            kicker=_("Session agenda"),
            title=document.group_name or _("IMR group"),
            details=_details(document),
            sections=_sections(document),
            metadata_title=" – ".join(filter(None, (_("Agenda"), document.group_name, document.date.isoformat()))),
        )


def _details(document: AgendaDocument) -> tuple[str, ...]:
    when = format_long_date(document.date)
    lines = [f"{when[:1].upper()}{when[1:]} · {format_time(document.starts)}–{format_time(document.ends)}"]
    if document.location:
        lines.append(document.location)
    if document.therapists:
        from babel.lists import format_list

        names = format_list(list(document.therapists), locale=LANGUAGES[document.language])
        lines.append(_("Led by: {names}").format(names=names))
    return tuple(lines)


def _sections(document: AgendaDocument) -> tuple[Section, ...]:
    if document.module_title:
        topic = (Paragraph(_("Topic: {title}").format(title=document.topic_title), strong=True),) if document.topic_title else ()
        sections = [Section(document.module_title, topic)]
    else:
        sections = [Section(_("Module"), (Paragraph(_("No module is planned for this session.")),))]
    schedule = Table(
        columns=(Column(_("Time"), 0.22), Column(_("Part"), 0.66), Column(_("Min."), 0.12, align="right")),
        rows=tuple((f"{format_time(p.starts)}–{format_time(p.ends)}", p.title, str(p.minutes)) for p in document.parts),
    )
    sections.append(Section(_("Agenda"), (schedule,)))
    if document.key_points:
        sections.append(Section(_("Key points"), (Bullets(document.key_points),)))
    if document.home_assignment:
        heading = _("Home assignment") if document.home_assignment_agreed else _("Home assignment (suggestion)")
        sections.append(Section(heading, (Paragraph(document.home_assignment),)))
    sections.append(Section(_("My step until next time"), (WritingSpace(min_lines=2 if document.participants else 3),), boxed=True))
    if document.participants:
        sign_in = Table(
            columns=(Column(_("Name"), 0.45), Column(_("Signature"), 0.55)),
            rows=tuple((name, "") for name in document.participants),
            writing_rows=True,
        )
        sections.append(Section(_("Sign-in list"), (sign_in,)))
    return tuple(sections)
