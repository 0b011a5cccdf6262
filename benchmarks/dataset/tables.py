"""Rows waiting to be inserted, one list of plain dicts per table, with ids given here.

Giving the ids ourselves lets parents and children be wired together in Python and then
written with one bulk insert per table, instead of a round trip per row.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

# Parents before children, so foreign keys hold at every insert.
INSERT_ORDER = (
    "therapist",
    "course_group",
    "group_therapist",
    "closed_period",
    "participant",
    "enrolment",
    "group_session",
    "attendance",
    "home_assignment",
    "recovery_goal",
    "short_term_goal",
    "step",
    "step_follow_up",
    "service_plan",
    "service_plan_section",
    "service_plan_version",
    "service_plan_share",
)


class Tables:
    def __init__(self) -> None:
        self.rows: dict[str, list[dict[str, Any]]] = {name: [] for name in INSERT_ORDER}

    def add(self, table: str, stamp: dt.datetime, **values: Any) -> int:
        """Append a row with the next id and the columns every versioned table has; return the id."""
        rows = self.rows[table]
        row_id = len(rows) + 1
        rows.append({"id": row_id, "version": 1, "created_at": stamp, "updated_at": stamp, **values})
        return row_id

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.rows.items()}


def stamp(day: dt.date) -> dt.datetime:
    """When a row about `day` was written: that afternoon, after the session (UTC, as the app writes)."""
    return dt.datetime.combine(day, dt.time(14, 30), tzinfo=dt.UTC)
