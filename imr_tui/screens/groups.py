"""The groups: set up a new course, edit one, open its participants or plan, archive it when done."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Static

from imr_tui.domain.schedule_records import GroupListItem, GroupSettings, TherapistRecord
from imr_tui.domain.vocabulary import GroupStatus
from imr_tui.i18n import N_, _, format_short_date
from imr_tui.planning.labels import cut_modules_warning, group_status_label, meets_parts, plan_change_notice
from imr_tui.screens.group_form import GroupFormScreen, GroupSaved
from imr_tui.screens.planning_base import PlanningScreen
from imr_tui.screens.today import two_lines
from imr_tui.widgets.more_keys import MoreKeys


class GroupsScreen(PlanningScreen):
    CSS_PATH = "planning.tcss"
    HELP_TEXT = N_(
        "**Groups** lists every course, newest first.\n\n"
        "Press **n** to set up a new group: its name, place, dates, how often it meets and who leads it. "
        "The sessions are planned from the cadence, skipping public holidays and closed periods. "
        "**e** edits the highlighted group, **p** shows its participants and **l** its plan.\n\n"
        "A finished group can be archived with **a**; **v** shows archived groups, and **a** restores one."
    )
    BINDINGS = [
        Binding("n", "new_group", N_("New group"), id="groups.new"),
        Binding("e", "edit_group", N_("Edit"), id="groups.edit"),
        Binding("p", "participants", N_("Participants"), id="groups.participants"),
        Binding("l", "open_plan", N_("Plan"), id="groups.plan"),
        Binding("a", "archive", N_("Archive/restore"), id="groups.archive"),
        Binding("v", "toggle_archived", N_("Show archived"), id="groups.show_archived"),
        Binding("escape", "app.pop_screen", N_("Back"), id="groups.back"),
        Binding("f1", "app.help", N_("Help"), id="groups.help", show=False),
    ]

    def __init__(self, select_group: int | None = None) -> None:
        super().__init__()
        self.groups: list[GroupListItem] = []
        self.show_archived = False
        self.select_group = select_group

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="planning"):
            yield Static(_("Groups"), classes="screen-title")
            yield DataTable(id="group-list", cursor_type="row", zebra_stripes=True)
            yield Static(id="groups-empty", classes="hint")
        yield MoreKeys()
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#group-list", DataTable)
        # Widths that fit 110 columns (100 in a narrower terminal); a long name or place ends in an ellipsis.
        wide = self.app.size.width >= 110
        columns = ((_("Group"), 25 if wide else 18), (_("Status"), 10), (_("Period"), 12), (_("Meets"), 16 if wide else 14), (_("Led by"), 14 if wide else 13), (_("Active"), 6), (_("Sessions"), 9))
        for label, width in columns:
            table.add_column(label, width=width)
        table.loading = True
        self.reload()

    def reload(self) -> None:
        self.load_groups(self.show_archived)

    def load(self) -> None:
        self.reload()

    def load_groups(self, include_archived: bool) -> None:
        self.read(lambda store: store.planning.groups(include_archived), self.show_groups)

    def show_groups(self, groups: list[GroupListItem]) -> None:
        table = self.query_one("#group-list", DataTable)
        current = self.highlighted()
        keep = self.select_group or (current.id if current else None)
        self.select_group = None
        self.groups = groups
        table.clear()
        for group in self.groups:
            period = f"{format_short_date(group.start_date)} –\n{format_short_date(group.end_date) if group.end_date else ''}"
            table.add_row(
                two_lines(group.name, group.location, bold=True), group_status_label(group.status, group.archived), period,
                two_lines(*meets_parts(group.cadence, group.weekdays)), "\n".join(group.therapists) or "–",
                Text(str(group.active_participants), justify="right"), Text(str(group.sessions), justify="right"),
                key=str(group.id), height=max(2, len(group.therapists)),
            )  # fmt: skip
        table.loading = False
        if keep is not None and any(group.id == keep for group in self.groups):
            table.move_cursor(row=table.get_row_index(str(keep)))
        empty = self.query_one("#groups-empty", Static)
        empty.update("" if self.groups else _("No groups yet: press n to set up the first one."))

    def highlighted(self) -> GroupListItem | None:
        table = self.query_one("#group-list", DataTable)
        if not self.groups or table.cursor_row >= len(self.groups):
            return None
        return self.groups[table.cursor_row]

    def action_new_group(self) -> None:
        self.open_form(None)

    def action_edit_group(self) -> None:
        group = self.highlighted()
        if group is not None:
            self.open_form(group.id)

    def open_form(self, group_id: int | None) -> None:
        def form_data(store) -> tuple[list[TherapistRecord], GroupSettings | None]:
            return store.planning.therapists(), store.planning.group_settings(group_id) if group_id is not None else None

        self.read(form_data, lambda data: self._push_form(*data))

    def _push_form(self, therapists: list[TherapistRecord], settings: GroupSettings | None) -> None:
        self.app.push_screen(GroupFormScreen(self.imr.curriculum, therapists, self.imr.today(), settings), self.form_closed)

    def form_closed(self, saved: GroupSaved | None) -> None:
        if saved is None:
            return
        notice = plan_change_notice(saved.change)
        self.notify((_("The group is created.") if saved.created else _("The group is saved.")) + ("\n" + notice if notice else ""))
        if saved.therapists < 2:
            self.notify(_("⚠ The group has one therapist: IMR asks for two. e edits the group to add a second."), severity="warning", timeout=12)
        if saved.change.cut_modules:
            self.notify(cut_modules_warning(saved.change.cut_modules, self.imr.curriculum), severity="warning", timeout=15)
        self.select_group = saved.group_id
        self.reload()

    def action_participants(self) -> None:
        from imr_tui.screens.participants import ParticipantsScreen

        if group := self.highlighted():
            self.app.push_screen(ParticipantsScreen(group.id, group.name))

    def action_open_plan(self) -> None:
        from imr_tui.screens.schedule import ScheduleScreen

        if group := self.highlighted():
            self.app.push_screen(ScheduleScreen(group.id))

    def action_archive(self) -> None:
        """Archive the highlighted group, or restore it if it is archived."""
        group = self.highlighted()
        if group is None:
            return
        group_id, version = group.id, group.version
        if group.archived:
            self.store_edit(lambda store: store.planning.unarchive_group(group_id, version), _("{group} is restored.").format(group=group.name), what=group.name)
            return
        if group.status != GroupStatus.FINISHED:
            self.notify(_("Only a finished group can be archived: e edits the group, set its status to finished first."), severity="warning", timeout=8)
            return
        from imr_tui.screens.confirm import ConfirmScreen

        question = _("Archive {group}? It leaves the lists (v shows archived groups, a restores it).").format(group=group.name)
        self.app.push_screen(ConfirmScreen(question), lambda yes: self.archive(group) if yes else None)

    def archive(self, group: GroupListItem) -> None:
        """Gone from the list at once; the store follows."""
        group_id, version = group.id, group.version
        if not self.show_archived:
            self.show_groups([other for other in self.groups if other.id != group_id])
        self.store_edit(lambda store: store.planning.archive_group(group_id, version), _("{group} is archived; v shows archived groups.").format(group=group.name), what=group.name)

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.notify(_("Archived groups are shown.") if self.show_archived else _("Archived groups are hidden."))
        self.reload()

    @on(DataTable.RowSelected, "#group-list")
    def row_clicked(self) -> None:
        self.action_edit_group()
