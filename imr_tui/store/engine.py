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
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def make_engine(location: DatabaseLocation) -> Engine:
    if location.path is not None:
        engine = create_engine(location.url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _configure_sqlite_connection)
        return engine
    return create_engine(location.url, pool_pre_ping=True)
