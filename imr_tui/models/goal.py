"""A participant's recovery goal, its short-term goals and the steps towards them."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field

from imr_tui.models.base import Versioned
from imr_tui.models.vocabulary import GoalStatus, StepStatus


class RecoveryGoal(Versioned, table=True):
    __tablename__ = "recovery_goal"

    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id", index=True, ondelete="CASCADE")
    text: str
    """The goal in the participant's own words."""
    why: str = ""
    """Why it matters to them: the inner motivation."""
    set_on: dt.date
    status: str = GoalStatus.ACTIVE


class ShortTermGoal(Versioned, table=True):
    __tablename__ = "short_term_goal"

    id: int | None = Field(default=None, primary_key=True)
    goal_id: int = Field(foreign_key="recovery_goal.id", index=True, ondelete="CASCADE")
    text: str
    target_date: dt.date | None = None
    status: str = GoalStatus.ACTIVE
    position: int = 0


class Step(Versioned, table=True):
    """A step small enough to do before the next session: the person's home assignment."""

    id: int | None = Field(default=None, primary_key=True)
    short_term_goal_id: int | None = Field(default=None, foreign_key="short_term_goal.id", index=True, ondelete="CASCADE")
    """None while the person is still finding their goal: the step is followed up all the same."""
    participant_id: int = Field(foreign_key="participant.id", index=True, ondelete="CASCADE")
    text: str
    set_in_session_id: int | None = Field(default=None, foreign_key="group_session.id", index=True, ondelete="SET NULL")
    due_session_id: int | None = Field(default=None, foreign_key="group_session.id", index=True, ondelete="SET NULL")
    due_date: dt.date | None = None
    status: str = StepStatus.PLANNED
    position: int = 0


class StepFollowUp(Versioned, table=True):
    """What happened with a step, as followed up in a session."""

    __tablename__ = "step_follow_up"

    id: int | None = Field(default=None, primary_key=True)
    step_id: int = Field(foreign_key="step.id", index=True, ondelete="CASCADE")
    session_id: int | None = Field(default=None, foreign_key="group_session.id", index=True, ondelete="SET NULL")
    result: str
    note: str = ""
