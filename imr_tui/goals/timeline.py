"""A person's course as a timeline: per session (or day), how the last step went and what was promised.

Built from the goal tree alone, so the screen, the command line and the printed page
show the same history.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from imr_tui.store.goal_records import ParticipantGoals, StepRecord


@dataclass(frozen=True)
class Outcome:
    step: StepRecord
    result: str
    """done, partly, not_done, dropped, or empty for a note without a result."""
    note: str


@dataclass(frozen=True)
class Milestone:
    kind: str
    """goal_set or goal_revised."""
    text: str


@dataclass(frozen=True)
class TimelineDay:
    date: dt.date
    outcomes: tuple[Outcome, ...] = ()
    promised: tuple[StepRecord, ...] = ()
    milestones: tuple[Milestone, ...] = ()


def build_timeline(goals: ParticipantGoals) -> list[TimelineDay]:
    """The days something happened, oldest first."""
    outcomes: dict[dt.date, list[Outcome]] = defaultdict(list)
    promised: dict[dt.date, list[StepRecord]] = defaultdict(list)
    milestones: dict[dt.date, list[Milestone]] = defaultdict(list)
    for goal in goals.goals:
        # Each wording is shown on the day it was chosen; the current one on the last revision's day.
        wordings = [revision.text for revision in goal.revisions] + [goal.text]
        days = [goal.set_on] + [revision.replaced_on for revision in goal.revisions]
        for index, (day, text) in enumerate(zip(days, wordings, strict=True)):
            milestones[day].append(Milestone("goal_set" if index == 0 else "goal_revised", text))
    for step in goals.all_steps():
        promised[step.set_on].append(step)
        for day, outcome in _outcomes(step):
            outcomes[day].append(outcome)
    days = sorted(set(outcomes) | set(promised) | set(milestones))
    return [TimelineDay(day, tuple(outcomes[day]), tuple(promised[day]), tuple(milestones[day])) for day in days]


def _outcomes(step: StepRecord) -> list[tuple[dt.date, Outcome]]:
    """The step's follow-ups; a result set without a follow-up counts on the day it was due."""
    found = [(follow_up.date, Outcome(step, follow_up.result, follow_up.note)) for follow_up in step.follow_ups if follow_up.result or follow_up.note]
    has_result = any(outcome.result for _day, outcome in found)
    if not has_result and (step.tried or step.status == "dropped"):
        found.append((step.due_on or step.set_on, Outcome(step, step.status, "")))
    return found
