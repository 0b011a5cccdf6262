"""The fidelity self-assessment's store work: counting what the data says, keeping dated assessments,
and recording each handout printed (never its content)."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable

from sqlmodel import Session, col, func, select

from imr_tui.models import (
    Enrolment,
    FidelityAssessment,
    FidelityItemScore,
    GoalStatus,
    GroupSession,
    HandoutKind,
    HandoutPrint,
    RecoveryGoal,
    ServicePlanSection,
    ServicePlanShare,
    ServicePlanVersion,
    SessionStatus,
    StepFollowUp,
)
from imr_tui.models.base import utc_now
from imr_tui.store.database import Database
from imr_tui.store.enrolled import enrolled_on
from imr_tui.store.fidelity_records import AssessmentRecord, GroupFacts, ItemScoreRecord


class FidelityService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def facts(self, group_id: int, today: dt.date) -> GroupFacts:
        """Everything the computed items need, in a fixed number of queries."""
        with self.database.reading() as session:
            people = set(session.exec(select(Enrolment.participant_id).where(Enrolment.group_id == group_id, enrolled_on(today))).all())
            sessions = session.exec(
                select(GroupSession.id, GroupSession.date, GroupSession.status, GroupSession.module_id, GroupSession.participant_id)
                .where(GroupSession.group_id == group_id, GroupSession.status != SessionStatus.CANCELLED)
            ).all()
            group_days = sorted(day for _id, day, _status, _module, person in sessions if person is None)
            held = {session_id for session_id, _day, status, _module, person in sessions if person is None and status == SessionStatus.HELD}
            prints = session.exec(
                select(HandoutPrint.kind, HandoutPrint.session_id, HandoutPrint.participant_id).where(
                    (HandoutPrint.group_id == group_id) | col(HandoutPrint.participant_id).in_(people)
                )
            ).all()
            followed = set(session.exec(select(StepFollowUp.session_id).where(col(StepFollowUp.session_id).in_(held)).distinct()).all())
            goals = session.exec(
                select(RecoveryGoal.participant_id, RecoveryGoal.text).where(
                    col(RecoveryGoal.participant_id).in_(people), RecoveryGoal.status == GoalStatus.ACTIVE
                )
            ).all()
            with_network = _people_with_network(session, people)
        return GroupFacts(
            active_participants=len(people),
            programme_weeks=len({day.isocalendar()[:2] for day in group_days}),
            first_session=group_days[0] if group_days else None,
            last_session=group_days[-1] if group_days else None,
            module_ids=frozenset(module for _id, _day, _status, module, _person in sessions if module),
            held_sessions=len(held),
            sessions_with_agenda=len({s for kind, s, _p in prints if kind == HandoutKind.AGENDA and s in held}),
            people_with_goal_page=len({p for kind, _s, p in prints if kind == HandoutKind.GOALS and p in people}),
            people_with_network=len(with_network),
            people_with_goal=len({person for person, text in goals if text.strip()}),
            sessions_followed_up=len(followed),
        )  # fmt: skip

    def assessments(self, group_id: int) -> list[AssessmentRecord]:
        """The group's stored assessments, oldest first, in two queries."""
        with self.database.reading() as session:
            rows = session.exec(select(FidelityAssessment).where(FidelityAssessment.group_id == group_id).order_by(FidelityAssessment.assessed_on)).all()
            scores = session.exec(select(FidelityItemScore).where(col(FidelityItemScore.assessment_id).in_([row.id for row in rows]))).all()
        by_assessment: dict[int, dict[str, ItemScoreRecord]] = defaultdict(dict)
        for score in scores:
            by_assessment[score.assessment_id][score.item_id] = ItemScoreRecord(
                score.item_id, score.source, score.score, score.computed, score.rater_1_score, score.rater_2_score, score.override_reason, score.note
            )  # fmt: skip
        return [AssessmentRecord(row.id, row.group_id, row.assessed_on, row.rater_1, row.rater_2, row.note, dict(by_assessment[row.id])) for row in rows]

    def save_item(self, group_id: int, day: dt.date, record: ItemScoreRecord, snapshot: Iterable[ItemScoreRecord]) -> None:
        """One item of the day's assessment; the day's assessment is started from `snapshot` (every item as shown)."""
        with self.database.transaction() as session:
            assessment = _assessment_of_day(session, group_id, day, snapshot)
            row = session.exec(
                select(FidelityItemScore).where(FidelityItemScore.assessment_id == assessment.id, FidelityItemScore.item_id == record.item_id)
            ).first()
            if row is None:
                row = FidelityItemScore(assessment_id=assessment.id, item_id=record.item_id)
            _copy(record, row)
            session.add(row)

    def save_details(self, group_id: int, day: dt.date, snapshot: Iterable[ItemScoreRecord], *, rater_1: str, rater_2: str, note: str) -> None:
        with self.database.transaction() as session:
            assessment = _assessment_of_day(session, group_id, day, snapshot)
            assessment.rater_1, assessment.rater_2, assessment.note = rater_1.strip(), rater_2.strip(), note.strip()
            assessment.updated_at = utc_now()
            session.add(assessment)

    def record_print(self, kind: str, *, group_id: int | None = None, session_id: int | None = None, participant_id: int | None = None) -> None:
        """A handout was printed or saved: the kind and for whom, never what it said."""
        HandoutKind(kind)
        with self.database.transaction() as session:
            if group_id is None and session_id is not None:
                group_id = session.exec(select(GroupSession.group_id).where(GroupSession.id == session_id)).first()
            session.add(HandoutPrint(kind=kind, group_id=group_id, session_id=session_id, participant_id=participant_id))

    def prints(self, group_id: int) -> int:
        with self.database.reading() as session:
            return session.exec(select(func.count()).select_from(HandoutPrint).where(HandoutPrint.group_id == group_id)).one()


