"""What a therapist changes in a person's goals, each change one transaction.

Texts are saved as typed with the same rule as session notes: `based_on` is what this
window last read, and a text another window changed meanwhile is never overwritten.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, SQLModel, col, func, select

from imr_tui.domain.conflicts import ChangedMeanwhile, EditConflict
from imr_tui.errors import BadInputError
from imr_tui.goals.fields import FieldError, day_input, empty_text_message
from imr_tui.i18n import _
from imr_tui.models import Enrolment, GoalRevision, GoalStatus, GroupSession, RecoveryGoal, ShortTermGoal, Step, StepFollowUp, StepStatus
from imr_tui.models.base import utc_now
from imr_tui.store.database import Database
from imr_tui.store.session_edits import saving_text
from imr_tui.store.versions import last_writer_wins

TABLES: dict[str, type[SQLModel]] = {"goal": RecoveryGoal, "short_term": ShortTermGoal, "step": Step, "follow_up": StepFollowUp}
TEXT_FIELDS = {("goal", "text"), ("goal", "why"), ("short_term", "text"), ("step", "text"), ("follow_up", "note")}


class GoalEdits:
    def __init__(self, database: Database) -> None:
        self.database = database

    # Adding

    def add_goal(self, participant_id: int, text: str, why: str, set_on: dt.date) -> int:
        _require(text, "goal")
        with self.database.transaction() as session:
            goal = RecoveryGoal(participant_id=participant_id, text=text, why=why, set_on=set_on)
            session.add(goal)
            session.flush()
            return goal.id

    def add_short_term_goal(self, goal_id: int, text: str, target_date: dt.date | None = None) -> int:
        _require(text, "short_term")
        with self.database.transaction() as session:
            goal = _get(session, RecoveryGoal, goal_id)
            _not_before_goal(goal, target_date, "target_date")
            position = session.exec(select(func.count()).select_from(ShortTermGoal).where(ShortTermGoal.goal_id == goal_id)).one()
            short = ShortTermGoal(goal_id=goal_id, text=text, target_date=target_date, position=position)
            session.add(short)
            session.flush()
            return short.id

    def add_step(self, participant_id: int, short_term_goal_id: int | None, text: str, due_on: dt.date | None = None) -> int:
        """A step under a short-term goal, or on its own while the person is still finding a goal."""
        _require(text, "step")
        with self.database.transaction() as session:
            if short_term_goal_id is not None:
                short = _get(session, ShortTermGoal, short_term_goal_id)
                _not_before_goal(_get(session, RecoveryGoal, short.goal_id), due_on, "due_on")
            position = session.exec(
                select(func.count()).select_from(Step).where(Step.participant_id == participant_id, Step.short_term_goal_id == short_term_goal_id)
            ).one()
            step = Step(participant_id=participant_id, short_term_goal_id=short_term_goal_id, text=text, position=position,
                        due_date=due_on, due_session_id=_session_on(session, participant_id, due_on))  # fmt: skip
            session.add(step)
            session.flush()
            return step.id

    # Texts, saved as typed

    def save_text(self, kind: str, row_id: int, field: str, text: str, based_on: str) -> None:
        """Save one text unless another window changed it since `based_on` (then EditConflict)."""
        if (kind, field) not in TEXT_FIELDS:
            raise ValueError((kind, field))
        if field == "text":
            _require(text, kind)
        table = TABLES[kind]
        with saving_text(self.database, lambda session: _get(session, table, row_id), field, text, based_on) as (_session, row):
            setattr(row, field, text)
            row.updated_at = utc_now()

    def revise_goal(self, goal_id: int, text: str, why: str, on: dt.date, based_on: str) -> None:
        """New words for the goal; the earlier wording is kept with the day it was replaced."""
        _require(text, "goal")
        with self.database.transaction() as session:
            goal = _get(session, RecoveryGoal, goal_id)
            if goal.text != based_on:
                raise EditConflict(goal.text)
            if text.strip() == goal.text.strip() and why.strip() == goal.why.strip():
                return
            session.add(GoalRevision(goal_id=goal_id, text=goal.text, why=goal.why, replaced_on=on))
            goal.text, goal.why, goal.updated_at = text, why, utc_now()

    # Dates, status and order are last writer wins by design: each is one choice, shown at
    # once in the goal tree; only the typed texts above are checked against another window.

    def set_goal_date(self, goal_id: int, set_on: dt.date) -> None:
        def write(session: Session):
            goal = _get(session, RecoveryGoal, goal_id)
            goal.set_on, goal.updated_at = set_on, utc_now()

        last_writer_wins(self.database, write)

    def set_target_date(self, short_term_goal_id: int, target: dt.date | None) -> None:
        def write(session: Session):
            short = _get(session, ShortTermGoal, short_term_goal_id)
            _not_before_goal(_get(session, RecoveryGoal, short.goal_id), target, "target_date")
            short.target_date, short.updated_at = target, utc_now()

        last_writer_wins(self.database, write)

    def set_due_date(self, step_id: int, due_on: dt.date | None) -> None:
        """The day the step is due; a session of the person's group that day becomes its due session."""

        def write(session: Session):
            step = _get(session, Step, step_id)
            if step.short_term_goal_id is not None:
                short = _get(session, ShortTermGoal, step.short_term_goal_id)
                _not_before_goal(_get(session, RecoveryGoal, short.goal_id), due_on, "due_on")
            step.due_date, step.due_session_id = due_on, _session_on(session, step.participant_id, due_on)
            step.updated_at = utc_now()

        last_writer_wins(self.database, write)

    # Status and order

    def set_status(self, kind: str, row_id: int, status: str, expected: str | None = None) -> None:
        """A goal or short-term goal: active, achieved or archived; a step: planned, done, partly, not done, dropped.

        With `expected` (what this window showed; the way a status is undone), a status another
        window set since is never overwritten (ChangedMeanwhile).
        """
        (StepStatus if kind == "step" else GoalStatus)(status)  # refuse anything else
        if kind not in {"goal", "short_term", "step"}:
            raise ValueError(kind)

        def write(session: Session):
            row = _get(session, TABLES[kind], row_id)
            if expected is not None and row.status not in (expected, status):
                raise ChangedMeanwhile(_("the status was changed in another window since"))
            row.status, row.updated_at = status, utc_now()

        last_writer_wins(self.database, write)

    def move(self, kind: str, row_id: int, offset: int, expected_order: list[int] | None = None) -> list[int]:
        """Move a short-term goal or step up (-1) or down (+1) among its siblings; returns their ids in the new order.

        With `expected_order` (the order this window showed; the way a move is undone), an
        order another window changed since is left as it is (ChangedMeanwhile).
        """

        def write(session: Session) -> list[int]:
            row = _get(session, TABLES[kind], row_id)
            if kind == "short_term":
                query = select(ShortTermGoal).where(ShortTermGoal.goal_id == row.goal_id).order_by(ShortTermGoal.position, ShortTermGoal.id)
            elif kind == "step":
                query = select(Step).where(Step.participant_id == row.participant_id, Step.short_term_goal_id == row.short_term_goal_id)
                query = query.order_by(Step.position, Step.id)
            else:
                raise ValueError(kind)
            siblings = list(session.exec(query).all())
            if expected_order is not None and [sibling.id for sibling in siblings] != expected_order:
                raise ChangedMeanwhile(_("the order was changed in another window since"))
            index = siblings.index(row)
            target = index + offset
            if not 0 <= target < len(siblings):
                return [sibling.id for sibling in siblings]
            siblings[index], siblings[target] = siblings[target], siblings[index]
            for position, sibling in enumerate(siblings):
                if sibling.position != position:
                    sibling.position = position
            return [sibling.id for sibling in siblings]

        return last_writer_wins(self.database, write)

    def remove(self, kind: str, row_id: int) -> dict[str, object]:
        """Remove a short-term goal without steps, or a step never followed up; returns it as it was, for `put_back`.

        Anything with effort recorded under it stays: archiving it or marking it dropped keeps the record.
        """
        if kind not in {"short_term", "step"}:
            raise ValueError(kind)
        with self.database.transaction() as session:
            row = _get(session, TABLES[kind], row_id)
            if kind == "short_term" and session.exec(select(func.count()).select_from(Step).where(Step.short_term_goal_id == row_id)).one():
                raise BadInputError(_("the short-term goal has steps: archive it instead (z); it stays visible and can be restored"))
            if kind == "step" and session.exec(select(func.count()).select_from(StepFollowUp).where(StepFollowUp.step_id == row_id)).one():
                raise BadInputError(_("the step was followed up: mark it dropped instead (4), so the record keeps the effort"))
            was = row.model_dump()
            session.delete(row)
            return was

    def put_back(self, kind: str, was: dict[str, object]) -> None:
        """A removed short-term goal or step back as it was (the undo of `remove`); safe to run twice."""
        table = TABLES[kind]
        with self.database.transaction() as session:
            if session.get(table, was["id"]) is not None:
                return
            parent = (RecoveryGoal, was["goal_id"]) if kind == "short_term" else (ShortTermGoal, was["short_term_goal_id"])
            if parent[1] is not None and session.get(*parent) is None:
                raise ChangedMeanwhile(_("what it belonged to was removed since"))
            session.add(table(**{key: value for key, value in was.items() if key != "version"}))

    def remove_new(self, kind: str, row_id: int, expected_text: str) -> None:
        """Take back a short-term goal or step just added (its undo): only while it still says
        `expected_text`, has no steps under it and was never followed up; else ChangedMeanwhile."""
        if kind not in {"short_term", "step"}:
            raise ValueError(kind)

        def write(session: Session) -> None:
            row = session.get(TABLES[kind], row_id)
            if row is None:
                return  # already gone: undoing twice leaves the same
            if kind == "short_term":
                used = session.exec(select(func.count()).select_from(Step).where(Step.short_term_goal_id == row_id)).one()
            else:
                used = session.exec(select(func.count()).select_from(StepFollowUp).where(StepFollowUp.step_id == row_id)).one()
            if used or row.text != expected_text:
                raise ChangedMeanwhile(_("it was changed or followed up since"))
            session.delete(row)

        last_writer_wins(self.database, write)


def _require(text: str, kind: str) -> None:
    if not text.strip():
        raise FieldError("text", empty_text_message(kind))


def _get(session: Session, table: type[SQLModel], row_id: int):
    row = session.get(table, row_id)
    if row is None:
        raise BadInputError(_("this was removed in another window; close this view and open it again"))
    return row


def _not_before_goal(goal: RecoveryGoal, day: dt.date | None, field: str) -> None:
    if day is not None and day < goal.set_on:
        raise FieldError(field, _("the goal was set on {date}: give that day or a later one").format(date=day_input(goal.set_on)))


def _session_on(session: Session, participant_id: int, day: dt.date | None) -> int | None:
    """The session of one of the person's groups (or their own meeting) on `day`, if there is one."""
    if day is None:
        return None
    return session.exec(
        select(GroupSession.id)
        .join(Enrolment, col(Enrolment.group_id) == GroupSession.group_id)
        .where(Enrolment.participant_id == participant_id, GroupSession.date == day, GroupSession.status != "cancelled")
        .where(col(GroupSession.participant_id).is_(None) | (col(GroupSession.participant_id) == participant_id))
        .order_by(GroupSession.start_time)
        .limit(1)
    ).first()
