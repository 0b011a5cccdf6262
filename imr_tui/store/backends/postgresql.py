"""A PostgreSQL database shared by a service: connection errors in plain words, the
server's catalogue for the integrity check, pg_dump for backups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from imr_tui.errors import BadInputError, UserError
from imr_tui.i18n import _
from imr_tui.store.backends import pg_tools
from imr_tui.store.location import DatabaseLocation

CONNECT_TIMEOUT_S = 10
# Any fixed number, the same in every imr-tui: the advisory lock taken while migrating.
MIGRATION_LOCK_KEY = 0x1A7_7E1


class PostgresBackend:
    def __init__(self, location: DatabaseLocation) -> None:
        self.location = location
        self.url = make_url(location.url)

    def prepare(self) -> None:
        if not self.url.database:
            raise BadInputError(_("--db: the URL names no database; end it with /database, as in postgresql+psycopg://user:password@host:5432/imr"))

    def mark_ours(self, engine: Engine) -> None:
        pass  # a server database has no header: its store_info table is the marker

    def make_engine(self) -> Engine:
        return create_engine(
            self.location.url,
            pool_pre_ping=True,  # a window left open overnight gets a fresh connection, not an error
            # UTC on every connection: times read back the same whatever the server's own zone.
            connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "imr-tui", "options": "-c timezone=UTC"},
        )

    def probe(self, connection: Connection) -> None:
        connection.execute(text("SELECT 1")).scalar()

    def connection_error(self, error: Exception) -> UserError:
        from imr_tui.store.backends.pg_errors import explain_connection_error

        return explain_connection_error(error, self.url, self.location.display)

    def integrity_problems(self, connection: Connection) -> list[str]:
        from imr_tui.store.backends.pg_integrity import integrity_problems

        return integrity_problems(connection)

    @contextmanager
    def migration_lock(self, engine: Engine) -> Iterator[None]:
        # A lock of the whole server session, on a connection of its own: the second window
        # waits here, and Alembic then finds the schema already at head.
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY})

    # -- backups ------------------------------------------------------------------------
    def backup_before_upgrade(self, revision: str) -> str:
        target = self._backup_file(f"schema-{revision}")
        pg_tools.dump(self.location.url, target)
        return str(target)

    def default_backup_path(self) -> Path:
        return self._backup_file("backup")

    def backup(self, target: Path) -> None:
        from imr_tui.store.database import open_database

        open_database(self.location.url, upgrade=False).close()  # refuses a database that is not imr-tui's
        pg_tools.dump(self.location.url, target)

    def check_backup(self, file: Path) -> str:
        from imr_tui.store.database import IMR_TUI_TABLE
        from imr_tui.store.schema import SCHEMA_HEAD, VERSION_TABLE, known_revisions

        tables = _dumped_tables(file)
        if VERSION_TABLE not in tables or IMR_TUI_TABLE not in tables:
            raise BadInputError(_("{path} is a dump of another application's database, not an imr-tui backup; nothing was changed").format(path=file))
        revision = pg_tools.stored_revision(file, VERSION_TABLE)
        if revision not in known_revisions():
            raise BadInputError(
                _("{path} was made by another version of imr-tui (schema {found}, this version knows up to {head}); nothing was changed").format(
                    path=file, found=revision or "?", head=SCHEMA_HEAD
                )
            )
        return revision

    def restore(self, file: Path) -> str | None:
        """Check the dump, dump the database it replaces, then swap the tables in one transaction."""
        from sqlmodel import SQLModel

        import imr_tui.models  # noqa: F401  (the tables imr-tui owns)
        from imr_tui.store.database import imr_tui_revision
        from imr_tui.store.schema import VERSION_TABLE

        self.check_backup(file)
        engine = self.make_engine()
        try:
            with engine.connect() as connection:
                revision = imr_tui_revision(connection)  # refuses another application's database
                present = set(inspect(connection).get_table_names())
        except OperationalError as error:
            raise self.connection_error(error) from None
        finally:
            engine.dispose()
        kept = None
        if revision is not None:
            target = self._backup_file("replaced")
            pg_tools.dump(self.location.url, target)
            kept = str(target)
        ours = present & (set(SQLModel.metadata.tables) | {VERSION_TABLE} | _dumped_tables(file))
        clear = "; ".join(f'DROP TABLE IF EXISTS "{table}" CASCADE' for table in sorted(ours)) or "SELECT 1"
        try:
            pg_tools.restore(self.location.url, file, clear)
        except UserError as error:
            raise UserError(_("the restore did not finish, so the database is as it was ({reason})").format(reason=error.message)) from None
        return kept

    def _backup_file(self, kind: str) -> Path:
        """`<data folder>/backups/<database>-<kind>-<time>.dump`, in a folder only the user can open."""
        from imr_tui.paths import data_dir, make_private_dir

        folder = make_private_dir(data_dir() / "backups")
        return folder / f"{self.url.database}-{kind}-{dt.datetime.now():%Y%m%d-%H%M%S}.dump"


def _dumped_tables(file: Path) -> set[str]:
    """The tables a dump creates, from pg_restore's list (`215; 1259 16390 TABLE public step imr`)."""
    tables = set()
    for line in pg_tools.table_of_contents(file).splitlines():
        words = line.split()
        if len(words) >= 6 and not line.startswith(";") and words[3] == "TABLE":
            tables.add(words[5])  # in whichever schema the database keeps them
    return tables
