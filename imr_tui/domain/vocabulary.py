"""The fixed values stored in status columns (kept as text, so migrations stay simple)."""

from __future__ import annotations

from enum import StrEnum


class GroupStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    FINISHED = "finished"


class Cadence(StrEnum):
    WEEKDAYS = "weekdays"
    """Every weekday (Monday to Friday)."""
    WEEKLY = "weekly"
    """On the chosen weekdays every week."""
    FORTNIGHTLY = "fortnightly"
    """On the chosen weekdays every other week."""
    DATES = "dates"
    """On a list of dates chosen one by one."""


class TherapistRole(StrEnum):
    LEAD = "lead"
    CO_LEAD = "co_lead"
    CO_THERAPIST = "co_therapist"
    """Often a former participant, with lived experience."""


class SessionStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    LATE = "late"
    LEFT_EARLY = "left_early"
    ABSENT_NOTICE = "absent_notice"
    ABSENT_NO_NOTICE = "absent_no_notice"

    @property
    def attended(self) -> bool:
        from imr_tui.domain.attendance import ATTENDED

        return self.value in ATTENDED


class GoalStatus(StrEnum):
    ACTIVE = "active"
    ACHIEVED = "achieved"
    ARCHIVED = "archived"


class StepStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    PARTLY = "partly"
    NOT_DONE = "not_done"
    DROPPED = "dropped"


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    VIEW = "view"
    EXPORT = "export"
    ERASE = "erase"
    REOPEN = "reopen"


class ShareMethod(StrEnum):
    PRINTED = "printed"
    PDF = "pdf"
    SHOWN = "shown"


__all__ = ["AttendanceStatus", "AuditAction", "Cadence", "GoalStatus", "GroupStatus", "SessionStatus", "ShareMethod", "StepStatus", "TherapistRole"]
