"""Every printed document keeps one rule, from the demo and from a large generated service.

No text under 8 pt and body text at 9 pt or more; a long document takes more A4 sheets
(numbered "side 1 av 3", its title on top of each later one) instead of smaller type;
the one-sheet agenda stays one sheet; names appear only where the document promises.
Each PDF is read back with pdfplumber, which gives the size of every character.
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from typer.testing import CliRunner

from imr_tui.cli.root import cli

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
A4 = {(595, 842), (842, 595)}
runner = CliRunner()
SHEET_NUMBER = r"(side|page) \d+ (av|of) \d+"


@dataclass(frozen=True)
class Service:
    """A database and the people and group whose documents are the longest in it."""

    db: Path
    group: int
    session: int
    person: int
    plan_person: int
    names: tuple[str, ...]
    """The names of the group's participants."""


@pytest.fixture(scope="session")
def large_service(tmp_path_factory: pytest.TempPathFactory) -> Service:
    """Two years of a busy service from the benchmark generator (fictional people): long courses, many goals, long plans."""
    db = tmp_path_factory.mktemp("large") / "two-years.sqlite"
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "generate.py"), "--db", str(db), "--years", "2", "--today", "2026-12-01"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return _longest(db)


@pytest.fixture
def demo_service(demo_path: Path) -> Service:
    return _longest(demo_path)


def _longest(db: Path) -> Service:
    with sqlite3.connect(db) as connection:
        query = connection.execute

        group = query("select group_id from group_session where participant_id is null group by group_id order by count(*) desc, group_id limit 1").fetchone()[0]
        session = query("select id from group_session where group_id = ? and participant_id is null and status != 'cancelled' order by date limit 1 offset 3", (group,)).fetchone()[0]
        person = query("select participant_id from step group by participant_id order by count(*) desc, participant_id limit 1").fetchone()[0]
        plan_person = query("select participant_id from service_plan_section group by participant_id order by sum(length(content)) desc limit 1").fetchone()[0]
        names = tuple(row[0] for row in query("select p.name from enrolment e join participant p on p.id = e.participant_id where e.group_id = ?", (group,)))
    return Service(db, group, session, person, plan_person, names)


@dataclass(frozen=True)
class Sheets:
    texts: list[str]
    sizes: list[tuple[int, int]]
    char_sizes: Counter
    last_lines: list[tuple[float, float, str]]
    """Per sheet, the size, the room left below (mm) and the text of the last line above the sheet number."""


def read(path: Path) -> Sheets:
    texts, sizes, char_sizes, last_lines = [], [], Counter(), []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            texts.append(page.extract_text())
            sizes.append((round(page.width), round(page.height)))
            char_sizes.update(round(char["size"], 1) for char in page.chars if char["text"].strip())
            lines = page.extract_text_lines()
            body = [line for line in lines if not re.fullmatch(SHEET_NUMBER, line["text"])]
            last = body[-1]
            last_lines.append((round(last["chars"][0]["size"], 1), (page.height - last["bottom"]) * 25.4 / 72, last["text"]))
    return Sheets(texts, sizes, char_sizes, last_lines)


def assert_the_rule(sheets: Sheets, one_document: bool = True) -> None:
    """A4; nothing under 8 pt; most text 9 pt or more; numbered when long; no heading left alone at a sheet's foot."""
    assert set(sheets.sizes) <= A4
    assert min(sheets.char_sizes) >= 8.0, sheets.char_sizes
    body = sum(count for size, count in sheets.char_sizes.items() if size >= 9.0)
    assert body / sum(sheets.char_sizes.values()) > 0.9, sheets.char_sizes
    count = len(sheets.texts)
    if count > 1 and one_document:
        for number, text in enumerate(sheets.texts, start=1):
            assert re.search(f"(side {number} av {count}|page {number} of {count})$", text), text[-40:]
    for size, below, line in sheets.last_lines[:-1]:
        assert size < 13.0 or below > 50, f"a heading alone at the foot of a sheet: {line!r}"


