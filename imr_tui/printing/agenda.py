"""The session agenda handout: what a participant takes home from one session.

`agenda_document` gathers the facts from the store and the curriculum in the active
language; `agenda_page` lays them out as a `Page` for the renderers. The handout is held
to one A4 sheet: when the topic's key points do not fit, the last ones are left out and the
sheet says so (the type never shrinks). Participants' names never appear on the handout:
asked for, they come on a sign-in sheet of its own, so the copies handed out carry none.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from imr_tui.curriculum import Curriculum, SessionStructure
from imr_tui.domain.vocabulary import SessionStatus
from imr_tui.i18n import LANGUAGES, _, current_language, format_long_date, format_time, ngettext, use_language
from imr_tui.planning.agenda import build_agenda
from imr_tui.printing.page import Bullets, Column, Page, Paragraph, Section, Table, WritingSpace, shortened

LAST_RESORT_LENGTHS = (600, 300, 150)
"""With every key point left out, texts are cut to these lengths until the handout fits its sheet."""

if TYPE_CHECKING:
    from imr_tui.domain.records import SessionOverview
    from imr_tui.domain.schedule_records import GroupPlan
    from imr_tui.store import Store


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
    """Names for the sign-in sheet; empty unless the therapist asked for names."""
    number: int | None = None
    """The session's place in the course (group sessions held or planned, cancelled ones left out)."""
    course_length: int | None = None
    next_date: dt.date | None = None
    next_starts: dt.time | None = None

    def page(self) -> Page:
        """The whole handout, as a preview shows it; on paper `pages()` keeps it to one sheet."""
        return agenda_page(self)

    def pages(self) -> tuple[Page, ...]:
        """The handout on one sheet, then the sign-in sheet when names were asked for."""
        handout = one_sheet(self)
        return (handout, sign_in_page(self)) if self.participants else (handout,)


def agenda_document(
    store: Store, curriculum: Curriculum, session_id: int, with_names: bool = False, show_group_name: bool = True,
    in_group_language: bool = False,
) -> AgendaDocument:
    """The agenda of one session, in the active language or, with `in_group_language`, the group's."""
    overview = store.sessions.overview(session_id)
    return agenda_from(overview, store.schedule.plan(overview.session.group_id), curriculum, with_names, show_group_name, in_group_language)


def agenda_from(
    overview: SessionOverview, plan: GroupPlan, curriculum: Curriculum, with_names: bool = False, show_group_name: bool = True,
    in_group_language: bool = False,
) -> AgendaDocument:
    """The agenda made from a session and its course plan already read (the app reads them through its store gateway)."""
    if in_group_language:
        with use_language(overview.group_language):
            return _in_course(_agenda(overview, curriculum, with_names, show_group_name), plan)
    return _in_course(_agenda(overview, curriculum, with_names, show_group_name), plan)


def _in_course(document: AgendaDocument, plan: GroupPlan) -> AgendaDocument:
    """The session's number in the course and when the group meets next."""
    sessions = [entry for entry in plan.entries if not entry.individual and entry.status != SessionStatus.CANCELLED]
    numbers = {entry.id: number for number, entry in enumerate(sessions, start=1)}
    later = [entry for entry in sessions if entry.date > document.date]
    return replace(
        document, number=numbers.get(document.session_id), course_length=len(sessions) or None,
        next_date=later[0].date if later else None, next_starts=later[0].start_time if later else None,
    )  # fmt: skip


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
        home_assignment=_for_the_group(overview.home_assignment, overview, with_names) or suggested,
        home_assignment_agreed=bool(overview.home_assignment),
        participants=tuple(person.name for person in overview.participants) if with_names else (),
    )


def _for_the_group(text: str, overview: SessionOverview, with_names: bool) -> str:
    """A handout carries no names unless asked for: a name typed into the text is printed as the alias or initials."""
    if with_names:
        return text
    from imr_tui.privacy_names import Person, replace_names

    return replace_names(text, [Person(person.id, person.name, person.alias) for person in overview.participants])


def _with_session_minutes(structure: SessionStructure, minutes: dict[str, int]) -> SessionStructure:
    """The structure with this session's own minutes per part, where the therapist changed them."""
    if not minutes:
        return structure
    parts = tuple(
        replace(part, group_minutes=minutes[part.id], individual_minutes=minutes[part.id]) if part.id in minutes else part
        for part in structure.parts
    )
    return replace(structure, parts=parts)


