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
            sessions = select(GroupSession).where(GroupSession.status != "cancelled", col(GroupSession.participant_id).is_(None))
            enrolments = select(Enrolment, Participant).join(Participant, col(Participant.id) == Enrolment.participant_id)
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
        for row in session_rows:
            by_group[row.group_id].append(RegisterSession(row.id, row.date, row.module_id, row.topic_id, row.status))
        periods: dict[int, dict[int, list]] = defaultdict(dict)
        people: dict[int, dict[int, Participant]] = defaultdict(dict)
        for enrolment, person in enrolment_rows:
            periods[enrolment.group_id].setdefault(person.id, []).append((enrolment.joined_on, enrolment.left_on))
            people[enrolment.group_id][person.id] = person
        marks_by_group: dict[int, dict[tuple[int, int], str]] = defaultdict(dict)
        for participant_id, session_id, status, group_id in mark_rows:
            marks_by_group[group_id][(participant_id, session_id)] = status
        return {
            group_id: Register(
                group_id=group_id,
                group_name=name,
                sessions=tuple(by_group[group_id]),
                people=tuple(
                    RegisterPerson(person.id, person.name, person.alias, tuple(periods[group_id][person.id]))
                    for person in people[group_id].values()
                ),
                marks=marks_by_group[group_id],
            )
            for group_id, name in names.items()
        }
