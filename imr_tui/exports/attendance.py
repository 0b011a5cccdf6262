"""The attendance register as CSV (one row per participant and session) or as an xlsx
workbook with the register grid and the sessions, dates stored as dates."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from imr_tui.curriculum import Curriculum
from imr_tui.i18n import _
from imr_tui.i18n.labels import attendance_label
from imr_tui.printing.output import write_private
from imr_tui.review.register import Register
from imr_tui.review.rules import ReviewRules, completion, drift, outlook
from imr_tui.i18n.review_labels import drift_label, outlook_label

FORMATS = ("csv", "xlsx")


def write_attendance(register: Register, curriculum: Curriculum, rules: ReviewRules, path: Path, kind: str) -> Path:
    data = _csv(register) if kind == "csv" else _xlsx(register, curriculum, rules)
    write_private(path, data)
    return path


def _status_words(status: str | None) -> str:
    return attendance_label(status).split(" ", 1)[-1]


def _csv(register: Register) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_("Date"), _("Participant"), _("Status"), "status"])
    for session in register.held():
        for person in register.people:
            if person.expected_on(session.date):
                status = register.marks.get((person.id, session.id))
                writer.writerow([session.date.isoformat(), person.name, _status_words(status), status or ""])
    return out.getvalue().encode("utf-8-sig")  # the BOM makes spreadsheet programs read æ, ø, å right


def _xlsx(register: Register, curriculum: Curriculum, rules: ReviewRules) -> bytes:
    from openpyxl import Workbook  # ~150 ms, only when a workbook is written
    from openpyxl.styles import Alignment, Font

    from imr_tui.i18n.review_labels import SYMBOLS

    book = Workbook()
    grid = book.active
    grid.title = _("Register")[:31]
    held = register.held()
    grid.append([_("Participant"), _("Attended"), _("Notice"), _("Completion"), *[s.date for s in held]])
    for column in range(5, 5 + len(held)):
        grid.cell(row=1, column=column).number_format = "DD.MM.YYYY"
        grid.cell(row=1, column=column).alignment = Alignment(text_rotation=90)
    for person in register.people:
        rate = register.person_rate(person)
        active_flags = (drift_label(drift(register, person, rules)), outlook_label(outlook(register, person, rules)))
        flags = active_flags if person.active else (_("left"), completion(register, person, rules).value)
        marks = [SYMBOLS.get(register.marks.get((person.id, s.id)), "·") if person.expected_on(s.date) else "" for s in held]
        grid.append([person.name, rate, *flags, *marks])
        grid.cell(row=grid.max_row, column=2).number_format = "0 %"
    for cell in grid[1]:
        cell.font = Font(bold=True)
    grid.column_dimensions["A"].width = 24
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
