"""The schedule's dialogs: cancel or move a session, choose its module and topic, go to a date."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Checkbox, Footer, Input, Select, Static
from textual.widgets.select import NoSelection

from imr_tui.curriculum import Curriculum
from imr_tui.domain.schedule_records import PlanEntry
from imr_tui.i18n import _, format_long_date, format_time
from imr_tui.planning.fields import format_date_input, format_time_input, parse_date, parse_time
from imr_tui.screens.form import FieldReader, FormField, FormModal
from imr_tui.widgets.tick_box import TickBox


def _when(entry: PlanEntry) -> str:
    return f"{format_long_date(entry.date)} {format_time(entry.start_time)}"


class CancelSessionDialog(FormModal):
    CSS_PATH = "forms.tcss"
    STORED_NAMES = {"reason": "cancel_reason"}

    def __init__(self, entry: PlanEntry) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box"):
            yield Static(_("Cancel the session {when}").format(when=_when(self.entry)), classes="form-title")
            yield FormField(_("Reason"), Input(id="reason", placeholder=_("optional, such as 'therapist ill'"), compact=True), name="reason")
            yield FormField("", TickBox(_("Move its module and topic on to the following sessions"), True, id="shift", compact=True), name="shift")
            yield Static(_("Otherwise the plan stays as it is, and this session's topic is not covered."), classes="form-hint")
            yield from self.compose_buttons()
        yield Footer()

    def read_fields(self) -> tuple[str, bool]:
        return self.query_one("#reason", Input).value, self.query_one("#shift", Checkbox).value

    def confirm_question(self, values: tuple[str, bool]) -> str:
        return _("Cancel the session {when}? ctrl+z in the plan takes it back.").format(when=_when(self.entry))

    def save(self, values: tuple[str, bool]):
        (reason, shift), session_id = values, self.entry.id
        version = self.version_of("group_session", self.entry.version)
        return lambda store: store.schedule.cancel_session(session_id, version, reason, shift=shift)


class MoveSessionDialog(FormModal):
    CSS_PATH = "forms.tcss"
    STORED_NAMES = {"time": "start_time"}

    def __init__(self, entry: PlanEntry) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box"):
            yield Static(_("Move the session {when}").format(when=_when(self.entry)), classes="form-title")
            yield FormField(_("New date"), Input(format_date_input(self.entry.date), id="date", compact=True), name="date")
            yield FormField(_("Starts at"), Input(format_time_input(self.entry.start_time), id="time", compact=True), name="time")
            yield FormField("", TickBox(_("Keep the modules in curriculum order (the content moves along)"), True, id="shift", compact=True), name="shift")
            yield Static(_("Otherwise the session takes its module and topic with it to the new date."), classes="form-hint")
            yield from self.compose_buttons()
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#date", Input).focus()

    def field_checks(self):
        return {"date": lambda text: parse_date(text, "date"), "time": lambda text: parse_time(text, "time")}

    def read_fields(self) -> tuple[dt.date, dt.time, bool]:
        reader = FieldReader()
        day = reader.read(parse_date, self.query_one("#date", Input).value, "date")
        time = reader.read(parse_time, self.query_one("#time", Input).value, "time")
        reader.done()
        assert day is not None and time is not None, "done() raised if a field did not parse"
        return day, time, self.query_one("#shift", Checkbox).value

    def save(self, values: tuple[dt.date, dt.time, bool]):
        (day, time, shift), session_id = values, self.entry.id
        version = self.version_of("group_session", self.entry.version)
        return lambda store: store.schedule.move_session(session_id, version, day, time, shift=shift)


class ContentDialog(FormModal):
    """The module and topic of one session; the choice of modules follows the kind of session."""

    CSS_PATH = "forms.tcss"
    STORED_NAMES = {"module": "module_id", "topic": "topic_id"}

    def __init__(self, entry: PlanEntry, curriculum: Curriculum) -> None:
        super().__init__()
        self.entry, self.curriculum = entry, curriculum

    def compose(self) -> ComposeResult:
        modules = [module for module in self.curriculum.modules if module.individual == self.entry.individual]
        module_options = [(f"{module.number}. {module.title}", module.id) for module in modules]
        module = self.curriculum.module(self.entry.module_id)
        with Vertical(classes="form-box"):
            yield Static(_("Module and topic on {when}").format(when=_when(self.entry)), classes="form-title")
            yield FormField(_("Module"), Select(module_options, value=module.id if module in modules else Select.NULL, id="module", prompt=_("no module"), compact=True), name="module")
            yield FormField(_("Topic"), Select(self._topics(self.entry.module_id), value=self.entry.topic_id or Select.NULL, id="topic", prompt=_("no topic"), compact=True), name="topic")
            yield from self.compose_buttons()
        yield Footer()

    def _topics(self, module_id: str | None) -> list[tuple[str, str]]:
        module = self.curriculum.module(module_id)
        return [(str(topic.title), topic.id) for topic in module.topics] if module else []

    @on(Select.Changed, "#module")
    def offer_topics(self, event: Select.Changed) -> None:
        topic = self.query_one("#topic", Select)
        current = topic.value
        options = self._topics(event.value if isinstance(event.value, str) else None)  # module ids, or Select.NULL
        topic.set_options(options)
        if any(value == current for _label, value in options):
            topic.value = current

    def read_fields(self) -> tuple[str | None, str | None]:
        module, topic = self.query_one("#module", Select).value, self.query_one("#topic", Select).value
        return (None if isinstance(module, NoSelection) else module), (None if isinstance(topic, NoSelection) else topic)

    def save(self, values: tuple[str | None, str | None]):
        (module_id, topic_id), session_id, curriculum = values, self.entry.id, self.curriculum
        version = self.version_of("group_session", self.entry.version)
        return lambda store: store.schedule.set_content(session_id, version, module_id, topic_id, curriculum)


class JumpDialog(FormModal):
    """Go to the first session on or after a date."""

    CSS_PATH = "forms.tcss"
    SAVE_ON_ENTER = True

    def __init__(self, today: dt.date) -> None:
        super().__init__()
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box narrow"):
            yield Static(_("Go to date"), classes="form-title")
            yield FormField(_("Date"), Input(format_date_input(self.today), id="date", compact=True), name="date")
            yield from self.compose_buttons()
        yield Footer()

    def field_checks(self):
        return {"date": lambda text: parse_date(text, "date")}

    def read_fields(self) -> dt.date:
        reader = FieldReader()
        day = reader.read(parse_date, self.query_one("#date", Input).value, "date")
        reader.done()
        assert day is not None, "done() raised if the date did not parse"
        return day

    def submit(self, day: dt.date) -> None:
        self.dismiss(day)  # nothing to store: the plan goes to the date

    def on_mount(self) -> None:
        field = self.query_one("#date", Input)
        field.focus()
        field.action_select_all()