def agenda_page(document: AgendaDocument, key_points: int | None = None) -> Page:
    """The handout; with `key_points`, only the first so many key points, and a line saying the rest are left out."""
    with use_language(document.language):
        return Page(
            language=document.language,
            kicker=_("Session agenda"),
            title=document.group_name or _("IMR group"),
            details=_details(document),
            sections=_sections(document, key_points),
            metadata_title=" – ".join(filter(None, (_("Agenda"), document.group_name, document.date.isoformat()))),
        )


def one_sheet(document: AgendaDocument) -> Page:
    """The handout as it fits one A4 sheet: key points are left out from the end until it does.

    Only a handout with absurdly long texts even then has them cut short (ending in "…").
    """
    from imr_tui.printing.pdf import sheet_counts

    def fits(page: Page) -> bool:
        return sheet_counts((page,))[0] <= 1

    page = agenda_page(document)
    if fits(page):
        return page
    low, high = 0, len(document.key_points) - 1  # the most key points that fit lie in low..high; fewer is never longer
    while low < high:
        middle = (low + high + 1) // 2
        if fits(agenda_page(document, key_points=middle)):
            low = middle
        else:
            high = middle - 1
    page = agenda_page(document, key_points=low)
    if fits(page):
        return page
    for limit in LAST_RESORT_LENGTHS:
        page = shortened(page, limit)
        if fits(page):
            break
    return page


def sign_in_page(document: AgendaDocument) -> Page:
    """The sign-in list on a sheet of its own: it stays with the therapists, never on a copy handed out."""
    with use_language(document.language):
        when = format_long_date(document.date)
        sign_in = Table(
            columns=(Column(_("Name"), 0.45), Column(_("Signature"), 0.55)),
            rows=tuple((name, "") for name in document.participants),
            writing_rows=True,
        )
        return Page(
            language=document.language,
            kicker=_("Sign-in sheet"),
            title=document.group_name or _("IMR group"),
            details=(f"{when[:1].upper()}{when[1:]} · {format_time(document.starts)}–{format_time(document.ends)}", _("Contains names: for the therapists' files, not for handing out.")),
            sections=(Section(_("Sign-in list"), (sign_in,)),),
            metadata_title=" – ".join(filter(None, (_("Sign-in sheet"), document.group_name, document.date.isoformat()))),
        )


def _details(document: AgendaDocument) -> tuple[str, ...]:
    when = format_long_date(document.date)
    first = f"{when[:1].upper()}{when[1:]} · {format_time(document.starts)}–{format_time(document.ends)}"
    if document.number and document.course_length:
        first += " · " + _("session {number} of {count}").format(number=document.number, count=document.course_length)
    lines = [first]
    if document.location:
        lines.append(document.location)
    if document.therapists:
        from babel.lists import format_list

        names = format_list(list(document.therapists), locale=LANGUAGES[document.language])
        lines.append(_("Led by: {names}").format(names=names))
    if document.next_date:
        time = f" {format_time(document.next_starts)}" if document.next_starts else ""
        lines.append(_("Next session: {when}").format(when=format_long_date(document.next_date) + time))
    return tuple(lines)


def _sections(document: AgendaDocument, key_points: int | None) -> tuple[Section, ...]:
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
        shown = document.key_points if key_points is None else document.key_points[:key_points]
        blocks: list = [Bullets(shown)] if shown else []
        left_out = len(document.key_points) - len(shown)
        if left_out:
            note = ngettext(
                "{count} more key point is left out to keep the agenda on one sheet; the therapist has it.",
                "{count} more key points are left out to keep the agenda on one sheet; the therapist has them.", left_out,
            )  # fmt: skip
            blocks.append(Paragraph(note.format(count=left_out)))
        sections.append(Section(_("Key points"), tuple(blocks)))
    if document.home_assignment:
        heading = _("Home assignment") if document.home_assignment_agreed else _("Home assignment (suggestion)")
        sections.append(Section(heading, (Paragraph(document.home_assignment),)))
    sections.append(Section(_("My step until next time"), (WritingSpace(min_lines=2, fills_sheet=True),), boxed=True))
    return tuple(sections)
