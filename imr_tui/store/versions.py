"""Refusing an edit made to a row that someone else changed after it was read.

A form passes the version it read; the store compares it with the row's version in the
same transaction as the write. SQLAlchemy's own version check (see `models.base`) then
guards the short moment between that comparison and the UPDATE.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, SQLModel

from imr_tui.errors import BadInputError, UserError
from imr_tui.i18n import _
from imr_tui.store.database import Database

Row = TypeVar("Row", bound=SQLModel)


class ChangedElsewhere(UserError):
    """The row changed since the form read it (another window, another therapist)."""

    def __init__(self) -> None:
        super().__init__(_("this was changed in another window after you opened it; nothing was saved. Close this, open it again to see the change, then make your edit"))


def fetch(session: Session, model: type[Row], row_id: int, version: int | None, missing: str) -> Row:
    """The row with `row_id`, refused if it is gone or (when `version` is given) changed since."""
    row = session.get(model, row_id)
    if row is None:
        raise BadInputError(missing)
    if version is not None and row.version != version:
        raise ChangedElsewhere()
    return row


@contextmanager
def writing(database: Database) -> Iterator[Session]:
    """A transaction whose lost race with another writer reads as a clear message."""
    try:
        with database.transaction() as session:
            yield session
    except StaleDataError:
        raise ChangedElsewhere() from None
