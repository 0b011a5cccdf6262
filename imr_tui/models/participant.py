"""Participants and their enrolments in groups (a person can leave and rejoin)."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field

from imr_tui.models.base import Versioned


class Participant(Versioned, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    alias: str = ""
    """Initials or a chosen name, shown instead of the name when the screen is shared."""
    needs_pickup: bool = False
    language: str = "nb"


class Enrolment(Versioned, table=True):
    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="course_group.id", index=True, ondelete="CASCADE")
    participant_id: int = Field(foreign_key="participant.id", index=True, ondelete="CASCADE")
    joined_on: dt.date
    left_on: dt.date | None = None
    leave_reason: str = ""
    decision_reference: str = ""
    """The municipality's decision (vedtak) for the group place, where there is one."""
