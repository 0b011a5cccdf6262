"""Help for the screen beneath: what it is for and every key it answers to."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Markdown, Static

from imr_tui.i18n import N_, _
from imr_tui.screens.base import BaseModal


class HelpScreen(BaseModal):
    CSS_PATH = "help.tcss"
    BINDINGS = [
        Binding("escape,f1,q", "dismiss", N_("Close help"), id="help.close"),
    ]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.for_screen = screen

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(_("Help"), id="help-title")
            help_text = getattr(self.for_screen, "HELP_TEXT", "")
            if help_text:
                yield Markdown(_(help_text), id="help-text")
            yield DataTable(id="help-keys", cursor_type="none", zebra_stripes=True)
            yield Static(_("Press escape to close."), id="help-hint")

    def on_mount(self) -> None:
        table = self.query_one("#help-keys", DataTable)
        table.add_columns(_("Key"), _("What it does"))
        table.add_row("↑ ↓", _("Move between rows"))
        seen: set[str] = set()
        # Only the app's own keys (they all carry an id); the framework's scrolling keys
        # would crowd the list and cannot be translated.
        for active in self.for_screen.active_bindings.values():
            binding = active.binding
            if not binding.id or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            table.add_row(self.app.get_key_display(binding), binding.description)
