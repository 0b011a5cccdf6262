"""Everyone expected at the session: attendance, pick-up, and the step they chose last time."""

from __future__ import annotations

from textual.coordinate import Coordinate
from textual.widgets import DataTable

from imr_tui.i18n import N_, _
from imr_tui.i18n.labels import attendance_label, follow_up_symbol
from imr_tui.store.records import SessionParticipant


class AttendanceList(DataTable):
    DEFAULT_CSS = """
    AttendanceList { height: auto; scrollbar-size-horizontal: 0; }
    """

    COLUMNS = (N_("Participant"), N_("Attendance"), N_("Pick-up"))
    PRIVATE_COLUMNS = (N_("Step from last time"),)
    """Hidden in presentation mode: goals and follow-up are not for a shared screen."""

    def __init__(self) -> None:
        super().__init__(id="participants", cursor_type="row", zebra_stripes=True)
        self.people: list[SessionParticipant] = []
        self.presenting = False

    def show(self, people: list[SessionParticipant], presenting: bool) -> None:
        row = self.cursor_row
        self.people, self.presenting = people, presenting
        self.clear(columns=True)
        columns = self.COLUMNS if presenting else self.COLUMNS + self.PRIVATE_COLUMNS
        self.add_columns(*(_(title) for title in columns))
        for person in people:
            cells = [person.display_name(presenting), attendance_label(person.attendance), _pickup(person)]
            if not presenting:
                step = person.step_due
                cells.append(f"{follow_up_symbol(step.follow_up)} {step.text}" if step else "–")
            self.add_row(*cells, key=str(person.id))
        if people:
            self.move_cursor(row=min(row, len(people) - 1))

    def update_person(self, person: SessionParticipant) -> None:
        """Show one person's changed attendance without redrawing the list."""
        index = next(i for i, known in enumerate(self.people) if known.id == person.id)
        self.people[index] = person
        self.update_cell_at(Coordinate(index, 1), attendance_label(person.attendance))
        self.update_cell_at(Coordinate(index, 2), _pickup(person))

    def highlighted(self) -> SessionParticipant | None:
        if not self.people or self.cursor_row >= len(self.people):
            return None
        return self.people[self.cursor_row]


def _pickup(person: SessionParticipant) -> str:
    if not person.needs_pickup and not person.picked_up:
        return ""
    return _("✓ picked up") if person.picked_up else _("needs pick-up")
