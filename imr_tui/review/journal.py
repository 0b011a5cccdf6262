"""Draft journal notes: a short note per participant, to paste into the patient record.

Every helsehjelp contact must be recorded in each participant's own journal; the app
drafts it from what is stored, the therapist edits it, and the record system stays the
legal record. A note is about one person, so it must never name another participant.
"""

from __future__ import annotations

from imr_tui.curriculum import Curriculum
from imr_tui.domain.records import SessionOverview, SessionParticipant
from imr_tui.i18n import _, format_short_date, format_time
from imr_tui.i18n.labels import attendance_label, follow_up_label


def draft_note(overview: SessionOverview, person: SessionParticipant, curriculum: Curriculum) -> str:
    session = overview.session
    module = curriculum.module(session.module_id)
    topic = curriculum.topic(session.module_id, session.topic_id)
    lines = [
        _("IMR group session {date} {time}, {group}.").format(
            date=format_short_date(session.date), time=format_time(session.start_time), group=overview.group_name
        ),
        _("Attendance: {status}.").format(status=attendance_label(person.attendance).split(" ", 1)[-1]),
    ]
    if module:
        subject = f"{module.number}. {module.title}" + (f": {topic.title}" if topic else "")
        lines.append(_("Module: {subject}.").format(subject=subject))
    if person.step_due:
        result = follow_up_label(person.step_due.follow_up).split(" ", 1)[-1]
        lines.append(_("Step from last time: {step} ({result}).").format(step=person.step_due.text, result=result))
        if person.step_due.follow_up_note:
            lines.append(person.step_due.follow_up_note)
    if person.next_step:
        lines.append(_("Next step: {step}.").format(step=person.next_step.text))
    assignment = person.own_assignment or overview.home_assignment
    if assignment:
        lines.append(_("Home assignment: {text}").format(text=assignment))
    return "\n".join(lines) + "\n"


def other_participants_named(text: str, person: SessionParticipant, others: list[SessionParticipant]) -> list[str]:
    """The other participants a note mentions by full name, first name (with or without the
    initial of the last), or an alias longer than initials; in any case, with or without diacritics."""
    from imr_tui.privacy_names import Person, fold, named_people

    own = fold(person.name).split()
    people = [Person(other.id, other.name, other.alias) for other in others if other.id != person.id]
    found = {named.id for named in named_people(text, people, first_name=True, ignore=own)}
    aliases = [Person(other.id, other.alias) for other in others if other.id != person.id and len(other.alias.strip()) > 2]
    found |= {named.id for named in named_people(text, aliases, ignore=own)}
    return [other.name for other in others if other.id in found]
