"""The SQLAlchemy engine, set up the same way for every connection."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event

from imr_tui.store.location import DatabaseLocation

BUSY_TIMEOUT_MS = 5000


def _configure_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets a second window read while the first writes; foreign keys are off by
    # default in SQLite; the busy timeout makes a second writer wait instead of failing.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    if _new_or_ours(cursor):
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _new_or_ours(cursor: Any) -> bool:
    """Switching to WAL rewrites the file's header: never on another application's database."""
    from imr_tui.store.ownership import APPLICATION_ID, LEGACY_TABLES

    if cursor.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID:
        return True
    tables = {row[0] for row in cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return not tables or LEGACY_TABLES <= tables  # new, or ours from before the marker


def make_sqlite_engine(location: DatabaseLocation) -> Engine:
    from imr_tui.store.encryption import engine_options  # SQLCipher when IMR_TUI_DB_KEY is set

    engine = create_engine(location.url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, **engine_options(location.path))
    event.listen(engine, "connect", _configure_sqlite_connection)
    return engine


def make_engine(location: DatabaseLocation) -> Engine:
    """The engine for a SQLite file or a database server, each set up its own way."""
    from imr_tui.store.backends import backend_for

    return backend_for(location).make_engine()
