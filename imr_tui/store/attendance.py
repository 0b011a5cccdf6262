"""Attendance over a course: the register of one group, or of every group for the yearly figures.

Three queries whatever the size of the history: sessions, enrolments, attendance.
"""

from __future__ import annotations

from collections import defaultdict

from sqlmodel import col, select

from imr_tui.models import Attendance, CourseGroup, Enrolment, GroupSession, Participant
from imr_tui.review.register import Register, RegisterPerson, RegisterSession
from imr_tui.store.database import Database


class AttendanceService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def register(self, group_id: int) -> Register:
        return self._registers([group_id])[group_id]

    def registers(self, group_ids: list[int]) -> dict[int, Register]:
        return self._registers(group_ids) if group_ids else {}

    def all_registers(self) -> list[Register]:
        return list(self._registers(None).values())

    def _registers(self, group_ids: list[int] | None) -> dict[int, Register]:
        with self.database.reading() as session:
            groups = select(CourseGroup.id, CourseGroup.name)
            # Columns, not whole rows: the first screen asks for every running group's register,
            # and ORM objects for years of sessions cost memory and time the register never uses.
            sessions = select(
                GroupSession.group_id, GroupSession.id, GroupSession.date, GroupSession.module_id, GroupSession.topic_id, GroupSession.status
            ).where(GroupSession.status != "cancelled", col(GroupSession.participant_id).is_(None))
            enrolments = select(
                Enrolment.group_id, Enrolment.joined_on, Enrolment.left_on, Participant.id, Participant.name, Participant.alias
            ).join(Participant, col(Participant.id) == Enrolment.participant_id)
            marks = select(Attendance.participant_id, Attendance.session_id, Attendance.status, GroupSession.group_id).join(
                GroupSession, col(GroupSession.id) == Attendance.session_id
            )
            if group_ids is not None:
                groups = groups.where(col(CourseGroup.id).in_(group_ids))
                sessions = sessions.where(col(GroupSession.group_id).in_(group_ids))
                enrolments = enrolments.where(col(Enrolment.group_id).in_(group_ids))
                marks = marks.where(col(GroupSession.group_id).in_(group_ids))
            names = dict(session.exec(groups).all())
            session_rows = session.exec(sessions.order_by(GroupSession.date, GroupSession.start_time)).all()
            enrolment_rows = session.exec(enrolments.order_by(Participant.name, Enrolment.joined_on)).all()
            mark_rows = session.exec(marks).all()
        by_group: dict[int, list[RegisterSession]] = defaultdict(list)
        for group_id, session_id, date, module_id, topic_id, status in session_rows:
            by_group[group_id].append(RegisterSession(session_id, date, module_id, topic_id, status))
        periods: dict[int, dict[int, list]] = defaultdict(dict)
        people: dict[int, dict[int, tuple[str, str]]] = defaultdict(dict)
        for group_id, joined_on, left_on, person_id, name, alias in enrolment_rows:
            periods[group_id].setdefault(person_id, []).append((joined_on, left_on))
            people[group_id][person_id] = (name, alias)
        marks_by_group: dict[int, dict[tuple[int, int], str]] = defaultdict(dict)
        for participant_id, session_id, status, group_id in mark_rows:
            marks_by_group[group_id][(participant_id, session_id)] = status
        return {
            group_id: Register(
                group_id=group_id,
                group_name=name,
                sessions=tuple(by_group[group_id]),
                people=tuple(
                    RegisterPerson(person_id, name, alias, tuple(periods[group_id][person_id]))
                    for person_id, (name, alias) in people[group_id].items()
                ),
                marks=marks_by_group[group_id],
            )
            for group_id, name in names.items()
        }
