"""Writing a group's session rows from its cadence: shared by the planning services.

Every function works inside the caller's transaction, so creating a group and its
sessions, or enrolling someone and planning their module 1 meetings, is one unit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from sqlmodel import Session, col, or_, select

from imr_tui.curriculum import Curriculum
from imr_tui.domain.schedule_records import PlanChange
from imr_tui.i18n import _, format_short_date
from imr_tui.models import Cadence, ClosedPeriod, CourseGroup, GroupSession, SessionStatus
from imr_tui.planning.schedule import (
    PlannedContent,
    closed_days,
    curriculum_session_count,
    is_public_holiday,
    lay_out_individual,
    lay_out_modules,
    next_open_day,
    session_dates,
)


def closed_checker(session: Session, group_id: int) -> Callable[[dt.date], bool]:
    """Public holidays and the closed periods of this group and of the whole service."""
    periods = session.exec(
        select(ClosedPeriod.starts_on, ClosedPeriod.ends_on).where(
            or_(col(ClosedPeriod.group_id).is_(None), col(ClosedPeriod.group_id) == group_id)
        )
    ).all()
    return closed_days(periods)


def group_rows(session: Session, group_id: int, participant_id: int | None = None) -> list[GroupSession]:
    """The group's sessions in date order: its group sessions, or one person's individual meetings."""
    owner = col(GroupSession.participant_id).is_(None) if participant_id is None else col(GroupSession.participant_id) == participant_id
    return list(
        session.exec(
            select(GroupSession).where(GroupSession.group_id == group_id, owner).order_by(GroupSession.date, GroupSession.start_time, GroupSession.id)
        ).all()
    )


def weekdays_of(group: CourseGroup) -> tuple[int, ...]:
    return tuple(int(day) for day in group.weekdays.split(",") if day)


def regenerate(session: Session, group: CourseGroup, curriculum: Curriculum, from_day: dt.date, dates: Sequence[dt.date] = ()) -> PlanChange:
    """Plan the group sessions from `from_day` on again from the cadence; earlier and held ones stay.

    Planned rows are reused in date order (their ids stay, so links to them survive), the
    rest are removed or added; the curriculum continues after the sessions that stay.
    """
    rows = group_rows(session, group.id)
    kept = [row for row in rows if row.status != SessionStatus.PLANNED or row.date < from_day]
    replaceable = [row for row in rows if row not in kept]
    taken = {row.date for row in kept}
    counted = sum(1 for row in kept if row.status != SessionStatus.CANCELLED)
    closed = closed_checker(session, group.id)
    warnings: list[str] = []
    if group.cadence == Cadence.DATES:
        new_dates = [day for day in dates if day >= from_day and day not in taken]
        warnings = [_("{date} is a public holiday").format(date=format_short_date(day)) for day in new_dates if is_public_holiday(day)]
    else:
        start = max(group.start_date, from_day)
        wanted = None if group.end_date else max(curriculum_session_count(curriculum) - counted, 0)
        new_dates = [
            day
            for day in session_dates(start, Cadence(group.cadence), weekdays_of(group), count=wanted, until=group.end_date, closed=closed, anchor=group.start_date)
            if day not in taken
        ]
    contents = lay_out_modules(curriculum, counted + len(new_dates))[counted:]
    changed = 0
    for row, day, content in zip(replaceable, new_dates, contents):
        if (row.date, row.start_time, row.minutes, row.module_id, row.topic_id) != (day, group.start_time, group.session_minutes, content.module_id, content.topic_id):
            row.date, row.start_time, row.minutes = day, group.start_time, group.session_minutes
            row.module_id, row.topic_id = content.module_id, content.topic_id
            session.add(row)
            changed += 1
    for row in replaceable[len(new_dates) :]:
        session.delete(row)
    for day, content in list(zip(new_dates, contents))[len(replaceable) :]:
        session.add(new_session(group, day, content))
    return PlanChange(
        changed_sessions=changed,
        added_sessions=max(len(new_dates) - len(replaceable), 0),
        removed_sessions=max(len(replaceable) - len(new_dates), 0),
        warnings=tuple(warnings),
        cut_modules=cut_modules(curriculum, counted + len(new_dates)) if group.end_date or group.cadence == Cadence.DATES else (),
    )


def cut_modules(curriculum: Curriculum, session_count: int) -> tuple[str, ...]:
    """The group modules (ids, in order) that `session_count` sessions leave out, wholly or in part."""
    full = lay_out_modules(curriculum, curriculum_session_count(curriculum))
    return tuple(dict.fromkeys(content.module_id for content in full[session_count:] if content.module_id))


def new_session(group: CourseGroup, day: dt.date, content: PlannedContent) -> GroupSession:
    return GroupSession(
        group_id=group.id, date=day, start_time=group.start_time, minutes=group.session_minutes,
        module_id=content.module_id, topic_id=content.topic_id,
    )  # fmt: skip


def next_meeting_day(session: Session, group: CourseGroup, after: dt.date) -> dt.date:
    """The group's next meeting day after `after`: its cadence, or a week on for a list of dates."""
    closed = closed_checker(session, group.id)
    if group.cadence == Cadence.DATES:
        return next_open_day(after + dt.timedelta(days=7), closed)
    following = after + dt.timedelta(days=1)
    return session_dates(following, Cadence(group.cadence), weekdays_of(group), count=1, closed=closed, anchor=group.start_date)[0]


