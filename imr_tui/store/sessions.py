"""One session: what the session screen shows, read in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
import json

from sqlmodel import Session, col, or_, select

from imr_tui.domain.records import SessionOverview, SessionParticipant, SessionSummary, StepInfo
from imr_tui.errors import BadInputError
from imr_tui.i18n import _
from imr_tui.models import Attendance, CourseGroup, Enrolment, GroupSession, HomeAssignment, Participant, Step, StepFollowUp
from imr_tui.store.database import Database
from imr_tui.store.groups import GroupService, _summary


class SessionService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def for_group(self, group_id: int, today: dt.date, on: dt.date | None = None) -> SessionSummary:
        """The group's session on the date `on`, or else its first planned session from `today`."""
        with self.database.reading() as session:
            query = select(GroupSession).where(GroupSession.group_id == group_id, col(GroupSession.participant_id).is_(None))
            if on is not None:
                query = query.where(GroupSession.date == on)
            else:
                query = query.where(GroupSession.date >= today, GroupSession.status == "planned")
            row = session.exec(query.order_by(GroupSession.date, GroupSession.start_time).limit(1)).first()
        if row is None:
            if on is not None:
                raise BadInputError(_("the group has no session on {date}").format(date=on.isoformat()))
            raise BadInputError(_("the group has no planned session from {date} on").format(date=today.isoformat()))
        return _summary(row)

    def overview(self, session_id: int) -> SessionOverview:
        with self.database.reading() as session:
            row = session.get(GroupSession, session_id)
            if row is None:
                raise BadInputError(_("no session has the id {id}").format(id=session_id))
            group = session.get(CourseGroup, row.group_id)
            therapists = GroupService._therapists_by_group(session, row.group_id).get(row.group_id, ())
            people = _expected_people(session, row)
            steps_due = _steps(session, col(Step.due_session_id) == session_id)
            steps_set = _steps(session, col(Step.set_in_session_id) == session_id)
            follow_ups = {f.step_id: f for f in session.exec(select(StepFollowUp).where(StepFollowUp.session_id == session_id)).all()}
            own = {a.participant_id: a.text for a in session.exec(select(HomeAssignment).where(HomeAssignment.session_id == session_id)).all()}
            next_session = session.exec(
                select(GroupSession.id)
                .where(GroupSession.group_id == row.group_id, GroupSession.date > row.date, GroupSession.status != "cancelled")
                .where(col(GroupSession.participant_id).is_(None))
                .order_by(GroupSession.date)
                .limit(1)
            ).first()

        def info(step: Step | None) -> StepInfo | None:
            if step is None:
                return None
            follow_up = follow_ups.get(step.id)
            return StepInfo(step.id, step.text, step.status, follow_up.result if follow_up else None, follow_up.note if follow_up else "")

        participants = {
            person.id: SessionParticipant(
                id=person.id, name=person.name, alias=person.alias, needs_pickup=person.needs_pickup,
                attendance=attendance.status if attendance else None, picked_up=bool(attendance and attendance.picked_up),
                step_due=info(steps_due.get(person.id)), next_step=info(steps_set.get(person.id)),
                own_assignment=own.get(person.id, ""),
            )  # fmt: skip
            for person, attendance in people
        }
        return SessionOverview(
            session=_summary(row), group_name=group.name, group_location=group.location, group_language=group.language, therapists=therapists,
            participants=tuple(participants.values()), home_assignment=row.home_assignment, notes=row.notes,
            part_minutes=parse_part_minutes(row.part_minutes), timer_state=row.timer_state, next_session_id=next_session,
        )  # fmt: skip


def _expected_people(session: Session, row: GroupSession):
    """Everyone enrolled on the session's date, and anyone with attendance recorded."""
    return session.exec(
        select(Participant, Attendance)
        .join(Enrolment, col(Enrolment.participant_id) == Participant.id)
        .outerjoin(Attendance, (col(Attendance.participant_id) == Participant.id) & (col(Attendance.session_id) == row.id))
        .where(Enrolment.group_id == row.group_id, Enrolment.joined_on <= row.date)
        .where(or_(col(Enrolment.left_on).is_(None), col(Enrolment.left_on) > row.date, col(Attendance.id).is_not(None)))
        .order_by(Participant.name)
    ).all()


def _steps(session: Session, condition) -> dict[int, Step]:
    """The latest step per participant matching `condition`."""
    steps: dict[int, Step] = {}
    for step in session.exec(select(Step).where(condition).order_by(Step.id)).all():
        steps[step.participant_id] = step
    return steps


def parse_part_minutes(text: str) -> dict[str, int]:
    if not text:
        return {}
    try:
        return {str(key): int(value) for key, value in json.loads(text).items() if int(value) > 0}
    except (ValueError, TypeError, AttributeError):
        return {}  # unreadable overrides fall back to the curriculum's minutes
