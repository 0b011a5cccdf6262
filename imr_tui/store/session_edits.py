"""What a therapist changes during and after a session, each change one transaction.

The screen calls these as the therapist works (no save button), so each verb is small,
commits at once, and returns what is now stored.
"""

from __future__ import annotations

import json

from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, col, select

from imr_tui.errors import UserError
from imr_tui.i18n import _
from imr_tui.models import Attendance, AttendanceStatus, GroupSession, HomeAssignment, SessionStatus, ShortTermGoal, Step, StepFollowUp, StepStatus
from imr_tui.models.base import utc_now
from imr_tui.models.goal import RecoveryGoal
from imr_tui.store.database import Database

TEXT_FIELDS = {"notes", "home_assignment"}


class EditConflict(UserError):
    """Someone else changed the text since this window read it; nothing was overwritten."""

    def __init__(self, stored: str) -> None:
        super().__init__(_("this text was changed in another window"))
        self.stored = stored


class SessionEditor:
    def __init__(self, database: Database) -> None:
        self.database = database

    def mark_attendance(self, session_id: int, participant_id: int, status: str) -> None:
        AttendanceStatus(status)  # refuse anything but the five statuses
        with self.database.transaction() as session:
            row = _attendance(session, session_id, participant_id)
            if row is None:
                session.add(Attendance(session_id=session_id, participant_id=participant_id, status=status))
            else:
                row.status = status
                row.updated_at = utc_now()

    def toggle_picked_up(self, session_id: int, participant_id: int) -> bool:
        """Picked up implies present: marking it on someone not yet marked marks them present."""
        with self.database.transaction() as session:
            row = _attendance(session, session_id, participant_id)
            if row is None:
                row = Attendance(session_id=session_id, participant_id=participant_id, status=AttendanceStatus.PRESENT)
                session.add(row)
            row.picked_up = not row.picked_up
            row.updated_at = utc_now()
            return row.picked_up

    def mark_unmarked_present(self, session_id: int, participant_ids: list[int]) -> list[int]:
        with self.database.transaction() as session:
            marked = set(session.exec(select(Attendance.participant_id).where(Attendance.session_id == session_id)).all())
            new = [pid for pid in participant_ids if pid not in marked]
            session.add_all(Attendance(session_id=session_id, participant_id=pid, status=AttendanceStatus.PRESENT) for pid in new)
        return new

    def record_follow_up(self, session_id: int, step_id: int, result: str, note: str | None = None) -> None:
        """How the step went (done, partly, not done), as followed up in this session."""
        StepStatus(result)
        with self.database.transaction() as session:
            step = session.get(Step, step_id)
            follow_up = session.exec(select(StepFollowUp).where(StepFollowUp.step_id == step_id, StepFollowUp.session_id == session_id)).first()
            if follow_up is None:
                follow_up = StepFollowUp(step_id=step_id, session_id=session_id, result=result)
                session.add(follow_up)
            follow_up.result = result
            if note is not None:
                follow_up.note = note
            step.status = result

    def save_follow_up_note(self, session_id: int, step_id: int, note: str) -> None:
        with self.database.transaction() as session:
            follow_up = session.exec(select(StepFollowUp).where(StepFollowUp.step_id == step_id, StepFollowUp.session_id == session_id)).first()
            if follow_up is None:
                session.add(StepFollowUp(step_id=step_id, session_id=session_id, result="", note=note))
            else:
                follow_up.note = note

    def set_next_step(self, session_id: int, participant_id: int, text: str, due_session_id: int | None) -> int | None:
        """The step chosen in this session; an empty text removes it. Returns the step's id."""
        with self.database.transaction() as session:
            step = session.exec(select(Step).where(Step.set_in_session_id == session_id, Step.participant_id == participant_id)).first()
            if not text.strip():
                if step is not None:
                    session.delete(step)
                return None
            if step is None:
                step = Step(participant_id=participant_id, text=text, set_in_session_id=session_id, due_session_id=due_session_id,
                            short_term_goal_id=_current_short_term_goal(session, participant_id))  # fmt: skip
                session.add(step)
            step.text = text
            session.flush()
            return step.id

    def set_own_assignment(self, session_id: int, participant_id: int, text: str) -> None:
        with self.database.transaction() as session:
            row = session.exec(select(HomeAssignment).where(HomeAssignment.session_id == session_id, HomeAssignment.participant_id == participant_id)).first()
            if not text.strip():
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(HomeAssignment(session_id=session_id, participant_id=participant_id, text=text))
            else:
                row.text = text

    def save_text(self, session_id: int, field: str, text: str, based_on: str) -> None:
        """Save the session's notes or group home assignment, unless another window changed them.

        `based_on` is the stored text this window started from. If the stored text is
        different now, EditConflict carries it so the therapist can choose.
        """
        if field not in TEXT_FIELDS:
            raise ValueError(field)
        try:
            with self.database.transaction() as session:
                row = session.get(GroupSession, session_id)
                stored = getattr(row, field)
                if stored != based_on and stored != text:
                    raise EditConflict(stored)
                setattr(row, field, text)
                row.updated_at = utc_now()
        except StaleDataError:
            # Another window wrote between our read and our write: read again and let them choose.
            with self.database.reading() as session:
                raise EditConflict(getattr(session.get(GroupSession, session_id), field)) from None

    def set_part_minutes(self, session_id: int, minutes: dict[str, int]) -> None:
        self._update(session_id, part_minutes=json.dumps(minutes, sort_keys=True) if minutes else "")

    def save_timer(self, session_id: int, state: str) -> None:
        self._update(session_id, timer_state=state)

    def mark_held(self, session_id: int) -> None:
        self._update(session_id, status=SessionStatus.HELD)

    def _update(self, session_id: int, **values: str) -> None:
        with self.database.transaction() as session:
            row = session.get(GroupSession, session_id)
            for key, value in values.items():
                setattr(row, key, value)
            row.updated_at = utc_now()


def _attendance(session: Session, session_id: int, participant_id: int) -> Attendance | None:
    return session.exec(select(Attendance).where(Attendance.session_id == session_id, Attendance.participant_id == participant_id)).first()


def _current_short_term_goal(session: Session, participant_id: int) -> int | None:
    """The newest active short-term goal of the person's active recovery goal, if they have one yet."""
    return session.exec(
        select(ShortTermGoal.id)
        .join(RecoveryGoal, col(RecoveryGoal.id) == ShortTermGoal.goal_id)
        .where(RecoveryGoal.participant_id == participant_id, RecoveryGoal.status == "active", ShortTermGoal.status == "active")
        .order_by(col(ShortTermGoal.id).desc())
        .limit(1)
    ).first()
