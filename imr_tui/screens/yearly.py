"""Yearly figures for the service's report, ready to copy into a spreadsheet or document."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Static

from imr_tui.i18n import N_, _
from imr_tui.i18n.review_labels import percent
from imr_tui.review.yearly import YearRow, yearly_rows
from imr_tui.screens.base import BaseScreen


class YearlyScreen(BaseScreen):
    CSS_PATH = "yearly.tcss"
    HELP_TEXT = N_(
        "**Yearly figures** per group and year: sessions held, mean attendance, participants who "
        "started, and participants who completed (counted in the year a course ended). Press **c** "
        "to copy the table, then paste it into a spreadsheet or the yearly report."
    )
    BINDINGS = [
        Binding("c", "copy", N_("Copy table"), id="yearly.copy"),
        Binding("escape", "app.pop_screen", N_("Back"), id="yearly.back"),
        Binding("f1", "app.help", N_("Help"), id="yearly.help"),
    ]
    COLUMNS = (N_("Year"), N_("Group"), N_("Sessions held"), N_("Mean attendance"), N_("Started"), N_("Completed"))

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[YearRow] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="yearly"):
            yield Static(_("Yearly figures"), id="yearly-title")
            yield DataTable(id="figures", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(*(_(title) for title in self.COLUMNS))
        self.loading = True
        self.load()

    def load(self) -> None:
        rules = self.imr.settings.review_rules()
        # Counted on the database thread too: a service's many years never hold up the screen.
        self.read(lambda store: yearly_rows(store.attendance.all_registers(), rules), self.show)

    def show(self, rows: list[YearRow]) -> None:
        self.rows = rows
        table = self.query_one(DataTable)
        table.clear()
        for row in self.rows:
            style = "bold" if row.group_name is None else ""
            cells = self.cells(row)
            table.add_row(*(Text(cell, style=style) for cell in cells))
        self.loading = False
        table.focus()

    def cells(self, row: YearRow) -> list[str]:
        group = row.group_name if row.group_name is not None else _("All groups")
        return [str(row.year), group, str(row.sessions_held), percent(row.mean_attendance), str(row.started), str(row.completed)]

    def action_copy(self) -> None:
        lines = ["\t".join(_(title) for title in self.COLUMNS)] + ["\t".join(self.cells(row)) for row in self.rows]
        self.app.copy_to_clipboard("\n".join(lines))
        self.notify(_("The table is copied; paste it into a spreadsheet or document."))
