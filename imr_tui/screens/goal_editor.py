"""Writing or changing a recovery goal, a short-term goal or a step, saved as it is typed.

A new one is stored as soon as it has words. A value the store refuses (an empty goal, a
date that does not exist, a step due before its goal was set) is shown under its field
and stays on screen to be corrected; nothing typed is cleared.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static, TextArea

from imr_tui.goals.fields import FieldError, day_input, parse_day
from imr_tui.i18n import N_, _
from imr_tui.screens.base import BaseModal
from imr_tui.store import Store
from imr_tui.store.goal_edits import empty_text_message
from imr_tui.store.session_edits import EditConflict
from imr_tui.widgets.autosave import Autosaver
from imr_tui.widgets.goal_detail import checklist


@dataclass(frozen=True)
class EditTarget:
    kind: str
    """goal, short_term or step."""
    row_id: int | None
    """None for a new one: it is created when it first has words."""
    participant_id: int
    parent_id: int | None = None
    """The recovery goal of a short-term goal; the short-term goal of a step (None: a step without a goal yet)."""
    text: str = ""
    why: str = ""
    day: dt.date | None = None
    """The goal's date set, the short-term goal's target date, the step's due date."""
    revise: bool = False
    """New words for a recovery goal: the earlier wording is kept."""


TITLES = {
    ("goal", True): N_("New recovery goal"), ("goal", False): N_("Recovery goal"),
    ("short_term", True): N_("New short-term goal"), ("short_term", False): N_("Short-term goal"),
    ("step", True): N_("New step"), ("step", False): N_("Step"),
}  # fmt: skip
TEXT_LABELS = {
    "goal": N_("The goal, in the person's own words"),
    "short_term": N_("Short-term goal: what will be reached"),
    "step": N_("The step: what will be done before the next session"),
}
DAY_LABELS = {"goal": N_("Set on"), "short_term": N_("Target date (optional)"), "step": N_("Due (optional)")}
CONFLICT_WHAT = {"text": N_("The wording"), "why": N_("Why it matters")}


