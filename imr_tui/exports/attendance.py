"""The attendance register as CSV (one row per participant and session) or as an xlsx
workbook with the register grid and the sessions, dates stored as dates.

Both are for the reader's spreadsheet: headers and values are words in the reader's
language (never a code such as `dropped_out`), one header per column. A CSV for a
locale that writes decimal commas (bokmål) is split by `;`, as a Norwegian spreadsheet
expects; in English by `,`.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from babel.numbers import format_decimal, get_decimal_symbol

from imr_tui.curriculum import Curriculum
from imr_tui.i18n import LANGUAGES, _, current_language, format_short_date
from imr_tui.i18n.labels import attendance_label
from imr_tui.i18n.review_labels import drift_label, outlook_label
from imr_tui.printing.output import write_private
from imr_tui.review.register import Register, RegisterPerson
from imr_tui.review.rules import Completion, ReviewRules, completion, drift, outlook

FORMATS = ("csv", "xlsx")


def write_attendance(register: Register, curriculum: Curriculum, rules: ReviewRules, path: Path, kind: str) -> Path:
    data = _csv(register, curriculum) if kind == "csv" else _xlsx(register, curriculum, rules)
    write_private(path, data)
    return path


def _words(label: str) -> str:
    """A label without the symbol it starts with on screen ("✓ present" -> "present")."""
    first, _space, rest = label.partition(" ")
    return rest if rest and not any(character.isalnum() for character in first) else label


def _status_words(status: str | None) -> str:
    return _words(attendance_label(status))


def result_words(register: Register, person: RegisterPerson, rules: ReviewRules) -> str:
    """Where the person stands: left, or the outlook while the course runs, or the result at its end."""
    if not person.active:
        return _("left")
    if any(not session.held for session in register.sessions):
        return _words(outlook_label(outlook(register, person, rules)))
    return _words(completion_label(completion(register, person, rules)))


def completion_label(result: Completion) -> str:
    return {Completion.COMPLETED: _("completed"), Completion.PARTLY: _("partly"), Completion.DROPPED_OUT: _("dropped out")}[result]


def _csv(register: Register, curriculum: Curriculum) -> bytes:
    locale = LANGUAGES[current_language()]
    delimiter = ";" if get_decimal_symbol(locale) == "," else ","
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow([_("Date"), _("Participant"), _("Attendance"), _("Module"), _("Attended in the course (%)")])
    for session in register.held():
        module = curriculum.module(session.module_id) if session.module_id else None
        for person in register.people:
            if person.expected_on(session.date):
                status = register.marks.get((person.id, session.id))
                rate = register.person_rate(person)
                share = format_decimal(round(rate * 100, 1), format="0.0", locale=locale) if rate is not None else ""
                writer.writerow([format_short_date(session.date), person.name, _status_words(status), f"{module.number}. {module.title}" if module else "", share])
    return out.getvalue().encode("utf-8-sig")  # the BOM makes spreadsheet programs read æ, ø, å right


def _xlsx(register: Register, curriculum: Curriculum, rules: ReviewRules) -> bytes:
    from openpyxl import Workbook  # ~150 ms, only when a workbook is written
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    grid = book.active
    grid.title = _("Register")[:31]
    held = register.held()
    grid.append([_("Participant"), _("Attended (%)"), _("Attention"), _("Completion"), *[s.date for s in held]])
    for column in range(5, 5 + len(held)):
        grid.cell(row=1, column=column).number_format = "DD.MM.YYYY"
        grid.cell(row=1, column=column).alignment = Alignment(text_rotation=90)
    for person in register.people:
        rate = register.person_rate(person)
        notice = _words(drift_label(drift(register, person, rules))) if person.active else ""
        marks = [_status_words(register.marks.get((person.id, s.id))) if person.expected_on(s.date) else "" for s in held]
        grid.append([person.name, rate, notice, result_words(register, person, rules), *marks])
        grid.cell(row=grid.max_row, column=2).number_format = "0 %"
    for cell in grid[1]:
        cell.font = Font(bold=True)
    grid.column_dimensions["A"].width = 24
    for letter in ("C", "D"):
        grid.column_dimensions[letter].width = 20
    for index in range(5, 5 + len(held)):
        grid.column_dimensions[get_column_letter(index)].width = 12
    grid.freeze_panes = "E2"
    sessions = book.create_sheet(_("Sessions")[:31])
    sessions.append([_("Date"), _("Module"), _("Topic"), _("Attendance")])
    for session in held:
        module = curriculum.module(session.module_id)
        topic = curriculum.topic(session.module_id, session.topic_id)
        sessions.append([session.date, f"{module.number}. {module.title}" if module else "", str(topic.title) if topic else "", register.session_rate(session)])
        sessions.cell(row=sessions.max_row, column=1).number_format = "DD.MM.YYYY"
        sessions.cell(row=sessions.max_row, column=4).number_format = "0 %"
    for cell in sessions[1]:
        cell.font = Font(bold=True)
    sessions.column_dimensions["A"].width = 12
    sessions.column_dimensions["B"].width = 36
    sessions.column_dimensions["C"].width = 44
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
