"""Following up one person's step: how it went, a short note, and the next step.

Every change is saved as it is made; escape closes the window.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from imr_tui.i18n import N_, _
from imr_tui.screens.base import BaseModal
from imr_tui.i18n.labels import follow_up_label
from imr_tui.store import Store
from imr_tui.store.records import SessionParticipant
from imr_tui.widgets.autosave import Autosaver


class FollowUpScreen(BaseModal):
    CSS_PATH = "follow_up.tcss"
    BINDINGS = [
        Binding("ctrl+d", "result('done')", N_("Done"), id="follow_up.done", priority=True),
        Binding("ctrl+t", "result('partly')", N_("Partly"), id="follow_up.partly", priority=True),
        Binding("ctrl+n", "result('not_done')", N_("Not done"), id="follow_up.not_done", priority=True),
        Binding("escape", "close", N_("Close"), id="follow_up.close"),
    ]

    def __init__(self, store: Store, session_id: int, next_session_id: int | None, person: SessionParticipant) -> None:
        super().__init__()
        self.store, self.session_id, self.next_session_id, self.person = store, session_id, next_session_id, person
        self.result = person.step_due.follow_up if person.step_due else None
        self.autosaver = Autosaver(self)

    def compose(self) -> ComposeResult:
        step = self.person.step_due
        with Vertical(id="follow-up-box"):
            yield Static(self.person.name, id="follow-up-title")
            yield Label(_("Step from last time"))
            yield Static(step.text if step else _("No step was chosen last time."), id="step-text")
            if step:
                yield Static(id="result")
                yield Static(_("ctrl+d done · ctrl+t partly · ctrl+n not done"), classes="hint")
                yield Label(_("Note on how it went"))
                yield Input(step.follow_up_note, id="note", placeholder=_("A few words, in the person's own terms"))
            yield Label(_("Next step, until next time"))
            yield Input(self.person.next_step.text if self.person.next_step else "", id="next-step", placeholder=_("Small enough to do before the next session"))
            yield Label(_("Own home assignment (if it differs from the group's)"))
            yield Input(self.person.own_assignment, id="own-assignment")
            yield Static(_("Saved as you type. Press escape to close."), classes="hint")

    def on_mount(self) -> None:
        self._show_result()
        self.query_one("#note" if self.person.step_due else "#next-step", Input).focus()

    def _show_result(self) -> None:
        if self.person.step_due:
            self.query_one("#result", Static).update(_("How it went: {result}").format(result=follow_up_label(self.result)))

    def action_result(self, result: str) -> None:
        step = self.person.step_due
        if step is None:
            return
        self.store.session_edits.record_follow_up(self.session_id, step.id, result)
        self.result = result
        self._show_result()

    @on(Input.Changed)
    def remember(self, event: Input.Changed) -> None:
        self.autosaver.schedule(event.input.id, lambda value=event.value, field=event.input.id: self._save(field, value))

    def _save(self, field: str, value: str) -> None:
        edits = self.store.session_edits
        if field == "note" and self.person.step_due:
            edits.save_follow_up_note(self.session_id, self.person.step_due.id, value)
        elif field == "next-step":
            edits.set_next_step(self.session_id, self.person.id, value, self.next_session_id)
        elif field == "own-assignment":
            edits.set_own_assignment(self.session_id, self.person.id, value)

    def action_close(self) -> None:
        self.autosaver.flush()
        self.dismiss(True)
