"""Years of a busy IMR service: its groups, who led them, who took part, and who came.

Everything follows from the seed and `today`, so the same arguments give the same database.
Sessions before `today` are held (a few cancelled), the rest planned; a few groups meet
today, so the first screen looks as it does on a working day.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from dataset.calendar import ServiceCalendar
from dataset.goals import Goals, Meeting
from dataset.names import CANCEL_REASONS, LEAVE_REASONS, LOCATIONS, OWN_ASSIGNMENTS, PLACES, SESSION_NOTES, people
from dataset.people import Participants
from dataset.service_plans import ServicePlans
from dataset.staff import Staff
from dataset.tables import Tables, stamp
from imr_tui.curriculum import Curriculum
from imr_tui.models import AttendanceStatus, Cadence, GroupStatus, SessionStatus, TherapistRole
from imr_tui.planning.schedule import lay_out_modules, session_dates

GROUPS_PER_YEAR = 40
MEETING_TODAY = 3
"""Groups made to meet on today's weekday, so there is always a session today (even on a Sunday)."""
PLANNED_AHEAD_DAYS = 90
SESSIONS_PER_COURSE = (38, 50)
GROUP_SIZE = (8, 12)
LATE_JOINERS = ((0, 1, 2), (0.5, 0.35, 0.15))
LEAVE_RATE = 0.2
CANCEL_RATE = 0.03
INDIVIDUAL_RATE = 0.7
"""Share of participants with a one-to-one session for module 1 before joining the group."""
OWN_ASSIGNMENT_RATE = 0.02
CADENCES = ((Cadence.WEEKLY, Cadence.WEEKDAYS, Cadence.FORTNIGHTLY), (0.7, 0.15, 0.15))
START_TIMES = (dt.time(10, 0), dt.time(12, 30), dt.time(13, 0), dt.time(14, 0))
KIND = {Cadence.WEEKLY: "Ukesgruppa", Cadence.WEEKDAYS: "Dagsgruppa", Cadence.FORTNIGHTLY: "Fjortendagersgruppa"}


@dataclass(frozen=True)
class GroupPlan:
    start: dt.date
    cadence: Cadence
    weekdays: tuple[int, ...]
    sessions: int
    meets_today: bool = False


def build_service(curriculum: Curriculum, today: dt.date, years: int, seed: int) -> Tables:
    rng = random.Random(seed)
    tables = Tables()
    first_day = today - dt.timedelta(days=round(365.25 * years))
    courses = CourseWriter(tables, rng, curriculum, today, first_day, years)
    for plan in plan_groups(rng, first_day, today, years):
        courses.write(plan)
    return tables


def plan_groups(rng: random.Random, first_day: dt.date, today: dt.date, years: int) -> list[GroupPlan]:
    """About GROUPS_PER_YEAR courses a year, the last few still starting, in order of start."""
    plans = [
        GroupPlan(today - dt.timedelta(weeks=rng.randint(4, 20)), Cadence.WEEKLY, (today.isoweekday(),), rng.randint(*SESSIONS_PER_COURSE), meets_today=True)
        for _ in range(MEETING_TODAY)
    ]  # fmt: skip
    span = (today - first_day).days + PLANNED_AHEAD_DAYS
    for _ in range(max(GROUPS_PER_YEAR * years - MEETING_TODAY, 0)):
        cadence = rng.choices(*CADENCES)[0]
        weekdays = (rng.randint(1, 5),)
        if cadence == Cadence.WEEKLY and rng.random() < 0.15:
            weekdays = tuple(sorted({weekdays[0], rng.randint(1, 5)}))  # twice a week
        plans.append(GroupPlan(first_day + dt.timedelta(days=rng.randrange(span)), cadence, weekdays, rng.randint(*SESSIONS_PER_COURSE)))
    return sorted(plans, key=lambda plan: plan.start)


