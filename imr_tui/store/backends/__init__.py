"""What differs between the two database engines, one module each.

The rest of the store speaks SQLAlchemy and does not care which engine it talks to;
what does differ (checks before connecting, connection set-up, translating connection
errors, the integrity check, backups and restores) lives behind `Backend`, chosen once
from the location by `backend_for`.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

from sqlalchemy import Connection, Engine

from imr_tui.errors import BadInputError, UserError
from imr_tui.i18n import _
from imr_tui.store.location import DatabaseLocation


class Backend(Protocol):
    location: DatabaseLocation

    def prepare(self) -> None:
        """Checks before the first connection (a file's folder and header)."""

    def make_engine(self) -> Engine: ...

    def mark_ours(self, engine: Engine) -> None:
        """Leave imr-tui's own marker on an open, up-to-date database (for SQLite, the header's application id)."""

    def probe(self, connection: Connection) -> None:
        """A first read that fails on a damaged database before anything is written."""

    def connection_error(self, error: Exception) -> UserError:
        """One clear line for a database that cannot be opened."""

    def integrity_problems(self, connection: Connection) -> list[str]:
        """What the engine's own checks found wrong; empty when all is well."""

    def migration_lock(self, engine: Engine) -> AbstractContextManager[None]:
        """Held while the schema is upgraded, so two windows opening a new database do not both migrate it."""

    def backup_before_upgrade(self, revision: str) -> str:
        """A copy of the database as it is, made before its schema is upgraded; where it went."""

    def default_backup_path(self) -> Path: ...

    def backup(self, target: Path) -> None:
        """Write a backup to `target` (which does not exist yet)."""

    def check_backup(self, file: Path) -> str:
        """The schema version of a backup this engine can restore; a clear error otherwise."""

    def restore(self, file: Path) -> str | None:
        """Replace the database with a checked backup; where the replaced one was kept."""


def backend_for(location: DatabaseLocation) -> Backend:
    """The backend for the location's engine; a clear error for an engine imr-tui does not use."""
    if location.engine_name == "sqlite" and location.path is not None:
        from imr_tui.store.backends.sqlite import SqliteBackend

        return SqliteBackend(location)
    if location.engine_name == "postgresql":
        from imr_tui.store.backends.postgresql import PostgresBackend

        return PostgresBackend(location)
    raise BadInputError(
        _("--db: '{target}' is not a database imr-tui can use; give a SQLite file path or a PostgreSQL URL such as postgresql+psycopg://user:password@host:5432/imr").format(
            target=location.display
        )
    )
