"""What every planning form shares: labelled fields with their own error line, and saving.

A refused value is shown under its field and nothing typed is cleared: the therapist
corrects the one field and saves again. Saving runs in a worker; the store's answer
comes back as a message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from imr_tui.errors import UserError
from imr_tui.i18n import N_, _
from imr_tui.planning.fields import InvalidField
from imr_tui.screens.base import BaseModal

if TYPE_CHECKING:
    from imr_tui.app import IMRApp

T = TypeVar("T")


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
    """A form in a modal: subclasses compose their fields, `read()` them and `save()` through the store."""

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="form.save", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="form.cancel"),
    ]

    SAVE_ON_ENTER: ClassVar[bool] = False
    """Enter in an input saves (a one-field form) instead of moving to the next field."""

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

    def read(self) -> Any:
        """The typed values as plain data; raises FieldProblems."""
        raise NotImplementedError

    def save(self, values: Any) -> Any:
        """Runs in a worker thread: hand the values to the store and return its answer."""
        raise NotImplementedError

    def compose_buttons(self) -> ComposeResult:
        yield Static(id="form-message", classes="hidden")
        with Horizontal(id="form-buttons"):
            yield Button(_("Save"), id="form-save", variant="primary", compact=True)
            yield Button(_("Cancel"), id="form-cancel", compact=True)

    def action_save(self) -> None:
        for field in self.query(FormField):
            field.clear_error()
        try:
            values = self.read()
        except FieldProblems as found:
            self.show_problems(found.problems)
            return
        self.say(_("Saving…"))
        self._save_in_worker(values)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @work(thread=True, exclusive=True, group="form")
    def _save_in_worker(self, values: Any) -> None:
        try:
            result = self.save(values)
        except UserError as error:
            self.post_message(self.Refused(error))
            return
        self.post_message(self.Saved(result))

    def on_form_modal_saved(self, message: Saved) -> None:
        self.dismiss(message.result)

    def on_form_modal_refused(self, message: Refused) -> None:
        error = message.error
        self.say("")
        if isinstance(error, InvalidField) and self.query(f"#field-{error.field}"):
            self.show_problems([error])
        else:
            self.say("⚠ " + error.message)

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
        if check is None or not field:
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
        for field in event.control.ancestors:
            if isinstance(field, FormField):
                field.clear_error()
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
