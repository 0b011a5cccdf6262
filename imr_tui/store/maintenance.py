"""Checking a database and the facts it keeps about itself."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, text
from sqlmodel import select

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

    def check(self) -> HealthReport:
        from imr_tui.store.backends import backend_for

        with self.database.reading() as session:
            problems = backend_for(self.database.location).integrity_problems(session.connection())
            schema = session.exec(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
            counts = [session.exec(select(func.count()).select_from(table)).one() for table in (CourseGroup, Participant, GroupSession)]
            demo = session.get(StoreInfo, DEMO_KEY)
        return HealthReport(
            location=self.database.location.display, schema=schema, integrity_ok=not problems,
            integrity_detail="; ".join(problems[:5]) or "ok", groups=counts[0], participants=counts[1], sessions=counts[2],
            demo=demo is not None and demo.value == DEMO_VALUE,
        )  # fmt: skip
