"""Builds the demo: a daily group of eleven weeks and a weekly group of about a year.

Everything is made relative to `today`, so the demo always has sessions held in the
past and a session planned today (the weekly group meets on today's weekday).
"""

from __future__ import annotations

import datetime as dt
import random

from sqlmodel import Session

from imr_tui.curriculum import Curriculum
from imr_tui.models import (
    Attendance,
    AttendanceStatus,
    Cadence,
    CourseGroup,
    Enrolment,
    GoalRevision,
    GroupSession,
    GroupStatus,
    GroupTherapist,
    ImrsRating,
    ImrsScore,
    Participant,
    RecoveryGoal,
    SessionStatus,
    ShortTermGoal,
    Step,
    StepFollowUp,
    StepStatus,
    Therapist,
    TherapistRole,
)
from imr_tui.planning.schedule import lay_out_modules, session_dates
from imr_tui.store.database import Database
from imr_tui.store.demo.people import DAILY_GROUP_PEOPLE, GOALS, IMRS_RATINGS, LEAVE_REASON, REVISED_GOALS, THERAPISTS, WEEKLY_GROUP_PEOPLE
from imr_tui.store.demo.service_plans import add_service_plans


def build_demo(database: Database, curriculum: Curriculum, today: dt.date, seed: int = 7) -> None:
    rng = random.Random(seed)
    with database.transaction() as session:
        therapists = [Therapist(name=name, email=email) for name, email in THERAPISTS]
        session.add_all(therapists)
        session.flush()
        monday_five_weeks_ago = today - dt.timedelta(days=today.weekday() + 35)
        daily = _group(
            session, "Dagsgruppa Solsiden", "Solsiden recoverysenter, rom 2", Cadence.WEEKDAYS, (),
            monday_five_weeks_ago, dt.time(10, 0), therapists[:2], weeks=11,
        )  # fmt: skip
        weekly = _group(
            session, "Ukesgruppa Nydal", "Nydal helsehus, møterom 3", Cadence.WEEKLY, (today.isoweekday(),),
            today - dt.timedelta(weeks=22), dt.time(13, 0), therapists[2:], weeks=50,
        )  # fmt: skip
        _fill(session, rng, curriculum, daily, DAILY_GROUP_PEOPLE, today, goals_from=0)
        _fill(session, rng, curriculum, weekly, WEEKLY_GROUP_PEOPLE, today, goals_from=3)
        _measures_and_revisions(session)
        add_service_plans(session, today)


def _group(session: Session, name, location, cadence, weekdays, start, start_time, leaders, weeks) -> CourseGroup:
    group = CourseGroup(
        name=name, location=location, cadence=cadence, weekdays=",".join(map(str, weekdays)), start_date=start,
        end_date=start + dt.timedelta(weeks=weeks), start_time=start_time, session_minutes=60, status=GroupStatus.RUNNING,
    )  # fmt: skip
    session.add(group)
    session.flush()
    roles = [TherapistRole.LEAD, TherapistRole.CO_LEAD]
    session.add_all(GroupTherapist(group_id=group.id, therapist_id=t.id, role=role) for t, role in zip(leaders, roles, strict=False))
    return group