def cli_ok(*args: str) -> None:
    """In bokmål, whatever the group's own language (the large service has English groups too)."""
    result = runner.invoke(cli, ["--lang", "nb", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output


SERVICES = ["demo_service", "large_service"]


@pytest.mark.parametrize("service_name", SERVICES)
def test_the_agenda_is_one_sheet_without_names_and_the_sign_in_sheet_has_them(service_name: str, tmp_path: Path, request) -> None:
    service: Service = request.getfixturevalue(service_name)
    out = tmp_path / "agenda.pdf"
    cli_ok("print", "agenda", str(service.group), "--session", str(service.session), "--with-names", "-o", str(out), "--db", str(service.db))
    sheets = read(out)
    assert_the_rule(sheets, one_document=False)
    assert min(sheets.char_sizes) >= 9.0, "the handout itself is never smaller than 9 pt"
    assert not any(re.search(SHEET_NUMBER, text) for text in sheets.texts), "two documents of one sheet each: no sheet numbers"
    handout, sign_in = sheets.texts
    assert "samling 4 av" in handout and "Neste samling:" in handout
    assert not any(name in handout for name in service.names)
    assert "Oppmøteliste" in sign_in and all(name in sign_in for name in service.names)


@pytest.mark.parametrize("service_name", SERVICES)
def test_the_register_is_landscape_sheets_with_whole_dates_and_the_names_on_each(service_name: str, tmp_path: Path, request) -> None:
    service: Service = request.getfixturevalue(service_name)
    out = tmp_path / "register.pdf"
    cli_ok("print", "attendance", str(service.group), "-o", str(out), "--db", str(service.db))
    sheets = read(out)
    assert_the_rule(sheets)
    assert set(sheets.sizes) == {(842, 595)}
    assert sheets.char_sizes[8.5] <= len("side 10 av 10") * len(sheets.texts), "only the sheet numbers are under 9 pt"
    with sqlite3.connect(service.db) as connection:
        held = [row[0] for row in connection.execute("select date from group_session where group_id = ? and participant_id is null and status = 'held' order by date", (service.group,))]
    text = "\n".join(sheets.texts)
    for day in held:
        assert f"{day[8:10]}.{day[5:7]}" in text, f"the heading {day} is whole"
    tables = [text for text in sheets.texts if "Samlinger " in text]
    assert tables and all(any(name in page for name in service.names) for page in tables), "names on every sheet of sessions"


@pytest.mark.parametrize("service_name", SERVICES)
def test_the_goals_page_takes_every_goal_onto_more_sheets(service_name: str, tmp_path: Path, request) -> None:
    service: Service = request.getfixturevalue(service_name)
    out = tmp_path / "goals.pdf"
    cli_ok("print", "goals", str(service.person), "-o", str(out), "--db", str(service.db))
    sheets = read(out)
    assert_the_rule(sheets)
    text = " ".join(" ".join(page.split()) for page in sheets.texts)
    with sqlite3.connect(service.db) as connection:
        goals = [row[0] for row in connection.execute("select text from recovery_goal where participant_id = ? and status != 'archived'", (service.person,))]
    assert goals and all(goal in text for goal in goals)
    assert text.index(goals[0]) < text.index("IMR-skalaen") < text.index("Mitt neste steg")
    with sqlite3.connect(service.db) as connection:
        rated = {row[0] for row in connection.execute("select rated_on from imrs_rating where participant_id = ?", (service.person,))}
    if rated:  # each column heading whole: "Underveis", never "undervei" and "s"; the date in one piece
        assert "Underveis" in text or "Slutt" in text
        assert any(f"{day[8:10]}.{day[5:7]}.{day[:4]}" in text for day in rated)
    else:
        assert "Ingen skåringer ennå" in text


@pytest.mark.parametrize("service_name", SERVICES)
def test_the_service_plan_puts_the_crisis_numbers_first(service_name: str, tmp_path: Path, request) -> None:
    service: Service = request.getfixturevalue(service_name)
    out = tmp_path / "plan.pdf"
    cli_ok("print", "service-plan", str(service.plan_person), "-o", str(out), "--db", str(service.db))
    sheets = read(out)
    assert_the_rule(sheets)
    first = " ".join(sheets.texts[0].split())
    assert "Krisenumre" in first and first.index("Krisenumre") < first.index("Hvem som skal kontaktes")
    assert "er delt med samtykke" in " ".join(sheets.texts[-1].split())


@pytest.mark.parametrize("service_name", SERVICES)
def test_the_schedule_carries_no_names_and_no_rows_of_dashes(service_name: str, tmp_path: Path, request) -> None:
    service: Service = request.getfixturevalue(service_name)
    out = tmp_path / "schedule.pdf"
    cli_ok("print", "schedule", str(service.group), "-o", str(out), "--db", str(service.db))
    sheets = read(out)
    assert_the_rule(sheets)
    text = "\n".join(sheets.texts)
    assert not any(name in text for name in service.names)
    assert not re.search(r"\d\d:\d\d –\s*$", text, re.MULTILINE)


@pytest.mark.parametrize("service_name", SERVICES)
def test_the_participant_export_reads_as_words_and_the_json_stays_complete(service_name: str, tmp_path: Path, request) -> None:
    import json

    service: Service = request.getfixturevalue(service_name)
    cli_ok("participant", "export", str(service.person), "-o", str(tmp_path / "out"), "--db", str(service.db))
    sheets = read(tmp_path / "out" / f"participant-{service.person}.pdf")
    assert_the_rule(sheets)
    text = "\n".join(sheets.texts)
    assert f"Deltakernummer {service.person}" in text
    for raw in ("participant", "clinician", "Section id", "Made by", "goal-progress", "dropped_out", "#"):
        assert raw not in text, raw
    data = json.loads((tmp_path / "out" / f"participant-{service.person}.json").read_text(encoding="utf-8"))
    assert data["participant"]["id"] == service.person and all("id" in row for rows in data["tables"].values() for row in rows)


def test_a_long_goals_page_prints_from_a_subprocess(large_service: Service, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", "from imr_tui.cli import main; main()", "print", "goals", str(large_service.person), "--db", str(large_service.db), "-o", str(tmp_path / "goals.pdf")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    sheets = read(tmp_path / "goals.pdf")
    assert len(sheets.texts) >= 2 and min(sheets.char_sizes) >= 8.0


def test_goals_markdown_keeps_each_field_on_its_own_line(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "goals.md"
    cli_ok("print", "goals", "Astrid", "-o", str(out), "--db", str(demo_path))
    lines = out.read_text(encoding="utf-8").splitlines()
    goal = next(index for index, line in enumerate(lines) if line.startswith("**«"))
    assert lines[goal + 1] == "" and lines[goal + 2].startswith("Hvorfor det betyr noe:")
    assert lines[goal + 3] == "" and lines[goal + 4].startswith("Satt ")


def test_a_text_longer_than_a_sheet_in_a_table_runs_on_without_losing_a_word(tmp_path: Path) -> None:
    from imr_tui.printing.page import Column, Page, Section, Table
    from imr_tui.printing.pdf import render_pdf_pages

    sentences = [f"Setning {number} om det som skjedde, skrevet ut i sin helhet." for number in range(180)]
    table = Table((Column("Dato", 0.2), Column("Notat", 0.8)), (("01.12.2026", " ".join(sentences)), ("02.12.2026", "Kort.")))
    page = Page("nb", "Notater", "Et langt notat", (), (Section("Notater", (table,)),), "Notater")
    out = tmp_path / "long.pdf"
    out.write_bytes(render_pdf_pages((page,)))
    sheets = read(out)
    assert len(sheets.texts) >= 2 and min(sheets.char_sizes) >= 8.0
    text = " ".join(" ".join(sheet.split()) for sheet in sheets.texts)
    assert all(sentence in text for sentence in sentences) and "Kort." in text
    assert all(sheet.count("Notat") >= 1 for sheet in sheets.texts[1:]), "the column headings again on every sheet"


def test_many_ratings_keep_the_imr_scale_readable(demo_store, demo_target: str, tmp_path: Path) -> None:
    """Two years of monthly ratings by both raters: the start and the latest ones across, the rest counted, nothing small."""
    import datetime as dt

    from imr_tui.imrs.loader import load_scale

    scale = load_scale()
    person = demo_store.goals.find_participant("Astrid").id
    for month in range(24):
        day = dt.date(2024, 1, 15) + dt.timedelta(days=30 * month)
        for rater in ("participant", "clinician"):
            rating = demo_store.imrs.add_rating(person, day, rater, "during")
            for item in scale.items:
                demo_store.imrs.set_score(scale, rating, item.id, 1 + (month + item.number) % 5)
    out = tmp_path / "goals.pdf"
    cli_ok("print", "goals", "Astrid", "-o", str(out), "--db", demo_target)
    sheets = read(out)
    assert_the_rule(sheets)
    text = " ".join(" ".join(page.split()) for page in sheets.texts)
    assert text.count("skåringer mellom disse er ikke vist") == 2, "one line for each rater's left-out ratings"
    assert "Deltakerens egen skåring" in text and "Klinikerens skåring" in text and "15. Hverdagen" in text
    assert "likepersonsarbeid" in text, "no word broken inside an item's name"
