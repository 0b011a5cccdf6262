"""Checking a database and the facts it keeps about itself."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, text
from sqlalchemy.exc import DatabaseError
from sqlmodel import select

from imr_tui.i18n import _
from imr_tui.models import CourseGroup, GroupSession, Participant
from imr_tui.models.store_info import DEMO_KEY, DEMO_VALUE, StoreInfo
from imr_tui.store.database import Database
from imr_tui.store.schema import VERSION_TABLE


@dataclass(frozen=True)
class HealthReport:
    location: str
    schema: str
    integrity_ok: bool
    integrity_detail: str
    groups: int
    participants: int
    sessions: int
    demo: bool


class MaintenanceService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def mark_as_demo(self) -> None:
        with self.database.transaction() as session:
            session.merge(StoreInfo(key=DEMO_KEY, value=DEMO_VALUE))

    def is_demo(self) -> bool:
        with self.database.reading() as session:
            info = session.get(StoreInfo, DEMO_KEY)
        return info is not None and info.value == DEMO_VALUE

    def quick_damage(self) -> str | None:
        """SQLite's quick check (the pages and their structure, not the indexes' contents); None when sound."""
        if self.database.location.path is None:
            return None  # a server keeps its own pages
        with self.database.reading() as session:
            try:
                rows = [row[0] for row in session.exec(text("PRAGMA quick_check")).all()]
            except DatabaseError as error:
                from imr_tui.store.database import first_line

                return first_line(error)
        return None if rows == ["ok"] else _one_line(rows)

    def check(self) -> HealthReport:
        from imr_tui.store.backends import backend_for

        counts, demo = [0, 0, 0], None
        with self.database.reading() as session:
            try:
                problems = backend_for(self.database.location).integrity_problems(session.connection())
                schema = session.exec(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
                counts = [session.exec(select(func.count()).select_from(table)).one() for table in (CourseGroup, Participant, GroupSession)]
                demo = session.get(StoreInfo, DEMO_KEY)
            except DatabaseError as error:  # a damaged page can stop the check itself: that is its finding
                from imr_tui.store.database import first_line

                problems, schema = [first_line(error)], "?"
        return HealthReport(
            location=self.database.location.display, schema=schema, integrity_ok=not problems,
            integrity_detail=_one_line(problems), groups=counts[0], participants=counts[1], sessions=counts[2],
            demo=demo is not None and demo.value == DEMO_VALUE,
        )  # fmt: skip


def _one_line(problems: list[str]) -> str:
    """SQLite lists every broken cell; the first two, on one line, say enough."""
    lines = [line.strip() for problem in problems for line in problem.splitlines() if line.strip() and not line.startswith("***")]
    if not lines:
        return _("ok")
    more = len(lines) - 2
    return "; ".join(lines[:2]) + (f" (+{more})" if more > 0 else "")
