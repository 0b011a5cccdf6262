"""Everyone expected at the session: attendance, pick-up, and the step they chose last time."""

from __future__ import annotations

from rich.cells import cell_len
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from imr_tui.domain.attendance import BY_CODE
from imr_tui.domain.records import SessionParticipant
from imr_tui.i18n import N_, _
from imr_tui.i18n.labels import attendance_label, follow_up_symbol


class AttendanceList(DataTable):
    DEFAULT_CSS = """
    AttendanceList { height: auto; scrollbar-size-horizontal: 0; }
    """

    COLUMNS = (N_("Participant"), N_("Attendance"))
    PRIVATE_COLUMNS = (N_("Pick-up"), N_("Step from last time"))
    """Hidden in presentation mode: who needs transport, goals and follow-up are not for a shared screen."""

    NARROW_BELOW = 120
    """In a terminal narrower than this the statuses take their short words ("✗ umeldt"): never cut off."""

    def __init__(self) -> None:
        super().__init__(id="participants", cursor_type="row", zebra_stripes=True)
        self.people: list[SessionParticipant] = []
        self.presenting = False
        self.narrow = False

    def on_resize(self) -> None:
        if self._is_narrow() != self.narrow:
            self.show(self.people, self.presenting)  # every column measured again

    def _is_narrow(self) -> bool:
        return 0 < self.app.size.width < self.NARROW_BELOW

    def show(self, people: list[SessionParticipant], presenting: bool) -> None:
        row = self.cursor_row
        self.people, self.presenting = people, presenting
        self.narrow = self._is_narrow()
        self.clear(columns=True)
        columns = self.COLUMNS if presenting else self.COLUMNS + self.PRIVATE_COLUMNS
        titles = [_(title) for title in columns]
        self.add_column(titles[0])
        # As wide as the widest status: a mark never cuts its words off, nor moves the columns.
        widest = max(cell_len(attendance_label(code, self.narrow)) for code in (*BY_CODE, None))
        self.add_column(titles[1], width=max(widest, cell_len(titles[1])))
        self.add_columns(*titles[2:])
        for person in people:
            cells = [person.display_name(presenting), self._attendance(person)]
            if not presenting:
                cells += [_pickup(person), _step(person)]
            self.add_row(*cells, key=str(person.id))
        if people:
            self.move_cursor(row=min(row, len(people) - 1))

    def update_person(self, person: SessionParticipant) -> None:
        """Show one person's changed attendance without redrawing the list."""
        index = next(i for i, known in enumerate(self.people) if known.id == person.id)
        self.people[index] = person
        self.update_cell_at(Coordinate(index, 1), self._attendance(person))
        if not self.presenting:
            self.update_cell_at(Coordinate(index, 2), _pickup(person))
            self.update_cell_at(Coordinate(index, 3), _step(person))

    def _attendance(self, person: SessionParticipant) -> str:
        """On a shared screen only whether the mark is made: late or absent with notice is the person's own business."""
        if self.presenting:
            return _("✓ marked") if person.attendance else attendance_label(None, self.narrow)
        return attendance_label(person.attendance, self.narrow)

    def highlighted(self) -> SessionParticipant | None:
        if not self.people or self.cursor_row >= len(self.people):
            return None
        return self.people[self.cursor_row]


def _pickup(person: SessionParticipant) -> str:
    if not person.needs_pickup and not person.picked_up:
        return ""
    return _("✓ picked up") if person.picked_up else _("needs pick-up")


def _step(person: SessionParticipant) -> str:
    step = person.step_due
    return f"{follow_up_symbol(step.follow_up)} {step.text}" if step else "–"
