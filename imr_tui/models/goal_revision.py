"""Earlier wordings of a recovery goal: a person's goal changes as they find what they want."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field

from imr_tui.models.base import Versioned


class GoalRevision(Versioned, table=True):
    """The goal as it was worded before the person chose new words on `replaced_on`."""

    __tablename__ = "goal_revision"

    id: int | None = Field(default=None, primary_key=True)
    goal_id: int = Field(foreign_key="recovery_goal.id", index=True, ondelete="CASCADE")
    text: str
    why: str = ""
    replaced_on: dt.date
