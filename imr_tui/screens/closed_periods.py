"""Days the service does not meet (summer weeks, Christmas), for one group or every group."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Checkbox, DataTable, Footer, Input, Static

from imr_tui.domain.schedule_records import ClosedPeriodRecord
from imr_tui.i18n import N_, _, format_short_date
from imr_tui.planning.fields import format_date_input, parse_date
from imr_tui.screens.base import BaseModal
from imr_tui.screens.form import FieldReader, FormField, FormModal
from imr_tui.widgets.tick_box import TickBox


class ClosedPeriodsScreen(BaseModal):
    CSS_PATH = "forms.tcss"
    BINDINGS = [
        Binding("n", "add", N_("Add closed days"), id="closed.add"),
        Binding("d", "remove", N_("Remove"), id="closed.remove"),
        Binding("escape", "close", N_("Close"), id="closed.close"),
    ]

    def __init__(self, group_id: int) -> None:
        super().__init__()
        self.group_id = group_id
        self.periods: list[ClosedPeriodRecord] = []
        self.changes_made = False
        """Answered when closing, so the plan can be laid out again around the new days."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box"):
            yield Static(_("Closed days"), classes="form-title")
            yield Static(_("No session is planned on these days, nor on public holidays. After a change you can lay the plan out again."), classes="form-hint")
            yield DataTable(id="closed-list", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#closed-list", DataTable)
        table.add_columns(_("From"), _("To"), _("What"), _("For"))
        self.load()

    def load(self) -> None:
        group_id = self.group_id
        self.read(lambda store: store.schedule.closed_periods(group_id), self.show)

    def show(self, periods: list[ClosedPeriodRecord]) -> None:
        self.periods = periods
        table = self.query_one("#closed-list", DataTable)
        table.clear()
        for period in self.periods:
            table.add_row(
                format_short_date(period.starts_on), format_short_date(period.ends_on), period.label or "–",
                _("this group") if period.group_id else _("all groups"),
            )  # fmt: skip

    def action_close(self) -> None:
        self.dismiss(self.changes_made)

    def action_add(self) -> None:
        self.app.push_screen(ClosedPeriodForm(self.group_id, self.imr.today()), self.added)

    def added(self, period_id: int | None) -> None:
        if period_id is not None:
            self.changes_made = True
            self.load()

    def action_remove(self) -> None:
        table = self.query_one("#closed-list", DataTable)
        if self.periods and table.cursor_row < len(self.periods):
            self.remove_period(self.periods[table.cursor_row].id)

    def remove_period(self, period_id: int) -> None:
        """Gone from the list at once; the store follows, then the list is read again."""
        self.show([period for period in self.periods if period.id != period_id])
        self.changes_made = True
        self.write(lambda store: store.schedule.remove_closed_period(period_id), lambda _done: self.load(), what=_("Closed days"))


class ClosedPeriodForm(FormModal):
    CSS_PATH = "forms.tcss"

    def __init__(self, group_id: int, today: dt.date) -> None:
        super().__init__()
        self.group_id, self.today = group_id, today

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box narrow"):
            yield Static(_("Add closed days"), classes="form-title")
            yield FormField(_("From"), Input(format_date_input(self.today), id="starts_on", compact=True), name="starts_on")
            yield FormField(_("To"), Input(format_date_input(self.today), id="ends_on", compact=True), name="ends_on")
            yield FormField(_("What"), Input(id="label", placeholder=_("such as 'summer closure'"), compact=True), name="label")
            yield FormField("", TickBox(_("Closed for all groups"), False, id="all_groups", compact=True), name="all_groups")
            yield from self.compose_buttons()
        yield Footer()

    def field_checks(self):
        return {"starts_on": lambda text: parse_date(text, "starts_on"), "ends_on": lambda text: parse_date(text, "ends_on")}

    def read_fields(self) -> tuple[int | None, dt.date, dt.date, str]:
        reader = FieldReader()
        starts_on = reader.read(parse_date, self.query_one("#starts_on", Input).value, "starts_on")
        ends_on = reader.read(parse_date, self.query_one("#ends_on", Input).value, "ends_on")
        reader.done()
        assert starts_on is not None and ends_on is not None, "done() raised if a date did not parse"
        group_id = None if self.query_one("#all_groups", Checkbox).value else self.group_id
        return group_id, starts_on, ends_on, self.query_one("#label", Input).value

    def save(self, values: tuple[int | None, dt.date, dt.date, str]):
        return lambda store: store.schedule.add_closed_period(*values)
