"""A yes/no question: y (or j, for ja), n or escape, answered through `dismiss()`."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Static

from imr_tui.i18n import N_, _
from imr_tui.screens.base import BaseModal


class ConfirmScreen(BaseModal):
    CSS_PATH = "forms.tcss"
    BINDINGS = [
        Binding("y,j", "answer(True)", N_("Yes"), id="confirm.yes"),
        Binding("n,escape", "answer(False)", N_("No"), id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box narrow"):
            yield Static(self.question, classes="form-title")
            yield Static(_("Press y for yes, n for no."), classes="form-hint")
        yield Footer()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
