"""Following up one person's step: how it went, a short note, and the next step.

Every change is saved as it is made; escape closes the window.
"""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from imr_tui.domain.conflicts import EditConflict
from imr_tui.domain.records import SessionParticipant, StepInfo
from imr_tui.i18n import N_, _
from imr_tui.i18n.labels import follow_up_label
from imr_tui.screens.base import BaseModal
from imr_tui.widgets.autosave import Autosaver

CONFLICT_WHAT = {"note": N_("The note on how it went"), "next-step": N_("The next step"), "own-assignment": N_("Their own home assignment")}


class FollowUpScreen(BaseModal[SessionParticipant]):
    CSS_PATH = "follow_up.tcss"
    BINDINGS = [
        Binding("ctrl+d", "result('done')", N_("Done"), id="follow_up.done", priority=True),
        Binding("ctrl+t", "result('partly')", N_("Partly"), id="follow_up.partly", priority=True),
        Binding("ctrl+n", "result('not_done')", N_("Not done"), id="follow_up.not_done", priority=True),
        Binding("escape", "close", N_("Close"), id="follow_up.close"),
    ]

    def __init__(self, session_id: int, next_session_id: int | None, person: SessionParticipant) -> None:
        super().__init__()
        self.session_id, self.next_session_id, self.person = session_id, next_session_id, person
        self.result = person.step_due.follow_up if person.step_due else None
        self.based_on = {
            "note": person.step_due.follow_up_note if person.step_due else "",
            "next-step": person.next_step.text if person.next_step else "",
            "own-assignment": person.own_assignment,
        }
        """What the database held for each text when this window last read or wrote it."""
        self.autosaver = Autosaver(self)
        self.choosing: set[str] = set()

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
        session_id, before = self.session_id, self.result
        self.result = result
        self._show_result()
        what = _("{name} – {what}").format(name=self.person.name, what=follow_up_label(result))
        self.write(lambda store: store.session_edits.record_follow_up(session_id, step.id, result), what=what)
        if before is not None:
            self.changed(what, lambda store: store.session_edits.record_follow_up(session_id, step.id, before))

    @on(Input.Changed)
    def remember(self, event: Input.Changed) -> None:
        field, value = event.input.id, event.value
        assert field is not None, "every field of the window has an id"
        self.autosaver.schedule(field, lambda: self._save(field, value))

    def _save(self, field: str, value: str) -> None:
        """In order behind this window's earlier saves, so each is based on the one before."""
        based_on, session_id, person_id, next_session_id = self.based_on[field], self.session_id, self.person.id, self.next_session_id
        step_id = self.person.step_due.id if self.person.step_due else None
        self.based_on[field] = value

        def save(store) -> None:  # type: ignore[no-untyped-def]
            edits = store.session_edits
            if field == "note" and step_id is not None:
                edits.save_follow_up_note(session_id, step_id, value, based_on)
            elif field == "next-step":
                edits.set_next_step(session_id, person_id, value, next_session_id, based_on)
            elif field == "own-assignment":
                edits.set_own_assignment(session_id, person_id, value, based_on)

        def refused(error: BaseException) -> bool:
            if not isinstance(error, EditConflict):
                return False
            self.resolve_conflict(field, value, error.stored)
            return True

        self.write(save, failed=refused, what=_(CONFLICT_WHAT[field]))

    def resolve_conflict(self, field: str, mine: str, theirs: str) -> None:
        from imr_tui.screens.conflict import ConflictScreen

        def keep(text: str | None) -> None:
            if text is None:
                return
            self.based_on[field] = theirs
            field_input = self.query_one(f"#{field}", Input)
            with field_input.prevent(Input.Changed):
                field_input.value = text
            field_input.cursor_position = len(text)
            self._save(field, text)

        if field in self.choosing:
            return  # a later save of the same text met the same other window: one question is enough
        self.choosing.add(field)

        def decided(text: str | None) -> None:
            self.choosing.discard(field)
            keep(text)

        self.app.push_screen(ConflictScreen(_(CONFLICT_WHAT[field]), mine, theirs), decided)

    def action_close(self) -> None:
        self.autosaver.flush()
        # If the last save meets another window's text, the window stays: the therapist chooses first.
        self.after_saves(lambda: self.dismiss(self.as_left()) if self.app.screen is self else None)

    def as_left(self) -> SessionParticipant:
        """The person as this window leaves them, for the session screen to show before the store answers."""
        person, step = self.person, self.person.step_due
        if step is not None:
            step = replace(step, follow_up=self.result, follow_up_note=self.based_on["note"])
        next_text = self.based_on["next-step"]
        if not next_text.strip():
            next_step = None
        elif person.next_step is not None:
            next_step = replace(person.next_step, text=next_text)
        else:
            next_step = StepInfo(id=0, text=next_text, status="planned", follow_up=None, follow_up_note="")  # its id comes with the next reading
        return replace(person, step_due=step, next_step=next_step, own_assignment=self.based_on["own-assignment"])
