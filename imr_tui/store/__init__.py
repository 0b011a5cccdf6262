"""The data layer: the only code that opens database sessions.

`open_store()` checks and upgrades the database and returns a `Store`, whose services
hand screens and commands plain records and take their edits back.
"""

from __future__ import annotations

from imr_tui.store.attendance import AttendanceService
from imr_tui.store.database import Database, open_database
from imr_tui.store.enrolments import EnrolmentService
from imr_tui.store.groups import GroupService
from imr_tui.store.goal_edits import GoalEditor
from imr_tui.store.goals import GoalService
from imr_tui.store.imrs import ImrsService
from imr_tui.store.journal import JournalService
from imr_tui.store.maintenance import MaintenanceService
from imr_tui.store.planning import PlanningService
from imr_tui.store.schedule import ScheduleService
from imr_tui.store.session_edits import SessionEditor
from imr_tui.store.sessions import SessionService


class Store:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.groups = GroupService(database)
        self.attendance = AttendanceService(database)
        self.journal = JournalService(database)
        self.sessions = SessionService(database)
        self.session_edits = SessionEditor(database)
        self.maintenance = MaintenanceService(database)
        self.planning = PlanningService(database)
        self.enrolments = EnrolmentService(database)
        self.schedule = ScheduleService(database)
        self.goals = GoalService(database)
        self.goal_edits = GoalEditor(database)
        self.imrs = ImrsService(database)

    @property
    def location(self) -> str:
        return self.database.location.display

    def close(self) -> None:
        self.database.close()


def open_store(target: str | None = None, *, upgrade: bool = True) -> Store:
    import imr_tui.models  # noqa: F401  (registers the tables before the first query)

    return Store(open_database(target, upgrade=upgrade))


__all__ = ["Database", "Store", "open_store"]