class GoalItemEditor(BaseModal[bool]):
    """Returns True when anything was saved."""

    CSS_PATH = "goal_editor.tcss"
    BINDINGS = [Binding("escape", "close", N_("Close"), id="goal_editor.close")]

    def __init__(self, store: Store, target: EditTarget, today: dt.date) -> None:
        super().__init__()
        self.store, self.target, self.today = store, target, today
        self.row_id = target.row_id
        self.based_on = {"text": target.text, "why": target.why}
        """What the database held for each text when this window last read or wrote it."""
        self.revised = False
        self.saved = False
        self.warned = False
        self.autosaver = Autosaver(self)

    def compose(self) -> ComposeResult:
        kind = self.target.kind
        with Vertical(id="editor-box"):
            title = N_("New words for the goal") if self.target.revise else TITLES[(kind, self.row_id is None)]
            yield Static(_(title), id="editor-title")
            if self.target.revise:
                yield Static(_("The words now: “{text}”. They are kept as an earlier wording.").format(text=self.target.text), classes="hint")
            yield Label(_(TEXT_LABELS[kind]))
            if kind == "goal":
                # New words start from a blank page; the words now are shown above.
                yield TextArea("" if self.target.revise else self.target.text, id="text", soft_wrap=True, classes="short-area")
            else:
                yield Input(self.target.text, id="text")
            yield Static(id="text-error", classes="field-error")
            if kind == "goal":
                yield Label(_("Why it matters to them"))
                yield TextArea(self.target.why, id="why", soft_wrap=True, classes="short-area")
                yield Static(id="why-error", classes="field-error")
            if not self.target.revise:
                yield Label(_(DAY_LABELS[kind]))
                yield Input(day_input(self.target.day), id="day", placeholder=_("day.month.year, such as 1.12.2026"))
                yield Static(id="day-error", classes="field-error")
            if kind != "goal":
                yield Static(id="checklist")
            yield Static(_("Saved as you type. Press escape to close."), classes="hint")

    def on_mount(self) -> None:
        self.show_checklist()
        self.query_one("#text").focus()

    # Reading the fields

    def value(self, field: str) -> str:
        widgets = self.query(f"#{field}")
        if not widgets:
            return ""
        widget = widgets.first()
        return widget.text if isinstance(widget, TextArea) else widget.value

    def day(self) -> dt.date | None:
        return parse_day(self.value("day"), "day", required=self.target.kind == "goal") if not self.target.revise else None

    def show_checklist(self) -> None:
        if self.target.kind == "goal":
            return
        try:
            has_date = self.day() is not None
        except FieldError:
            has_date = False
        self.query_one("#checklist", Static).update(checklist(self.value("text"), has_date, short_term=self.target.kind == "short_term"))

    # Saving as typed

    @on(Input.Changed)
    @on(TextArea.Changed)
    def remember(self, event: Input.Changed | TextArea.Changed) -> None:
        field = event.control.id
        self.show_checklist()
        self.autosaver.schedule(field, lambda: self.save(field))

    def save(self, field: str) -> None:
        try:
            self._save(field)
        except FieldError as problem:
            self.show_error(problem.field if problem.field in {"text", "why", "day"} else field, problem.message)
            return
        except EditConflict as conflict:
            # Before new words are first saved, the wording is what another window may have changed.
            self.resolve_conflict("text" if self.target.revise and not self.revised else field, conflict.stored)
            return
        self.clear_error(field)

    def _save(self, field: str) -> None:
        target, edits = self.target, self.store.goal_edits
        if self.row_id is None:
            self._create(field)
        elif field == "day":
            day = self.day()
            if target.kind == "goal":
                edits.set_goal_date(self.row_id, day)
            elif target.kind == "short_term":
                edits.set_target_date(self.row_id, day)
            else:
                edits.set_due_date(self.row_id, day)
        elif target.revise and not self.revised:
            edits.revise_goal(self.row_id, self.value("text"), self.value("why"), self.today, based_on=self.based_on["text"])
            self.revised = True
            self.based_on = {"text": self.value("text"), "why": self.value("why")}
        else:
            value = self.value(field)
            edits.save_text(target.kind, self.row_id, field, value, self.based_on[field])
            self.based_on[field] = value
        self.saved = True

    def _create(self, field: str) -> None:
        """Store the new item once it has words; a date is checked now and saved with it."""
        target, edits = self.target, self.store.goal_edits
        text = self.value("text")
        day = self.day() if field == "day" else self._day_or_none()
        if not text.strip():
            if field == "text":
                raise FieldError("text", empty_text_message(target.kind))
            return
        if target.kind == "goal":
            self.row_id = edits.add_goal(target.participant_id, text, self.value("why"), day or self.today)
        elif target.kind == "short_term":
            self.row_id = edits.add_short_term_goal(target.parent_id, text, day)
        else:
            self.row_id = edits.add_step(target.participant_id, target.parent_id, text, day)
        self.based_on = {"text": text, "why": self.value("why")}
        self.saved = True
        self.clear_error("text")

    def _day_or_none(self) -> dt.date | None:
        try:
            return self.day()
        except FieldError:
            return None  # shown at its own field; the item is saved without it for now

    # Problems and conflicts

    def show_error(self, field: str, message: str) -> None:
        if errors := self.query(f"#{field}-error"):
            errors.first(Static).update("⚠ " + message)
            errors.first(Static).add_class("-shown")

    def clear_error(self, field: str) -> None:
        if errors := self.query(f"#{field}-error"):
            errors.first(Static).remove_class("-shown")

    def resolve_conflict(self, field: str, theirs: str) -> None:
        from imr_tui.screens.conflict import ConflictScreen

        def keep(text: str | None) -> None:
            if text is None:
                return
            self.based_on[field] = theirs
            widget = self.query_one(f"#{field}")
            with widget.prevent(Input.Changed, TextArea.Changed):
                if isinstance(widget, TextArea):
                    widget.text = text
                else:
                    widget.value = text
            self.save(field)

        self.app.push_screen(ConflictScreen(_(CONFLICT_WHAT.get(field, CONFLICT_WHAT["text"])), self.value(field), theirs), keep)

    def action_close(self) -> None:
        self.autosaver.flush()
        if self.app.screen is not self:
            return  # the last save met another window's text: the therapist chooses first
        if self.row_id is None and (self.value("why").strip() or self.value("day").strip()) and not self.value("text").strip():
            self.show_error("text", empty_text_message(self.target.kind))
        shown = [error for error in self.query(".field-error.-shown")]
        if shown and not self.warned:
            self.warned = True
            self.notify(_("Not everything is saved: correct the marked field, or press escape again to close without it."), severity="warning")
            field = (shown[0].id or "").removesuffix("-error")
            if self.query(f"#{field}"):
                self.query_one(f"#{field}").focus()
            return
        self.dismiss(self.saved)

    def on_unmount(self) -> None:
        self.autosaver.flush()
