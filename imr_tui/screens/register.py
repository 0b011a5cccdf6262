"""The course register: everyone by every session, as on the paper register, with the
figures that matter after a session: who came, who is drifting away, who has completed."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Sparkline, Static

from imr_tui.i18n import N_, _
from imr_tui.i18n.review_labels import (
    LEGEND,
    attendance_symbol,
    drift_label,
    figures_line,
    left_label,
    outlook_label,
    outlook_line,
    percent,
    session_heading,
)
from imr_tui.privacy import shown_name
from imr_tui.review.register import ATTENDED, Register, RegisterPerson
from imr_tui.review.rules import ReviewRules, drift, group_figures, outlook
from imr_tui.screens.base import BaseScreen

FIXED_COLUMNS = 4
TREND_WINDOW = 4


def attendance_trend(register: Register, person: RegisterPerson) -> list[float]:
    """The person's attendance as a moving share over the last few sessions: their own picture."""
    came = [1.0 if status in ATTENDED else 0.0 for _session, status in register.history(person)]
    return [sum(came[max(0, i - TREND_WINDOW + 1) : i + 1]) / len(came[max(0, i - TREND_WINDOW + 1) : i + 1]) for i in range(len(came))]


class RegisterScreen(BaseScreen):
    CSS_PATH = "register.tcss"
    HELP_TEXT = N_(
        "**The register** shows every participant by every session of the course, with their "
        "attendance rate, whether they are drifting away, and whether they can still complete "
        "(by default: present at more than half of the scheduled sessions; a service can change "
        "the rules in its settings).\n\n"
        "Move to a session and press **enter** to see it and correct attendance; **j** drafts the "
        "journal notes for that session."
    )
    BINDINGS = [
        Binding("enter", "open_session", N_("Open session"), id="register.open_session", priority=True),
        Binding("j", "journal", N_("Journal notes"), id="register.journal"),
        Binding("escape", "app.pop_screen", N_("Back"), id="register.back"),
        Binding("f1", "app.help", N_("Help"), id="register.help", show=False),
    ]

    class Loaded(Message):
        def __init__(self, register: Register) -> None:
            super().__init__()
            self.register = register

    def __init__(self, group_id: int) -> None:
        super().__init__()
        self.group_id = group_id
        self.register: Register | None = None

    @property
    def rules(self) -> ReviewRules:
        return self.imr.settings.review_rules()

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="register"):
            yield Static(id="register-title")
            yield Static(id="figures")
            with Horizontal(id="trend"):
                yield Static(_("Attendance per session"), id="trend-label")
                yield Sparkline([], id="sparkline")
            yield DataTable(id="grid", cursor_type="cell", zebra_stripes=True, fixed_columns=FIXED_COLUMNS)
            yield Static(_("Each person's attendance, drift and completion are hidden in presentation mode (f5); the group's figures stay."), id="register-hidden")
            with Horizontal(id="person-row"):
                yield Static(id="person")
                yield Sparkline([], id="person-trend")
            yield Static(LEGEND(), id="legend")
        yield Footer()

    def on_mount(self) -> None:
        self.loading = True
        self.load()
        self.watch(self.app, "presentation_mode", lambda _on: self.show(), init=False)

    def on_screen_resume(self) -> None:
        if self.register is not None:
            self.load()  # attendance may have been corrected in the session screen

    def load(self) -> None:
        group_id = self.group_id
        self.read(lambda store: store.attendance.register(group_id), lambda register: self.on_register_screen_loaded(self.Loaded(register)))

    def on_register_screen_loaded(self, message: Loaded) -> None:
        self.register = message.register
        self.show()
        self.loading = False

    def show(self) -> None:
        register = self.register
        if register is None:
            return
        self.query_one("#register-title", Static).update(Text.assemble((register.group_name, "bold"), "  ·  ", _("Attendance register")))
        figures = figures_line(group_figures(register, self.rules))
        if any(not session.held for session in register.sessions):
            figures = outlook_line(register, [outlook(register, p, self.rules) for p in register.people])
        mean = group_figures(register, self.rules).mean_attendance
        self.query_one("#figures", Static).update(figures + "  ·  " + _("mean attendance {mean}").format(mean=percent(mean)))
        rates = [register.session_rate(session) for session in register.held()]
        self.query_one("#sparkline", Sparkline).data = [rate for rate in rates if rate is not None] or [0]
        presenting = self.imr.presentation_mode
        for widget in self.query("#grid, #person-row, #legend"):
            widget.display = not presenting  # a rate or "drifting away" is about one person
        self.query_one("#register-hidden").display = presenting
        self.fill_grid(register)

    def fill_grid(self, register: Register) -> None:
        grid = self.query_one("#grid", DataTable)
        cursor = grid.cursor_coordinate
        grid.clear(columns=True)
        grid.add_column(_("Participant"), key="name")
        grid.add_column(_("Attended"), key="rate")
        grid.add_column(_("Attention"), key="flag")
        grid.add_column(_("Completion"), key="outlook")
        for session in register.sessions:
            grid.add_column(session_heading(session), key=str(session.id))
        presenting = self.imr.presentation_mode
        for person in register.people:
            shown = shown_name(person.name, person.alias, presenting)
            name = shown if person.active else Text(shown, style="dim")
            notice: str | Text
            if person.active:
                notice, result = drift_label(drift(register, person, self.rules)), outlook_label(outlook(register, person, self.rules))
            else:
                notice, result = left_label(person), "–"
            cells: list[str | Text] = [name, percent(register.person_rate(person)), notice, result]
            cells += [attendance_symbol(register, person, session) for session in register.sessions]
            grid.add_row(*cells, key=str(person.id))
        if cursor.column >= FIXED_COLUMNS:
            grid.cursor_coordinate = cursor
        else:
            held = len(register.held())
            grid.cursor_coordinate = grid.cursor_coordinate._replace(column=FIXED_COLUMNS + max(held - 1, 0))

    @on(DataTable.CellHighlighted, "#grid")
    def describe(self, event: DataTable.CellHighlighted) -> None:
        register = self.register
        if register is None or not register.people:
            return
        person = register.people[event.coordinate.row]
        missed = register.missed_modules(person)
        titles = [f"{m.number}. {m.title} ({count})" for module_id, count in missed.items() if (m := self.imr.curriculum.module(module_id))]
        attended, expected = register.attended(person), len(register.history(person))
        name = shown_name(person.name, person.alias, self.imr.presentation_mode)
        text = _("{name}: {attended} of {expected} sessions").format(name=name, attended=attended, expected=expected)
        if titles:
            text += "  ·  " + _("Missed, for catch-up: {modules}").format(modules=", ".join(titles))
        self.query_one("#person", Static).update(text)
        self.query_one("#person-trend", Sparkline).data = attendance_trend(register, person) or [0]

    def highlighted_session_id(self) -> int | None:
        grid = self.query_one("#grid", DataTable)
        column = grid.cursor_coordinate.column - FIXED_COLUMNS
        if self.register is None or not 0 <= column < len(self.register.sessions):
            return None
        return self.register.sessions[column].id

    def action_open_session(self) -> None:
        from imr_tui.screens.session import SessionScreen

        session_id = self.highlighted_session_id()
        if session_id is None:
            self.notify(_("Move to a session's column first."), severity="warning")
            return
        self.app.push_screen(SessionScreen(session_id))

    def action_journal(self) -> None:
        from imr_tui.screens.journal import JournalScreen

        session_id = self.highlighted_session_id()
        if session_id is None or self.register is None:
            self.notify(_("Move to a session's column first."), severity="warning")
            return
        if not next(s for s in self.register.sessions if s.id == session_id).held:
            self.notify(_("Journal notes are drafted for sessions that were held."), severity="warning")
            return
        if self.imr.presentation_mode:
            self.notify(_("Journal notes are hidden in presentation mode (f5)."), severity="warning")
            return
        self.app.push_screen(JournalScreen(session_id))


__all__ = ["RegisterPerson", "RegisterScreen"]
