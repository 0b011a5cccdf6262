"""The first screen: every group with its session today or next, one key from opening it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Static
from textual.widgets.data_table import ColumnKey

from imr_tui.domain.records import GroupOverview, SessionSummary
from imr_tui.i18n import N_, _, format_short_date, format_time, format_weekday
from imr_tui.review.rules import drift
from imr_tui.screens.base import BaseScreen
from imr_tui.widgets.more_keys import MoreKeys

if TYPE_CHECKING:
    from imr_tui.store import Store


class TodayScreen(BaseScreen):
    CSS_PATH = "today.tcss"
    HELP_TEXT = N_(
        "**Today** lists every group with its session today or its next session.\n\n"
        "Move with the arrow keys and press **enter** to open the highlighted group's session, "
        "**l** for its plan, **r** for its attendance register, **g** for its participants' goals, "
        "**s** for their service plans (plans due for review are named above the list), "
        "**p** to print the agenda of its next session. **G** lists all groups, to add or change one; "
        "**y** shows the yearly figures. "
        "Press **f5** before you share the screen: participants are then shown by alias only."
    )
    BINDINGS = [
        Binding("enter", "open_session", N_("Open session"), id="today.open_session", priority=True),
        Binding("l", "open_plan", N_("Plan"), id="today.plan"),
        Binding("G", "open_groups", N_("Groups"), id="today.groups"),
        Binding("r", "open_register", N_("Register"), id="today.register"),
        Binding("g", "open_goals", N_("Goals"), id="today.goals"),
        Binding("s", "open_service_plans", N_("Service plans"), id="today.service_plans"),
        Binding("p", "print_agenda", N_("Print agenda"), id="today.print"),
        Binding("y", "yearly_figures", N_("Yearly figures"), id="today.yearly", show=False),
        Binding("F", "open_fidelity", N_("Fidelity self-assessment"), id="today.fidelity", show=False),
        Binding("f5", "app.toggle_presentation", N_("Presentation"), id="today.presentation"),
        Binding("f1", "app.help", N_("Help"), id="today.help"),
    ]

    class GroupsLoaded(Message):
        def __init__(self, groups: list[GroupOverview], drifting: dict[int, int], reviews: dict | None = None) -> None:
            super().__init__()
            self.groups = groups
            self.drifting = drifting
            """Group id -> how many participants are drifting away."""
            self.reviews = reviews or {}
            """Group id -> RevisionsDue: service plans due or overdue for review."""

    class FlagsLoaded(Message):
        """Who is drifting and which plans are due: loaded after the list, which shows without waiting for them."""

        def __init__(self, drifting: dict[int, int], reviews: dict) -> None:
            super().__init__()
            self.drifting = drifting
            self.reviews = reviews

    def __init__(self) -> None:
        super().__init__()
        self.groups: list[GroupOverview] = []
        self.drifting: dict[int, int] = {}
        self.reviews: dict = {}
        self._order_of: tuple[dt.date | None, dict[int, int]] = (None, {})
        """The day the list was first ordered, and each group's place in it that day."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="today"):
            yield Static(id="today-date")
            plans_due = Static(id="plans-due", classes="hidden")
            plans_due.styles.margin = (0, 0, 1, 0)
            plans_due.styles.text_style = "bold"
            yield plans_due
            yield DataTable(id="groups", cursor_type="row", zebra_stripes=True)
            yield Static(id="empty", classes="hidden")
        yield MoreKeys()
        yield Footer()

    def on_mount(self) -> None:
        today = self.imr.today()
        self.query_one("#today-date", Static).update(_("Today is {date}").format(date=f"{format_weekday(today)} {format_short_date(today)}"))
        table = self.query_one("#groups", DataTable)
        table.add_column(_("Group"), key="group")
        table.add_column(_("Session"), key="when")
        table.add_column(_("Led by"), key="leaders")
        table.add_column(_("Participants"), key="participants")
        table.add_column(_("Module and topic"), key="content")
        table.loading = True
        self.load_groups()

    def on_screen_resume(self) -> None:
        if self.groups or not self.query_one("#groups", DataTable).loading:
            self.load_groups()  # a group, a plan or attendance may have changed on another screen

    def load_groups(self) -> None:
        today = self.imr.today()
        # One statement: from the first reader (plain sqlite3) while the store still opens, then from the store.
        self.read(
            lambda store: store.groups.today_overview(today),
            lambda groups: self.on_today_screen_groups_loaded(self.GroupsLoaded(groups, self.drifting, self.reviews)),
            early=lambda reader: reader.today_overview(today),
        )

    def load_flags(self) -> None:
        """Who is drifting away and whose plans are due: read once the list is on screen, as they take longer."""
        meeting = [group.id for group in self.groups if group.next_session is not None]
        rules, today = self.imr.settings.review_rules(), self.imr.today()

        def flags(store: Store) -> TodayScreen.FlagsLoaded:
            drifting = {
                group_id: sum(1 for person in register.people if drift(register, person, rules))
                for group_id, register in store.attendance.registers(meeting).items()
            }
            # A finished course's plans are followed up by the person's own service, not on this screen.
            return self.FlagsLoaded(drifting, store.service_plans.reviews_by_group(meeting, today))

        self.read(flags, self.on_today_screen_flags_loaded)

    def on_today_screen_flags_loaded(self, message: FlagsLoaded) -> None:
        self.drifting, self.reviews = message.drifting, message.reviews
        self.show_plans_due()
        table = self.query_one("#groups", DataTable)
        cells = {str(group.id): self._participants(group) for group in self.groups}
        widths = {key: max(cell_len(line) for line in cell.plain.split("\n")) for key, cell in cells.items()}
        widest = max(widths, key=widths.__getitem__, default=None)
        # The column is widened before the cells change: the table measures only when idle, and
        # a row drawn in between would stay cut until something else on it changed.
        column = table.columns[ColumnKey("participants")]
        column.content_width = max(column.content_width, *widths.values(), 0)
        for key, cell in cells.items():
            # The widest cell alone re-measures: for every cell, the table would measure the whole column.
            table.update_cell(key, "participants", cell, update_width=key == widest)

    def on_today_screen_groups_loaded(self, message: GroupsLoaded) -> None:
        today = self.imr.today()
        # Groups meeting today first: that is what the therapist opened the app for.
        self.drifting = message.drifting
        self.reviews = message.reviews
        self.groups = self.in_order_of_the_day(message.groups, today)
        self.show_plans_due()
        table = self.query_one("#groups", DataTable)
        highlighted = self.highlighted_group()
        table.clear()
        for group in self.groups:
            table.add_row(*self._row(group, today), key=str(group.id), height=2)
        if highlighted is not None:
            # Back from another screen: the cursor stays on the group it was on.
            rows = [index for index, group in enumerate(self.groups) if group.id == highlighted.id]
            if rows:
                table.move_cursor(row=rows[0], animate=False)
        table.loading = False
        empty = self.query_one("#empty", Static)
        empty.set_class(bool(self.groups), "hidden")
        empty.update(_("There are no groups yet. To try the app with fictional people, run: imr-tui demo"))
        self.read_after_refresh(self.load_flags)
        self.imr.log_first_screen()

    def in_order_of_the_day(self, groups: list[GroupOverview], today: dt.date) -> list[GroupOverview]:
        """Groups meeting today first, as the day starts; later in the day a held group keeps its place."""
        if self._order_of[0] != today:
            order = sorted(groups, key=lambda g: (not _meets_today(g, today), g.next_session is None, g.name))
            self._order_of = (today, {group.id: index for index, group in enumerate(order)})
            return order
        known = self._order_of[1]
        return sorted(groups, key=lambda g: (g.id not in known, known.get(g.id, 0), g.name))

    def _row(self, group: GroupOverview, today: dt.date) -> tuple[str | Text, ...]:
        session = group.next_session
        curriculum = self.imr.curriculum
        module = curriculum.module(session.module_id) if session else None
        topic = curriculum.topic(session.module_id, session.topic_id) if session else None
        leaders = "\n".join(therapist.name for therapist in group.therapists)
        content = two_lines(f"{module.number}. {module.title}", str(topic.title) if topic else "") if module else "–"
        return (
            two_lines(group.name, group.location, bold=True),
            _when(session, today) if session else _("no session planned"),
            leaders or "–",
            self._participants(group),
            content,
        )

    def _participants(self, group: GroupOverview) -> Text:
        count = Text(str(group.active_participants))
        if drifting := self.drifting.get(group.id):
            count.append("\n" + _("⚠ {count} losing touch").format(count=drifting), style="bold")
        return count

    def show_plans_due(self) -> None:
        """One line naming the groups with service plans due or overdue for review."""
        line = ""
        if self.reviews:  # the first list comes before the reviews: no need to import their screen for it
            from imr_tui.screens.service_plans import plans_to_review

            line = plans_to_review(self.reviews, {group.id: group.name for group in self.groups})
        due = self.query_one("#plans-due", Static)
        due.update(line)
        due.set_class(not line, "hidden")

    def highlighted_group(self) -> GroupOverview | None:
        table = self.query_one("#groups", DataTable)
        if not self.groups or table.cursor_row is None or table.cursor_row >= len(self.groups):
            return None
        return self.groups[table.cursor_row]

    def action_open_session(self) -> None:
        group = self.highlighted_group()
        if group is None:
            return
        if group.next_session is None:
            self.notify(_("{group} has no planned session.").format(group=group.name), severity="warning")
            return
        from imr_tui.screens.session import SessionScreen

        self.app.push_screen(SessionScreen(group.next_session.id))

    def action_open_plan(self) -> None:
        from imr_tui.screens.schedule import ScheduleScreen

        if group := self.highlighted_group():
            self.app.push_screen(ScheduleScreen(group.id))

    def action_open_groups(self) -> None:
        from imr_tui.screens.groups import GroupsScreen

        self.app.push_screen(GroupsScreen())

    def action_open_goals(self) -> None:
        """Goals are personal: choose the participant from the group's goal overview."""
        from imr_tui.screens.group_goals import GroupGoalsScreen

        if self.imr.presentation_mode:
            self.notify(_("Goals are hidden in presentation mode (f5)."), severity="warning")
        elif group := self.highlighted_group():
            self.app.push_screen(GroupGoalsScreen(group.id, group.name))

    def action_open_service_plans(self) -> None:
        """Service plans are personal, like goals: hidden while the screen is shared."""
        from imr_tui.screens.service_plans import ServicePlansScreen

        if self.imr.presentation_mode:
            self.notify(_("Service plans are hidden in presentation mode (f5)."), severity="warning")
        elif group := self.highlighted_group():
            self.app.push_screen(ServicePlansScreen(group.id, group.name))

    def action_open_register(self) -> None:
        from imr_tui.screens.register import RegisterScreen

        if group := self.highlighted_group():
            self.app.push_screen(RegisterScreen(group.id))

    def action_yearly_figures(self) -> None:
        from imr_tui.screens.yearly import YearlyScreen

        self.app.push_screen(YearlyScreen())

    def action_open_fidelity(self) -> None:
        from imr_tui.screens.fidelity import FidelityScreen

        if group := self.highlighted_group():
            self.app.push_screen(FidelityScreen(group.id, group.name))

    def action_print_agenda(self) -> None:
        from imr_tui.screens.print_preview import PrintPreviewScreen

        group = self.highlighted_group()
        if group is None:
            return
        if group.next_session is None:
            self.notify(_("{group} has no planned session.").format(group=group.name), severity="warning")
            return
        self.app.push_screen(PrintPreviewScreen(group.next_session.id))

    @on(DataTable.RowSelected, "#groups")
    def open_clicked_row(self) -> None:
        self.action_open_session()


def two_lines(first: str, second: str, bold: bool = False) -> Text:
    return Text.assemble((first, "bold" if bold else ""), "\n", (second, "dim"))


def _meets_today(group: GroupOverview, today: dt.date) -> bool:
    return group.next_session is not None and group.next_session.date == today


def _when(session: SessionSummary, today: dt.date) -> str:
    time = format_time(session.start_time)
    if session.date == today:
        return _("Today {time}").format(time=time)
    if session.date == today + dt.timedelta(days=1):
        return _("Tomorrow {time}").format(time=time)
    return f"{format_weekday(session.date, 'abbreviated')} {format_short_date(session.date)} {time}"

