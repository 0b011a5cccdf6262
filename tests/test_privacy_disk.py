"""Nothing personal outside the database, and nothing of an erased person anywhere the app writes.

Each test keeps its database under HOME, as the app does by default, so "every file under HOME"
covers the database, its write-ahead log, the drafts, the logs and the config.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from imr_tui.cli.root import cli
from imr_tui.form_drafts import drafts_dir
from imr_tui.planning.drafts import EnrolmentDraft
from imr_tui.privacy_names import fold
from imr_tui.store import open_store
from imr_tui.store.backup import backup_sqlite

from conftest import TODAY
from privacy_data import HANNE, last_held_session, participant_id
from terminal import IMR_TUI, Terminal, needs_tmux

LIV = "Liv Årdal"
# Her name as others wrote it: upper case, without diacritics, first name and initial.
MENTIONS = {
    "group notes": "LIV ÅRDAL kom for sent, men ble med",
    "home assignment": "Alle prøver pusteøvelsen; liv ardal tar med kaker",
    "Hanne's note": f"{HANNE} snakket med Liv Å. om turen",
}


@pytest.fixture(autouse=True)
def no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IMR_TUI_DB_KEY", raising=False)


def files_naming(home: Path, name: str, besides: tuple[Path, ...] = ()) -> list[Path]:
    """Every file under `home` whose text names the person, in any case, with or without diacritics."""
    wanted = fold(name)
    return sorted(
        path for path in home.rglob("*")
        if path.is_file() and path not in besides and wanted in fold(path.read_bytes().decode("utf-8", "replace"))
    )  # fmt: skip


def database_files(database: Path) -> tuple[Path, ...]:
    return tuple(Path(f"{database}{suffix}") for suffix in ("", "-wal", "-shm", "-journal"))


def test_erase_finds_every_mention_and_leaves_no_trace_under_home(demo_path: Path, isolated_user: Path, tmp_path: Path) -> None:
    (isolated_user / "tjeneste").mkdir()
    database = backup_sqlite(demo_path, isolated_user / "tjeneste" / "imr.sqlite")
    liv, hanne = participant_id(database, LIV), participant_id(database, HANNE)
    session = last_held_session(database, LIV)
    store = open_store(str(database))
    with sqlite3.connect(database) as db:
        earlier = db.execute("SELECT id FROM group_session WHERE group_id = (SELECT group_id FROM group_session WHERE id = ?) AND id < ? AND status = 'held' ORDER BY date DESC", (session, session)).fetchone()[0]
    store.session_edits.save_text(session, "notes", MENTIONS["group notes"], based_on=store.sessions.overview(session).notes)
    store.session_edits.save_text(earlier, "home_assignment", MENTIONS["home assignment"], based_on=store.sessions.overview(earlier).home_assignment)
    store.journal.save(session, hanne, MENTIONS["Hanne's note"])
    store.form_drafts.save(f"group-1-person-{liv}", {"name": LIV, "decision_reference": "2026/4471"}, liv)  # her own draft
    store.form_drafts.save("group-1-new", {"name": "Siri Holm", "alias": "liv årdal sin venninne"})  # someone else's, naming her
    location = store.location
    store.close()
    # A draft an older version left as a file, and a backup made before the erase.
    drafts_dir().mkdir(parents=True)
    old_draft = drafts_dir() / f"{hashlib.sha256(b'x').hexdigest()[:32]}.json"
    old_draft.write_text(json.dumps({"key": f"{location}|group-2-new", "values": {"name": "LIV ÅRDAL"}}, ensure_ascii=False), encoding="utf-8")
    runner = CliRunner()
    backup = runner.invoke(cli, ["backup", "--db", str(database)])
    assert backup.exit_code == 0, backup.output
    backup_file = next(database.parent.glob("imr-backup-*.sqlite"))
    exported = runner.invoke(cli, ["participant", "export", str(liv), "-o", str(tmp_path / "export"), "--db", str(database)])
    assert exported.exit_code == 0, exported.output
    # Her draft is hers: in her export, and in the audit trail under her number.
    export = json.loads((tmp_path / "export" / f"participant-{liv}.json").read_text(encoding="utf-8"))
    assert [row["form"] for row in export["tables"]["form_draft"]] == [f"group-1-person-{liv}"]
    assert any(entry["table"] == "form_draft" and entry["action"] == "create" for entry in export["access_log"])

    erased = runner.invoke(cli, ["--lang", "en", "participant", "erase", LIV, "--confirm-name", LIV, "--db", str(database)], env={"COLUMNS": "200"})
    assert erased.exit_code == 0, erased.output
    placeholder = f"Erased participant {liv}"
    with sqlite3.connect(database) as db:
        texts = [*db.execute("SELECT notes || home_assignment FROM group_session"), *db.execute("SELECT text FROM journal_note"),
                 *db.execute("SELECT field_values FROM form_draft")]  # fmt: skip
        drafts_left = db.execute("SELECT form FROM form_draft ORDER BY form").fetchall()
    replaced = sum(1 for (text,) in texts if placeholder in text)
    # What it says is what it did: three texts of others, the other draft and the one from the file.
    assert replaced == 5 and f"replaced in {replaced} other records" in erased.stdout
    assert drafts_left == [("group-1-new",), ("group-2-new",)]  # her own draft went with her
    assert f"Still holds the person: the backup {backup_file}" in erased.stdout
    assert "Still holds the person: the export made" in erased.stdout and f"participant-{liv}.json" in erased.stdout
    assert not old_draft.exists()

    # Nothing left on disk: the database bytes (compacted, with its WAL) and every other file under HOME.
    for form in (LIV, "LIV ÅRDAL", "liv ardal", "Årdal", "2026/4471"):
        on_disk = b"".join(path.read_bytes() for path in database_files(database) if path.exists())
        assert form.encode() not in on_disk and fold(form).encode() not in on_disk.lower(), form
    assert files_naming(isolated_user, "Årdal", besides=(backup_file,)) == []
    assert files_naming(isolated_user, "Årdal") == [backup_file]  # made before: named in the report, not changed


def test_erase_leaves_another_person_of_the_same_name_alone(demo_path: Path, curriculum) -> None:
    store = open_store(str(demo_path))
    group_id, _name = store.groups.find("Nydal")
    store.enrolments.enrol(group_id, EnrolmentDraft(name=LIV, alias="LÅ2", needs_pickup=False, joined_on=TODAY.date()), curriculum)
    store.close()
    with sqlite3.connect(demo_path) as db:
        first, second = [row[0] for row in db.execute("SELECT id FROM participant WHERE name = ? ORDER BY id", (LIV,))]
    store = open_store(str(demo_path))
    store.participant_data.erase(first, LIV, "Slettet deltaker", TODAY.date())
    store.close()
    with sqlite3.connect(demo_path) as db:
        assert db.execute("SELECT name FROM participant WHERE id = ?", (second,)).fetchone() == (LIV,)


@needs_tmux
def test_kill_9_while_a_form_holds_a_name_leaves_it_in_the_database_only(demo_path: Path, isolated_user: Path) -> None:
    folder = isolated_user / "tjeneste"
    folder.mkdir()
    database = backup_sqlite(demo_path, folder / "imr.sqlite")
    keep = {key: os.environ[key] for key in ("PATH", "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")}
    terminal = Terminal(f"{IMR_TUI} --db {database}", {**keep, "TERM": "xterm-256color", "IMR_TUI_LANG": "nb"})
    try:
        terminal.wait_for("Ukesgruppa Nydal")
        terminal.press("G")
        terminal.wait_for("Grupper")
        time.sleep(1.0)  # the list is read in a worker; its rows look like the first screen's
        terminal.press("p")
        terminal.wait_for("Deltakere i")
        terminal.press("n")
        terminal.wait_for("Meld inn en deltaker")
        time.sleep(0.5)  # a person's pause before typing: the form takes the keys once it is drawn
        terminal.press("-l", "Kåre Lunde")
        terminal.wait_for("Kåre Lunde")
        terminal.press("Tab", "Tab", "Tab", "Tab")  # alias, pick-up, joined, decision
        time.sleep(0.5)  # the focus moves after keys already queued, as in a person's typing
        terminal.press("-l", "2026/9917")
        terminal.wait_for("2026/9917")
        time.sleep(1.0)  # "a second after a change"
        os.kill(terminal.pid(), signal.SIGKILL)
    finally:
        terminal.close()
    with sqlite3.connect(database) as db:
        kept = [json.loads(row[0]) for row in db.execute("SELECT field_values FROM form_draft")]
    assert [draft["name"] for draft in kept] == ["Kåre Lunde"] and kept[0]["decision_reference"] == "2026/9917"
    assert files_naming(isolated_user, "Kåre Lunde", besides=database_files(database)) == []
    assert [path for path in isolated_user.rglob("*") if path.is_file() and re.search(rb"2026/9917", path.read_bytes()) and path not in database_files(database)] == []


def test_a_form_left_open_cannot_bring_an_erased_person_back_through_its_draft(demo_path: Path) -> None:
    liv = participant_id(demo_path, LIV)
    store = open_store(str(demo_path))
    store.form_drafts.save(f"group-2-person-{liv}", {"name": LIV}, liv)
    store.participant_data.erase(liv, LIV, "Slettet deltaker", TODAY.date())
    assert store.form_drafts.load(f"group-2-person-{liv}") is None  # erased with her
    store.form_drafts.save(f"group-2-person-{liv}", {"name": LIV}, liv)  # the window still open types on
    assert store.form_drafts.load(f"group-2-person-{liv}") is None
    store.close()
    with sqlite3.connect(demo_path) as db:
        assert db.execute("SELECT count(*) FROM form_draft").fetchone() == (0,)
