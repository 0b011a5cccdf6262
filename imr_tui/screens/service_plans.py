"""The service plans of a group: who has one, which version, and whose is due for review."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Static

from imr_tui.i18n import N_, _, format_short_date, ngettext
from imr_tui.screens.base import BaseScreen
from imr_tui.service_plan.revision_dates import RevisionDue
from imr_tui.store.service_plan_records import RevisionsDue, ServicePlanStatus

COLUMNS = ((N_("Participant"), 22), (N_("Plan"), 28), (N_("Finished"), 12), (N_("Review by"), 16), (N_("Review"), 16))
MOST_GROUPS_NAMED = 3
"""Groups named in the first screen's line of plans to review; the rest are counted."""


def review_cell(state: RevisionDue) -> Text:
    """The review state in words and a symbol, not colour alone."""
    if state == RevisionDue.OVERDUE:
        return Text("⚠ " + _("overdue"), style="bold")
    if state == RevisionDue.DUE:
        return Text("↻ " + _("due soon"), style="bold")
    if state == RevisionDue.LATER:
        return Text("✓ " + _("up to date"), style="")
    return Text("–", style="dim")


def plan_cell(status: ServicePlanStatus) -> Text:
    if status.latest is None:
        return Text(_("draft, not finished") if status.has_changes else _("no plan yet"), style="italic" if status.has_changes else "dim")
    if status.has_changes:
        return Text(_("version {number}, being revised").format(number=status.latest))
    return Text(_("version {number}").format(number=status.latest))


class ServicePlansScreen(BaseScreen):
    CSS_PATH = "service_plan.tcss"
    HELP_TEXT = N_(
        "**Service plans in the group**: each participant's plan (the plan to prevent relapse), its newest "
        "version and when it is to be reviewed (about every three months).\n\n"
        "Press **enter** to write or revise the highlighted person's plan, **v** for its versions "
        "(compare, share, start again from an earlier one), **p** to print it. Plans are hidden in presentation mode."
    )
    BINDINGS = [
        Binding("enter", "open_plan", N_("Write plan"), id="service_plans.open", priority=True),
        Binding("v", "versions", N_("Versions"), id="service_plans.versions"),
        Binding("p", "print_plan", N_("Print"), id="service_plans.print"),
        Binding("escape", "app.pop_screen", N_("Back"), id="service_plans.back"),
        Binding("f5", "app.toggle_presentation", N_("Presentation"), id="service_plans.presentation", show=False),
        Binding("f1", "app.help", N_("Help"), id="service_plans.help", show=False),
    ]

    class Loaded(Message):
        def __init__(self, rows: list[ServicePlanStatus]) -> None:
            super().__init__()
            self.rows = rows

    def __init__(self, group_id: int, group_name: str) -> None:
        super().__init__()
        self.group_id, self.group_name = group_id, group_name
        self.rows: list[ServicePlanStatus] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"[b]{self.group_name}[/b] · " + _("Service plans"), id="plans-title")
        yield Static(_("A plan is reviewed about every three months; it belongs to the participant, who decides who gets it."), id="plans-hint")
        yield DataTable(id="plans", cursor_type="row", zebra_stripes=True)
        yield Static(_("Service plans are hidden in presentation mode (f5)."), id="plans-hidden")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#plans", DataTable)
        for title, width in COLUMNS:
            table.add_column(_(title), width=width)
        table.loading = True
        self.watch(self.app, "presentation_mode", self.show_presentation, init=False)

    def on_screen_resume(self) -> None:
        self.load()  # also after a plan was written or revised

    def load(self) -> None:
        group_id, today = self.group_id, self.imr.today()

        def read(store):
            from imr_tui.service_plan import load_template

            return store.service_plans.group_statuses(group_id, today, load_template())

        def loaded(rows: list[ServicePlanStatus]) -> None:
            self.post_message(self.Loaded(rows))

        self.read(read, loaded)

    def on_service_plans_screen_loaded(self, message: Loaded) -> None:
        self.rows = message.rows
        table = self.query_one("#plans", DataTable)
        cursor = table.cursor_row
        table.clear()
        for row in self.rows:
            table.add_row(
                row.participant.name, plan_cell(row),
                format_short_date(row.finished_on) if row.finished_on else "–",
                format_short_date(row.review_on) if row.review_on else "–",
                review_cell(row.review), key=str(row.participant.id),
            )  # fmt: skip
        if not self.rows:
            table.add_row(_("Nobody is enrolled in the group."), "", "", "", "")
        table.loading = False
        table.move_cursor(row=min(cursor, max(len(self.rows) - 1, 0)))
        self.show_presentation()
        table.focus()

    def show_presentation(self, _presenting: bool | None = None) -> None:
        presenting = self.imr.presentation_mode
        for widget in self.query("#plans, #plans-hint"):
            widget.display = not presenting
        self.query_one("#plans-hidden").display = presenting

    def highlighted(self) -> ServicePlanStatus | None:
        table = self.query_one("#plans", DataTable)
        if self.imr.presentation_mode or not self.rows or table.cursor_row >= len(self.rows):
            return None
        return self.rows[table.cursor_row]

    def action_open_plan(self) -> None:
        from imr_tui.screens.service_plan_editor import ServicePlanEditorScreen

        if row := self.highlighted():
            self.app.push_screen(ServicePlanEditorScreen(row.participant.id))

    def action_versions(self) -> None:
        from imr_tui.screens.service_plan_versions import ServicePlanVersionsScreen

        if row := self.highlighted():
            if row.latest is None:
                self.notify(_("{name} has no finished version yet.").format(name=row.participant.name), severity="warning")
                return
            self.app.push_screen(ServicePlanVersionsScreen(row.participant.id))

    def action_print_plan(self) -> None:
        from imr_tui.screens.print_preview import PrintPreviewScreen
        from imr_tui.screens.service_plan_versions import service_plan_job

        if row := self.highlighted():
            if row.latest is None:
                self.notify(_("{name} has no finished version yet.").format(name=row.participant.name), severity="warning")
                return
            self.app.push_screen(PrintPreviewScreen(service_plan_job(row.participant.id, row.latest, self.imr.settings.language, self.imr.today())))

    @on(DataTable.RowSelected, "#plans")
    def open_clicked_row(self) -> None:
        self.action_open_plan()


def plans_to_review(reviews: dict[int, RevisionsDue], names: dict[int, str]) -> str:
    """`↻ Service plans to review: Dagsgruppa Solsiden 1 (1 overdue) · … (s)`, for the first screen; empty when none."""
    parts = []
    waiting = [(group_id, count) for group_id, count in reviews.items() if count.total and group_id in names]
    # The most overdue first; a busy service sees the few groups that need it most, not a wall of names.
    waiting.sort(key=lambda item: (-item[1].overdue, -item[1].total, names[item[0]]))
    for group_id, count in waiting[:MOST_GROUPS_NAMED]:
        part = f"{names[group_id]} {count.total}"
        if count.overdue:
            part += " " + _("({count} overdue)").format(count=count.overdue)
        parts.append(part)
    if not parts:
        return ""
    if len(waiting) > MOST_GROUPS_NAMED:
        more = len(waiting) - MOST_GROUPS_NAMED
        parts.append(ngettext("{count} more group", "{count} more groups", more).format(count=more))
    return "↻ " + _("Service plans to review: {groups} (s)").format(groups=" · ".join(parts))
