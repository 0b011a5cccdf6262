"""What every planning form shares: labelled fields with their own error line, and saving.

A refused value is shown under its field and nothing typed is cleared: the therapist
corrects the one field and saves again. Saving goes through the store gateway; the form
closes with the store's answer, and stays open (with the message) when the store refuses.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Mount
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, Static
from textual.widgets.select import NoSelection

from imr_tui.domain.conflicts import ChangedElsewhere
from imr_tui.errors import UserError
from imr_tui.i18n import N_, _
from imr_tui.planning.fields import InvalidField, format_date_input, format_time_input
from imr_tui.screens.base import BaseModal

if TYPE_CHECKING:
    from imr_tui.app import IMRApp
    from imr_tui.store import Store
    from imr_tui.store.form_drafts import DraftValues

T = TypeVar("T")
log = logging.getLogger(__name__)

FieldWidget = Input | Select | Checkbox
"""What a form field types into: its value is stored, kept as a draft and compared with another window's."""

DRAFT_DELAY = 0.4
"""Seconds after the last key before what is typed is kept on disk (as the editors' autosave)."""


class FormField(Vertical):
    """A label and its widget on one line, and under them what is wrong with the value."""

    DEFAULT_CSS = """
    FormField { height: auto; }
    FormField > Horizontal { height: auto; }
    FormField .field-label { width: 22; padding-right: 1; color: $text-muted; }
    FormField .field-error { color: $text-error; padding-left: 22; display: none; }
    FormField.-invalid .field-error { display: block; }
    FormField.-invalid .field-label { color: $text-error; }
    """

    def __init__(self, label: str, *widgets: Widget, name: str) -> None:
        super().__init__(id=f"field-{name}")
        self.label = label
        self.widgets = widgets

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label(self.label, classes="field-label")
            yield from self.widgets
        yield Static(classes="field-error")

    def show_error(self, message: str) -> None:
        self.query_one(".field-error", Static).update("⚠ " + message)
        self.add_class("-invalid")

    def clear_error(self) -> None:
        self.remove_class("-invalid")


class FieldProblems(Exception):
    def __init__(self, problems: list[InvalidField]) -> None:
        super().__init__(problems)
        self.problems = problems


def value_of(select: Select[Any]) -> Any:
    """The value of a select without a blank choice (allow_blank=False): always one of its options."""
    value = select.value
    assert not isinstance(value, NoSelection), "a select without a blank choice has a value"
    return value


class FieldReader:
    """Reads every field and collects all problems, so they show at once."""

    def __init__(self) -> None:
        self.problems: list[InvalidField] = []

    def read(self, parse: Callable[..., T], *args: Any) -> T | None:
        try:
            return parse(*args)
        except InvalidField as problem:
            self.problems.append(problem)
            return None

    def done(self) -> None:
        if self.problems:
            raise FieldProblems(self.problems)


