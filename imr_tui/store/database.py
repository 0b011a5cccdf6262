"""Opening the database: check it, bring its schema up to date, hand out sessions.

This package is the only code that opens database sessions; screens and commands ask
the services in `imr_tui.store` for plain data.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect
from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError, OperationalError
from sqlmodel import Session

from imr_tui.errors import BadInputError, StoreUnavailable, UserError
from imr_tui.i18n import _
from imr_tui.store import schema
from imr_tui.store.location import DatabaseLocation, resolve_location

if TYPE_CHECKING:
    from imr_tui.store.backends import Backend

log = logging.getLogger(__name__)
# A table every imr-tui schema has had since the first one.
IMR_TUI_TABLE = "course_group"


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
    from imr_tui.store.backends import backend_for

    location = resolve_location(target)
    if location.path is not None and not upgrade and not location.path.exists():
        raise BadInputError(_("{path}: there is no database here; check the path (--db or IMR_TUI_DB)").format(path=location.path))
    backend = backend_for(location)
    backend.prepare()
    try:
        engine = backend.make_engine()
    except (ArgumentError, NoSuchModuleError) as error:
        raise BadInputError(
            _("--db: '{target}' is neither a file path nor a database URL that imr-tui can use ({error})").format(target=location.display, error=first_line(error))
        ) from None
    except ModuleNotFoundError as error:
        raise UserError(_("the database driver '{module}' is not installed").format(module=error.name)) from None
    try:
        _bring_up_to_date(engine, backend, upgrade=upgrade)
        backend.mark_ours(engine)
    except (UserError, BadInputError):
        engine.dispose()
        raise
    except OperationalError as error:
        engine.dispose()
        explained = backend.connection_error(error)
        if "locked" in first_line(error).lower() or "busy" in first_line(error).lower():
            # Another program is writing: a moment later it may well open (the app tries again).
            raise StoreUnavailable(explained.message) from None
        raise explained from None
    except DatabaseError as error:
        engine.dispose()
        raise UserError(_("{where} is damaged or not an imr-tui database ({reason}); nothing was changed").format(where=location.display, reason=first_line(error))) from None
    _opened[:] = [location]
    return Database(engine, location)


def _bring_up_to_date(engine: Engine, backend: Backend, *, upgrade: bool) -> None:
    with engine.connect() as connection:
        backend.probe(connection)
        revision = imr_tui_revision(connection)
    if not schema.needs_upgrade(revision):
        return
    if not upgrade:
        raise UserError(_("the database needs an upgrade to schema {head}; run: imr-tui db upgrade").format(head=schema.SCHEMA_HEAD))
    if revision is not None:
        copy = backend.backup_before_upgrade(revision)
        log.info("backed up schema %s before upgrading: %s", revision, Path(copy).name)
    with backend.migration_lock(engine):
        schema.upgrade(engine)


def imr_tui_revision(connection: Connection) -> str | None:
    """The stored schema version; None for an empty database; refuses another application's."""
    revision = schema.stored_revision(connection)
    if revision not in (None, schema.SCHEMA_HEAD) and IMR_TUI_TABLE not in inspect(connection).get_table_names():
        # Alembic is common: another application's version table is not ours.
        raise UserError(_("this database belongs to another application (its schema version {found} is not imr-tui's); nothing was changed").format(found=revision))
    return revision


_opened: list[DatabaseLocation] = []  # the database this process opened last, for the line a failure prints


def damaged_database_line(error: Exception) -> UserError:
    """A read or write that failed inside a command: which database, what SQLite said, what to do."""
    if _opened and _opened[-1].path is None:
        from imr_tui.store.backends import backend_for

        return backend_for(_opened[-1]).connection_error(error)  # a server that went away, not a damaged file
    where = _opened[-1].display if _opened else "?"
    reason = first_line(error)
    if "locked" in reason or "busy" in reason:
        return UserError(_("{where}: the database is busy in another window ({reason}); try again in a moment").format(where=where, reason=reason))
    return UserError(
        _("{where} cannot be read: {reason}; check it with: imr-tui db check, and put the newest backup back with: imr-tui restore BACKUP").format(where=where, reason=reason)
    )


def first_line(error: Exception) -> str:
    """The first line of what the driver said (never a URL: SQLAlchemy's own text is left out)."""
    original = getattr(error, "orig", None) or error
    return str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
