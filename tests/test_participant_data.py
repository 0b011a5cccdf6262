"""Export everything stored about one participant, and erase it: through the store, the CLI
and a real subprocess."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import Column, ForeignKey, Integer, MetaData, String, Table, event
from sqlmodel import SQLModel
from typer.testing import CliRunner

from imr_tui.cli.root import cli
from imr_tui.config import Settings
from imr_tui.errors import UserError
from imr_tui.review.yearly import yearly_rows
from imr_tui.store import open_store
from imr_tui.store.participant_data import personal_tables

from privacy_data import (
    GROUP_NOTE,
    HANNE,
    HANNES_GOAL,
    HANNES_NOTE,
    IVARS_NOTE,
    PEOPLE,
    attendance_counts,
    file_bytes,
    participant_id,
    write_notes,
)

runner = CliRunner()
IMR_TUI = [sys.executable, "-c", "from imr_tui.cli import main; main()"]
TODAY = dt.date(2026, 11, 24)


@pytest.fixture(autouse=True)
def no_key_or_therapist(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IMR_TUI_DB_KEY", raising=False)
    monkeypatch.delenv("IMR_TUI_THERAPIST", raising=False)


@pytest.fixture
def noted(demo_path: Path) -> Path:
    store = open_store(str(demo_path))
    write_notes(store, demo_path)
    store.close()
    return demo_path


def run(*args: str, input: str | None = None):
    return runner.invoke(cli, list(args), input=input, catch_exceptions=False, env={"COLUMNS": "120"})


def test_a_table_added_later_that_hangs_under_a_persons_row_is_found() -> None:
    metadata = MetaData()
    for table in SQLModel.metadata.sorted_tables:
        table.to_metadata(metadata)
    Table("step_photo", metadata, Column("id", Integer, primary_key=True), Column("step_id", ForeignKey("step.id")), Column("caption", String))
    found = {table.name for table in personal_tables(metadata)}
    assert {"step_photo", "step_follow_up", "imrs_score", "service_plan_share", "journal_note", "attendance"} <= found
    assert not found & {"therapist", "course_group", "group_therapist", "closed_period", "audit_event"}


def test_export_holds_the_persons_goals_notes_attendance_and_nobody_elses(noted: Path) -> None:
    store = open_store(str(noted))
    data = store.participant_data.collect(participant_id(noted, HANNE))
    store.close()
    assert data.name == HANNE
    assert [row["text"] for row in data.rows("recovery_goal")] == [HANNES_GOAL]
    assert [row["text"] for row in data.rows("journal_note")] == [HANNES_NOTE]
    assert data.rows("goal_revision") and data.rows("imrs_rating") and data.rows("step_follow_up")
    with sqlite3.connect(noted) as db:
        marks = db.execute("SELECT count(*) FROM attendance WHERE participant_id = ?", (data.participant_id,)).fetchone()[0]
    assert len(data.rows("attendance")) == marks > 10
    text = json.dumps([entry.rows for entry in data.tables], default=str)
    assert IVARS_NOTE not in text and GROUP_NOTE not in text
    assert [name for name in PEOPLE if name != HANNE and name in text] == []


def test_cli_export_writes_owner_only_json_and_a_pdf_that_reads_back(noted: Path, tmp_path: Path) -> None:
    out = tmp_path / "innsyn"
    result = run("--lang", "en", "participant", "export", HANNE, "--db", str(noted), "-o", str(out))
    assert result.exit_code == 0, result.output
    pid = participant_id(noted, HANNE)
    json_file, pdf_file = out / f"participant-{pid}.json", out / f"participant-{pid}.pdf"
    for path in (json_file, pdf_file):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    data = json.loads(json_file.read_text(encoding="utf-8"))
    assert data["participant"]["name"] == HANNE
    assert {"recovery_goal", "step", "journal_note", "attendance", "imrs_score", "service_plan_version", "enrolment"} <= set(data["tables"])
    assert data["tables"]["journal_note"][0]["text"] == HANNES_NOTE
    assert any(entry["action"] == "export" for entry in data["access_log"])
    pages = PdfReader(pdf_file).pages
    text = "\n".join(page.extract_text() for page in pages)
    assert len(pages) > 1 and all(round(float(page.mediabox.width) / 72 * 25.4) == 210 for page in pages)
    flat = " ".join(text.split())
    for expected in (HANNE, HANNES_GOAL, HANNES_NOTE, "Attendance", "Access log"):
        assert expected in flat, expected
    assert "…" not in text  # nothing was cut to fit a sheet
    assert [name for name in PEOPLE if name != HANNE and name in flat] == []


def test_erase_removes_the_person_from_the_file_and_keeps_the_counts(noted: Path) -> None:
    before = attendance_counts(noted)
    pid = participant_id(noted, HANNE)
    store = open_store(str(noted))
    figures = yearly_rows(store.attendance.all_registers(), Settings().review_rules())
    # As on a platform whose SQLite leaves deleted rows in free pages (this one may zero them anyway).
    event.listen(store.database.engine, "connect", lambda connection, _record: connection.execute("PRAGMA secure_delete=OFF"))
    store.database.engine.dispose()
    result = store.participant_data.erase(pid, HANNE, "Slettet deltaker", TODAY)
    others = store.participant_data.collect(participant_id(noted, "Ivar Stensrud"))
    store.close()
    assert result.deleted["recovery_goal"] == 1 and result.deleted["journal_note"] == 1 and result.mentions_replaced == 1
    assert attendance_counts(noted) == before
    store = open_store(str(noted))
    assert yearly_rows(store.attendance.all_registers(), Settings().review_rules()) == figures
    store.close()
    on_disk = file_bytes(noted)
    for personal in (HANNE, "Myrvold", HANNES_NOTE, "Jeg vil bli frisk"):  # her goal's words are another person's too
        assert personal.encode() not in on_disk, personal
    assert IVARS_NOTE in [row["text"] for row in others.rows("journal_note")]
    with sqlite3.connect(noted) as db:
        assert db.execute("SELECT name, alias FROM participant WHERE id = ?", (pid,)).fetchone() == ("Slettet deltaker", "")
        assert db.execute("SELECT left_on, leave_reason, decision_reference FROM enrolment WHERE participant_id = ?", (pid,)).fetchone() == ((TODAY + dt.timedelta(days=1)).isoformat(), "", "")
        assert db.execute("SELECT count(*) FROM attendance WHERE participant_id = ? AND note != ''", (pid,)).fetchone() == (0,)
        assert GROUP_NOTE.replace(HANNE, "Slettet deltaker") in [row[0] for row in db.execute("SELECT notes FROM group_session")]
        for table in ("recovery_goal", "step", "imrs_rating", "service_plan_section", "service_plan_version", "journal_note"):
            assert db.execute(f"SELECT count(*) FROM {table} WHERE participant_id = ?", (pid,)).fetchone() == (0,), table
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_wrong_name_erases_nothing(noted: Path) -> None:
    before = file_bytes(noted).count(HANNES_NOTE.encode())
    store = open_store(str(noted))
    with pytest.raises(UserError):
        store.participant_data.erase(participant_id(noted, HANNE), "Hanne", "x", TODAY)
    store.close()
    assert before and file_bytes(noted).count(HANNES_NOTE.encode()) == before


def test_cli_erase_asks_for_the_name_and_a_wrong_answer_changes_nothing(noted: Path) -> None:
    before = attendance_counts(noted)
    wrong = run("participant", "erase", HANNE, "--db", str(noted), input="Hanne M\n")
    assert wrong.exit_code == 1
    assert "nothing was erased" in wrong.stderr or "ingenting ble slettet" in wrong.stderr
    store = open_store(str(noted))
    assert store.participant_data.collect(participant_id(noted, HANNE)).rows("journal_note")
    store.close()
    right = run("--lang", "en", "participant", "erase", HANNE, "--db", str(noted), input=f"{HANNE}\n")
    assert right.exit_code == 0, right.output
    assert "Erased:" in right.stdout
    assert attendance_counts(noted) == before
    assert HANNE.encode() not in file_bytes(noted)


def test_export_and_erase_as_real_commands(noted: Path, tmp_path: Path) -> None:
    env = {**os.environ, "IMR_TUI_LANG": "en"}
    env.pop("IMR_TUI_DB_KEY", None)
    pid = participant_id(noted, HANNE)
    export = subprocess.run([*IMR_TUI, "participant", "export", str(pid), "--db", str(noted), "-o", str(tmp_path)], capture_output=True, text=True, env=env, timeout=120)
    assert export.returncode == 0, export.stderr
    assert (tmp_path / f"participant-{pid}.pdf").stat().st_size > 1000
    refused = subprocess.run([*IMR_TUI, "participant", "erase", HANNE, "--db", str(noted), "--confirm-name", "Hanne"], capture_output=True, text=True, env=env, timeout=120)
    assert refused.returncode == 1 and len(refused.stderr.strip().splitlines()) == 1 and "Traceback" not in refused.stderr
    erased = subprocess.run([*IMR_TUI, "participant", "erase", HANNE, "--db", str(noted), "--confirm-name", str(pid)], capture_output=True, text=True, env=env, timeout=120)
    assert erased.returncode == 0, erased.stderr
    assert HANNE.encode() not in file_bytes(noted)


def test_export_and_erase_on_postgresql(pg_demo_url: str) -> None:
    from sqlalchemy import create_engine, text

    store = open_store(pg_demo_url)
    hanne = store.goals.find_participant(HANNE).id
    session_id = store.participant_data.collect(hanne).rows("attendance")[-1]["session_id"]
    store.journal.save(session_id, hanne, HANNES_NOTE)
    counts = "SELECT session_id, status, count(*) FROM attendance GROUP BY 1, 2 ORDER BY 1, 2"
    engine = create_engine(pg_demo_url)
    with engine.connect() as db:
        before = db.execute(text(counts)).all()
    assert [row["text"] for row in store.participant_data.collect(hanne).rows("journal_note")] == [HANNES_NOTE]
    store.participant_data.erase(hanne, HANNE, "Slettet deltaker", TODAY)
    assert store.audit.entries(participant_id=hanne)[-1].action == "erase"
    store.close()
    with engine.connect() as db:
        assert db.execute(text(counts)).all() == before
        assert db.execute(text("SELECT count(*) FROM participant WHERE name = :name"), {"name": HANNE}).scalar() == 0
        assert db.execute(text("SELECT count(*) FROM journal_note WHERE participant_id = :id"), {"id": hanne}).scalar() == 0
    engine.dispose()
