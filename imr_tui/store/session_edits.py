"""What a therapist changes during and after a session, each change one transaction.

The screen calls these as the therapist works (no save button), so each verb is small,
commits at once, and returns what is now stored.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, SQLModel, col, select

from imr_tui.domain.conflicts import ChangedMeanwhile, EditConflict
from imr_tui.domain.records import AttendanceMark
from imr_tui.errors import UserError
from imr_tui.i18n import _
from imr_tui.models import (
    Attendance,
    AttendanceStatus,
    GroupSession,
    HomeAssignment,
    SessionStatus,
    ShortTermGoal,
    Step,
    StepFollowUp,
    StepStatus,
)
from imr_tui.models.base import utc_now
from imr_tui.models.goal import RecoveryGoal
from imr_tui.store.database import Database
from imr_tui.store.versions import last_writer_wins

TEXT_FIELDS = {"notes", "home_assignment"}




class SessionEdits:
    def __init__(self, database: Database) -> None:
        self.database = database

    # Attendance is last writer wins by design: a mark is one choice of five, made with the
    # person in the room and shown at once in the list, so the latest mark is the one meant.
    # Losing a race with another window only means the write is made again on fresh data.

    def mark_attendance(self, session_id: int, participant_id: int, status: str) -> None:
        AttendanceStatus(status)  # refuse anything but the five statuses

        def write(session: Session):
            row = _attendance(session, session_id, participant_id)
            if row is None:
                session.add(Attendance(session_id=session_id, participant_id=participant_id, status=status))
            else:
                row.status = status
                row.updated_at = utc_now()

        last_writer_wins(self.database, write)

    def set_picked_up(self, session_id: int, participant_id: int, picked_up: bool) -> None:
        """Picked up implies present: marking it on someone not yet marked marks them present.

        Sets rather than toggles, so a write tried again after a lost connection does not flip it back.
        """

        def write(session: Session):
            row = _attendance(session, session_id, participant_id)
            if row is None:
                row = Attendance(session_id=session_id, participant_id=participant_id, status=AttendanceStatus.PRESENT)
                session.add(row)
            row.picked_up = picked_up
            row.updated_at = utc_now()

        last_writer_wins(self.database, write)

    def set_attendance(self, session_id: int, participant_id: int, mark: AttendanceMark, expected: AttendanceMark | None = None) -> None:
        """Put one person's mark (status and pick-up; no status: no mark) exactly as given.

        Safe to run twice (a write tried again after a lost connection) and the way a mark is
        undone: with `expected`, what this window last showed, another window's later mark is
        never overwritten (ChangedMeanwhile).
        """
        if mark.status is not None:
            AttendanceStatus(mark.status)

        def write(session: Session):
            row = _attendance(session, session_id, participant_id)
            now = AttendanceMark(row.status, row.picked_up) if row is not None else AttendanceMark(None, False)
            if expected is not None and now != expected and now != mark:
                raise ChangedMeanwhile(_("the mark was changed in another window since"))
            if mark.status is None:
                if row is not None:
                    session.delete(row)
                return
            if row is None:
                row = Attendance(session_id=session_id, participant_id=participant_id, status=mark.status)
                session.add(row)
            row.status, row.picked_up = mark.status, mark.picked_up
            row.updated_at = utc_now()

        last_writer_wins(self.database, write)

    def mark_unmarked_present(self, session_id: int, participant_ids: list[int]) -> list[int]:
        def write(session: Session):
            marked = set(session.exec(select(Attendance.participant_id).where(Attendance.session_id == session_id)).all())
            new = [pid for pid in participant_ids if pid not in marked]
            session.add_all(Attendance(session_id=session_id, participant_id=pid, status=AttendanceStatus.PRESENT) for pid in new)
            return new

        return last_writer_wins(self.database, write)

    def record_follow_up(self, session_id: int, step_id: int, result: str, note: str | None = None) -> None:
        """How the step went (done, partly, not done), as followed up in this session; one choice, last writer wins."""
        StepStatus(result)

        def write(session: Session):
            step = session.get(Step, step_id)
            follow_up = session.exec(select(StepFollowUp).where(StepFollowUp.step_id == step_id, StepFollowUp.session_id == session_id)).first()
            if follow_up is None:
                follow_up = StepFollowUp(step_id=step_id, session_id=session_id, result=result)
                session.add(follow_up)
            follow_up.result = result
            if note is not None:
                follow_up.note = note
            step.status = result

        last_writer_wins(self.database, write)

    # The typed texts below take `based_on`, what this window last read or wrote (None: not
    # checked). If the stored text differs from it, EditConflict carries the stored text.

    def save_follow_up_note(self, session_id: int, step_id: int, note: str, based_on: str | None = None) -> None:
        find = lambda session: _follow_up(session, session_id, step_id)
        with saving_text(self.database, find, "note", note, based_on) as (session, follow_up):
            if follow_up is None:
                session.add(StepFollowUp(step_id=step_id, session_id=session_id, result="", note=note))
            else:
                follow_up.note = note

    def set_next_step(self, session_id: int, participant_id: int, text: str, due_session_id: int | None, based_on: str | None = None) -> int | None:
        """The step chosen in this session; an empty text removes it. Returns the step's id."""
        find = lambda session: _next_step(session, session_id, participant_id)
        with saving_text(self.database, find, "text", text, based_on) as (session, step):
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

    def set_own_assignment(self, session_id: int, participant_id: int, text: str, based_on: str | None = None) -> None:
        find = lambda session: _own_assignment(session, session_id, participant_id)
        with saving_text(self.database, find, "text", text, based_on) as (session, row):
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
        with saving_text(self.database, lambda session: session.get(GroupSession, session_id), field, text, based_on) as (_session, row):
            setattr(row, field, text)
            row.updated_at = utc_now()

    # The minutes, the timer and "held" are last writer wins by design: the minutes are one
    # choice for the whole agenda made on a screen that shows every part, the timer is the
    # running clock of the window in the room, and "held" is the same fact from any window.

    def set_part_minutes(self, session_id: int, minutes: dict[str, int]) -> None:
        self._update(session_id, part_minutes=json.dumps(minutes, sort_keys=True) if minutes else "")

    def save_timer(self, session_id: int, state: str) -> None:
        self._update(session_id, timer_state=state)

    def mark_held(self, session_id: int) -> None:
        self._update(session_id, status=SessionStatus.HELD)

    def reopen(self, session_id: int) -> None:
        """A session marked held by mistake, planned again: refused once journal notes are drafted for it."""
        from imr_tui.models import JournalNote

        with self.database.reading() as session:
            if session.exec(select(JournalNote.id).where(JournalNote.session_id == session_id)).first() is not None:
                raise UserError(_("journal notes are already drafted for this session, so it stays held"))
        self._update(session_id, status=SessionStatus.PLANNED)

    def _update(self, session_id: int, **values: str) -> None:
        def write(session: Session):
            row = session.get(GroupSession, session_id)
            for key, value in values.items():
                setattr(row, key, value)
            row.updated_at = utc_now()

        last_writer_wins(self.database, write)



