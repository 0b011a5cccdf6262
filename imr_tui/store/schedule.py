"""A group's session plan: read it, lay it out again, cancel or move a session, edit its content.

A held session is never moved, cancelled or given other content by these verbs: it is
a record of what happened.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from sqlmodel import Session, col, or_, select

from imr_tui.curriculum import Curriculum
from imr_tui.domain.conflicts import ChangedMeanwhile
from imr_tui.domain.schedule_records import ClosedPeriodRecord, GroupPlan, PlanChange, PlanEntry, RowState
from imr_tui.domain.vocabulary import AuditAction
from imr_tui.errors import BadInputError, UserError
from imr_tui.i18n import _, format_short_date, format_time
from imr_tui.models import ClosedPeriod, CourseGroup, GroupSession, GroupTherapist, JournalNote, Participant, SessionStatus, Therapist
from imr_tui.planning.fields import InvalidField
from imr_tui.planning.schedule import PlannedContent, next_open_day
from imr_tui.planning.shifting import NO_CONTENT, Slot, carry_forward, keep_order_after_move
from imr_tui.store.audit import actor_of, record_event
from imr_tui.store.database import Database
from imr_tui.store.plan_rows import closed_checker, group_rows, next_meeting_day, regenerate
from imr_tui.store.versions import fetch, writing


def _entry(row: GroupSession, alias: str = "") -> PlanEntry:
    return PlanEntry(
        id=row.id, version=row.version, date=row.date, start_time=row.start_time, minutes=row.minutes,
        module_id=row.module_id, topic_id=row.topic_id, status=row.status, cancel_reason=row.cancel_reason,
        participant_id=row.participant_id, participant_alias=alias,
    )  # fmt: skip


def _state(row: GroupSession) -> RowState:
    return RowState(row.id, row.date, row.start_time, row.module_id, row.topic_id, row.status, row.cancel_reason)


def _undoable(session: Session, row: GroupSession, edit: Callable[[], PlanChange]) -> PlanChange:
    """Run `edit` on the sessions `row` belongs to, and note what it changed, before and after (for undo)."""
    scope = lambda: {r.id: _state(r) for r in group_rows(session, row.group_id, row.participant_id)}
    before = scope()
    change = edit()
    session.flush()
    after = scope()
    changed = [session_id for session_id, state in after.items() if before.get(session_id) != state]
    return replace(change, before=tuple(before[i] for i in changed if i in before), after=tuple(after[i] for i in changed))


def _initials(name: str) -> str:
    return "".join(part[0] for part in name.split() if part).upper()


class ScheduleService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def plan(self, group_id: int) -> GroupPlan:
        """The group's sessions and its members' individual meetings, in three queries."""
        with self.database.reading() as session:
            group = fetch(session, CourseGroup, group_id, None, _("no group has the id {id}").format(id=group_id))
            therapists = session.exec(
                select(Therapist.name).join(GroupTherapist, col(GroupTherapist.therapist_id) == Therapist.id).where(GroupTherapist.group_id == group_id).order_by(GroupTherapist.id)
            ).all()
            rows = session.exec(
                select(GroupSession, Participant)
                .outerjoin(Participant, col(Participant.id) == GroupSession.participant_id)
                .where(GroupSession.group_id == group_id)
                .order_by(GroupSession.date, GroupSession.start_time, GroupSession.id)
            ).all()
        return GroupPlan(
            group_id=group.id, name=group.name, location=group.location, cadence=group.cadence,
            weekdays=tuple(int(day) for day in group.weekdays.split(",") if day), therapists=tuple(therapists), language=group.language,
            # Only the alias or initials: the plan may be shown on a shared screen.
            entries=tuple(_entry(row, (person.alias or _initials(person.name)) if person else "") for row, person in rows),
        )  # fmt: skip

    def generate_schedule(self, group_id: int, curriculum: Curriculum, from_day: dt.date) -> PlanChange:
        """Lay the plan out again from `from_day`: dates from the cadence, modules in curriculum order."""
        with writing(self.database) as session:
            group = fetch(session, CourseGroup, group_id, None, _("no group has the id {id}").format(id=group_id))
            dates = [row.date for row in group_rows(session, group_id) if row.status != SessionStatus.CANCELLED]
            return regenerate(session, group, curriculum, from_day, dates)

    def cancel_session(self, session_id: int, version: int, reason: str, *, shift: bool) -> PlanChange:
        """Cancel a session; with `shift`, its content moves on to the next session and so on."""
        with writing(self.database) as session:
            row = self._editable(session, session_id, version)
            return _undoable(session, row, lambda: self._cancel(session, row, reason, shift))

    def _cancel(self, session: Session, row: GroupSession, reason: str, shift: bool) -> PlanChange:
        row.status, row.cancel_reason = SessionStatus.CANCELLED, reason.strip()
        session.add(row)
        if not shift:
            return PlanChange(changed_sessions=1)
        following = [slot for slot in self._planned_slots(session, row) if (slot.date, slot.start_time) > (row.date, row.start_time)]
        changes, overflow = carry_forward(PlannedContent(row.module_id, row.topic_id), following)
        self._apply_contents(session, changes)
        warnings: list[str] = []
        added = 0
        if overflow != NO_CONTENT:
            warnings.append(self._append(session, row, overflow))
            added = 1
        return PlanChange(changed_sessions=1 + len(changes), added_sessions=added, warnings=tuple(w for w in warnings if w))

    def reinstate_session(self, session_id: int, version: int) -> PlanChange:
        """Undo a cancellation (content that moved on stays where it went)."""
        with writing(self.database) as session:
            row = fetch(session, GroupSession, session_id, version, _("no session has the id {id}").format(id=session_id))
            if row.status != SessionStatus.CANCELLED:
                raise BadInputError(_("only a cancelled session can be reinstated"))

            def reinstate() -> PlanChange:
                row.status, row.cancel_reason = SessionStatus.PLANNED, ""
                session.add(row)
                return PlanChange(changed_sessions=1)

            return _undoable(session, row, reinstate)

    def reopen_held(self, session_id: int, version: int | None = None) -> PlanChange:
        """A session marked held by mistake, planned again; refused once journal notes are drafted for it.

        The audit trail says it was reopened, by whom and when (besides the change itself).
        """
        with writing(self.database) as session:
            row = fetch(session, GroupSession, session_id, version, _("no session has the id {id}").format(id=session_id))
            if row.status != SessionStatus.HELD:
                raise BadInputError(_("only a held session can be set back to planned"))
            if session.exec(select(JournalNote.id).where(JournalNote.session_id == session_id)).first() is not None:
                raise UserError(_("journal notes are already drafted for this session, so it stays held"))

            def reopen() -> PlanChange:
                row.status = SessionStatus.PLANNED
                session.add(row)
                return PlanChange(changed_sessions=1)

            change = _undoable(session, row, reopen)
            record_event(session.connection(), actor_of(self.database), AuditAction.REOPEN, GroupSession.__tablename__, session_id, row.participant_id)
            return change

    def restore_rows(self, before: tuple[RowState, ...], after: tuple[RowState, ...]) -> None:
        """Undo a plan edit: the sessions back as `before`, those it added removed.

        Refused (ChangedMeanwhile) if any of them is no longer as the edit left it (`after`):
        another window's later work is never overwritten.
        """
        earlier = {state.id: state for state in before}
        with writing(self.database) as session:
            rows = {state.id: session.get(GroupSession, state.id) for state in after}
            if any(rows[state.id] is None or _state(rows[state.id]) != state for state in after):
                raise ChangedMeanwhile(_("the plan was changed in another window since"))
            for session_id, row in rows.items():
                state = earlier.get(session_id)
                if state is None:
                    session.delete(row)
                    continue
                row.date, row.start_time, row.module_id, row.topic_id = state.date, state.start_time, state.module_id, state.topic_id
                row.status, row.cancel_reason = state.status, state.cancel_reason
                session.add(row)

    def move_session(self, session_id: int, version: int, new_date: dt.date, new_time: dt.time, *, shift: bool) -> PlanChange:
        """Move a planned session; with `shift`, the content stays in curriculum order around it."""
        with writing(self.database) as session:
            row = self._editable(session, session_id, version)
            clash = session.exec(
                select(GroupSession.id).where(
                    GroupSession.group_id == row.group_id, GroupSession.date == new_date, GroupSession.start_time == new_time,
                    GroupSession.id != row.id, GroupSession.status != SessionStatus.CANCELLED,
                )  # fmt: skip
            ).first()
            if clash is not None:
                raise InvalidField("date", _("the group already has a session on {date} at {time}").format(date=format_short_date(new_date), time=format_time(new_time)))
            return _undoable(session, row, lambda: self._move(session, row, new_date, new_time, shift))

    def _move(self, session: Session, row: GroupSession, new_date: dt.date, new_time: dt.time, shift: bool) -> PlanChange:
        changes = keep_order_after_move(self._planned_slots(session, row), row.id, new_date, new_time) if shift else {}
        row.date, row.start_time = new_date, new_time
        session.add(row)
        self._apply_contents(session, changes)
        warnings = []
        if closed_checker(session, row.group_id)(new_date):
            warnings.append(_("{date} is a public holiday or a closed day").format(date=format_short_date(new_date)))
        return PlanChange(changed_sessions=1 + len(changes.keys() - {row.id}), warnings=tuple(warnings))

    def set_content(self, session_id: int, version: int, module_id: str | None, topic_id: str | None, curriculum: Curriculum) -> PlanChange:
        """Choose the module and topic of one planned session."""
        module = curriculum.module(module_id)
        if module_id is not None and module is None:
            raise InvalidField("module", _("the curriculum has no module '{id}'").format(id=module_id))
        if topic_id is not None and (module is None or module.topic(topic_id) is None):
            raise InvalidField("topic", _("choose a topic of the chosen module"))
        with writing(self.database) as session:
            row = self._editable(session, session_id, version)

            def choose() -> PlanChange:
                row.module_id, row.topic_id = module_id, topic_id
                session.add(row)
                return PlanChange(changed_sessions=1)

            return _undoable(session, row, choose)

    def closed_periods(self, group_id: int) -> list[ClosedPeriodRecord]:
        """The group's own closed periods and the whole service's."""
        with self.database.reading() as session:
            rows = session.exec(
                select(ClosedPeriod).where(or_(col(ClosedPeriod.group_id).is_(None), col(ClosedPeriod.group_id) == group_id)).order_by(ClosedPeriod.starts_on)
            ).all()
        return [ClosedPeriodRecord(id=r.id, group_id=r.group_id, starts_on=r.starts_on, ends_on=r.ends_on, label=r.label) for r in rows]

    def add_closed_period(self, group_id: int | None, starts_on: dt.date, ends_on: dt.date, label: str) -> int:
        """Days without sessions, for one group or (group_id None) every group; used when a plan is laid out."""
        if ends_on < starts_on:
            raise InvalidField("ends_on", _("the last closed day cannot be before the first"))
        with writing(self.database) as session:
            period = ClosedPeriod(group_id=group_id, starts_on=starts_on, ends_on=ends_on, label=label.strip())
            session.add(period)
            session.flush()
            return period.id

    def remove_closed_period(self, period_id: int) -> None:
        with writing(self.database) as session:
            session.delete(fetch(session, ClosedPeriod, period_id, None, _("that closed period no longer exists")))

    @staticmethod
    def _editable(session: Session, session_id: int, version: int) -> GroupSession:
        row = fetch(session, GroupSession, session_id, version, _("no session has the id {id}").format(id=session_id))
        if row.status == SessionStatus.HELD:
            raise BadInputError(_("a held session is never changed here: it is the record of what happened"))
        if row.status == SessionStatus.CANCELLED:
            raise BadInputError(_("the session is cancelled; reinstate it first"))
        return row

    @staticmethod
    def _planned_slots(session: Session, row: GroupSession) -> list[Slot]:
        """The planned sessions the content moves between: the group's, or one person's meetings."""
        return [
            Slot(r.id, r.date, r.start_time, PlannedContent(r.module_id, r.topic_id))
            for r in group_rows(session, row.group_id, row.participant_id)
            if r.status == SessionStatus.PLANNED
        ]

    @staticmethod
    def _apply_contents(session: Session, changes: dict[int, PlannedContent]) -> None:
        for session_id, content in changes.items():
            target = session.get(GroupSession, session_id)
            target.module_id, target.topic_id = content.module_id, content.topic_id
            session.add(target)

    @staticmethod
    def _append(session: Session, row: GroupSession, content: PlannedContent) -> str:
        """A session after the last one for content pushed off the end; a warning if past the end date."""
        group = session.get(CourseGroup, row.group_id)
        last = group_rows(session, row.group_id, row.participant_id)[-1]
        if row.participant_id is None:
            day = next_meeting_day(session, group, last.date)
        else:
            day = next_open_day(last.date + dt.timedelta(days=7), closed_checker(session, group.id))
        session.add(
            GroupSession(
                group_id=row.group_id, participant_id=row.participant_id, date=day, start_time=last.start_time,
                minutes=last.minutes, module_id=content.module_id, topic_id=content.topic_id,
            )  # fmt: skip
        )
        if group.end_date and day > group.end_date:
            return _("a session was added on {date}, after the group's end date").format(date=format_short_date(day))
        return ""
