"""Reading goals: one person's goal tree, a group's overview, finding a person by name.

Each read takes a fixed number of queries, however long the person's history.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlmodel import Session, col, select

from imr_tui.errors import BadInputError, echoed
from imr_tui.i18n import _
from imr_tui.models import Enrolment, GoalRevision, GroupSession, Participant, RecoveryGoal, ShortTermGoal, Step, StepFollowUp
from imr_tui.store.database import Database
from imr_tui.store.enrolled import people_in_group
from imr_tui.store.goal_records import (
    FollowUpRecord,
    GroupGoalRow,
    ParticipantGoals,
    ParticipantRef,
    RecoveryGoalRecord,
    RevisionRecord,
    ShortTermGoalRecord,
    StepRecord,
)


class GoalService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def find_participant(self, name_or_id: str) -> ParticipantRef:
        """The person a user means: an id, an exact name, or a unique part of one."""
        text = name_or_id.strip()
        if not text:
            raise BadInputError(_("PARTICIPANT: give a participant's name or id; see the participants with: imr-tui group show GROUP"))
        with self.database.reading() as session:
            people = [ParticipantRef(p.id, p.name, p.alias) for p in session.exec(select(Participant).order_by(Participant.name)).all()]
        if text.isascii() and text.isdigit() and (by_id := [p for p in people if p.id == int(text)]):
            return by_id[0]
        exact = [p for p in people if p.name.casefold() == text.casefold()]
        matches = exact or [p for p in people if text and text.casefold() in p.name.casefold()]
        if not matches:
            raise BadInputError(_("no participant matches '{text}'; see the participants with: imr-tui group show GROUP").format(text=echoed(text)))
        if len(matches) > 1:
            names = ", ".join(f"{p.name} (id {p.id})" for p in matches)
            raise BadInputError(_("'{text}' matches several participants: {names}; give the id or the full name").format(text=echoed(text), names=names))
        return matches[0]

    def participant_goals(self, participant_id: int, today: dt.date | None = None) -> ParticipantGoals:
        with self.database.reading() as session:
            person = session.get(Participant, participant_id)
            if person is None:
                raise BadInputError(_("no participant has the id {id}").format(id=participant_id))
            goals = session.exec(select(RecoveryGoal).where(RecoveryGoal.participant_id == participant_id).order_by(RecoveryGoal.set_on, RecoveryGoal.id)).all()
            goal_ids = [goal.id for goal in goals]
            revisions = session.exec(select(GoalRevision).where(col(GoalRevision.goal_id).in_(goal_ids)).order_by(GoalRevision.replaced_on, GoalRevision.id)).all()
            shorts = session.exec(select(ShortTermGoal).where(col(ShortTermGoal.goal_id).in_(goal_ids)).order_by(ShortTermGoal.position, ShortTermGoal.id)).all()
            steps = [record for _owner, record in step_records(session, [participant_id])]
            next_session = _next_session_on(session, participant_id, today) if today else None
        by_goal: dict[int, list[RevisionRecord]] = defaultdict(list)
        for revision in revisions:
            by_goal[revision.goal_id].append(RevisionRecord(revision.text, revision.why, revision.replaced_on))
        steps_by_short: dict[int | None, list[StepRecord]] = defaultdict(list)
        for step in steps:
            steps_by_short[step.short_term_goal_id].append(step)
        short_by_goal: dict[int, list[ShortTermGoalRecord]] = defaultdict(list)
        for short in shorts:
            short_by_goal[short.goal_id].append(
                ShortTermGoalRecord(short.id, short.goal_id, short.text, short.target_date, short.status, short.position, tuple(steps_by_short.get(short.id, ())))
            )
        records = tuple(
            RecoveryGoalRecord(goal.id, goal.text, goal.why, goal.set_on, goal.status, tuple(short_by_goal.get(goal.id, ())), tuple(by_goal.get(goal.id, ())))
            for goal in goals
        )
        person_ref = ParticipantRef(person.id, person.name, person.alias)
        return ParticipantGoals(person_ref, records, tuple(steps_by_short.get(None, ())), next_session)

    def group_overview(self, group_id: int, on: dt.date) -> list[GroupGoalRow]:
        """Everyone enrolled in the group on `on`: their goal, current step and how the last step went."""
        with self.database.reading() as session:
            people = session.exec(people_in_group(group_id, on)).all()
            ids = [person.id for person in people]
            goals = session.exec(
                select(RecoveryGoal).where(col(RecoveryGoal.participant_id).in_(ids), RecoveryGoal.status != "archived").order_by(RecoveryGoal.set_on, RecoveryGoal.id)
            ).all()
            steps = step_records(session, ids)
        goal_text = {goal.participant_id: goal.text for goal in goals}
        by_person: dict[int, list[StepRecord]] = defaultdict(list)
        for owner, step in steps:
            by_person[owner].append(step)
        return [_overview_row(ParticipantRef(p.id, p.name, p.alias), goal_text.get(p.id), by_person.get(p.id, [])) for p in people]


def step_records(session: Session, participant_ids: list[int]) -> list[tuple[int, StepRecord]]:
    """The steps of these people (each with its owner's id) and their follow-ups and dates: three queries."""
    steps = session.exec(select(Step).where(col(Step.participant_id).in_(participant_ids)).order_by(Step.position, Step.id)).all()
    step_ids = [step.id for step in steps]
    follow_ups = session.exec(
        select(StepFollowUp, GroupSession.date)
        .outerjoin(GroupSession, col(GroupSession.id) == StepFollowUp.session_id)
        .where(col(StepFollowUp.step_id).in_(step_ids))
        .order_by(StepFollowUp.id)
    ).all()
    session_ids = {sid for step in steps for sid in (step.set_in_session_id, step.due_session_id) if sid is not None}
    dates: dict[int, dt.date] = dict(session.exec(select(GroupSession.id, GroupSession.date).where(col(GroupSession.id).in_(session_ids))).all())
    by_step: dict[int, list[FollowUpRecord]] = defaultdict(list)
    for follow_up, day in follow_ups:
        by_step[follow_up.step_id].append(FollowUpRecord(follow_up.id, follow_up.session_id, day or follow_up.created_at.date(), follow_up.result, follow_up.note))
    result: list[tuple[int, StepRecord]] = []
    for step in steps:
        record = StepRecord(
            id=step.id, short_term_goal_id=step.short_term_goal_id, text=step.text, status=step.status, position=step.position,
            set_on=dates.get(step.set_in_session_id) or step.created_at.date(),
            due_on=step.due_date or dates.get(step.due_session_id), due_session_id=step.due_session_id,
            follow_ups=tuple(sorted(by_step.get(step.id, ()), key=lambda f: (f.date, f.id))),
        )  # fmt: skip
        result.append((step.participant_id, record))
    return result


def _next_session_on(session: Session, participant_id: int, after: dt.date) -> dt.date | None:
    """The first planned session after `after` of a group the person is in, or of their own."""
    return session.exec(
        select(GroupSession.date)
        .join(Enrolment, col(Enrolment.group_id) == GroupSession.group_id)
        .where(Enrolment.participant_id == participant_id, col(Enrolment.left_on).is_(None))
        .where(GroupSession.date > after, GroupSession.status == "planned")
        .where(col(GroupSession.participant_id).is_(None) | (col(GroupSession.participant_id) == participant_id))
        .order_by(GroupSession.date)
        .limit(1)
    ).first()


def _overview_row(person: ParticipantRef, goal: str | None, steps: list[StepRecord]) -> GroupGoalRow:
    in_order = sorted(steps, key=lambda step: (step.set_on, step.id))
    planned = [step for step in in_order if step.status == "planned"]
    current = planned[-1] if planned else None
    tried = [step for step in in_order if step.tried]
    last = max(tried, key=lambda step: (_result_date(step), step.id), default=None)
    return GroupGoalRow(
        participant=person, goal=goal, current_step=current.text if current else None, current_step_due=current.due_on if current else None,
        last_result=last.status if last else None, last_result_on=_result_date(last) if last else None,
        steps_tried=len(tried), steps_done_or_partly=sum(1 for step in tried if step.status in {"done", "partly"}),
    )  # fmt: skip


def _result_date(step: StepRecord) -> dt.date:
    """When a step's result was known: its last follow-up, else the day it was due or set."""
    with_result = [f for f in step.follow_ups if f.result]
    return with_result[-1].date if with_result else (step.due_on or step.set_on)
