"""Draft journal notes: one per participant per held session, edited before it is copied
into the service's patient record system (which stays the legal record)."""

from __future__ import annotations

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from imr_tui.models.base import Versioned


class JournalNote(Versioned, table=True):
    __tablename__ = "journal_note"
    __table_args__ = (UniqueConstraint("session_id", "participant_id"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="group_session.id", index=True, ondelete="CASCADE")
    participant_id: int = Field(foreign_key="participant.id", index=True, ondelete="CASCADE")
    text: str
    """The therapist's edited draft; until edited, the draft is made afresh from what is stored."""