def _assessment_of_day(session: Session, group_id: int, day: dt.date, snapshot: Iterable[ItemScoreRecord]) -> FidelityAssessment:
    assessment = session.exec(
        select(FidelityAssessment).where(FidelityAssessment.group_id == group_id, FidelityAssessment.assessed_on == day)
    ).first()
    if assessment is not None:
        return assessment
    assessment = FidelityAssessment(group_id=group_id, assessed_on=day)
    session.add(assessment)
    session.flush()
    for record in snapshot:
        session.add(_copy(record, FidelityItemScore(assessment_id=assessment.id, item_id=record.item_id)))
    session.flush()
    return assessment


def _copy(record: ItemScoreRecord, row: FidelityItemScore) -> FidelityItemScore:
    row.source, row.score, row.computed = record.source, record.score, record.computed
    row.rater_1_score, row.rater_2_score = record.rater_1_score, record.rater_2_score
    row.override_reason, row.note = record.override_reason.strip(), record.note.strip()
    row.updated_at = utc_now()
    return row


def _people_with_network(session: Session, people: set[int]) -> set[int]:
    """People whose plan was shared with someone (with consent) or names someone from their personal network."""
    shared = set(session.exec(select(ServicePlanShare.participant_id).where(col(ServicePlanShare.participant_id).in_(people), ServicePlanShare.consent)).all())
    texts = list(session.exec(select(ServicePlanVersion.participant_id, ServicePlanVersion.content).where(col(ServicePlanVersion.participant_id).in_(people))).all())
    texts += session.exec(select(ServicePlanSection.participant_id, ServicePlanSection.content).where(col(ServicePlanSection.participant_id).in_(people))).all()
    named = {person for person, text in texts if _names_personal_contact(text)}
    return shared | named


def _names_personal_contact(text: str) -> bool:
    """Any contact with a name marked as personal network, in a version's content or one section's."""
    try:
        value = json.loads(text or "null")
    except ValueError:
        return False
    values = value.values() if isinstance(value, dict) else [value]
    return any(
        isinstance(item, dict) and item.get("network") == "personal" and str(item.get("name", "")).strip()
        for section in values
        if isinstance(section, list)
        for item in section
    )
