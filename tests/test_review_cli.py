"""`export attendance` and `journal` from the command line, read back with their own libraries."""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
from pathlib import Path

from openpyxl import load_workbook
from test_cli import IMR_TUI, run

from imr_tui.store import open_store


def demo_register(path: Path):
    store = open_store(str(path))
    group_id, _name = store.groups.find("Solsiden")
    register = store.attendance.register(group_id)
    store.close()
    return register


def test_export_attendance_csv_has_a_row_per_person_and_held_session(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "oppmote.csv"
    result = run("export", "attendance", "Solsiden", "-o", str(out), "--db", str(demo_path))
    assert result.exit_code == 0, result.output
    assert "inneholder navn" in result.stderr
    text = out.read_text(encoding="utf-8-sig")
    dialect = csv.Sniffer().sniff(text[:4000])
    assert dialect.delimiter == ";", "a Norwegian spreadsheet splits columns on ; (the comma is the decimal sign)"
    header, *rows = list(csv.reader(text.splitlines(), dialect))
    register = demo_register(demo_path)
    expected = sum(1 for s in register.held() for p in register.people if p.expected_on(s.date))
    assert len(rows) == expected
    assert header == ["Dato", "Deltaker", "Oppmøte", "Modul", "Oppmøte i kurset (%)"]
    statuses = {row[2] for row in rows}
    assert "kom for sent" in statuses and statuses <= {"til stede", "kom for sent", "gikk tidlig", "fravær, meldt", "fravær, ikke meldt", "ikke registrert"}
    assert all("_" not in value for row in rows for value in row), "every value a word, never a code"
    assert rows[0][0] == register.held()[0].date.strftime("%d.%m.%Y")
    assert "," in rows[0][4] and float(rows[0][4].replace(",", ".")) > 0
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    english = tmp_path / "attendance.csv"
    assert run("--lang", "en", "export", "attendance", "Solsiden", "-o", str(english), "--db", str(demo_path)).exit_code == 0
    text = english.read_text(encoding="utf-8-sig")
    assert csv.Sniffer().sniff(text[:4000]).delimiter == ","
    header, first, *_rest = list(csv.reader(text.splitlines()))
    assert header == ["Date", "Participant", "Attendance", "Module", "Attended in the course (%)"] and "." in first[4]


def test_export_attendance_xlsx_keeps_dates_as_dates(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "oppmote.xlsx"
    assert run("export", "attendance", "Solsiden", "--format", "xlsx", "-o", str(out), "--db", str(demo_path)).exit_code == 0
    book = load_workbook(out)
    grid, sessions = book.worksheets
    register = demo_register(demo_path)
    header = [cell.value for cell in grid[1]]
    assert header[0] == "Deltaker"
    assert all(isinstance(value, dt.datetime) for value in header[4:])
    assert [value.date() for value in header[4:]] == [s.date for s in register.held()]
    names = [row[0].value for row in grid.iter_rows(min_row=2)]
    assert names == [p.name for p in register.people]
    astrid = next(row for row in grid.iter_rows(min_row=2) if row[0].value == "Astrid Kvamme")
    person = next(p for p in register.people if p.name == "Astrid Kvamme")
    assert astrid[1].value == register.person_rate(person)
    assert sessions.max_row == len(register.held()) + 1
    assert isinstance(sessions["A2"].value, dt.datetime)
    values = [cell.value for row in grid.iter_rows(min_row=2) for cell in row[2:] if isinstance(cell.value, str)]
    assert "til stede" in values and "sluttet" in values
    assert not any("_" in value for value in values), "no code such as dropped_out in a cell"


def test_export_refuses_an_unknown_format(demo_path: Path, tmp_path: Path) -> None:
    result = run("export", "attendance", "Solsiden", "-o", str(tmp_path / "x.ods"), "--db", str(demo_path))
    assert result.exit_code == 2 and "csv eller xlsx" in result.stderr


def test_journal_writes_one_private_file_per_participant(demo_path: Path, tmp_path: Path) -> None:
    result = run("journal", "Solsiden", "-o", str(tmp_path), "--db", str(demo_path))
    assert result.exit_code == 0, result.output
    register = demo_register(demo_path)
    last = register.held()[-1]
    files = sorted(tmp_path.glob("*.txt"))
    expected_people = [p for p in register.people if p.expected_on(last.date)]
    assert len(files) == len(expected_people)
    astrid_id = next(p.id for p in register.people if p.name == "Astrid Kvamme")
    astrid = tmp_path / f"{last.date.isoformat()}-{astrid_id}-astrid-kvamme.txt"
    text = astrid.read_text(encoding="utf-8")
    assert text.startswith(f"IMR-gruppesamling {last.date:%d.%m.%Y}")
    others = [p.name for p in register.people if p.name != "Astrid Kvamme"]
    assert not any(name in text for name in others)
    assert all(oct(path.stat().st_mode & 0o777) == "0o600" for path in files)


def test_journal_for_a_date_without_a_session(demo_path: Path, tmp_path: Path) -> None:
    result = run("journal", "Solsiden", "-o", str(tmp_path), "--date", "2026-11-28", "--db", str(demo_path))
    assert result.exit_code == 2 and "2026-11-28" in result.stderr
    bad = run("journal", "Solsiden", "-o", str(tmp_path), "--date", "2026-02-30", "--db", str(demo_path))
    assert bad.exit_code == 2


def test_subprocess_export_and_journal(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "register.xlsx"
    export = subprocess.run([*IMR_TUI, "export", "attendance", "Nydal", "-o", str(out), "--db", str(demo_path)], capture_output=True, text=True, timeout=60)
    assert export.returncode == 0, export.stderr
    assert load_workbook(out).worksheets[0]["A2"].value
    notes = tmp_path / "notes"
    notes.mkdir()
    journal = subprocess.run([*IMR_TUI, "--lang", "en", "journal", "Nydal", "-o", str(notes), "--db", str(demo_path)], capture_output=True, text=True, timeout=60)
    assert journal.returncode == 0, journal.stderr
    assert all(path.read_text().startswith("IMR group session") for path in notes.glob("*.txt"))


def test_print_attendance_is_landscape_sheets_with_the_register(demo_path: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "register.pdf"
    result = run("print", "attendance", "Solsiden", "-o", str(out), "--db", str(demo_path))
    assert result.exit_code == 0, result.output
    reader = PdfReader(out)
    for page in reader.pages:
        assert round(float(page.mediabox.width)) == 842 and round(float(page.mediabox.height)) == 595  # A4 turned sideways
    text = "\n".join(page.extract_text() for page in reader.pages)
    register = demo_register(demo_path)
    assert all(person.name in text for person in register.people)
    assert "Inneholder navn" in text and "Oversikt" in text
    assert f"{register.held()[0].date:%d.%m}" in text and "sluttet" in text
    markdown = tmp_path / "register.md"
    assert run("print", "attendance", "Nydal", "-o", str(markdown), "--db", str(demo_path), "--lang", "en").exit_code == 0
    assert "Contains names" in markdown.read_text(encoding="utf-8")
