"""The three databases measured: empty, the demo, and years of a busy service.

Each comes with the text that shows its first screen has its data: the empty-state
message, or the name of the group in the Today screen's first row.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from harness.environment import on_screen

EMPTY_TEXT = on_screen("There are no groups yet. To try the app with fictional people, run: imr-tui demo").split(".")[0]
"""The first sentence of the Today screen's empty-state message."""


@dataclass(frozen=True)
class MeasuredDatabase:
    label: str
    path: Path
    ready_text: str
    counts: dict[str, int] = field(default_factory=dict)
    build_seconds: float = 0.0


def prepare(folder: Path, env: dict[str, str], imr_tui: str, years: int, seed: int, today: dt.date) -> dict[str, MeasuredDatabase]:
    from generate import generate

    empty = generate(folder / "empty.sqlite", empty=True, today=today)
    large = generate(folder / "large.sqlite", years=years, seed=seed, today=today)
    demo = folder / "demo.sqlite"
    built = subprocess.run([imr_tui, "demo", "--no-launch", "--db", str(demo)], env=env, capture_output=True, text=True)
    if built.returncode != 0:
        raise SystemExit(f"run.py: imr-tui demo failed: {built.stderr.strip()}")
    return {
        "empty": MeasuredDatabase("empty database", folder / "empty.sqlite", EMPTY_TEXT, empty["counts"], empty["seconds"]),
        "demo": MeasuredDatabase("demo database", demo, first_row_name(demo, today), table_counts(demo)),
        "large": MeasuredDatabase(
            f"{years}-year database", folder / "large.sqlite", first_row_name(folder / "large.sqlite", today),
            large["counts"], large["seconds"],
        ),  # fmt: skip
    }


def first_row_name(path: Path, today: dt.date) -> str:
    """The group the Today screen lists first: those meeting today come first, then by name."""
    from imr_tui.store import open_store

    store = open_store(str(path))
    try:
        groups = store.groups.overview(today)
    finally:
        store.close()
    return first_row(groups, today).name


def first_row(groups, today: dt.date):
    # The same order as imr_tui.screens.today; a change there shows up here as a timeout.
    return min(groups, key=lambda g: (not (g.next_session and g.next_session.date == today), g.next_session is None, g.name))


def table_counts(path: Path) -> dict[str, int]:
    from dataset.tables import INSERT_ORDER
    from sqlalchemy import func, select
    from sqlmodel import SQLModel

    from imr_tui.store import open_store

    store = open_store(str(path))
    try:
        with store.database.engine.connect() as connection:
            return {name: connection.execute(select(func.count()).select_from(SQLModel.metadata.tables[name])).scalar_one() for name in INSERT_ORDER}
    finally:
        store.close()
