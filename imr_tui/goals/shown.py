"""A person's goals as the screen shows them just after a key, before the store has answered.

Plain changes to the plain records: the goal screen shows a status or an order at once
(the same frame as the key), then the store follows and a fresh reading replaces this.
"""

from __future__ import annotations

from dataclasses import replace

from imr_tui.store.goal_records import ParticipantGoals, RecoveryGoalRecord, ShortTermGoalRecord, StepRecord


def with_status(goals: ParticipantGoals, kind: str, row_id: int, status: str) -> ParticipantGoals:
    def step(record: StepRecord) -> StepRecord:
        return replace(record, status=status) if kind == "step" and record.id == row_id else record

    def short(record: ShortTermGoalRecord) -> ShortTermGoalRecord:
        changed = replace(record, status=status) if kind == "short_term" and record.id == row_id else record
        return replace(changed, steps=tuple(step(s) for s in changed.steps))

    def goal(record: RecoveryGoalRecord) -> RecoveryGoalRecord:
        changed = replace(record, status=status) if kind == "goal" and record.id == row_id else record
        return replace(changed, short_term_goals=tuple(short(s) for s in changed.short_term_goals))

    return replace(goals, goals=tuple(goal(g) for g in goals.goals), loose_steps=tuple(step(s) for s in goals.loose_steps))


def with_move(goals: ParticipantGoals, kind: str, row_id: int, offset: int) -> ParticipantGoals:
    """The row moved up (-1) or down (+1) among its siblings; unchanged at either end."""

    def moved(group: tuple) -> tuple:
        ids = [record.id for record in group]
        if row_id not in ids:
            return group
        index = ids.index(row_id)
        target = index + offset
        if not 0 <= target < len(group):
            return group
        records = list(group)
        records[index], records[target] = records[target], records[index]
        return tuple(replace(record, position=position) for position, record in enumerate(records))

    if kind == "short_term":
        return replace(goals, goals=tuple(replace(g, short_term_goals=moved(g.short_term_goals)) for g in goals.goals))
    shorts = lambda g: tuple(replace(s, steps=moved(s.steps)) for s in g.short_term_goals)
    return replace(goals, goals=tuple(replace(g, short_term_goals=shorts(g)) for g in goals.goals), loose_steps=moved(goals.loose_steps))


def without(goals: ParticipantGoals, kind: str, row_id: int) -> ParticipantGoals:
    """The short-term goal or step gone from the screen."""
    if kind == "short_term":
        return replace(goals, goals=tuple(replace(g, short_term_goals=tuple(s for s in g.short_term_goals if s.id != row_id)) for g in goals.goals))
    kept = lambda steps: tuple(step for step in steps if step.id != row_id)
    shorts = lambda g: tuple(replace(s, steps=kept(s.steps)) for s in g.short_term_goals)
    return replace(goals, goals=tuple(replace(g, short_term_goals=shorts(g)) for g in goals.goals), loose_steps=kept(goals.loose_steps))
