"""Adding a therapist by name: a colleague, or a former participant who becomes a co-therapist."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Input, Static

from imr_tui.i18n import _
from imr_tui.screens.form import FormField, FormModal


class TherapistPrompt(FormModal):
    CSS_PATH = "forms.tcss"
    SAVE_ON_ENTER = True

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box narrow"):
            yield Static(_("New therapist"), classes="form-title")
            yield Static(_("A former participant with lived experience can be added as a co-therapist the same way."), classes="form-hint")
            yield FormField(_("Name"), Input(id="therapist_name", compact=True), name="therapist_name")
            yield from self.compose_buttons()
        yield Footer()

    def read_fields(self) -> str:
        return self.query_one("#therapist_name", Input).value

    def save(self, name: str):
        return lambda store: store.planning.add_therapist(name)
