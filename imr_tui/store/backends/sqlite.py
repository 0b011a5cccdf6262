"""A SQLite file: owner-only, WAL, SQLite's own integrity check and online backup."""

from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from imr_tui.errors import BadInputError, UserError
from imr_tui.i18n import _
from imr_tui.store.location import DatabaseLocation, prepare_sqlite_file
from imr_tui.store.ownership import Kind, inspect_file


def refuse_unless_ours(path: Path) -> None:
    """Before SQLite opens `path` for writing: another application's file, a damaged one or a newer schema is refused, untouched."""
    from imr_tui.store import schema

    facts = inspect_file(path)
    if facts.kind is Kind.FOREIGN:
        raise UserError(_("{path} belongs to another application (it is not an imr-tui database); nothing was changed").format(path=path))
    if facts.kind is Kind.DAMAGED:
        raise UserError(
            _("{path} is damaged ({reason}); nothing was changed; put the newest backup back with: imr-tui restore BACKUP --db {path}").format(path=path, reason=facts.reason)
        )
    if facts.kind is Kind.OURS:
        schema.needs_upgrade(facts.revision)  # refuses a newer schema before any connection can switch it to WAL


class SqliteBackend:
    def __init__(self, location: DatabaseLocation) -> None:
        assert location.path is not None
        self.location = location
        self.path: Path = location.path

    def prepare(self) -> None:
        if not prepare_sqlite_file(self.path):
            refuse_unless_ours(self.path)

    def mark_ours(self, engine: Engine) -> None:
        from imr_tui.store.ownership import stamp

        with engine.connect() as connection:
            stamp(connection.connection.dbapi_connection)  # type: ignore[arg-type]
            connection.commit()

    def make_engine(self) -> Engine:
        from imr_tui.store.engine import make_sqlite_engine

        return make_sqlite_engine(self.location)

    def probe(self, connection: Connection) -> None:
        # Reads the first pages: a truncated or scrambled file fails here, before any write.
        connection.execute(text("SELECT count(*) FROM sqlite_master")).scalar()

    def connection_error(self, error: Exception) -> UserError:
        from imr_tui.store.database import first_line

        return UserError(_("cannot open the database {where}: {reason}").format(where=self.location.display, reason=first_line(error)))

    def integrity_problems(self, connection: Connection) -> list[str]:
        rows = [row[0] for row in connection.execute(text("PRAGMA integrity_check")).all()]
        return [] if rows == ["ok"] else rows

    def migration_lock(self, engine: Engine) -> AbstractContextManager[None]:
        return nullcontext()  # a migration is one SQLite write transaction: the file lock serialises it

    def backup_before_upgrade(self, revision: str) -> str:
        from imr_tui.store.backup import backup_before_upgrade

        return backup_before_upgrade(self.path, revision).name

    def default_backup_path(self) -> Path:
        return self.path.with_name(f"{self.path.stem}-backup-{dt.datetime.now():%Y%m%d-%H%M%S}{self.path.suffix}")

    def backup(self, target: Path) -> None:
        from imr_tui.store.backup import backup_sqlite
        from imr_tui.store.database import open_database

        if not self.path.exists():
            raise BadInputError(_("{path}: there is no database to back up").format(path=self.path))
        open_database(str(self.path), upgrade=False).close()  # refuses a file that is not an imr-tui database
        backup_sqlite(self.path, target)

    def check_backup(self, file: Path) -> str:
        from imr_tui.store.restore import check_backup

        return check_backup(file)

    def restore(self, file: Path) -> str | None:
        from imr_tui.store.restore import restore_sqlite

        kept = restore_sqlite(file, self.path)
        return str(kept) if kept is not None else None
