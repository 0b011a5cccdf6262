"""The plain data the planning screens and the `schedule` command receive from the store.

Every record a form may edit carries the `version` it was read at: the store refuses an
edit when the row has changed since, so two windows never overwrite each other unseen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from imr_tui.planning.drafts import GroupDraft

FIDELITY_GROUP_SIZE = 8
"""The IMR fidelity scale gives full marks to groups of eight or fewer."""


@dataclass(frozen=True)
class TherapistRecord:
    id: int
    name: str


@dataclass(frozen=True)
class GroupListItem:
    """One line of the groups screen."""

    id: int
    version: int
    name: str
    location: str
    status: str
    cadence: str
    weekdays: tuple[int, ...]
    start_date: dt.date
    end_date: dt.date | None
    therapists: tuple[str, ...]
    active_participants: int
    sessions: int
    archived: bool


@dataclass(frozen=True)
class GroupSettings:
    """A group as the form edits it."""

    id: int
    version: int
    draft: GroupDraft
    has_sessions: bool


@dataclass(frozen=True)
class ParticipantRecord:
    id: int
    version: int
    name: str
    alias: str
    needs_pickup: bool


@dataclass(frozen=True)
class EnrolmentRecord:
    """A participant's place in a group; someone who left and rejoined has one per period."""

    id: int
    version: int
    participant: ParticipantRecord
    joined_on: dt.date
    left_on: dt.date | None
    leave_reason: str
    decision_reference: str

    @property
    def active(self) -> bool:
        return self.left_on is None


@dataclass(frozen=True)
class EnrolResult:
    enrolment_id: int
    participant_id: int
    active_participants: int
    individual_meetings: int
    """Module 1 meetings planned for the person by this enrolment."""

    @property
    def over_fidelity_size(self) -> bool:
        return self.active_participants > FIDELITY_GROUP_SIZE


@dataclass(frozen=True)
class PlanEntry:
    """One session in the plan: a group session, or an individual meeting (participant set)."""

    id: int
    version: int
    date: dt.date
    start_time: dt.time
    minutes: int
    module_id: str | None
    topic_id: str | None
    status: str
    cancel_reason: str
    participant_id: int | None = None
    participant_alias: str = ""

    @property
    def individual(self) -> bool:
        return self.participant_id is not None


@dataclass(frozen=True)
class GroupPlan:
    group_id: int
    name: str
    location: str
    cadence: str
    weekdays: tuple[int, ...]
    therapists: tuple[str, ...]
    entries: tuple[PlanEntry, ...]
    language: str = "nb"
    """The language of the group's handouts."""


@dataclass(frozen=True)
class ClosedPeriodRecord:
    id: int
    group_id: int | None
    """None: the whole service is closed (all groups)."""
    starts_on: dt.date
    ends_on: dt.date
    label: str


@dataclass(frozen=True)
class RowState:
    """One planned session's place and content, as an edit left it or found it (for undo)."""

    id: int
    date: dt.date
    start_time: dt.time
    module_id: str | None
    topic_id: str | None
    status: str
    cancel_reason: str


@dataclass(frozen=True)
class PlanChange:
    """What a schedule edit did, and what the therapist should know about it."""

    changed_sessions: int
    added_sessions: int = 0
    removed_sessions: int = 0
    warnings: tuple[str, ...] = ()
    before: tuple[RowState, ...] = ()
    """The sessions the edit changed, as they were; an undo puts them back."""
    after: tuple[RowState, ...] = ()
    """The same sessions (and any it added) as the edit left them; an undo checks them first."""
    cut_modules: tuple[str, ...] = ()
    """Ids of group modules the end date leaves no room for, wholly or in part."""


@dataclass(frozen=True)
class Namesake:
    """Someone already stored under the name being typed, and the groups they are in or were in."""

    participant: ParticipantRecord
    groups: tuple[str, ...]
