"""Opening the database: check it, bring its schema up to date, hand out sessions.

This package is the only code that opens database sessions; screens and commands ask
the services in `imr_tui.store` for plain data.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError, NoSuchModuleError, OperationalError, ArgumentError
from sqlmodel import Session

from imr_tui.errors import BadInputError, UserError
from imr_tui.i18n import _
from imr_tui.store import schema
from imr_tui.store.backup import backup_before_upgrade
from imr_tui.store.engine import make_engine
from imr_tui.store.location import DatabaseLocation, prepare_sqlite_file, resolve_location

log = logging.getLogger(__name__)


class Database:
    """An open, up-to-date database."""

    def __init__(self, engine: Engine, location: DatabaseLocation) -> None:
        self.engine = engine
        self.location = location

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A unit of work: committed as a whole when the block ends, rolled back on error."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_database(target: str | None = None, *, upgrade: bool = True) -> Database:
    """Open (creating if new) the database at `target`: a path, a URL, or None for the default.

    An older schema is backed up and upgraded; a newer one, or a file that is not an
    imr-tui database, is refused with a clear message and left untouched.
    """
    location = resolve_location(target)
    if location.path is not None:
        prepare_sqlite_file(location.path)
    try:
        engine = make_engine(location)
    except (ArgumentError, NoSuchModuleError) as error:
        raise BadInputError(_("--db: '{target}' is neither a file path nor a database URL that imr-tui can use ({error})").format(target=target, error=error)) from None
    except ModuleNotFoundError as error:
        raise UserError(_("the database driver '{module}' is not installed").format(module=error.name)) from None
    try:
        _bring_up_to_date(engine, location, upgrade=upgrade)
    except (UserError, BadInputError):
        engine.dispose()
        raise
    except OperationalError as error:
        engine.dispose()
        raise UserError(_("cannot open the database {where}: {reason}").format(where=location.display, reason=_first_line(error))) from None
    except DatabaseError as error:
        engine.dispose()
        raise UserError(_("{where} is damaged or not an imr-tui database ({reason}); nothing was changed").format(where=location.display, reason=_first_line(error))) from None
    return Database(engine, location)


def _bring_up_to_date(engine: Engine, location: DatabaseLocation, *, upgrade: bool) -> None:
    with engine.connect() as connection:
        if location.path is not None:
            # Reads the first pages: a truncated or scrambled file fails here, before any write.
            connection.execute(text("SELECT count(*) FROM sqlite_master")).scalar()
        revision = schema.stored_revision(connection)
    if not schema.needs_upgrade(revision):
        return
    if not upgrade:
        raise UserError(_("the database needs an upgrade to schema {head}; run: imr-tui db upgrade").format(head=schema.SCHEMA_HEAD))
    if revision is not None and location.path is not None:
        copy = backup_before_upgrade(location.path, revision)
        log.info("backed up schema %s before upgrading: %s", revision, copy.name)
    schema.upgrade(engine)


def _first_line(error: Exception) -> str:
    original = getattr(error, "orig", None) or error
    return str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
