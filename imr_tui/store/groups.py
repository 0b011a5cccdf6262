"""Groups: the overview for the first screen, looking a group up by name or id, its details."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import Date, bindparam, func, text
from sqlmodel import col, select

from imr_tui.domain.records import (
    EnrolledParticipant,
    GroupDetail,
    GroupOverview,
    SessionSummary,
    TherapistRef,
)
from imr_tui.errors import BadInputError, echoed
from imr_tui.i18n import _
from imr_tui.models import CourseGroup, Enrolment, GroupSession, GroupTherapist, Participant, SessionStatus, Therapist
from imr_tui.store.database import Database
from imr_tui.store.today_overview import ROLE_ORDER


def _summary(row: GroupSession) -> SessionSummary:
    return SessionSummary(
        id=row.id, group_id=row.group_id, date=row.date, start_time=row.start_time, minutes=row.minutes,
        module_id=row.module_id, topic_id=row.topic_id, status=row.status,
    )  # fmt: skip


class GroupService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def overview(self, today: dt.date, include_archived: bool = False) -> list[GroupOverview]:
        """Every group with its session today or next; five queries whatever the history."""
        with self.database.reading() as session:
            query = select(CourseGroup).order_by(CourseGroup.name, CourseGroup.id)
            if not include_archived:
                query = query.where(col(CourseGroup.archived_at).is_(None))
            groups = session.exec(query).all()
            therapists = self._therapists_by_group(session)
            active = dict(
                session.exec(
                    select(Enrolment.group_id, func.count())
                    .where(col(Enrolment.left_on).is_(None))
                    .group_by(Enrolment.group_id)
                ).all()
            )
            counts: dict[tuple[int, str], int] = {
                (group_id, status): count
                for group_id, status, count in session.exec(
                    select(GroupSession.group_id, GroupSession.status, func.count())
                    .where(col(GroupSession.participant_id).is_(None))
                    .group_by(GroupSession.group_id, GroupSession.status)
                ).all()
            }
            next_sessions = self._next_sessions(session, today)
        return [
            GroupOverview(
                id=group.id, name=group.name, location=group.location, status=group.status,
                therapists=therapists.get(group.id, ()), active_participants=active.get(group.id, 0),
                next_session=next_sessions.get(group.id),
                sessions_held=counts.get((group.id, SessionStatus.HELD), 0),
                sessions_planned=counts.get((group.id, SessionStatus.PLANNED), 0),
            )  # fmt: skip
            for group in groups
        ]

    def today_overview(self, today: dt.date) -> list[GroupOverview]:
        """What `overview(today)` gives, from the one statement the first reader runs before the store is open."""
        from imr_tui.store import today_overview

        query = text(today_overview.statement()).bindparams(bindparam("today", type_=Date))
        with self.database.engine.connect() as connection:
            return today_overview.records(connection.execute(query, {"today": today}))

    def find(self, name_or_id: str) -> tuple[int, str]:
        """The group a user means by `name_or_id`: an id, an exact name, or a unique part of one."""
        text = name_or_id.strip()
        if not text:
            raise BadInputError(_("GROUP: give a group's name or id; see the groups with: imr-tui group list"))
        with self.database.reading() as session:
            rows = session.exec(select(CourseGroup.id, CourseGroup.name)).all()
        if text.isascii() and text.isdigit():
            by_id = [row for row in rows if row[0] == int(text)]
            if by_id:
                return by_id[0]
        exact = [row for row in rows if row[1].casefold() == text.casefold()]
        matches = exact or [row for row in rows if text.casefold() in row[1].casefold()]
        if not matches:
            raise BadInputError(_("no group matches '{text}'; see the groups with: imr-tui group list").format(text=echoed(text)))
        if len(matches) > 1:
            names = ", ".join(f"{name} (id {group_id})" for group_id, name in matches)
            raise BadInputError(_("'{text}' matches several groups: {names}; give the id or the full name").format(text=echoed(text), names=names))
        return matches[0]

    def detail(self, group_id: int) -> GroupDetail:
        with self.database.reading() as session:
            group = session.get(CourseGroup, group_id)
            if group is None:
                raise BadInputError(_("no group has the id {id}").format(id=group_id))
            therapists = self._therapists_by_group(session, group_id).get(group_id, ())
            enrolments = session.exec(
                select(Enrolment, Participant)
                .join(Participant, col(Participant.id) == Enrolment.participant_id)
                .where(Enrolment.group_id == group_id)
                .order_by(Participant.name)
            ).all()
            sessions = session.exec(
                select(GroupSession).where(GroupSession.group_id == group_id).order_by(GroupSession.date, GroupSession.start_time)
            ).all()
        return GroupDetail(
            id=group.id, name=group.name, location=group.location, status=group.status, cadence=group.cadence,
            weekdays=tuple(int(day) for day in group.weekdays.split(",") if day),
            start_date=group.start_date, start_time=group.start_time, session_minutes=group.session_minutes,
            therapists=therapists,
            participants=tuple(
                EnrolledParticipant(
                    id=person.id, name=person.name, alias=person.alias, needs_pickup=person.needs_pickup,
                    joined_on=enrolment.joined_on, left_on=enrolment.left_on, leave_reason=enrolment.leave_reason,
                )
                for enrolment, person in enrolments
            ),
            sessions=tuple(_summary(row) for row in sessions),
        )  # fmt: skip

    @staticmethod
    def _therapists_by_group(session, group_id: int | None = None) -> dict[int, tuple[TherapistRef, ...]]:
        query = select(GroupTherapist.group_id, Therapist.id, Therapist.name, GroupTherapist.role).join(
            Therapist, col(Therapist.id) == GroupTherapist.therapist_id
        )
        if group_id is not None:
            query = query.where(GroupTherapist.group_id == group_id)
        by_group: dict[int, list[TherapistRef]] = defaultdict(list)
        for gid, therapist_id, name, role in session.exec(query).all():
            by_group[gid].append(TherapistRef(id=therapist_id, name=name, role=role))
        return {gid: tuple(sorted(refs, key=lambda ref: (ROLE_ORDER.get(ref.role, 9), ref.name))) for gid, refs in by_group.items()}

    @staticmethod
    def _next_sessions(session, today: dt.date) -> dict[int, SessionSummary]:
        """Each group's first planned session on or after today, in one query."""
        first_date = (
            select(GroupSession.group_id, func.min(GroupSession.date).label("first"))
            .where(GroupSession.date >= today, GroupSession.status == SessionStatus.PLANNED)
            .where(col(GroupSession.participant_id).is_(None))  # one-to-one module 1 meetings are not the group's
            .group_by(GroupSession.group_id)
            .subquery()
        )
        rows = session.exec(
            select(GroupSession)
            .join(first_date, (first_date.c.group_id == GroupSession.group_id) & (first_date.c.first == GroupSession.date))
            .where(GroupSession.status == SessionStatus.PLANNED, col(GroupSession.participant_id).is_(None))
            .order_by(GroupSession.start_time)
        ).all()
        result: dict[int, SessionSummary] = {}
        for row in rows:
            result.setdefault(row.group_id, _summary(row))
        return result
