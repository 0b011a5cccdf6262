"""A person's course at a glance: per session, how the last step went and what was promised next."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from imr_tui.goals.effort import count_effort, effort_sentence, result_strip
from imr_tui.goals.timeline import TimelineDay, build_timeline
from imr_tui.i18n import N_, _, format_short_date, format_weekday
from imr_tui.i18n.goal_labels import outcome_label, quoted, step_symbol
from imr_tui.screens.base import BaseScreen
from imr_tui.store.goal_records import ParticipantGoals
from imr_tui.widgets.cell_text import line_count, wrapped

COLUMNS = (("date", N_("Date"), 15), ("outcome", N_("How the last step went"), 46), ("promised", N_("Step until next time"), 38))


class TimelineScreen(BaseScreen):
    CSS_PATH = "goals.tcss"
    HELP_TEXT = N_(
        "**The timeline** shows, session by session, how the last step went and which step was chosen for next time, "
        "with the days the goal was set or given new words.\n\n"
        "✓ done, ◑ partly, ✗ not done, – dropped, · not followed up yet. Every step tried counts."
    )
    BINDINGS = [
        Binding("escape", "app.pop_screen", N_("Back"), id="timeline.back"),
        Binding("f1", "app.help", N_("Help"), id="timeline.help", show=False),
    ]

    def __init__(self, goals: ParticipantGoals) -> None:
        super().__init__()
        self.goals = goals

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"[b]{self.goals.participant.name}[/b] · " + _("Timeline of goals and steps"), id="goals-title")
        steps = self.goals.all_steps()
        strip = result_strip(steps)
        yield Static(effort_sentence(count_effort(steps)) + (f"   {strip}" if strip else ""), id="goals-effort")
        yield DataTable(id="timeline", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#timeline", DataTable)
        for key, title, width in COLUMNS:
            table.add_column(_(title), key=key, width=width)
        days = build_timeline(self.goals)
        for day in days:
            date, outcomes, promised = row_cells(day)
            cells = (date, wrapped(outcomes, COLUMNS[1][2]), wrapped(promised, COLUMNS[2][2]))
            table.add_row(*cells, height=max(line_count(cell) for cell in cells))
        if not days:
            table.add_row("–", _("Nothing yet: the first step is chosen together in a session."), "")
        table.move_cursor(row=max(table.row_count - 1, 0))
        table.focus()


def row_cells(day: TimelineDay) -> tuple[Text, Text, Text]:
    date = Text(f"{format_weekday(day.date, 'abbreviated')} {format_short_date(day.date)}")
    outcomes = Text()
    for milestone in day.milestones:
        label = _("Goal set") if milestone.kind == "goal_set" else _("New words for the goal")
        outcomes.append(f"★ {label}: {quoted(milestone.text)}\n", style="bold")
    for outcome in day.outcomes:
        outcomes.append(f"{outcome_label(outcome.result)}: ")
        outcomes.append(outcome.step.text)
        if outcome.note:
            outcomes.append(f" – {outcome.note}", style="italic")
        outcomes.append("\n")
    promised = Text()
    for step in day.promised:
        promised.append(f"{step_symbol(step.status)} {step.text}")
        if step.due_on:
            promised.append("  " + _("due {date}").format(date=format_short_date(step.due_on)), style="dim")
        promised.append("\n")
    outcomes.rstrip()
    promised.rstrip()
    return date, outcomes, promised