@contextmanager
def saving_text(database: Database, find: Callable[[Session], SQLModel | None], field: str, text: str, based_on: str | None) -> Iterator[tuple[Session, Any]]:
    """A transaction that writes a typed text over `find`'s row (None: none yet), unless another window changed it.

    `based_on` is the text this window last read or wrote (None: not checked). If the
    stored text is neither that nor `text`, or another window wrote between this read and
    this write, EditConflict carries what is stored, so the therapist can choose.
    """

    def stored(session: Session) -> tuple[Any, str]:
        row = find(session)
        return row, getattr(row, field) if row is not None else ""

    try:
        with database.transaction() as session:
            row, now = stored(session)
            if based_on is not None and now not in (based_on, text):
                raise EditConflict(now)
            yield session, row
    except (StaleDataError, IntegrityError):
        with database.reading() as session:
            raise EditConflict(stored(session)[1]) from None


def _follow_up(session: Session, session_id: int, step_id: int) -> StepFollowUp | None:
    return session.exec(select(StepFollowUp).where(StepFollowUp.step_id == step_id, StepFollowUp.session_id == session_id)).first()


def _next_step(session: Session, session_id: int, participant_id: int) -> Step | None:
    return session.exec(select(Step).where(Step.set_in_session_id == session_id, Step.participant_id == participant_id)).first()


def _own_assignment(session: Session, session_id: int, participant_id: int) -> HomeAssignment | None:
    return session.exec(select(HomeAssignment).where(HomeAssignment.session_id == session_id, HomeAssignment.participant_id == participant_id)).first()


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
