"""Writing the rows: one bulk insert per table, all in one transaction."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from sqlmodel import SQLModel

from dataset.tables import INSERT_ORDER, Tables
from imr_tui.models.store_info import DEMO_KEY
from imr_tui.store import Store

BENCHMARK_VALUE = "benchmark"
"""Stored under the key the demo uses, so a generated file is known and may be replaced."""


def write(store: Store, tables: Tables) -> None:
    metadata = SQLModel.metadata
    with store.database.transaction() as session:
        connection = session.connection()
        for name in INSERT_ORDER:
            if tables.rows[name]:
                connection.execute(metadata.tables[name].insert(), tables.rows[name])
        mark_as_benchmark(connection)


def mark_as_benchmark(connection) -> None:
    connection.execute(SQLModel.metadata.tables["store_info"].insert(), [{"key": DEMO_KEY, "value": BENCHMARK_VALUE}])


def is_benchmark_file(path: Path) -> bool:
    """Whether the SQLite file at `path` was made by the generator; read-only, whatever its schema version."""
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as connection:
            row = connection.execute("SELECT value FROM store_info WHERE key = ?", (DEMO_KEY,)).fetchone()
    except sqlite3.DatabaseError:
        return False
    return row is not None and row[0] == BENCHMARK_VALUE
