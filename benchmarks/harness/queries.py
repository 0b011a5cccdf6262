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


SCREENS = ("today", "session", "register", "goals", "service_plan")
"""The data loads counted, in the order the table shows them."""


def measure_loads(path: Path, today: dt.date, repeat: int) -> dict:
    """Statements and milliseconds for the Today screen and for the screens its first row opens."""
    from imr_tui.service_plan import load_template
    from imr_tui.store import open_store

    store = open_store(str(path))
    try:
        groups = store.groups.overview(today)  # also opens the pooled connection, outside the count
        if store.groups.today_overview(today) != groups:
            raise SystemExit(f"run.py: the Today statement (today_overview.sql) and groups.overview differ on {path.name}")
        group = first_row(groups, today)
        session_id = group.next_session.id
        participant_id = next(person.id for person in store.groups.detail(group.id).participants if person.active)
        template = load_template()
        loads: dict[str, Callable[[], object]] = {
            "today": lambda: today_load(store, today),
            "session": lambda: store.sessions.overview(session_id),
            "register": lambda: store.attendance.register(group.id),
            "goals": lambda: (store.goals.group_overview(group.id, today), store.goals.participant_goals(participant_id, today)),
            "service_plan": lambda: (store.service_plans.group_statuses(group.id, today, template), store.service_plans.plan(participant_id, template)),
        }
        return {name: _measure(store.database.engine, loads[name], repeat) for name in SCREENS}
    finally:
        store.close()


def today_load(store, today: dt.date) -> None:
    """What the Today screen loads: its list (the one statement), then the registers that show who is drifting."""
    groups = store.groups.today_overview(today)
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
