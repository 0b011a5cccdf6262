"""A group's goals at a glance, and the way to one person's goals: each participant's goal,
current step and how their last step went, in one table.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Static

from imr_tui.i18n import N_, _, format_short_date
from imr_tui.i18n.goal_labels import step_label
from imr_tui.screens.base import BaseScreen
from imr_tui.store.goal_records import GroupGoalRow
from imr_tui.widgets.cell_text import wrapped

COLUMNS = ((N_("Participant"), 16), (N_("Recovery goal"), 24), (N_("Step now"), 28), (N_("Last step"), 14), (N_("Done or partly"), 14))
"""Titles and widths: long words wrap onto a second line; the person's goal screen shows them whole."""


class GroupGoalsScreen(BaseScreen):
    CSS_PATH = "goals.tcss"
    HELP_TEXT = N_(
        "**Goals in the group**: each participant's recovery goal, the step they are working on now, "
        "and how their last step went.\n\nMove with the arrow keys and press **enter** to open a person's goals."
    )
    BINDINGS = [
        Binding("enter", "open_goals", N_("Open goals"), id="group_goals.open", priority=True),
        Binding("s", "open_service_plan", N_("Service plan"), id="group_goals.service_plan"),
        Binding("escape", "app.pop_screen", N_("Back"), id="group_goals.back"),
        Binding("f5", "app.toggle_presentation", N_("Presentation"), id="group_goals.presentation", show=False),
        Binding("f1", "app.help", N_("Help"), id="group_goals.help", show=False),
    ]

    class Loaded(Message):
        def __init__(self, rows: list[GroupGoalRow]) -> None:
            super().__init__()
            self.rows = rows

    def __init__(self, group_id: int, group_name: str) -> None:
        super().__init__()
        self.group_id, self.group_name = group_id, group_name
        self.rows: list[GroupGoalRow] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"[b]{self.group_name}[/b] · " + _("Goals in the group"), id="goals-title")
        yield Static(_("Choose a participant to see and work on their goals."), id="goals-effort")
        yield DataTable(id="group-goals", cursor_type="row", zebra_stripes=True)
        yield Static(_("Goals are hidden in presentation mode (f5)."), id="goals-hidden")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#group-goals", DataTable)
        for title, width in COLUMNS:
            table.add_column(_(title), width=width)
        table.loading = True
        self.watch(self.app, "presentation_mode", self.show_presentation, init=False)

    def on_screen_resume(self) -> None:
        self.load()  # also after a person's goals were changed

    def load(self) -> None:
        group_id, today = self.group_id, self.imr.today()

        def loaded(rows: list[GroupGoalRow]) -> None:
            self.post_message(self.Loaded(rows))

        self.read(lambda store: store.goals.group_overview(group_id, today), loaded)

    def on_group_goals_screen_loaded(self, message: Loaded) -> None:
        self.rows = message.rows
        table = self.query_one("#group-goals", DataTable)
        table.clear()
        for row in self.rows:
            table.add_row(*cells(row), key=str(row.participant.id), height=2)
        if not self.rows:
            table.add_row(_("Nobody is enrolled in the group."), "", "", "", "")
        table.loading = False
        self.show_presentation()
        table.focus()

    def show_presentation(self, _presenting: bool | None = None) -> None:
        presenting = self.imr.presentation_mode
        for widget in self.query("#group-goals, #goals-effort"):
            widget.display = not presenting
        self.query_one("#goals-hidden").display = presenting

    def action_open_goals(self) -> None:
        from imr_tui.screens.goals import GoalScreen

        table = self.query_one("#group-goals", DataTable)
        if self.imr.presentation_mode or not self.rows or table.cursor_row >= len(self.rows):
            return
        self.app.push_screen(GoalScreen(self.rows[table.cursor_row].participant.id))

    def action_open_service_plan(self) -> None:
        from imr_tui.screens.service_plan_editor import ServicePlanEditorScreen

        table = self.query_one("#group-goals", DataTable)
        if self.imr.presentation_mode or not self.rows or table.cursor_row >= len(self.rows):
            return
        self.app.push_screen(ServicePlanEditorScreen(self.rows[table.cursor_row].participant.id))

    @on(DataTable.RowSelected, "#group-goals")
    def open_clicked_row(self) -> None:
        self.action_open_goals()


def cells(row: GroupGoalRow) -> tuple[str | Text, ...]:
    goal = Text(row.goal) if row.goal else Text(_("finding a goal"), style="dim italic")
    step = Text(row.current_step or "–")
    if row.current_step_due:
        due = _("due {date}").format(date=format_short_date(row.current_step_due))
        step = Text.assemble(wrapped(step, COLUMNS[2][1], max_lines=1), "\n", (due, "dim"))
    last = Text(step_label(row.last_result)) if row.last_result else Text("–")
    if row.last_result_on:
        last.append(f"\n{format_short_date(row.last_result_on)}", style="dim")
    tried = _("{good} of {tried}").format(good=row.steps_done_or_partly, tried=row.steps_tried) if row.steps_tried else "–"
    return row.participant.name, wrapped(goal, COLUMNS[1][1], max_lines=2), step, last, tried
