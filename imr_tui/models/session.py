"""Sessions of a group, what each participant's attendance was, and home assignments."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field

from imr_tui.models.base import Versioned
from imr_tui.models.vocabulary import SessionStatus


class GroupSession(Versioned, table=True):
    __tablename__ = "group_session"
    __table_args__ = (Index("ix_group_session_group_date", "group_id", "date"),)

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="course_group.id", ondelete="CASCADE")
    participant_id: int | None = Field(default=None, foreign_key="participant.id", index=True, ondelete="CASCADE")
    """Set for an individual meeting (module 1 is done one to one); None for the group."""
    date: dt.date = Field(index=True)
    start_time: dt.time
    minutes: int = 60
    module_id: str | None = None
    """The curriculum's stable module id (never its number, which differs between orders)."""
    topic_id: str | None = None
    status: str = SessionStatus.PLANNED
    cancel_reason: str = ""
    part_minutes: str = ""
    """This session's own minutes per agenda part, as JSON {part_id: minutes}; empty means the curriculum's."""
    timer_state: str = ""
    """The agenda timer (current part, time used), as JSON, so a restart resumes where it was."""
    notes: str = ""
    home_assignment: str = ""
    """The home assignment agreed for the whole group."""


class Attendance(Versioned, table=True):
    __table_args__ = (UniqueConstraint("session_id", "participant_id"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="group_session.id", index=True, ondelete="CASCADE")
    participant_id: int = Field(foreign_key="participant.id", index=True, ondelete="CASCADE")
    status: str
    picked_up: bool = False
    note: str = ""


class HomeAssignment(Versioned, table=True):
    """A participant's own home assignment where it differs from the group's."""

    __tablename__ = "home_assignment"
    __table_args__ = (UniqueConstraint("session_id", "participant_id"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="group_session.id", index=True, ondelete="CASCADE")
    participant_id: int = Field(foreign_key="participant.id", index=True, ondelete="CASCADE")
    text: str
