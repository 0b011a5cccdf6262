"""A person's goals and IMR Scale history as readable terminal output (Rich), for `imr-tui goals`."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from imr_tui.goals.effort import count_effort, effort_sentence
from imr_tui.i18n import _, format_short_date
from imr_tui.i18n.goal_labels import PHASE_LABELS, RATER_LABELS, goal_label, outcome_label, quoted, step_label, version_mark
from imr_tui.imrs.display import compact_date, format_change, format_mean
from imr_tui.imrs.scale import ImrsScale
from imr_tui.imrs.scoring import mean, summarise
from imr_tui.store.goal_records import ImrsRatingRecord, ParticipantGoals, StepRecord


def goal_tree_text(goals: ParticipantGoals) -> RenderableType:
    person = goals.participant
    root = Tree(Text.assemble((person.name, "bold"), f" (id {person.id}) · ", effort_sentence(count_effort(goals.all_steps()))))
    for goal in goals.goals:
        node = root.add(Text.assemble((_("Recovery goal") + ": ", "bold"), quoted(goal.text), ("  " + _("set {date}").format(date=format_short_date(goal.set_on)) + f" · {goal_label(goal.status)}", "dim")))
        if goal.why:
            node.add(Text(_("Why it matters") + f": {goal.why}", style="italic"))
        for revision in goal.revisions:
            node.add(Text(_("until {date}: “{text}”").format(date=format_short_date(revision.replaced_on), text=revision.text), style="dim"))
        for short in goal.short_term_goals:
            when = "  " + _("by {date}").format(date=format_short_date(short.target_date)) if short.target_date else ""
            short_node = node.add(Text.assemble(("◆ " + short.text, "bold"), (f"{when} · {goal_label(short.status)}", "dim")))
            for step in short.steps:
                _add_step(short_node, step)
    if goals.loose_steps:
        loose = root.add(Text(_("Steps while finding a goal"), style="bold"))
        for step in goals.loose_steps:
            _add_step(loose, step)
    if not goals.goals and not goals.loose_steps:
        root.add(Text(_("No goal yet."), style="dim"))
    return root


def _add_step(parent: Tree, step: StepRecord) -> None:
    due = "  " + _("due {date}").format(date=format_short_date(step.due_on)) if step.due_on else ""
    node = parent.add(Text.assemble(f"{step_label(step.status)}: {step.text}", (due, "dim")))
    for follow_up in step.follow_ups:
        node.add(Text(f"{format_short_date(follow_up.date)}  {outcome_label(follow_up.result)}" + (f" – {follow_up.note}" if follow_up.note else "")))


def imrs_table(scale: ImrsScale, ratings: list[ImrsRatingRecord]) -> RenderableType:
    """One row per rating, one narrow column per item: it fits an 80-column terminal."""
    if not ratings:
        return Text(_("IMR Scale: no ratings yet."), style="dim")
    table = Table(title=_("IMR Scale"), box=box.SIMPLE_HEAD, padding=0, show_edge=False, title_justify="left")
    table.add_column(_("Date"), no_wrap=True)
    for item in scale.items:
        table.add_column(str(item.number), justify="right", no_wrap=True)
    table.add_column(_("mean"), justify="right", no_wrap=True)  # a short word: the table must fit 80 columns
    for rating in ratings:
        marks = [_score(rating.scores, item.id) for item in scale.items]
        table.add_row(f"{compact_date(rating.rated_on)} {version_mark(rating.rater)} {_(PHASE_LABELS[rating.phase])}", *marks, format_mean(mean(scale, rating)))
    lines: list[RenderableType] = [table]
    for rater in ("participant", "clinician"):
        version = summarise(scale, ratings, rater)
        if version.change is not None:
            lines.append(Text(_("{version}: {change} since the start").format(version=_(RATER_LABELS[rater]), change=format_change(version.change))))
    legend = _("{p}: the participant's own rating, {c}: the clinician's; n/a: not applicable, ·: not answered").format(
        p=version_mark("participant"), c=version_mark("clinician"))  # fmt: skip
    lines.append(Text(legend, style="dim"))
    lines.append(Text(" · ".join(f"{item.number} {item.label}" for item in scale.items), style="dim"))
    return Group(*lines)


def _score(scores: dict[str, int | None], item_id: str) -> str:
    if item_id not in scores:
        return "·"
    return _("n/a") if scores[item_id] is None else str(scores[item_id])
