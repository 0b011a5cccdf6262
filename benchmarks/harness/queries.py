"""How many SQL statements a screen's data load issues, and how long it takes.

A screen must load with a bounded number of queries whatever the history, so the
counts on the demo and on the large database must be equal.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, event

from harness.databases import first_row
from harness.stats import summary


@contextmanager
def counting_statements(engine: Engine) -> Iterator[list[str]]:
    statements: list[str] = []

    def note(_connection, _cursor, statement, _parameters, _context, _executemany) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", note)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", note)


def measure_loads(path: Path, today: dt.date, repeat: int) -> dict:
    """Statements and milliseconds for the Today screen and for the session Enter opens there."""
    from imr_tui.store import open_store

    store = open_store(str(path))
    try:
        groups = store.groups.overview(today)  # also opens the pooled connection, outside the count
        session_id = first_row(groups, today).next_session.id
        loads: dict[str, Callable[[], object]] = {
            "today": lambda: today_load(store, today),
            "session": lambda: store.sessions.overview(session_id),
        }
        return {name: _measure(store.database.engine, load, repeat) for name, load in loads.items()}
    finally:
        store.close()


def today_load(store, today: dt.date) -> None:
    """What the Today screen's worker loads: the overview, and the registers that show who is drifting."""
    groups = store.groups.overview(today)
    store.attendance.registers([group.id for group in groups if group.next_session is not None])


def _measure(engine: Engine, load: Callable[[], object], repeat: int) -> dict:
    with counting_statements(engine) as statements:
        load()
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        load()
        timings.append((time.perf_counter() - started) * 1000)
    return {"statements": len(statements), "ms": summary(timings, digits=2)}
