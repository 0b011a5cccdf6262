"""The highlighted goal, short-term goal or step in full: its words, dates, history and checklist."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.widgets import Static

from imr_tui.goals.checklist import check_step
from imr_tui.goals.effort import count_effort, effort_sentence
from imr_tui.i18n import _, format_short_date
from imr_tui.i18n.goal_labels import goal_label, outcome_label, quoted, step_label
from imr_tui.store.goal_records import (
    ParticipantGoals,
    RecoveryGoalRecord,
    ShortTermGoalRecord,
    StepRecord,
)
from imr_tui.widgets.goal_tree import NodeRef


class GoalDetail(Static):
    DEFAULT_CSS = """
    GoalDetail { height: auto; padding: 0 1; }
    """

    def show(self, goals: ParticipantGoals, ref: NodeRef | None) -> None:
        self.update(describe(goals, ref))


def describe(goals: ParticipantGoals, ref: NodeRef | None) -> RenderableType:
    if ref is None or ref.kind in {"empty", "loose"}:
        return _hint()
    for goal in goals.goals:
        if ref == NodeRef("goal", goal.id):
            return _goal(goal)
        for short in goal.short_term_goals:
            if ref == NodeRef("short_term", short.id):
                return _short_term(short)
            for step in short.steps:
                if ref.kind in {"step", "follow_up"} and _is_step(step, ref):
                    return _step(step)
    for step in goals.loose_steps:
        if _is_step(step, ref):
            return _step(step)
    return _hint()


def _is_step(step: StepRecord, ref: NodeRef) -> bool:
    return ref == NodeRef("step", step.id) or (ref.kind == "follow_up" and any(f.id == ref.id for f in step.follow_ups))


def _title(text: str) -> Text:
    return Text(text, style="bold underline")


def _goal(goal: RecoveryGoalRecord) -> RenderableType:
    parts: list[RenderableType] = [
        _title(_("Recovery goal")),
        Text(quoted(goal.text), style="bold"),
        Text(""),
        Text(_("Why it matters"), style="bold"),
        Text(goal.why or _("(not written yet)"), style="" if goal.why else "dim italic"),
        Text(""),
        Text(_("Set on {date} · {status}").format(date=format_short_date(goal.set_on), status=goal_label(goal.status))),
        Text(count_summary(goal), style="dim"),
    ]
    if goal.status == "archived":
        parts.append(Text(_("Archived: press z to restore it."), style="italic"))
    if goal.revisions:
        parts += [Text(""), Text(_("Earlier wordings"), style="bold")]
        parts += [Text(_("until {date}: “{text}”").format(date=format_short_date(r.replaced_on), text=r.text), style="dim") for r in reversed(goal.revisions)]
    return Group(*parts)


def count_summary(goal: RecoveryGoalRecord) -> str:
    steps = [step for short in goal.short_term_goals for step in short.steps]
    return effort_sentence(count_effort(steps))


def _short_term(short: ShortTermGoalRecord) -> RenderableType:
    when = _("by {date}").format(date=format_short_date(short.target_date)) if short.target_date else _("no target date")
    return Group(
        _title(_("Short-term goal")),
        Text(short.text),
        Text(""),
        Text(f"{when} · {goal_label(short.status)}"),
        Text(effort_sentence(count_effort(short.steps)), style="dim"),
        Text(_("Archived: press z to restore it.") if short.status == "archived" else "", style="italic"),
        checklist(short.text, short.target_date is not None, short_term=True),
    )


def _step(step: StepRecord) -> RenderableType:
    due = _("due {date}").format(date=format_short_date(step.due_on)) if step.due_on else _("no due date")
    parts: list[RenderableType] = [
        _title(_("Step")),
        Text(step.text),
        Text(""),
        Text(_("Chosen {date} · {due} · {status}").format(date=format_short_date(step.set_on), due=due, status=step_label(step.status))),
        Text(""),
        Text(_("Follow-up"), style="bold"),
    ]
    if step.follow_ups:
        for follow_up in step.follow_ups:
            line = Text(f"{format_short_date(follow_up.date)}  {outcome_label(follow_up.result)}")
            if follow_up.note:
                line.append(f" – {follow_up.note}", style="italic")
            parts.append(line)
    else:
        parts.append(Text(_("Not followed up yet."), style="dim italic"))
    parts += [Text(""), checklist(step.text, step.due_on is not None)]
    return Group(*parts)


def checklist(text: str, has_date: bool, short_term: bool = False) -> RenderableType:
    """A short checklist for writing a good step or short-term goal; a hint only, saving is never blocked."""
    lines = [Text(_("A good short-term goal is…") if short_term else _("A good step is…"), style="bold")]
    for check in check_step(text, has_date, short_term):
        mark = "✓" if check.met else ("?" if check.met is None else "○")
        lines.append(Text(f" {mark} {_(check.label)}", style="" if check.met else "dim"))
    return Group(*lines)


def _hint() -> RenderableType:
    return Group(
        _title(_("Goals in the person's own words")),
        Text(_("A recovery goal is something that matters to the person. It is broken into short-term goals, "
               "and those into steps small enough to do before the next session.")),  # fmt: skip
        Text(""),
        Text(_("Many take a few weeks to find a goal they own, and most steps go a little differently than planned: "
               "every step tried counts.")),  # fmt: skip
    )
