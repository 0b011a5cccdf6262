"""The audit trail: every edit made through the store's services is logged with who, which
record and when, never what it said; `imr-tui audit` reads it."""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from imr_tui.cli.root import cli
from imr_tui.store import open_store

from privacy_data import HANNE, HANNES_NOTE, IVARS_NOTE, file_bytes, last_held_session, participant_id

runner = CliRunner()
IMR_TUI = [sys.executable, "-c", "from imr_tui.cli import main; main()"]


@pytest.fixture(autouse=True)
def no_key_or_therapist(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IMR_TUI_DB_KEY", raising=False)
    monkeypatch.delenv("IMR_TUI_THERAPIST", raising=False)


def run(*args: str):
    return runner.invoke(cli, list(args), catch_exceptions=False, env={"COLUMNS": "120"})


def test_edits_through_the_services_are_logged_with_who_what_and_when_but_not_the_text(demo_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMR_TUI_THERAPIST", "Marte Solum")
    hanne, session = participant_id(demo_path, HANNE), last_held_session(demo_path, HANNE)
    store = open_store(str(demo_path))
    started = dt.datetime.now(dt.UTC)
    store.journal.save(session, hanne, HANNES_NOTE)
    store.journal.save(session, hanne, HANNES_NOTE + " og gruet seg litt", based_on=HANNES_NOTE)
    store.journal.save(session, hanne, None)
    store.session_edits.mark_attendance(session, hanne, "late")
    entries = [e for e in store.audit.entries(participant_id=hanne) if e.at >= started]
    store.close()
    assert [(e.actor, e.action, e.table) for e in entries] == [
        ("Marte Solum", "create", "journal_note"),
        ("Marte Solum", "update", "journal_note"),
        ("Marte Solum", "delete", "journal_note"),
        ("Marte Solum", "update", "attendance"),
    ]
    assert len({e.record_id for e in entries[:3]}) == 1
    assert all(started <= e.at <= dt.datetime.now(dt.UTC) for e in entries)
    with sqlite3.connect(demo_path) as db:
        logged = repr(db.execute("SELECT * FROM audit_event").fetchall())
    assert "flyttingen" not in logged and "gruet" not in logged


def test_a_child_record_is_logged_under_its_participant(demo_path: Path) -> None:
    hanne, session = participant_id(demo_path, HANNE), last_held_session(demo_path, HANNE)
    store = open_store(str(demo_path))
    step_id = store.session_edits.set_next_step(session, hanne, "Ringe boveilederen", None)
    store.session_edits.record_follow_up(session, step_id, "done", "Det gikk fint")
    logged = {(e.action, e.table, e.participant_id) for e in store.audit.entries()[-3:]}
    store.close()
    assert ("create", "step_follow_up", hanne) in logged  # found through the step it follows up


def test_the_user_name_is_the_actor_when_no_therapist_is_named(demo_path: Path) -> None:
    hanne, session = participant_id(demo_path, HANNE), last_held_session(demo_path, HANNE)
    store = open_store(str(demo_path))
    store.journal.save(session, hanne, HANNES_NOTE)
    last = store.audit.entries(participant_id=hanne)[-1]
    store.close()
    assert last.actor == getpass.getuser()


def test_export_and_erase_are_logged_and_the_trail_outlives_the_erase(demo_path: Path, tmp_path: Path) -> None:
    hanne = participant_id(demo_path, HANNE)
    assert run("participant", "export", HANNE, "--db", str(demo_path), "-o", str(tmp_path)).exit_code == 0
    assert run("participant", "erase", HANNE, "--db", str(demo_path), "--confirm-name", HANNE).exit_code == 0
    result = run("audit", "--participant", str(hanne), "--json", "--db", str(demo_path))
    assert result.exit_code == 0, result.output
    actions = [entry["action"] for entry in json.loads(result.stdout)]
    assert actions[-2:] == ["export", "erase"] and "create" in actions
    assert HANNE.encode() not in file_bytes(demo_path)


def test_audit_since_and_bad_input(demo_path: Path) -> None:
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    later = run("audit", "--since", tomorrow, "--json", "--db", str(demo_path))
    assert later.exit_code == 0 and json.loads(later.stdout) == []
    assert run("audit", "--since", "24.11.2026", "--db", str(demo_path)).exit_code == 2
    assert run("audit", "--participant", "Nobody Atall", "--db", str(demo_path)).exit_code == 2


def test_audit_as_a_real_command(demo_path: Path) -> None:
    hanne, session = participant_id(demo_path, HANNE), last_held_session(demo_path, HANNE)
    store = open_store(str(demo_path))
    store.journal.save(session, participant_id(demo_path, "Ivar Stensrud"), IVARS_NOTE)
    store.close()
    env = {**os.environ, "IMR_TUI_LANG": "en"}
    done = subprocess.run([*IMR_TUI, "audit", "--db", str(demo_path)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    last = done.stdout.strip().splitlines()[-1]
    assert "create" in last and "journal_note" in last and IVARS_NOTE not in done.stdout
    assert f"participant {hanne}" in done.stdout


def views_of(path: Path, person: int) -> list[str]:
    store = open_store(str(path))
    try:
        return [entry.actor for entry in store.audit.entries(participant_id=person) if entry.action == "view"]
    finally:
        store.close()


def test_opening_a_persons_goals_or_plan_is_logged_as_a_view(demo_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMR_TUI_THERAPIST", "Marte Solum")
    hanne = participant_id(demo_path, HANNE)
    assert views_of(demo_path, hanne) == []
    assert run("goals", HANNE, "--db", str(demo_path)).exit_code == 0
    assert run("service-plan", HANNE, "--db", str(demo_path)).exit_code == 0
    assert views_of(demo_path, hanne) == ["Marte Solum", "Marte Solum"]


async def test_the_goal_screen_logs_who_opened_it(make_app, demo_store) -> None:
    from imr_tui.screens.goals import GoalScreen
    from imr_tui.store.audit import actor_of

    hanne = demo_store.goals.find_participant(HANNE).id
    app = make_app("en")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.push_screen(GoalScreen(hanne))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    entries = [entry for entry in demo_store.audit.entries(participant_id=hanne) if entry.action == "view"]
    assert [(entry.actor, entry.table) for entry in entries] == [(actor_of(demo_store.database), "participant")]
    assert entries[0].actor == getpass.getuser()  # no IMR_TUI_THERAPIST: the user logged in
