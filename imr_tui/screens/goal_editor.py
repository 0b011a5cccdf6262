"""Writing or changing a recovery goal, a short-term goal or a step, saved as it is typed.

A new one is stored as soon as it has words. A value the store refuses (an empty goal, a
date that does not exist, a step due before its goal was set) is shown under its field
and stays on screen to be corrected; nothing typed is cleared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static, TextArea

from imr_tui.domain.conflicts import EditConflict
from imr_tui.goals.fields import FieldError, date_placeholder, day_input, empty_text_message, parse_day
from imr_tui.i18n import N_, _
from imr_tui.screens.base import BaseModal
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


def stored_id(row: dict[str, int | None]) -> int:
    """The item's id, read on the database thread: the write that added it ran before this one."""
    row_id = row["id"]
    assert row_id is not None
    return row_id


class GoalItemEditor(BaseModal[bool]):
    """Returns True when anything was saved."""

    CSS_PATH = "goal_editor.tcss"
    BINDINGS = [Binding("escape", "close", N_("Close"), id="goal_editor.close")]

    def __init__(self, target: EditTarget, today: dt.date, on_added: Callable[[str, dict[str, int | None], dict[str, str]], None] | None = None) -> None:
        super().__init__()
        self.target, self.today, self.on_added = target, today, on_added
        self.row: dict[str, int | None] = {"id": target.row_id}
        """The item's id; a new one's is filled in on the database thread by the write that adds
        it, so the saves after it (which run after it, in order) reach the same row."""
        self.created = target.row_id is not None
        self.based_on = {"text": target.text, "why": target.why}
        """What the database held for each text when this window last read or wrote it."""
        self.revised = False
        self.saved = False
        self.warned = False
        self.autosaver = Autosaver(self)
        self.resolving: set[str] = set()
        """Fields whose conflict with another window's text is being shown."""

    def compose(self) -> ComposeResult:
        kind = self.target.kind
        with Vertical(id="editor-box"):
            title = N_("New words for the goal") if self.target.revise else TITLES[(kind, not self.created)]
            yield Static(_(title), id="editor-title")
            if self.target.revise:
                yield Static(_("The words now: “{text}”. They are kept as an earlier wording.").format(text=self.target.text), classes="hint")
            yield Label(_(TEXT_LABELS[kind]))
            if kind == "goal":
                # New words start from a blank page; the words now are shown above.
                yield TextArea("" if self.target.revise else self.target.text, id="text", soft_wrap=True, classes="short-area")
            else:
                yield Input(self.target.text, id="text", select_on_focus=False)
            yield Static(id="text-error", classes="field-error")
            if kind == "goal":
                yield Label(_("Why it matters to them"))
                yield TextArea(self.target.why, id="why", soft_wrap=True, classes="short-area")
                yield Static(id="why-error", classes="field-error")
            if not self.target.revise:
                yield Label(_(DAY_LABELS[kind]))
                yield Input(day_input(self.target.day), id="day", placeholder=date_placeholder(), select_on_focus=False)
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
        return widget.text if isinstance(widget, TextArea) else widgets.first(Input).value

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
        if field is None:
            return  # every field of the editor has an id
        self.autosaver.schedule(field, lambda: self.save(field))

    def save(self, field: str) -> None:
        try:
            self._save(field)
        except FieldError as problem:
            self.show_error(problem.field if problem.field in {"text", "why", "day"} else field, problem.message)
            return
        self.clear_error(field)

    def refused(self, field: str) -> Callable[[BaseException], bool]:
        """What the store refused, shown at its field; another window's text, shown to choose from."""

        def handle(error: BaseException) -> bool:
            if not self.is_attached:
                return False
            if isinstance(error, FieldError):
                self.show_error({"target_date": "day", "due_on": "day"}.get(error.field, error.field if error.field in {"text", "why", "day"} else field), error.message)
                return True
            if isinstance(error, EditConflict):
                # Before new words are first saved, the wording is what another window may have changed.
                self.resolve_conflict("text" if self.target.revise and not self.revised else field, error.stored)
                return True
            return False

        return handle

    def _save(self, field: str) -> None:
        target, row = self.target, self.row
        if not self.created:
            self._create(field)
            return
        what = _(TITLES[(target.kind, False)])
        if field == "day":
            day = self.day()
            verb = {"goal": "set_goal_date", "short_term": "set_target_date", "step": "set_due_date"}[target.kind]
            self.write(lambda store: getattr(store.goal_edits, verb)(row["id"], day), failed=self.refused(field), what=what)
        elif target.revise and not self.revised:
            text, why, today, based_on = self.value("text"), self.value("why"), self.today, self.based_on["text"]
            if not text.strip():
                raise FieldError("text", empty_text_message("goal"))
            self.write(lambda store: store.goal_edits.revise_goal(stored_id(row), text, why, today, based_on=based_on), failed=self.refused(field), what=what)
            self.revised = True
            self.based_on = {"text": text, "why": why}
        else:
            value, based_on, kind = self.value(field), self.based_on[field], target.kind
            if field == "text" and not value.strip():
                raise FieldError("text", empty_text_message(kind))
            self.write(lambda store: store.goal_edits.save_text(kind, stored_id(row), field, value, based_on), failed=self.refused(field), what=what)
            self.based_on[field] = value  # the next save is based on this one, which runs first
        self.saved = True

    def _create(self, field: str) -> None:
        """Store the new item once it has words; a date is checked now and saved with it."""
        target, row = self.target, self.row
        text, why = self.value("text"), self.value("why")
        day = self.day() if field == "day" else self._day_or_none()
        if not text.strip():
            if field == "text":
                raise FieldError("text", empty_text_message(target.kind))
            return
        kind, participant, parent, set_on = target.kind, target.participant_id, target.parent_id, day or self.today

        def add(store) -> None:
            if kind == "goal":
                row["id"] = store.goal_edits.add_goal(participant, text, why, set_on)
            elif kind == "short_term":
                row["id"] = store.goal_edits.add_short_term_goal(parent, text, day)
            else:
                row["id"] = store.goal_edits.add_step(participant, parent, text, day)

        def not_added(error: BaseException) -> bool:
            self.created = False  # try again with the next key (the refused value is shown at its field)
            return self.refused(field)(error)

        self.write(add, failed=not_added, what=_(TITLES[(kind, True)]))
        self.created = self.saved = True
        self.based_on = {"text": text, "why": why}
        if kind != "goal" and self.on_added is not None:
            self.on_added(kind, row, self.based_on)  # its text as last saved, whatever is typed after
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

        if field in self.resolving:
            return  # one choice at a time: the saves typed meanwhile met the same text
        self.resolving.add(field)

        def keep(text: str | None) -> None:
            self.resolving.discard(field)
            if text is None:
                return
            self.based_on[field] = theirs
            widget = self.query_one(f"#{field}")
            with widget.prevent(Input.Changed, TextArea.Changed):
                if isinstance(widget, TextArea):
                    widget.text = text
                    widget.move_cursor(widget.document.end)  # typing goes on at the end
                elif isinstance(widget, Input):
                    widget.value = text
                    widget.cursor_position = len(text)
            self.save(field)

        self.app.push_screen(ConflictScreen(_(CONFLICT_WHAT.get(field, CONFLICT_WHAT["text"])), self.value(field), theirs), keep)

    def action_close(self) -> None:
        self.autosaver.flush()
        if self.app.screen is not self:
            return  # the last save met another window's text: the therapist chooses first
        if not self.created and (self.value("why").strip() or self.value("day").strip()) and not self.value("text").strip():
            self.show_error("text", empty_text_message(self.target.kind))
        shown = [error for error in self.query(".field-error.-shown")]
        if shown and not self.warned:
            self.warned = True
            self.notify(_("Not everything is saved: correct the marked field, or press escape again to close without it."), severity="warning")
            field = (shown[0].id or "").removesuffix("-error")
            if self.query(f"#{field}"):
                self.query_one(f"#{field}").focus()
            return
        # Closed once the saves are stored; one that meets another window's text asks first.

        def close() -> None:
            self.dismiss(self.saved)

        self.after_saves(close)

    def on_unmount(self) -> None:
        self.autosaver.flush()
