"""A person's goals, steps, follow-ups and IMR Scale history as plain JSON-ready data (ids, ISO dates)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from imr_tui.goals.effort import count_effort
from imr_tui.imrs.scale import ImrsScale
from imr_tui.imrs.scoring import answered, mean, summarise
from imr_tui.store.goal_records import ImrsRatingRecord, ParticipantGoals, StepRecord

RATERS = ("participant", "clinician")


def goals_as_data(goals: ParticipantGoals, scale: ImrsScale, ratings: list[ImrsRatingRecord]) -> dict[str, Any]:
    effort = count_effort(goals.all_steps())
    return {
        "participant": {"id": goals.participant.id, "name": goals.participant.name},
        "effort": {
            "steps_tried": effort.tried, "done": effort.done, "partly": effort.partly, "not_done": effort.not_done,
            "done_or_partly": effort.done_or_partly, "planned": effort.planned,
        },
        "goals": [
            {
                "id": goal.id, "text": goal.text, "why": goal.why, "set_on": _iso(goal.set_on), "status": goal.status,
                "earlier_wordings": [{"text": r.text, "why": r.why, "replaced_on": _iso(r.replaced_on)} for r in goal.revisions],
                "short_term_goals": [
                    {"id": s.id, "text": s.text, "target_date": _iso(s.target_date), "status": s.status, "position": s.position,
                     "steps": [_step(step) for step in s.steps]}
                    for s in goal.short_term_goals
                ],
            }
            for goal in goals.goals
        ],
        "steps_without_goal": [_step(step) for step in goals.loose_steps],
        "imrs": imrs_as_data(scale, ratings),
    }  # fmt: skip


def imrs_as_data(scale: ImrsScale, ratings: list[ImrsRatingRecord]) -> dict[str, Any]:
    summaries = {rater: summarise(scale, ratings, rater) for rater in RATERS}
    return {
        "items": [{"id": item.id, "number": item.number, "label": str(item.label), "may_be_not_applicable": item.may_be_not_applicable} for item in scale.items],
        "ratings": [
            {"id": r.id, "rated_on": _iso(r.rated_on), "rater": r.rater, "phase": r.phase, "note": r.note, "scores": dict(r.scores),
             "mean": _rounded(mean(scale, r)), "answered": answered(scale, r)}
            for r in ratings
        ],
        "change_since_start": {rater: _rounded(summary.change) for rater, summary in summaries.items()},
        "item_change_since_start": {rater: summary.item_changes for rater, summary in summaries.items()},
    }  # fmt: skip


def _step(step: StepRecord) -> dict[str, Any]:
    return {
        "id": step.id, "text": step.text, "status": step.status, "position": step.position, "set_on": _iso(step.set_on),
        "due_on": _iso(step.due_on), "due_session_id": step.due_session_id,
        "follow_ups": [{"session_id": f.session_id, "date": _iso(f.date), "result": f.result or None, "note": f.note} for f in step.follow_ups],
    }  # fmt: skip


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
