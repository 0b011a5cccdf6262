"""The audit trail: who touched which record of which participant, and when; never what it said.

Rows are only ever added. `participant_id` is a plain number, not a foreign key, so the
trail outlives an erase and never cascades away with the records it describes.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

from imr_tui.models.base import utc_now


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=utc_now, index=True)
    actor: str
    """The therapist using the app (IMR_TUI_THERAPIST), or the user name they are logged in with."""
    action: str
    table_name: str
    record_id: str
    """The record's primary key as text."""
    participant_id: int | None = Field(default=None, index=True)
    """The participant the record belongs to, when it belongs to one."""