def _fill(session: Session, rng: random.Random, curriculum: Curriculum, group: CourseGroup, people, today, goals_from: int) -> None:
    per_week = 5 if group.cadence == Cadence.WEEKDAYS else 1
    weeks = (group.end_date - group.start_date).days // 7
    dates = session_dates(group.start_date, Cadence(group.cadence), map(int, group.weekdays.split(",") if group.weekdays else []), count=weeks * per_week)
    plan = lay_out_modules(curriculum, len(dates))
    sessions = []
    for day, content in zip(dates, plan, strict=False):
        held = day < today
        topic = curriculum.topic(content.module_id, content.topic_id)
        sessions.append(
            GroupSession(
                group_id=group.id, date=day, start_time=group.start_time, minutes=group.session_minutes,
                module_id=content.module_id, topic_id=content.topic_id,
                status=SessionStatus.HELD if held else SessionStatus.PLANNED,
                home_assignment=topic.home_assignment.nb if held and topic and topic.home_assignment else "",
            )  # fmt: skip
        )
    session.add_all(sessions)
    session.flush()
    held = [s for s in sessions if s.status == SessionStatus.HELD]
    participants = [Participant(name=name, alias=alias, needs_pickup=pickup) for name, alias, pickup in people]
    session.add_all(participants)
    session.flush()
    leaver, drifter = participants[-1], participants[2]
    for person in participants:
        left_on = held[len(held) // 2].date if person is leaver and held else None
        session.add(Enrolment(group_id=group.id, participant_id=person.id, joined_on=group.start_date, left_on=left_on, leave_reason=LEAVE_REASON if left_on else ""))
        reliability = rng.uniform(0.7, 0.97)
        for index, meeting in enumerate(held):
            if left_on and meeting.date >= left_on:
                break
            drifting = person is drifter and index >= len(held) - 3
            status = AttendanceStatus.ABSENT_NO_NOTICE if drifting else _attendance(rng, reliability)
            session.add(Attendance(session_id=meeting.id, participant_id=person.id, status=status, picked_up=person.needs_pickup and status.attended))
    active = [p for p in participants if p is not leaver]
    _goals(session, rng, active, held, sessions, goals_from)


def _attendance(rng: random.Random, reliability: float) -> AttendanceStatus:
    if rng.random() < reliability:
        return rng.choices([AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.LEFT_EARLY], [0.85, 0.11, 0.04])[0]
    return rng.choices([AttendanceStatus.ABSENT_NOTICE, AttendanceStatus.ABSENT_NO_NOTICE], [0.6, 0.4])[0]


def _goals(session: Session, rng: random.Random, people, held, sessions, goals_from: int) -> None:
    """A goal per person, with steps set in the last sessions and followed up in the next."""
    upcoming = next((s for s in sessions if s.status == SessionStatus.PLANNED), None)
    recent = held[-3:]
    for offset, person in enumerate(people):
        text, why, short_term, steps = GOALS[(goals_from + offset) % len(GOALS)]
        set_on = held[0].date if held else upcoming.date
        goal = RecoveryGoal(participant_id=person.id, text=text, why=why, set_on=set_on)
        session.add(goal)
        session.flush()
        target = goal.set_on + dt.timedelta(weeks=12)
        step_goal = ShortTermGoal(goal_id=goal.id, text=short_term, target_date=target)
        session.add(step_goal)
        session.flush()
        meetings = [*recent, upcoming] if upcoming else recent
        for position, (set_in, due) in enumerate(zip(meetings, meetings[1:], strict=False)):
            is_current = due is upcoming
            result = None if is_current else rng.choices([StepStatus.DONE, StepStatus.PARTLY, StepStatus.NOT_DONE], [0.6, 0.25, 0.15])[0]
            step = Step(
                short_term_goal_id=step_goal.id, participant_id=person.id, text=steps[position % len(steps)],
                set_in_session_id=set_in.id, due_session_id=due.id, due_date=due.date,
                status=result or StepStatus.PLANNED, position=position,
            )  # fmt: skip
            session.add(step)
            session.flush()
            if result:
                session.add(StepFollowUp(step_id=step.id, session_id=due.id, result=result))


def _measures_and_revisions(session: Session) -> None:
    """A few IMR Scale ratings over the course, and a goal that found its words on the way."""
    from sqlmodel import select

    people = {person.name: person.id for person in session.exec(select(Participant)).all()}
    joined = {enrolment.participant_id: enrolment.joined_on for enrolment in session.exec(select(Enrolment)).all()}
    item_ids = ["goal-progress", "knowledge", "family-and-friends", "social-contact", "structured-roles", "symptom-distress", "daily-functioning",
                "relapse-plan", "relapses", "hospital-stays", "coping", "self-help", "medication", "alcohol", "drugs"]  # fmt: skip
    for name, weeks, rater, phase, scores in IMRS_RATINGS:
        person = people[name]
        rating = ImrsRating(participant_id=person, rated_on=joined[person] + dt.timedelta(weeks=weeks), rater=rater, phase=phase)
        session.add(rating)
        session.flush()
        session.add_all(ImrsScore(rating_id=rating.id, item_id=item, score=score) for item, score in zip(item_ids, scores, strict=False))
    for name, text, why, weeks in REVISED_GOALS:
        goal = session.exec(select(RecoveryGoal).where(RecoveryGoal.participant_id == people[name])).first()
        session.add(GoalRevision(goal_id=goal.id, text=text, why=why, replaced_on=goal.set_on + dt.timedelta(weeks=weeks)))
