"""The database tables, one module per aggregate. Importing this registers them all."""

from imr_tui.domain.vocabulary import AuditAction
from imr_tui.models.audit import AuditEvent
from imr_tui.models.fidelity import FidelityAssessment, FidelityItemScore, HandoutKind, HandoutPrint, ScoreSource
from imr_tui.models.form_draft import FormDraft
from imr_tui.models.goal import RecoveryGoal, ShortTermGoal, Step, StepFollowUp
from imr_tui.models.goal_revision import GoalRevision
from imr_tui.models.group import ClosedPeriod, CourseGroup, GroupTherapist
from imr_tui.models.imrs import ImrsPhase, ImrsRater, ImrsRating, ImrsScore
from imr_tui.models.journal import JournalNote
from imr_tui.models.participant import Enrolment, Participant
from imr_tui.models.service_plan import ServicePlan, ServicePlanSection, ServicePlanShare, ServicePlanVersion, ShareMethod
from imr_tui.models.session import Attendance, GroupSession, HomeAssignment
from imr_tui.models.store_info import StoreInfo
from imr_tui.models.therapist import Therapist
from imr_tui.models.vocabulary import (
    AttendanceStatus,
    Cadence,
    GoalStatus,
    GroupStatus,
    SessionStatus,
    StepStatus,
    TherapistRole,
)

__all__ = [
    "Attendance",
    "AuditAction",
    "AuditEvent",
    "AttendanceStatus",
    "Cadence",
    "ClosedPeriod",
    "CourseGroup",
    "Enrolment",
    "FidelityAssessment",
    "FidelityItemScore",
    "FormDraft",
    "GoalRevision",
    "GoalStatus",
    "GroupSession",
    "GroupStatus",
    "GroupTherapist",
    "HandoutKind",
    "HandoutPrint",
    "HomeAssignment",
    "ImrsPhase",
    "ImrsRater",
    "ImrsRating",
    "ImrsScore",
    "JournalNote",
    "Participant",
    "RecoveryGoal",
    "ScoreSource",
    "ServicePlan",
    "ServicePlanSection",
    "ServicePlanShare",
    "ServicePlanVersion",
    "SessionStatus",
    "ShareMethod",
    "ShortTermGoal",
    "Step",
    "StoreInfo",
    "StepFollowUp",
    "StepStatus",
    "Therapist",
    "TherapistRole",
]
