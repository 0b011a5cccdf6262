"""A group's participants, past and present: enrol, edit, register that someone left, rejoin."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Static

from imr_tui.domain.schedule_records import FIDELITY_GROUP_SIZE, EnrolmentRecord, EnrolResult, ParticipantRecord
from imr_tui.i18n import N_, _, format_short_date, ngettext
from imr_tui.screens.enrolment_forms import EnrolmentFormScreen, LeaveFormScreen
from imr_tui.screens.planning_base import PlanningScreen
from imr_tui.widgets.more_keys import MoreKeys


class ParticipantsScreen(PlanningScreen):
    CSS_PATH = "planning.tcss"
    HELP_TEXT = N_(
        "**Participants** of the group, with when they joined and left.\n\n"
        "**n** enrols someone, new or already known; their module 1 meetings are planned with them. "
        "**e** edits the highlighted enrolment, **x** registers that the person left, and **r** enrols "
        "someone who left again: their earlier period stays in the history.\n\n"
        "IMR works best in groups of eight or fewer: the app warns when a group grows past that."
    )
    BINDINGS = [
        Binding("n", "enrol", N_("Enrol"), id="participants.enrol"),
        Binding("e", "edit", N_("Edit"), id="participants.edit"),
        Binding("x", "leave", N_("Left the group"), id="participants.leave"),
        Binding("r", "rejoin", N_("Rejoin"), id="participants.rejoin"),
        Binding("escape", "app.pop_screen", N_("Back"), id="participants.back"),
        Binding("f5", "app.toggle_presentation", N_("Presentation"), id="participants.presentation", show=False),
        Binding("f1", "app.help", N_("Help"), id="participants.help", show=False),
    ]

    def __init__(self, group_id: int, group_name: str) -> None:
        super().__init__()
        self.group_id, self.group_name = group_id, group_name
        self.records: list[EnrolmentRecord] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="planning"):
            yield Static(_("Participants in {group}").format(group=self.group_name), classes="screen-title")
            yield Static(id="participants-summary", classes="screen-subtitle")
            yield DataTable(id="enrolment-list", cursor_type="row", zebra_stripes=True)
        yield MoreKeys()
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#enrolment-list", DataTable)
        wide = self.app.size.width >= 110  # else 100 columns: a long reason ends in an ellipsis
        columns = ((_("Name"), 18), (_("Alias"), 9), (_("Joined"), 10), (_("Left"), 10), (_("Reason"), 22 if wide else 16), (_("Pick-up"), 7), (_("Decision"), 14))
        for label, width in columns:
            table.add_column(label, width=width)
        self.watch(self.app, "presentation_mode", lambda _on: self.show(), init=False)
        self.reload()

    def reload(self) -> None:
        self.load()

    def load(self) -> None:
        group_id = self.group_id
        self.read(lambda store: store.enrolments.enrolments(group_id), self.show_records)

    def show_records(self, records: list[EnrolmentRecord]) -> None:
        self.records = records
        self.show()

    def show(self) -> None:
        table = self.query_one("#enrolment-list", DataTable)
        row = table.cursor_row
        table.clear()
        presenting = self.imr.presentation_mode
        for record in self.records:
            person = record.participant
            table.add_row(
                _("(hidden)") if presenting else person.name, person.alias,
                format_short_date(record.joined_on), format_short_date(record.left_on) if record.left_on else "",
                "" if presenting else record.leave_reason, _("yes") if person.needs_pickup and not presenting else "",
                "" if presenting else record.decision_reference,
            )  # fmt: skip
        table.move_cursor(row=min(row, max(table.row_count - 1, 0)))
        active = sum(1 for record in self.records if record.active)
        summary = ngettext("{count} active participant", "{count} active participants", active).format(count=active)
        if active > FIDELITY_GROUP_SIZE:
            summary += " · " + _("⚠ more than {limit}: IMR fidelity asks for groups of {limit} or fewer").format(limit=FIDELITY_GROUP_SIZE)
        self.query_one("#participants-summary", Static).update(summary)

    def highlighted(self) -> EnrolmentRecord | None:
        table = self.query_one("#enrolment-list", DataTable)
        return self.records[table.cursor_row] if self.records and table.cursor_row < len(self.records) else None

    def action_enrol(self, person: ParticipantRecord | None = None) -> None:
        self.open_enrolment(person)

    def open_enrolment(self, person: ParticipantRecord | None) -> None:
        active = {record.participant.id for record in self.records if record.active}
        self.read(lambda store: store.enrolments.participants(), lambda known: self._push_enrolment_form([one for one in known if one.id not in active], person))

    def _push_enrolment_form(self, people: list[ParticipantRecord], person: ParticipantRecord | None) -> None:
        form = EnrolmentFormScreen(self.group_id, self.imr.curriculum, self.imr.today(), people, person=person)
        self.app.push_screen(form, self.enrolled)

    def enrolled(self, result: EnrolResult | bool | None) -> None:
        if result is None:
            return
        if isinstance(result, EnrolResult):
            notice = _("Enrolled.")
            if result.individual_meetings:
                notice += " " + ngettext("{count} module 1 meeting planned.", "{count} module 1 meetings planned.", result.individual_meetings).format(count=result.individual_meetings)
            self.notify(notice)
            if result.over_fidelity_size:
                self.notify(
                    _("The group now has {count} active participants. IMR fidelity asks for groups of {limit} or fewer.").format(
                        count=result.active_participants, limit=FIDELITY_GROUP_SIZE
                    ),
                    severity="warning", timeout=10,
                )  # fmt: skip
        else:
            self.notify(_("Saved."))
        self.reload()

    def action_edit(self) -> None:
        if record := self.highlighted():
            form = EnrolmentFormScreen(self.group_id, self.imr.curriculum, self.imr.today(), [], record=record)
            self.app.push_screen(form, self.enrolled)

    def action_leave(self) -> None:
        record = self.highlighted()
        if record is None:
            return
        if record.left_on is not None:  # no longer active
            self.notify(_("{name} already left on {date}.").format(name=record.participant.name, date=format_short_date(record.left_on)))
            return
        self.app.push_screen(LeaveFormScreen(record, self.imr.today()), self.left)

    def left(self, cancelled_meetings: int | None) -> None:
        if cancelled_meetings is None:
            return
        notice = _("Saved.")
        if cancelled_meetings:
            notice += " " + ngettext("{count} planned module 1 meeting cancelled.", "{count} planned module 1 meetings cancelled.", cancelled_meetings).format(count=cancelled_meetings)
        self.notify(notice)
        self.reload()

    def action_rejoin(self) -> None:
        record = self.highlighted()
        if record is None:
            return
        if record.active or any(other.active and other.participant.id == record.participant.id for other in self.records):
            self.notify(_("{name} is in the group now.").format(name=record.participant.name))
            return
        self.action_enrol(record.participant)
