"""The plain, read-only data that screens and commands receive from the store."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class TherapistRef:
    id: int
    name: str
    role: str


@dataclass(frozen=True)
class SessionSummary:
    id: int
    group_id: int
    date: dt.date
    start_time: dt.time
    minutes: int
    module_id: str | None
    topic_id: str | None
    status: str


@dataclass(frozen=True)
class GroupOverview:
    """One line of the first screen: a group and its session today or next."""

    id: int
    name: str
    location: str
    status: str
    therapists: tuple[TherapistRef, ...]
    active_participants: int
    next_session: SessionSummary | None
    sessions_held: int
    sessions_planned: int


@dataclass(frozen=True)
class EnrolledParticipant:
    id: int
    name: str
    alias: str
    needs_pickup: bool
    joined_on: dt.date
    left_on: dt.date | None
    leave_reason: str

    @property
    def active(self) -> bool:
        return self.left_on is None


@dataclass(frozen=True)
class GroupDetail:
    id: int
    name: str
    location: str
    status: str
    cadence: str
    weekdays: tuple[int, ...]
    start_date: dt.date
    start_time: dt.time
    session_minutes: int
    therapists: tuple[TherapistRef, ...]
    participants: tuple[EnrolledParticipant, ...]
    sessions: tuple[SessionSummary, ...]


@dataclass(frozen=True)
class StepInfo:
    id: int
    text: str
    status: str
    follow_up: str | None
    """The result recorded in this session (done, partly, not done), if any."""
    follow_up_note: str


@dataclass(frozen=True)
class SessionParticipant:
    id: int
    name: str
    alias: str
    needs_pickup: bool
    attendance: str | None
    picked_up: bool
    step_due: StepInfo | None = None
    """The step the person chose last time, followed up in this session."""
    next_step: StepInfo | None = None
    """The step chosen in this session, for next time."""
    own_assignment: str = ""
    """A home assignment of their own, where it differs from the group's."""

    def display_name(self, presenting: bool) -> str:
        from imr_tui.privacy import shown_name

        return shown_name(self.name, self.alias, presenting)


@dataclass(frozen=True)
class SessionOverview:
    session: SessionSummary
    group_name: str
    group_location: str
    group_language: str
    """The language of the group's handouts."""
    therapists: tuple[TherapistRef, ...]
    participants: tuple[SessionParticipant, ...]
    home_assignment: str
    notes: str
    part_minutes: dict[str, int]
    timer_state: str
    next_session_id: int | None


@dataclass(frozen=True)
class AttendanceMark:
    """One person's mark for one session: the status (None: not marked) and whether they were picked up."""

    status: str | None
    picked_up: bool = False
