"""Recovery goals in the person's own words, short-term goals, and the steps towards them."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from dataset.tables import Tables, stamp
from imr_tui.models import GoalStatus, StepStatus
from imr_tui.store.demo.people import GOALS

STEP_RATE = 0.25
"""A step is agreed in about one attended session out of four, and followed up in the next."""
SHORT_TERM_GOALS = (2, 3)
RESULTS = (StepStatus.DONE, StepStatus.PARTLY, StepStatus.NOT_DONE, StepStatus.DROPPED)
RESULT_WEIGHTS = (0.55, 0.2, 0.2, 0.05)


@dataclass(frozen=True)
class Meeting:
    """A group session as goals and steps refer to it."""

    id: int
    date: dt.date
    status: str


class Goals:
    def __init__(self, tables: Tables, rng: random.Random, today: dt.date) -> None:
        self.tables = tables
        self.rng = rng
        self.today = today

    def write(
        self, participant_id: int, set_on: dt.date, attended: list[Meeting], following: dict[int, Meeting], *,
        course_over: bool, left: bool, last_held_id: int | None,
    ) -> None:  # fmt: skip
        """One recovery goal for a course, its short-term goals, and steps set in the sessions attended.

        Everyone present at the last session before today has a step due at the next one,
        so a session planned for today has steps to follow up.
        """
        choice = self.rng.randrange(len(GOALS))
        text, why, _short, _steps = GOALS[choice]
        status = GoalStatus.ARCHIVED if left else GoalStatus.ACHIEVED if course_over and self.rng.random() < 0.3 else GoalStatus.ACTIVE
        goal_id = self.tables.add("recovery_goal", stamp(set_on), participant_id=participant_id, text=text, why=why, set_on=set_on, status=status)
        short_term = [self._short_term(goal_id, set_on, choice + position, position, left) for position in range(self.rng.randint(*SHORT_TERM_GOALS))]
        positions = [0] * len(short_term)
        for index, meeting in enumerate(attended):
            due = following.get(meeting.id)
            if due is None or not (meeting.id == last_held_id or self.rng.random() < STEP_RATE):
                continue
            which = index * len(short_term) // len(attended)  # the short-term goals are worked on in turn
            short_term_id, texts = short_term[which]
            self._step(participant_id, short_term_id, texts[positions[which] % len(texts)], meeting, due, positions[which])
            positions[which] += 1

    def _short_term(self, goal_id: int, set_on: dt.date, choice: int, position: int, left: bool) -> tuple[int, list[str]]:
        _text, _why, short_text, step_texts = GOALS[choice % len(GOALS)]
        target = set_on + dt.timedelta(weeks=12 * (position + 1))
        reached = target < self.today and self.rng.random() < 0.6
        status = GoalStatus.ARCHIVED if left else GoalStatus.ACHIEVED if reached else GoalStatus.ACTIVE
        short_term_id = self.tables.add(
            "short_term_goal", stamp(set_on), goal_id=goal_id, text=short_text, target_date=target, status=status, position=position
        )
        return short_term_id, step_texts

    def _step(self, participant_id: int, short_term_id: int, text: str, set_in: Meeting, due: Meeting, position: int) -> None:
        followed_up = due.date < self.today
        result = self.rng.choices(RESULTS, RESULT_WEIGHTS)[0] if followed_up else None
        step_id = self.tables.add(
            "step", stamp(set_in.date), short_term_goal_id=short_term_id, participant_id=participant_id, text=text,
            set_in_session_id=set_in.id, due_session_id=due.id, due_date=due.date, status=result or StepStatus.PLANNED,
            position=position,
        )  # fmt: skip
        if result:
            self.tables.add("step_follow_up", stamp(due.date), step_id=step_id, session_id=due.id, result=result, note="")
