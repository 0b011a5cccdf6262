"""What was typed into a form and not saved yet, kept in the database so a crash loses none of it.

It lives beside everything else the therapist types (encrypted with it, exported, erased and
logged with the person it is about), never in a file of its own.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

from imr_tui.models.base import utc_now


class FormDraft(SQLModel, table=True):
    __tablename__ = "form_draft"

    id: int | None = Field(default=None, primary_key=True)
    form: str = Field(unique=True)
    """The form and its record: `group-7`, `group-3-enrolment-12`, `group-3-new`."""
    participant_id: int | None = Field(default=None, foreign_key="participant.id", index=True, ondelete="CASCADE")
    """The person the form is about, when it is about one: their draft goes when they are erased."""
    field_values: str
    """The fields as typed, as JSON (field id -> value)."""
    updated_at: dt.datetime = Field(default_factory=utc_now, nullable=False)
