"""The data layer: the only code that opens database sessions.

`open_store()` checks and upgrades the database and returns a `Store`, whose services
hand screens and commands plain records and take their edits back.

Importing this package is cheap: each service (and SQLAlchemy with it) is imported the first
time it is used, so the app can show its first screen while the store is still being opened.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from imr_tui.store.attendance import AttendanceService
    from imr_tui.store.audit import AuditService
    from imr_tui.store.database import Database
    from imr_tui.store.enrolments import EnrolmentService
    from imr_tui.store.fidelity import FidelityService
    from imr_tui.store.form_drafts import FormDraftService
    from imr_tui.store.goal_edits import GoalEdits
    from imr_tui.store.goals import GoalService
    from imr_tui.store.groups import GroupService
    from imr_tui.store.imrs import ImrsService
    from imr_tui.store.journal import JournalService
    from imr_tui.store.maintenance import MaintenanceService
    from imr_tui.store.participant_data import ParticipantDataService
    from imr_tui.store.planning import PlanningService
    from imr_tui.store.schedule import ScheduleService
    from imr_tui.store.service_plans import ServicePlanService
    from imr_tui.store.session_edits import SessionEdits
    from imr_tui.store.sessions import SessionService


class _Service:
    """A Store attribute whose service is imported and made on first use, then kept."""

    def __init__(self, module: str, name: str) -> None:
        self.module, self.name = module, name

    def __set_name__(self, owner: type, attribute: str) -> None:
        self.attribute = attribute

    def __get__(self, store: Store | None, owner: type | None = None) -> Any:
        if store is None:
            return self
        service = getattr(importlib.import_module(self.module), self.name)(store.database)
        store.__dict__[self.attribute] = service  # found there from now on, before this descriptor
        return service


def service(module: str, name: str) -> Any:
    return _Service(module, name)


class Store:
    groups: GroupService = service("imr_tui.store.groups", "GroupService")
    attendance: AttendanceService = service("imr_tui.store.attendance", "AttendanceService")
    journal: JournalService = service("imr_tui.store.journal", "JournalService")
    sessions: SessionService = service("imr_tui.store.sessions", "SessionService")
    session_edits: SessionEdits = service("imr_tui.store.session_edits", "SessionEdits")
    maintenance: MaintenanceService = service("imr_tui.store.maintenance", "MaintenanceService")
    planning: PlanningService = service("imr_tui.store.planning", "PlanningService")
    enrolments: EnrolmentService = service("imr_tui.store.enrolments", "EnrolmentService")
    schedule: ScheduleService = service("imr_tui.store.schedule", "ScheduleService")
    goals: GoalService = service("imr_tui.store.goals", "GoalService")
    goal_edits: GoalEdits = service("imr_tui.store.goal_edits", "GoalEdits")
    imrs: ImrsService = service("imr_tui.store.imrs", "ImrsService")
    service_plans: ServicePlanService = service("imr_tui.store.service_plans", "ServicePlanService")
    participant_data: ParticipantDataService = service("imr_tui.store.participant_data", "ParticipantDataService")
    audit: AuditService = service("imr_tui.store.audit", "AuditService")
    fidelity: FidelityService = service("imr_tui.store.fidelity", "FidelityService")
    form_drafts: FormDraftService = service("imr_tui.store.form_drafts", "FormDraftService")

    def __init__(self, database: Database) -> None:
        self.database = database

    @property
    def location(self) -> str:
        return self.database.location.display

    def close(self) -> None:
        self.database.close()


def open_store(target: str | None = None, *, upgrade: bool = True) -> Store:
    import imr_tui.models  # noqa: F401  (registers the tables before the first query)
    from imr_tui.store.audit import watch
    from imr_tui.store.database import open_database

    database = open_database(target, upgrade=upgrade)
    watch(database)  # every edit through the services lands in the audit trail
    return Store(database)


def __getattr__(name: str) -> Any:
    if name == "Database":  # kept importable from here without importing SQLAlchemy up front
        from imr_tui.store.database import Database

        return Database
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Database", "Store", "open_store"]
