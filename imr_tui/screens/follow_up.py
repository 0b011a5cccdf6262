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
from imr_tui.store.session_edits import EditConflict
from imr_tui.widgets.autosave import Autosaver


CONFLICT_WHAT = {"note": N_("The note on how it went"), "next-step": N_("The next step"), "own-assignment": N_("The own home assignment")}


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
        self.based_on = {
            "note": person.step_due.follow_up_note if person.step_due else "",
            "next-step": person.next_step.text if person.next_step else "",
            "own-assignment": person.own_assignment,
        }
        """What the database held for each text when this window last read or wrote it."""
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
                yield Input(step.follow_up_note, id="note", placeholder=_("A few words, in the person's own terms"), select_on_focus=False)
            yield Label(_("Next step, until next time"))
            yield Input(self.person.next_step.text if self.person.next_step else "", id="next-step", placeholder=_("Small enough to do before the next session"), select_on_focus=False)
            yield Label(_("Own home assignment (if it differs from the group's)"))
            yield Input(self.person.own_assignment, id="own-assignment", select_on_focus=False)
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
        edits, based_on = self.store.session_edits, self.based_on[field]
        try:
            if field == "note" and self.person.step_due:
                edits.save_follow_up_note(self.session_id, self.person.step_due.id, value, based_on)
            elif field == "next-step":
                edits.set_next_step(self.session_id, self.person.id, value, self.next_session_id, based_on)
            elif field == "own-assignment":
                edits.set_own_assignment(self.session_id, self.person.id, value, based_on)
        except EditConflict as conflict:
            self.resolve_conflict(field, value, conflict.stored)
            return
        self.based_on[field] = value

    def resolve_conflict(self, field: str, mine: str, theirs: str) -> None:
        from imr_tui.screens.conflict import ConflictScreen

        def keep(text: str | None) -> None:
            if text is None:
                return
            self.based_on[field] = theirs
            field_input = self.query_one(f"#{field}", Input)
            with field_input.prevent(Input.Changed):
                field_input.value = text
            self._save(field, text)

        self.app.push_screen(ConflictScreen(_(CONFLICT_WHAT[field]), mine, theirs), keep)

    def action_close(self) -> None:
        self.autosaver.flush()
        if self.app.screen is not self:
            return  # the last save met another window's text: the therapist chooses first
        self.dismiss(True)