class CourseWriter:
    """Writes each course: the group, its leaders, sessions, participants, attendance and goals."""

    def __init__(self, tables: Tables, rng: random.Random, curriculum: Curriculum, today: dt.date, first_day: dt.date, years: int) -> None:
        self.tables = tables
        self.rng = rng
        self.curriculum = curriculum
        self.today = today
        self.calendar = ServiceCalendar(first_day.year, today.year + 1)
        self.calendar.write(tables)
        names = people(rng)
        self.staff = Staff(tables, rng, names, first_day, today, years)
        self.participants = Participants(tables, rng, names)
        self.goals = Goals(tables, rng, today)
        self.service_plans = ServicePlans(tables, rng, today)
        self.leads: dict[int, int] = {}
        self.names_used: set[str] = set()
        self.individual_module = next(module for module in curriculum.modules if module.individual)

    def write(self, plan: GroupPlan) -> None:
        closed = (lambda day: day != self.today and self.calendar.is_closed(day)) if plan.meets_today else self.calendar.is_closed
        dates = session_dates(plan.start, plan.cadence, plan.weekdays, count=plan.sessions, closed=closed)
        start_time = self.rng.choice(START_TIMES)
        group_id = self._group(plan, dates, start_time)
        meetings = self._sessions(group_id, dates, start_time)
        following = _following(meetings)
        held = [meeting for meeting in meetings if meeting.status == SessionStatus.HELD]
        last_held_id = held[-1].id if held and dates[-1] >= self.today else None
        for joined_on in self._places(dates):
            self._enrolment(group_id, joined_on, dates, meetings, following, last_held_id)

    def _group(self, plan: GroupPlan, dates: list[dt.date], start_time: dt.time) -> int:
        first, last = dates[0], dates[-1]
        place = self.rng.choice(PLACES)
        status = GroupStatus.FINISHED if last < self.today else GroupStatus.PLANNED if first > self.today else GroupStatus.RUNNING
        group_id = self.tables.add(
            "course_group", stamp(first - dt.timedelta(days=30)), name=self._name(plan.cadence, place, first),
            location=LOCATIONS[place], cadence=plan.cadence, weekdays=",".join(map(str, plan.weekdays)), start_date=first,
            end_date=last, start_time=start_time, session_minutes=self.curriculum.structure.group_minutes,
            language="en" if self.rng.random() < 0.05 else "nb", status=status, archived_at=None,
        )  # fmt: skip
        leaders = self.staff.pick(first, 3)
        self.leads[group_id] = leaders[0]
        roles = [TherapistRole.LEAD, TherapistRole.CO_LEAD] + ([TherapistRole.CO_THERAPIST] if self.rng.random() < 0.25 else [])
        for therapist_id, role in zip(leaders, roles):
            self.tables.add("group_therapist", stamp(first), group_id=group_id, therapist_id=therapist_id, role=role)
        return group_id

    def _name(self, cadence: Cadence, place: str, first: dt.date) -> str:
        season = "vår" if first.month < 7 else "høst"
        base = f"{KIND[cadence]} {place} {season} {first.year}"
        name, letter = base, ord("B")
        while name in self.names_used:
            name, letter = f"{base} {chr(letter)}", letter + 1
        self.names_used.add(name)
        return name

    def _sessions(self, group_id: int, dates: list[dt.date], start_time: dt.time) -> list[Meeting]:
        meetings = []
        for day, content in zip(dates, lay_out_modules(self.curriculum, len(dates))):
            status = SessionStatus.PLANNED
            if day < self.today:
                status = SessionStatus.CANCELLED if self.rng.random() < CANCEL_RATE else SessionStatus.HELD
            held = status == SessionStatus.HELD
            topic = self.curriculum.topic(content.module_id, content.topic_id)
            session_id = self.tables.add(
                "group_session", stamp(day), group_id=group_id, participant_id=None, date=day, start_time=start_time,
                minutes=self.curriculum.structure.group_minutes, module_id=content.module_id, topic_id=content.topic_id,
                status=status, cancel_reason=self.rng.choice(CANCEL_REASONS) if status == SessionStatus.CANCELLED else "",
                part_minutes="", timer_state="", notes=self.rng.choice(SESSION_NOTES) if held else "",
                home_assignment=topic.home_assignment.nb if held and topic and topic.home_assignment else "",
            )  # fmt: skip
            meetings.append(Meeting(session_id, day, status))
        return meetings

    def _places(self, dates: list[dt.date]) -> list[dt.date]:
        """The day each place is taken: most at the start, a few in the first third of the course."""
        joined = [dates[0]] * self.rng.randint(*GROUP_SIZE)
        late = self.rng.choices(*LATE_JOINERS)[0]
        candidates = [day for day in dates[1 : max(len(dates) // 3, 2)] if day <= self.today]
        joined += sorted(self.rng.choice(candidates) for _ in range(late)) if candidates else []
        return joined

    def _enrolment(self, group_id: int, joined_on: dt.date, dates: list[dt.date], meetings: list[Meeting], following: dict[int, Meeting], last_held_id: int | None) -> None:
        participant_id = self.participants.for_course(joined_on)
        left_on = self._leaving_day(joined_on, dates)
        self.tables.add(
            "enrolment", stamp(joined_on - dt.timedelta(days=14)), group_id=group_id, participant_id=participant_id,
            joined_on=joined_on, left_on=left_on, leave_reason=self.rng.choice(LEAVE_REASONS) if left_on else "",
            decision_reference=f"VEDTAK-{joined_on.year}-{self.rng.randint(1000, 9999)}" if self.rng.random() < 0.3 else "",
        )  # fmt: skip
        self.participants.course_ended(participant_id, left_on or dates[-1])
        individual = self._individual_session(group_id, participant_id, joined_on) if self.rng.random() < INDIVIDUAL_RATE else None
        expected = [m for m in meetings if m.status == SessionStatus.HELD and joined_on <= m.date and (left_on is None or m.date < left_on)]
        attended = self._attendance(participant_id, expected, drifting=left_on is not None)
        if left_on is None:
            self.service_plans.write(participant_id, dates[-1], self.leads[group_id])
        set_on = individual or joined_on
        if set_on < self.today:
            self.goals.write(
                participant_id, set_on, attended, following, course_over=dates[-1] < self.today, left=left_on is not None,
                last_held_id=last_held_id,
            )  # fmt: skip

    def _leaving_day(self, joined_on: dt.date, dates: list[dt.date]) -> dt.date | None:
        if self.rng.random() >= LEAVE_RATE:
            return None
        day = dates[int(len(dates) * self.rng.uniform(0.2, 0.8))]
        return day if joined_on < day < self.today else None

    def _individual_session(self, group_id: int, participant_id: int, joined_on: dt.date) -> dt.date:
        """A module 1 meeting one to one before the person joins the group; returns its date."""
        day = joined_on - dt.timedelta(days=self.rng.randint(3, 20))
        day -= dt.timedelta(days=max(day.weekday() - 4, 0))  # a weekday
        status = SessionStatus.HELD if day < self.today else SessionStatus.PLANNED
        session_id = self.tables.add(
            "group_session", stamp(day), group_id=group_id, participant_id=participant_id, date=day,
            start_time=dt.time(self.rng.randint(9, 14), 0), minutes=self.curriculum.structure.individual_minutes,
            module_id=self.individual_module.id, topic_id=self.rng.choice(self.individual_module.topics).id, status=status,
            cancel_reason="", part_minutes="", timer_state="", notes="", home_assignment="",
        )  # fmt: skip
        if status == SessionStatus.HELD:
            came = AttendanceStatus.PRESENT if self.rng.random() < 0.92 else AttendanceStatus.ABSENT_NOTICE
            self.tables.add("attendance", stamp(day), session_id=session_id, participant_id=participant_id, status=came, picked_up=False, note="")
        return day

    def _attendance(self, participant_id: int, expected: list[Meeting], drifting: bool) -> list[Meeting]:
        """A row per session the person was expected at; returns the sessions they came to."""
        reliability = self.rng.uniform(0.65, 0.97)
        pickup = self.participants.needs_pickup[participant_id]
        attended = []
        for index, meeting in enumerate(expected):
            if drifting and index >= len(expected) - 3:
                status = AttendanceStatus.ABSENT_NO_NOTICE  # drifting away before leaving
            else:
                status = _attendance_status(self.rng, reliability)
            self.tables.add(
                "attendance", stamp(meeting.date), session_id=meeting.id, participant_id=participant_id, status=status,
                picked_up=pickup and status.attended, note="",
            )  # fmt: skip
            if status.attended:
                attended.append(meeting)
                if self.rng.random() < OWN_ASSIGNMENT_RATE:
                    self.tables.add("home_assignment", stamp(meeting.date), session_id=meeting.id, participant_id=participant_id, text=self.rng.choice(OWN_ASSIGNMENTS))
        return attended


def _following(meetings: list[Meeting]) -> dict[int, Meeting]:
    """For each session, the next one that is not cancelled: where a step set in it is followed up."""
    result: dict[int, Meeting] = {}
    upcoming: Meeting | None = None
    for meeting in reversed(meetings):
        if upcoming is not None:
            result[meeting.id] = upcoming
        if meeting.status != SessionStatus.CANCELLED:
            upcoming = meeting
    return result


def _attendance_status(rng: random.Random, reliability: float) -> AttendanceStatus:
    if rng.random() < reliability:
        return rng.choices((AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.LEFT_EARLY), (0.85, 0.11, 0.04))[0]
    return rng.choices((AttendanceStatus.ABSENT_NOTICE, AttendanceStatus.ABSENT_NO_NOTICE), (0.6, 0.4))[0]
