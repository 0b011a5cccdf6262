"""Refusing an edit made to a row that someone else changed after it was read.

A form passes the version it read; the store compares it with the row's version in the
same transaction as the write. SQLAlchemy's own version check (see `models.base`) then
guards the short moment between that comparison and the UPDATE.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, SQLModel

from imr_tui.domain.conflicts import ChangedElsewhere
from imr_tui.errors import BadInputError
from imr_tui.store.database import Database

Row = TypeVar("Row", bound=SQLModel)
T = TypeVar("T")




def fetch(session: Session, model: type[Row], row_id: int, version: int | None, missing: str) -> Row:
    """The row with `row_id`, refused if it is gone or (when `version` is given) changed since."""
    row = session.get(model, row_id)
    if row is None:
        raise BadInputError(missing)
    if version is not None and row.version != version:
        raise ChangedElsewhere(model.__tablename__, row.model_dump(), row.version)
    return row


def last_writer_wins(database: Database, write: Callable[[Session], T], attempts: int = 3) -> T:
    """Run `write` in a transaction, again on fresh data if its commit lost a race with another window.

    For a single choice (a mark, a date, a score), where the latest choice is the one meant:
    the race is a changed version, or the other window inserted the same row first.
    """
    attempt = 1
    while True:
        try:
            with database.transaction() as session:
                return write(session)
        except (StaleDataError, IntegrityError):
            if attempt == attempts:
                raise
            attempt += 1


@contextmanager
def writing(database: Database) -> Iterator[Session]:
    """A transaction whose lost race with another writer reads as a clear message."""
    try:
        with database.transaction() as session:
            yield session
    except StaleDataError:
        raise ChangedElsewhere() from None
