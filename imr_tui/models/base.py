"""What every table shares: a version for safe concurrent edits, and timestamps."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import declared_attr
from sqlmodel import Field, SQLModel


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Versioned(SQLModel):
    """A record two windows may edit at once.

    SQLAlchemy adds `WHERE version = <what I read>` to every UPDATE and raises
    StaleDataError when another writer got there first, so no edit is overwritten unseen.
    """

    version: int = Field(default=1, nullable=False)
    created_at: dt.datetime = Field(default_factory=utc_now, nullable=False)
    updated_at: dt.datetime = Field(default_factory=utc_now, nullable=False)

    @declared_attr  # type: ignore[misc]
    def __mapper_args__(cls) -> dict[str, object]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]
