"""The plain, read-only data of a person's goals, steps and IMR Scale ratings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ParticipantRef:
    id: int
    name: str
    alias: str

    def display_name(self, presenting: bool) -> str:
        from imr_tui.privacy import shown_name

        return shown_name(self.name, self.alias, presenting)


@dataclass(frozen=True)
class FollowUpRecord:
    """How a step went, as followed up in a session (or on a day, outside a session)."""

    id: int
    session_id: int | None
    date: dt.date
    result: str
    """done, partly, not_done; empty when only a note was written."""
    note: str


@dataclass(frozen=True)
class StepRecord:
    id: int
    short_term_goal_id: int | None
    text: str
    status: str
    position: int
    set_on: dt.date
    """The session it was chosen in, or the day it was written down."""
    due_on: dt.date | None
    """The session it is due at, or the date given."""
    due_session_id: int | None
    follow_ups: tuple[FollowUpRecord, ...] = ()

    @property
    def tried(self) -> bool:
        """Followed up with a result: done, partly or not done. Every one counts as effort."""
        return self.status in {"done", "partly", "not_done"}


@dataclass(frozen=True)
class ShortTermGoalRecord:
    id: int
    goal_id: int
    text: str
    target_date: dt.date | None
    status: str
    position: int
    steps: tuple[StepRecord, ...] = ()


@dataclass(frozen=True)
class RevisionRecord:
    """An earlier wording of a recovery goal, kept when the person chose new words."""

    text: str
    why: str
    replaced_on: dt.date


@dataclass(frozen=True)
class RecoveryGoalRecord:
    id: int
    text: str
    why: str
    set_on: dt.date
    status: str
    short_term_goals: tuple[ShortTermGoalRecord, ...] = ()
    revisions: tuple[RevisionRecord, ...] = ()
    """Oldest first."""


@dataclass(frozen=True)
class ParticipantGoals:
    participant: ParticipantRef
    goals: tuple[RecoveryGoalRecord, ...]
    loose_steps: tuple[StepRecord, ...] = ()
    """Steps chosen while the person is still finding a goal: followed up all the same."""
    next_session_on: dt.date | None = None
    """The day of the person's next session after the day asked about: a new step's natural due date."""

    def all_steps(self) -> list[StepRecord]:
        steps = [step for goal in self.goals for short in goal.short_term_goals for step in short.steps]
        return steps + list(self.loose_steps)


@dataclass(frozen=True)
class ImrsRatingRecord:
    id: int
    rated_on: dt.date
    rater: str
    """participant or clinician: the two versions of the scale."""
    phase: str
    """start, during or end of the course."""
    note: str
    scores: dict[str, int | None] = field(default_factory=dict)
    """Item id -> score; None is "not applicable"; an item left out is not answered yet."""


@dataclass(frozen=True)
class GroupGoalRow:
    """One line of a group's goal overview: a person, their goal, their current step, how the last went."""

    participant: ParticipantRef
    goal: str | None
    current_step: str | None
    current_step_due: dt.date | None
    last_result: str | None
    last_result_on: dt.date | None
    steps_tried: int
    steps_done_or_partly: int