DAY_ENDS = dt.time(16, 0)
"""No module 1 meeting is planned to end after this: the therapists' working day."""


def add_individual_meetings(session: Session, group: CourseGroup, participant_id: int, curriculum: Curriculum, first_day: dt.date) -> int:
    """Module 1 meetings for one person, weekly from `first_day`, unless they already have some.

    Each is set in the first free slot after the group session (so the same therapists can
    hold them on a group day without a clash), after the group's other module 1 meetings
    that day: nine people enrolled at once get nine different hours, not one. A day with
    no free slot left moves the meeting to the next open day. Each can be moved afterwards.
    """
    existing = [row for row in group_rows(session, group.id, participant_id) if row.status != SessionStatus.CANCELLED]
    contents = lay_out_individual(curriculum)
    if existing or not contents:
        return 0
    closed = closed_checker(session, group.id)
    minutes = curriculum.structure.individual_minutes
    taken = _individual_times(session, group.id)
    day = next_open_day(first_day, closed)
    for content in contents:
        day, start = _free_slot(day, group, minutes, taken, closed)
        taken.setdefault(day, []).append((start, minutes))
        session.add(
            GroupSession(
                group_id=group.id, participant_id=participant_id, date=day, start_time=start,
                minutes=minutes, module_id=content.module_id, topic_id=content.topic_id,
            )  # fmt: skip
        )
        day = next_open_day(day + dt.timedelta(days=7), closed)
    return len(contents)


def _individual_times(session: Session, group_id: int) -> dict[dt.date, list[tuple[dt.time, int]]]:
    """When the group's module 1 meetings already are, per day (start, minutes)."""
    rows = session.exec(
        select(GroupSession.date, GroupSession.start_time, GroupSession.minutes).where(
            GroupSession.group_id == group_id, col(GroupSession.participant_id).is_not(None), GroupSession.status != SessionStatus.CANCELLED
        )
    ).all()
    taken: dict[dt.date, list[tuple[dt.time, int]]] = {}
    for day, start, length in rows:
        taken.setdefault(day, []).append((start, length))
    return taken


def _free_slot(day: dt.date, group: CourseGroup, minutes: int, taken: dict[dt.date, list[tuple[dt.time, int]]], closed: Callable[[dt.date], bool]) -> tuple[dt.date, dt.time]:
    """The first start on `day` (or an open day after it) after the group session that meets no other meeting."""
    for _attempt in range(60):
        start = dt.datetime.combine(day, group.start_time) + dt.timedelta(minutes=group.session_minutes)
        # A group that ends late in the day still gets one meeting after it.
        day_ends = max(dt.datetime.combine(day, DAY_ENDS), start + dt.timedelta(minutes=minutes))
        busy = sorted((dt.datetime.combine(day, begins), dt.datetime.combine(day, begins) + dt.timedelta(minutes=length)) for begins, length in taken.get(day, []))
        while start + dt.timedelta(minutes=minutes) <= day_ends:
            ends = start + dt.timedelta(minutes=minutes)
            clash = next((until for begins, until in busy if begins < ends and start < until), None)
            if clash is None:
                return day, start.time()
            start = clash
        day = next_open_day(day + dt.timedelta(days=1), closed)
    return day, (dt.datetime.combine(day, group.start_time) + dt.timedelta(minutes=group.session_minutes)).time()
