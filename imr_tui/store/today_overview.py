"""The Today list as one SQL statement (`today_overview.sql`), and its rows made into records.

The first screen's data comes from this statement: run with Python's own `sqlite3` module by
the first reader (`first_reader.py`) before the ORM is imported, and through the engine
(`GroupService.today_overview`) once the store is open, on PostgreSQL too. It imports neither
SQLAlchemy nor the tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from imr_tui.domain.records import GroupOverview, SessionSummary, TherapistRef

ROLE_ORDER = {"lead": 0, "co_lead": 1, "co_therapist": 2}
"""Lead first, then co-lead, then co-therapists: the order the screen names them in."""


@cache
def statement() -> str:
    """The statement, with one parameter, `:today`."""
    return (Path(__file__).with_name("today_overview.sql")).read_text(encoding="utf-8")


def records(rows: Iterable[Sequence[Any]]) -> list[GroupOverview]:
    """The statement's rows (one per group and therapist, in the groups' order) as the screen's records."""
    groups: dict[int, list[Any]] = {}
    therapists: dict[int, list[TherapistRef]] = {}
    for row in rows:
        group_id = row[0]
        if group_id not in groups:
            groups[group_id] = list(row)
            therapists[group_id] = []
        if row[4] is not None:
            therapists[group_id].append(TherapistRef(id=row[4], name=row[5], role=row[6]))
    return [_record(row, therapists[group_id]) for group_id, row in groups.items()]


def _record(row: list[Any], therapists: list[TherapistRef]) -> GroupOverview:
    (group_id, name, location, status, _t, _n, _r, participants, held, planned,
     session_id, date, start_time, minutes, module_id, topic_id, session_status) = row  # fmt: skip
    next_session = None
    if session_id is not None:
        next_session = SessionSummary(
            id=session_id, group_id=group_id, date=_date(date), start_time=_time(start_time), minutes=minutes,
            module_id=module_id, topic_id=topic_id, status=session_status,
        )  # fmt: skip
    return GroupOverview(
        id=group_id, name=name, location=location, status=status,
        therapists=tuple(sorted(therapists, key=lambda ref: (ROLE_ORDER.get(ref.role, 9), ref.name))),
        active_participants=int(participants), next_session=next_session,
        sessions_held=int(held), sessions_planned=int(planned),
    )  # fmt: skip


def _date(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)  # SQLite keeps dates as text


def _time(value: dt.time | str) -> dt.time:
    return value if isinstance(value, dt.time) else dt.time.fromisoformat(value)
