"""Changing the planned minutes of each part, for this session only."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label, Static

from imr_tui.curriculum import SessionPart
from imr_tui.i18n import N_, _
from imr_tui.screens.base import BaseModal


class PartMinutesScreen(BaseModal[dict[str, int] | None]):
    """Returns {part_id: minutes} for the parts that differ from the curriculum, or None."""

    CSS_PATH = "part_minutes.tcss"
    BINDINGS = [
        Binding("enter", "keep", N_("Use these minutes"), id="minutes.keep", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="minutes.cancel"),
    ]

    def __init__(self, parts: tuple[SessionPart, ...], current: dict[str, int], individual: bool, length: int) -> None:
        super().__init__()
        self.parts, self.current, self.individual, self.length = parts, current, individual, length

    def compose(self) -> ComposeResult:
        with Vertical(id="minutes-box"):
            yield Static(_("Minutes for this session only"), id="minutes-title")
            with Grid(id="minutes-grid"):
                for part in self.parts:
                    yield Label(str(part.title))
                    yield Input(str(self.current.get(part.id, part.minutes(self.individual))), id=f"part-{part.id}", type="integer", restrict=r"\d{0,3}")
            yield Static(id="minutes-total")
            yield Static(_("enter to use these minutes · escape to cancel"), classes="hint")

    def on_mount(self) -> None:
        self._show_total()

    @on(Input.Changed)
    def _show_total(self) -> None:
        total = sum(self._minutes().values())
        text = _("In all: {total} of {length} minutes").format(total=total, length=self.length)
        if total > self.length:
            text += "  " + _("⚠ longer than the session")
        self.query_one("#minutes-total", Static).update(text)

    def _minutes(self) -> dict[str, int]:
        values = {}
        for part in self.parts:
            text = self.query_one(f"#part-{part.id}", Input).value
            values[part.id] = int(text) if text.isdigit() else 0
        return values

    def action_keep(self) -> None:
        minutes = self._minutes()
        empty = [part for part in self.parts if minutes[part.id] <= 0]
        if empty:
            self.notify(_("Every part needs at least one minute: {part}").format(part=empty[0].title), severity="warning")
            return
        self.dismiss({pid: value for pid, value in minutes.items() if value != _default(self.parts, pid, self.individual)})

    def action_cancel(self) -> None:
        self.dismiss(None)


def _default(parts: tuple[SessionPart, ...], part_id: str, individual: bool) -> int:
    return next(part.minutes(individual) for part in parts if part.id == part_id)