class FormModal(BaseModal):
    """A form in a modal: subclasses compose their fields, `read_fields()` them and `save()` through the store."""

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="form.save", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="form.cancel"),
        Binding("ctrl+d", "discard", N_("Throw away what was typed"), id="form.discard", show=False, priority=True),
    ]

    SAVE_ON_ENTER: ClassVar[bool] = False
    """Enter in an input saves (a one-field form) instead of moving to the next field."""

    STORED_NAMES: ClassVar[dict[str, str]] = {}
    """Fields whose stored column has another name, for showing another window's values."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.newer_versions: dict[str, int] = {}
        """Per table, a version written by another window that the therapist has seen and chosen over."""
        self._opened_values: DraftValues | None = None
        """The fields as the form opened; a draft is kept only while they differ."""
        self._draft_timer: Timer | None = None
        self._draft_closed = False

    def version_of(self, table: str, version: int) -> int:
        """The version a save is based on: the one read when the form opened, or a newer one seen since."""
        return self.newer_versions.get(table, version)

    class Saved(Message):
        def __init__(self, result: Any) -> None:
            super().__init__()
            self.result = result

    class Refused(Message):
        def __init__(self, error: UserError) -> None:
            super().__init__()
            self.error = error

    @property
    def imr(self) -> IMRApp:
        return self.app  # type: ignore[return-value]

    def field_checks(self) -> dict[str, Callable[[str], object]]:
        """Checks run when the cursor leaves an input, by input id."""
        return {}

    def read_fields(self) -> Any:
        """The typed values as plain data; raises FieldProblems."""
        raise NotImplementedError

    def save(self, values: Any) -> Callable[[Store], Any]:
        """The store call that keeps the values (made on the UI thread from plain values; run by the gateway)."""
        raise NotImplementedError

    def confirm_question(self, values: Any) -> str | None:
        """A question to answer y/n before saving (a step that is unusual or hard to take back); None: none."""
        return None

    # What is typed survives a crash: kept in the store until saved or closed on purpose

    class DraftFound(Message):
        def __init__(self, values: DraftValues | None) -> None:
            super().__init__()
            self.values = values

    def draft_name(self) -> str | None:
        """The form and its record (`group-7`, `group-new`), for forms whose typing is worth keeping; None: not kept."""
        return None

    def draft_participant_id(self) -> int | None:
        """The participant the form is about, so their draft is exported and erased with them."""
        return None

    def _field_values(self) -> DraftValues:
        values: DraftValues = {}
        for widget in self.query("Input, Select, Checkbox"):
            if isinstance(widget, FieldWidget) and widget.id:
                value = widget.value
                values[widget.id] = None if isinstance(value, NoSelection) else value
        return values

    @on(Mount)
    def _open_draft(self) -> None:
        if self.draft_name() is not None:
            self.call_after_refresh(self._read_draft)

    def _read_draft(self) -> None:
        self._opened_values = self._field_values()
        form = self.draft_name()
        assert form is not None, "only a form that keeps drafts reads one"
        self.read(lambda store: store.form_drafts.load(form), lambda values: self.on_form_modal_draft_found(self.DraftFound(values)), failed=self._draft_not_kept)

    def on_form_modal_draft_found(self, message: DraftFound) -> None:
        draft = message.values
        if not draft or self._opened_values is None or draft == self._opened_values:
            return
        for widget in self.query("Input, Select, Checkbox"):
            if isinstance(widget, FieldWidget) and widget.id in draft and draft[widget.id] != self._opened_values.get(widget.id):
                _fill_in(widget, draft[widget.id])
        self.say(_("What you typed before is back in the form, not saved yet: ctrl+s saves it, ctrl+d throws it away."))

    def _keep_draft_soon(self) -> None:
        if self._opened_values is None:
            return  # still opening: the values are the stored ones
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_DELAY, self._keep_draft)

    def _keep_draft(self) -> None:
        self._draft_timer = None
        values = self._field_values()
        keep = None if values == self._opened_values else values
        form = self.draft_name()
        assert form is not None, "only a form that keeps drafts starts the timer"
        self._write_draft(form, keep, self.draft_participant_id())

    def _drop_draft(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        if (form := self.draft_name()) is not None:
            self._write_draft(form, None, None, last=True)

    def _write_draft(self, form: str, values: DraftValues | None, participant_id: int | None, last: bool = False) -> None:
        """Keep (or, with None, throw away) the draft through the gateway, as the app's own request, so it still lands once the form is closed.

        The gateway keeps the writes in order; once the form is saved or closed nothing more is sent."""
        if self._draft_closed:
            return
        self._draft_closed = last

        def write(store: Store) -> None:
            if values is None:
                store.form_drafts.discard(form)
            else:
                store.form_drafts.save(form, values, participant_id)

        self.gateway.write(self.app, write, failed=self._draft_not_kept)

    @staticmethod
    def _draft_not_kept(error: BaseException) -> bool:
        log.warning("could not keep a form draft: %s", type(error).__name__)  # a draft is a nicety: never more than a log line
        return True

    def compose_buttons(self) -> ComposeResult:
        yield Static(id="form-message", classes="hidden")
        with Horizontal(id="form-buttons"):
            yield Button(_("Save"), id="form-save", variant="primary", compact=True)
            yield Button(_("Cancel"), id="form-cancel", compact=True)

    def action_save(self) -> None:
        for field in self.query(FormField):
            field.clear_error()
            field.remove_class("-refused")
        try:
            values = self.read_fields()
        except FieldProblems as found:
            self.show_problems(found.problems)
            return
        question = self.confirm_question(values)
        if question is None:
            self.submit(values)
            return
        from imr_tui.screens.confirm import ConfirmScreen

        self.app.push_screen(ConfirmScreen(question), lambda yes: self.submit(values) if yes else self.say(_("Nothing was saved.")))

    def submit(self, values: Any) -> None:
        """Hand the checked values to the store; the form closes with its answer."""
        self.say(_("Saving…"))
        titles = self.query(".form-title")
        what = str(titles.first(Static).content) if titles else ""

        def refused(error: BaseException) -> bool:
            if not isinstance(error, UserError):
                return False
            self.post_message(self.Refused(error))
            return True

        self.write(self.save(values), lambda result: self.post_message(self.Saved(result)), failed=refused, what=what)

    def action_cancel(self) -> None:
        """Nothing typed is stored as finished: escape leaves the form without saving, and keeps what was typed as a draft."""
        if self.draft_name() is not None and self._opened_values is not None and self._field_values() != self._opened_values:
            if self._draft_timer is not None:
                self._draft_timer.stop()
            self._keep_draft()
            self.notify(_("Not saved. What you typed is kept as a draft: it is back when you open the form again."))
        self.dismiss(None)

    def action_discard(self) -> None:
        """ctrl+d: leave the form and throw away what was typed, draft included."""
        self._drop_draft()
        self.dismiss(None)

    def on_form_modal_saved(self, message: Saved) -> None:
        self._drop_draft()
        self.dismiss(message.result)

    def on_form_modal_refused(self, message: Refused) -> None:
        error = message.error
        self.say("")
        if isinstance(error, ChangedElsewhere) and error.stored is not None and error.version is not None:
            self.resolve_conflict(error)
        elif isinstance(error, InvalidField) and self.query(f"#field-{error.field}"):
            self.show_problems([error])
            # The store's word stands until the value changes: leaving the field does not clear it.
            self.query_one(f"#field-{error.field}", FormField).add_class("-refused")
        else:
            self.say("⚠ " + error.message)

    # Another window saved the same record after this form opened

    def resolve_conflict(self, error: ChangedElsewhere) -> None:
        """Show the typed values beside the stored ones; keep mine saves again, take theirs fills them in."""
        from imr_tui.screens.conflict import KEEP_MINE, ConflictScreen

        stored, version = error.stored or {}, error.version
        assert version is not None, "a conflict is shown only with the version it met"
        fields = [(label, widget, stored[key]) for label, widget, key in self._stored_fields() if key in stored]
        differing = [(label, widget, value) for label, widget, value in fields if _shown(widget) != _shown_stored(widget, value)] or fields
        mine = "\n".join(f"{label}: {_shown(widget)}" for label, widget, _value in differing)
        theirs = "\n".join(f"{label}: {_shown_stored(widget, value)}" for label, widget, value in differing)

        def choose(choice: str | None) -> None:
            if choice is None:
                return
            self.newer_versions[error.table] = version
            if choice == KEEP_MINE:
                self.action_save()
                return
            for _label, widget, value in fields:
                _fill_in(widget, value)
            self.say(_("The other window's values are in the form now: check them, then save or close."))

        titles = self.query(".form-title")
        title = str(titles.first(Static).content) if titles else ""
        self.app.push_screen(ConflictScreen(title, mine, theirs, keep_both=False), choose)

    def _stored_fields(self) -> list[tuple[str, FieldWidget, str]]:
        """(label, widget, stored column) for every labelled field with one input, select or tick box."""
        found: list[tuple[str, FieldWidget, str]] = []
        for field in self.query(FormField):
            widget = field.widgets[0] if len(field.widgets) == 1 else None
            if isinstance(widget, Input | Select | Checkbox) and widget.id:
                label = field.label or (str(widget.label) if isinstance(widget, Checkbox) else widget.id)
                found.append((label, widget, self.STORED_NAMES.get(widget.id, widget.id)))
        return found

    def show_problems(self, problems: list[InvalidField]) -> None:
        for problem in problems:
            self.query_one(f"#field-{problem.field}", FormField).show_error(problem.message)
        first = self.query_one(f"#field-{problems[0].field}", FormField)
        focusable = [widget for widget in first.query("*") if widget.can_focus]
        if focusable:
            focusable[0].focus()
        self.say(_("Nothing was saved: correct the marked fields."))

    def say(self, text: str) -> None:
        """A line above the buttons about the form as a whole; no empty line when there is nothing to say."""
        message = self.query_one("#form-message", Static)
        message.update(text)
        message.set_class(not text, "hidden")

    @on(Input.Blurred)
    def check_left_field(self, event: Input.Blurred) -> None:
        check = self.field_checks().get(event.input.id or "")
        field = self.query(f"#field-{event.input.id}")
        if check is None or not field or field.first(FormField).has_class("-refused"):
            return
        try:
            check(event.value)
            field.first(FormField).clear_error()
        except InvalidField as problem:
            field.first(FormField).show_error(problem.message)

    @on(Input.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def clear_changed_field(self, event: Input.Changed | Select.Changed | Checkbox.Changed) -> None:
        """The therapist is correcting the value: the old message no longer applies."""
        if self.draft_name() is not None:
            self._keep_draft_soon()
        for field in event.control.ancestors:
            if isinstance(field, FormField):
                field.clear_error()
                field.remove_class("-refused")
                return

    @on(Input.Submitted)
    def next_field(self) -> None:
        if self.SAVE_ON_ENTER:
            self.action_save()
        else:
            self.focus_next()

    @on(Button.Pressed, "#form-save")
    def save_clicked(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#form-cancel")
    def cancel_clicked(self) -> None:
        self.action_cancel()


def _shown(widget: FieldWidget) -> str:
    if isinstance(widget, Select):
        return _option_label(widget, widget.value)
    if isinstance(widget, Checkbox):
        return _("Yes") if widget.value else _("No")
    return widget.value


def _shown_stored(widget: FieldWidget, value: object) -> str:
    if isinstance(widget, Select):
        return _option_label(widget, value)
    if isinstance(widget, Checkbox):
        return _("Yes") if value else _("No")
    return _as_input(value)


def _as_input(value: object) -> str:
    """A stored value as the therapist would type it."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return format_date_input(value)
    if isinstance(value, dt.time):
        return format_time_input(value)
    return str(value)


def _option_label(select: Select, value: object) -> str:
    if value is None or value is Select.NULL:
        return "–"
    labels = {option_value: str(label) for label, option_value in select._options}
    return labels.get(value, str(value))


def _fill_in(widget: FieldWidget, value: object) -> None:
    if isinstance(widget, Select):
        widget.value = value if value is not None and any(value == option for _label, option in widget._options) else Select.NULL
    elif isinstance(widget, Checkbox):
        widget.value = bool(value)
    else:
        widget.value = _as_input(value)
