"""Backup and restore of a PostgreSQL database: pg_dump files, checked before anything is replaced."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import psycopg
import pytest
from test_cli import IMR_TUI, run

from imr_tui.i18n import use_language
from imr_tui.store import open_store

from pg_server import APP_PASSWORD

DAY = dt.date(2026, 11, 24)


@pytest.fixture(autouse=True)
def english():
    with use_language("en"):
        yield


def group_names(url: str) -> list[str]:
    store = open_store(url)
    names = sorted(group.name for group in store.groups.overview(DAY))
    store.close()
    return names


def rename_group(url: str, part: str, name: str) -> None:
    from imr_tui.models import CourseGroup

    store = open_store(url)
    group_id, _name = store.groups.find(part)
    with store.database.transaction() as session:
        session.get(CourseGroup, group_id).name = name
    store.close()


def test_backup_and_restore_round_trip_keeps_what_it_replaced(pg_demo_url: str, tmp_path: Path, isolated_user: Path) -> None:
    backup = tmp_path / "imr.dump"
    made = run("--lang", "en", "backup", "-o", str(backup), "--db", pg_demo_url)
    assert made.exit_code == 0, made.stderr
    assert backup.read_bytes().startswith(b"PGDMP") and oct(backup.stat().st_mode & 0o777) == "0o600"
    rename_group(pg_demo_url, "Nydal", "Omdøpt gruppe")
    restored = run("--lang", "en", "restore", str(backup), "--db", pg_demo_url)
    assert restored.exit_code == 0, restored.stderr
    assert group_names(pg_demo_url) == ["Dagsgruppa Solsiden", "Ukesgruppa Nydal"]
    assert APP_PASSWORD not in restored.stdout and "imr:***@" in restored.stdout
    kept = list((isolated_user).rglob("*-replaced-*.dump"))
    assert len(kept) == 1 and str(kept[0]) in restored.stdout
    assert open_store(pg_demo_url).maintenance.check().integrity_ok


def test_restore_into_an_empty_database(pg_demo_url: str, pg_url: str, tmp_path: Path) -> None:
    backup = tmp_path / "imr.dump"
    assert run("backup", "-o", str(backup), "--db", pg_demo_url).exit_code == 0
    restored = run("--lang", "en", "restore", str(backup), "--db", pg_url)
    assert restored.exit_code == 0, restored.stderr
    assert "kept" not in restored.stdout  # there was nothing to keep
    assert group_names(pg_url) == group_names(pg_demo_url)


def test_backup_without_o_goes_to_the_private_data_folder(pg_demo_url: str, isolated_user: Path) -> None:
    made = run("--lang", "en", "backup", "--db", pg_demo_url)
    assert made.exit_code == 0, made.stderr
    [dump] = list(isolated_user.rglob("*-backup-*.dump"))
    assert str(dump) in made.stdout and oct(dump.parent.stat().st_mode & 0o777) == "0o700"


def test_restore_refuses_what_is_not_an_imr_tui_dump_and_changes_nothing(pg_demo_url: str, pg_server, demo_path: Path, tmp_path: Path) -> None:
    rename_group(pg_demo_url, "Nydal", "Endret etter backup")
    before = group_names(pg_demo_url)
    text = tmp_path / "notes.dump"
    text.write_text("not a dump\n")
    other = tmp_path / "other.dump"
    other_name = pg_server.create_database()
    pg_server.admin("CREATE TABLE invoice (id integer PRIMARY KEY)", database=other_name)
    from imr_tui.store.backends.pg_tools import find_tool

    subprocess.run([find_tool("pg_dump"), "--format=custom", f"--file={other}", f"--dbname=host=127.0.0.1 port={pg_server.port} user=postgres dbname={other_name}"], check=True)
    cases = {
        tmp_path / "missing.dump": "no such backup file",
        text: "not an imr-tui backup of a PostgreSQL database",
        demo_path: "not an imr-tui backup of a PostgreSQL database",  # a SQLite backup
        other: "another application's database",
    }
    for file, message in cases.items():
        result = run("--lang", "en", "restore", str(file), "--db", pg_demo_url)
        assert result.exit_code == 2, (file, result.stderr)
        assert message in result.stderr
    assert group_names(pg_demo_url) == before


def test_a_restore_that_cannot_finish_leaves_the_database_as_it_was(pg_demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from imr_tui.store.backends import pg_tools

    backup = tmp_path / "imr.dump"
    assert run("backup", "-o", str(backup), "--db", pg_demo_url).exit_code == 0
    rename_group(pg_demo_url, "Nydal", "Endret etter backup")
    monkeypatch.setattr(pg_tools, "LOCK_TIMEOUT", "200ms")
    other_window = psycopg.connect(pg_demo_url.replace("postgresql+psycopg", "postgresql"))
    other_window.execute("SELECT count(*) FROM attendance")  # an open transaction holds a lock the restore needs
    try:
        result = run("--lang", "en", "restore", str(backup), "--db", pg_demo_url)
    finally:
        other_window.close()
    assert result.exit_code == 1
    assert result.stderr.startswith("imr-tui: the restore did not finish, so the database is as it was (psql failed:")
    assert "lock timeout" in result.stderr
    assert "Endret etter backup" in group_names(pg_demo_url)


def test_without_pg_dump_the_message_says_what_to_install(pg_demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from imr_tui.store.backends import pg_tools

    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(pg_tools, "SERVER_FOLDERS", str(tmp_path / "none"))
    result = run("--lang", "en", "backup", "-o", str(tmp_path / "imr.dump"), "--db", pg_demo_url)
    assert result.exit_code == 1
    assert "pg_dump is needed" in result.stderr and "postgresql-client" in result.stderr
    assert not (tmp_path / "imr.dump").exists()


def test_backup_and_restore_as_real_commands(pg_demo_url: str, tmp_path: Path) -> None:
    backup = tmp_path / "imr.dump"
    made = subprocess.run([*IMR_TUI, "--lang", "en", "backup", "-o", str(backup), "--db", pg_demo_url], capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    restored = subprocess.run([*IMR_TUI, "--lang", "en", "restore", str(backup), "--db", pg_demo_url], capture_output=True, text=True, timeout=120)
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout.startswith("Restored ") and APP_PASSWORD not in restored.stdout + restored.stderr


def test_a_restore_that_fails_half_way_leaves_the_database_as_it_was(pg_demo_url: str, pg_server, tmp_path: Path) -> None:
    backup = tmp_path / "imr.dump"
    assert run("backup", "-o", str(backup), "--db", pg_demo_url).exit_code == 0
    rename_group(pg_demo_url, "Nydal", "Endret etter backup")
    # A sequence that outlives its table's DROP, so the dump's CREATE SEQUENCE fails after the tables are gone.
    pg_server.admin("ALTER SEQUENCE attendance_id_seq OWNED BY NONE", database=pg_demo_url.rsplit("/", 1)[1])
    result = run("--lang", "en", "restore", str(backup), "--db", pg_demo_url)
    assert result.exit_code == 1
    assert "the database is as it was" in result.stderr and "attendance_id_seq" in result.stderr
    assert "Endret etter backup" in group_names(pg_demo_url)
    assert open_store(pg_demo_url).maintenance.check().integrity_ok
