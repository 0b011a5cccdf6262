"""What a planning form hands the store, and the rules that hold across its fields.

The form checks these before saving so the message appears at the right field; the store
checks them again, since a script or a second window could hand it anything.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from imr_tui.curriculum import Curriculum
from imr_tui.domain.vocabulary import Cadence, GroupStatus
from imr_tui.i18n import _, format_short_date
from imr_tui.planning.fields import LONGEST_SESSION, InvalidField, date_list_hint


@dataclass(frozen=True)
class GroupDraft:
    """A group as typed into the form: everything needed to create or update it."""

    name: str
    location: str
    start_date: dt.date
    end_date: dt.date | None
    start_time: dt.time
    session_minutes: int
    cadence: Cadence
    weekdays: tuple[int, ...] = ()
    """ISO weekdays (1 = Monday) for a weekly or fortnightly cadence."""
    dates: tuple[dt.date, ...] = ()
    """The meeting dates, for the cadence 'a list of dates'."""
    lead_id: int | None = None
    co_lead_id: int | None = None
    co_therapist_id: int | None = None
    """Often a former participant, with lived experience; optional."""
    status: GroupStatus = GroupStatus.PLANNED
    language: str = "nb"
    """The language of the group's handouts (agenda, schedule): the group's, not the therapist's."""

    @property
    def therapist_ids(self) -> tuple[int, ...]:
        return tuple(i for i in (self.lead_id, self.co_lead_id, self.co_therapist_id) if i is not None)


@dataclass(frozen=True)
class EnrolmentDraft:
    """A person and their place in a group, as typed into the enrolment form."""

    name: str
    alias: str
    needs_pickup: bool
    joined_on: dt.date
    decision_reference: str = ""
    participant_id: int | None = None
    """An existing participant (rejoining, or in another group); None adds a new person."""


def check_group_draft(draft: GroupDraft, minimum_minutes: int) -> None:
    """Raises InvalidField for the first field that breaks a rule."""
    problems = group_draft_problems(draft, minimum_minutes)
    if problems:
        raise problems[0]


def group_draft_problems(draft: GroupDraft, minimum_minutes: int) -> list[InvalidField]:
    """Every rule between fields that the draft breaks, so a form can mark them all at once."""
    problems: list[InvalidField] = []

    def problem(field: str, message: str) -> None:
        problems.append(InvalidField(field, message))

    if not draft.name.strip():
        problem("name", _("the group needs a name, such as 'Tuesday group Nydal'"))
    if draft.end_date is not None and draft.end_date <= draft.start_date:
        problem("end_date", _("the end date must come after the start date"))
    if not minimum_minutes <= draft.session_minutes <= LONGEST_SESSION:
        problem(
            "session_minutes",
            _("a whole number of minutes from {minimum} to {maximum}: the parts of a group session take {minimum} minutes").format(
                minimum=minimum_minutes, maximum=LONGEST_SESSION
            ),
        )
    if draft.cadence in (Cadence.WEEKLY, Cadence.FORTNIGHTLY) and not draft.weekdays:
        problem("weekdays", _("tick at least one weekday the group meets"))
    elif any(not 1 <= day <= 7 for day in draft.weekdays):
        problem("weekdays", _("weekdays are numbered 1 (Monday) to 7 (Sunday)"))
    if draft.cadence == Cadence.DATES:
        if not draft.dates:
            problem("dates", date_list_hint())
        elif draft.dates[0] < draft.start_date:
            problem("dates", _("the first date is before the start date {date}").format(date=format_short_date(draft.start_date)))
        elif draft.end_date and draft.dates[-1] > draft.end_date:
            problem("dates", _("the last date is after the end date {date}").format(date=format_short_date(draft.end_date)))
    if draft.lead_id is None:
        problem("lead", _("choose the therapist who leads the group; add a new one with ctrl+t"))
    elif len(set(draft.therapist_ids)) != len(draft.therapist_ids):
        problem("co_lead", _("choose two different therapists; the same person is chosen twice"))
    return problems


def check_enrolment_draft(draft: EnrolmentDraft) -> None:
    if not draft.name.strip():
        raise InvalidField("name", _("the participant needs a name; the alias is what shared screens show"))
    if len(draft.alias) > 20:
        raise InvalidField("alias", _("an alias or initials of at most 20 characters"))


def minimum_session_minutes(curriculum: Curriculum) -> int:
    """The shortest group session the curriculum allows: the sum of its parts' group minutes."""
    return sum(part.group_minutes for part in curriculum.structure.parts)
