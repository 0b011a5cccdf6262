"""A session: its agenda with clock times, today's material, and who is expected."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Markdown, Static

from imr_tui.i18n import N_, _, format_long_date, format_time
from imr_tui.planning.agenda import build_agenda
from imr_tui.screens.base import BaseScreen
from imr_tui.screens.labels import attendance_label
from imr_tui.store.records import SessionOverview


class SessionScreen(BaseScreen):
    CSS_PATH = "session.tcss"
    HELP_TEXT = N_(
        "**The session** shows the agenda with the clock time of each part, the module and topic "
        "of the day with its key points, and the participants enrolled.\n\n"
        "Press **f5** to show participants by alias only when the screen is shared."
    )
    BINDINGS = [
        Binding("escape", "app.pop_screen", N_("Back"), id="session.back"),
        Binding("f5", "app.toggle_presentation", N_("Presentation"), id="session.presentation"),
        Binding("f1", "app.help", N_("Help"), id="session.help"),
    ]

    class Loaded(Message):
        def __init__(self, overview: SessionOverview) -> None:
            super().__init__()
            self.overview = overview

    def __init__(self, session_id: int) -> None:
        super().__init__()
        self.session_id = session_id
        self.overview: SessionOverview | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="session-title")
        with Horizontal(id="session-body"):
            with Vertical(id="agenda-column"):
                yield Static(_("Agenda"), classes="section-title")
                yield DataTable(id="agenda", cursor_type="row", zebra_stripes=True)
                yield Static(_("Participants"), classes="section-title")
                yield DataTable(id="participants", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="material-column"):
                yield Static(_("Today's material"), classes="section-title")
                yield Markdown(id="material")
        yield Footer()

    def on_mount(self) -> None:
        agenda = self.query_one("#agenda", DataTable)
        agenda.add_columns(_("Time"), _("Min."), _("Part"))
        people = self.query_one("#participants", DataTable)
        people.add_columns(_("Participant"), _("Attendance"), _("Pick-up"))
        self.loading = True
        self.load()
        self.watch(self.app, "presentation_mode", self.show_participants, init=False)

    @work(thread=True, exclusive=True, group="session")
    def load(self) -> None:
        self.post_message(self.Loaded(self.imr.store.sessions.overview(self.session_id)))

    def on_session_screen_loaded(self, message: Loaded) -> None:
        self.overview = overview = message.overview
        session = overview.session
        curriculum = self.imr.curriculum
        module = curriculum.module(session.module_id)
        self.query_one("#session-title", Static).update(
            f"[b]{overview.group_name}[/b] · {format_long_date(session.date)} {format_time(session.start_time)} · {overview.group_location}"
        )
        agenda = self.query_one("#agenda", DataTable)
        agenda.clear()
        for item in build_agenda(curriculum.structure, session.start_time, individual=bool(module and module.individual)):
            agenda.add_row(f"{format_time(item.starts)}–{format_time(item.ends)}", Text(str(item.minutes), justify="right"), str(item.part.title))
        self.query_one("#material", Markdown).update(self._material_text())
        self.show_participants()
        self.loading = False

    def _material_text(self) -> str:
        session = self.overview.session
        module = self.imr.curriculum.module(session.module_id)
        topic = self.imr.curriculum.topic(session.module_id, session.topic_id)
        if module is None:
            return _("No module is planned for this session.")
        lines = ["**" + _("Module {number}: {title}").format(number=module.number, title=module.title) + "**"]
        if topic:
            lines += ["", _("Topic: {title}").format(title=topic.title), "", "**" + _("Key points") + "**", ""]
            lines += [f"- {point}" for point in topic.key_points]
            if topic.home_assignment:
                lines += ["", "**" + _("Suggested home assignment") + "**", "", str(topic.home_assignment)]
        return "\n".join(lines)

    def show_participants(self, _presentation: bool | None = None) -> None:
        if self.overview is None:
            return
        presenting = self.imr.presentation_mode
        table = self.query_one("#participants", DataTable)
        table.clear()
        for person in self.overview.participants:
            name = (person.alias or _initials(person.name)) if presenting else person.name
            pickup = (_("picked up") if person.picked_up else _("needs pick-up")) if person.needs_pickup else ""
            table.add_row(name, attendance_label(person.attendance), pickup, key=str(person.id))


def _initials(name: str) -> str:
    return "".join(part[0] for part in name.split() if part).upper()
