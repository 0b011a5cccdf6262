"""The session agenda: each part with its clock times, the running part marked, and the timer."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Digits, Static

from imr_tui.i18n import _, format_time
from imr_tui.planning.agenda import AgendaItem
from imr_tui.planning.timer import TimerReading, format_duration


class AgendaPanel(Vertical):
    DEFAULT_CSS = """
    AgendaPanel { height: auto; }
    AgendaPanel #timer { height: 3; margin-bottom: 1; background: $boost; }
    AgendaPanel #timer.-running { background: $success 20%; }
    AgendaPanel #timer.-overtime { background: $warning 35%; }
    AgendaPanel #clock { width: auto; min-width: 12; padding: 0 1; }
    AgendaPanel #timer-text { width: 1fr; padding: 0 1; }
    AgendaPanel DataTable { height: auto; scrollbar-size-horizontal: 0; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.items: list[AgendaItem] = []

    def compose(self) -> ComposeResult:
        with Horizontal(id="timer"):
            yield Digits(id="clock")
            yield Static(id="timer-text")
        yield DataTable(id="agenda", cursor_type="row", zebra_stripes=True, show_cursor=False)

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(" ", _("Time"), _("Min."), _("Part"))

    def show_agenda(self, items: list[AgendaItem], current: int) -> None:
        self.items = items
        table = self.query_one(DataTable)
        table.clear()
        for index, item in enumerate(items):
            marker = "▶" if index == current else ("✓" if index < current else "")
            style = "bold" if index == current else ("dim" if index < current else "")
            table.add_row(
                marker, Text(f"{format_time(item.starts)}–{format_time(item.ends)}", style=style),
                Text(str(item.minutes), justify="right", style=style), Text(str(item.part.title), style=style),
            )  # fmt: skip

    def show_reading(self, reading: TimerReading) -> None:
        """The time left in the current part in large digits, with words beside it."""
        timer = self.query_one("#timer")
        timer.set_class(reading.running, "-running")
        timer.set_class(reading.overtime and not reading.finished, "-overtime")
        clock = self.query_one("#clock", Digits)
        text = self.query_one("#timer-text", Static)
        if reading.finished:
            clock.update("0:00")
            text.update(_("✓ All parts done"))
            return
        part = self.items[reading.part_index].part.title if self.items else ""
        clock.update(format_duration(abs(reading.part_left)))
        if reading.overtime:
            left = (_("⚠ over time"), "bold")
        else:
            left = (_("left of {minutes} min").format(minutes=self.items[reading.part_index].minutes), "")
        state = _("▶ running · t pauses") if reading.running else _("⏸ paused · t starts")
        total = _("The session: {time} left").format(time=format_duration(reading.total_left))
        text.update(Text.assemble((str(part), "bold"), "\n", left, "  ·  ", state, "\n", total))
