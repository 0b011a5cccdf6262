"""Backup and restore: safe while the app writes, checked before anything is replaced."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
from pathlib import Path

from test_cli import IMR_TUI, run

from imr_tui.store import open_store


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def group_names(path: Path) -> list[str]:
    store = open_store(str(path))
    names = sorted(g.name for g in store.groups.overview(__import__("datetime").date(2026, 11, 24)))
    store.close()
    return names


def test_backup_while_the_app_has_the_database_open(demo_path: Path, tmp_path: Path) -> None:
    app_store = open_store(str(demo_path))  # the app, with a write in flight
    with app_store.database.transaction() as session:
        from imr_tui.models import Therapist

        session.add(Therapist(name="Ny terapeut"))
        out = tmp_path / "backup.sqlite"
        result = run("backup", "-o", str(out), "--db", str(demo_path))
    app_store.close()
    assert result.exit_code == 0, result.output
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert group_names(out) == group_names(demo_path)
    with sqlite3.connect(out) as copy:
        assert copy.execute("SELECT count(*) FROM therapist WHERE name = 'Ny terapeut'").fetchone() == (0,)  # not yet committed


def test_restore_puts_the_backup_back_and_keeps_what_it_replaced(demo_path: Path, tmp_path: Path) -> None:
    backup = tmp_path / "backup.sqlite"
    assert run("backup", "-o", str(backup), "--db", str(demo_path)).exit_code == 0
    store = open_store(str(demo_path))
    group_id, _name = store.groups.find("Nydal")
    with store.database.transaction() as session:
        from imr_tui.models import CourseGroup

        session.get(CourseGroup, group_id).name = "Omdøpt gruppe"
    store.close()
    result = run("restore", str(backup), "--db", str(demo_path))
    assert result.exit_code == 0, result.output
    assert "Ukesgruppa Nydal" in group_names(demo_path)
    kept = list(tmp_path.glob("demo.sqlite.replaced.*.bak"))
    assert len(kept) == 1 and "Omdøpt gruppe" in group_names(kept[0])


def test_restore_refuses_files_that_are_not_backups_and_changes_nothing(demo_path: Path, tmp_path: Path) -> None:
    before = digest(demo_path)
    text = tmp_path / "notes.sqlite"
    text.write_text("ikke en database\n" * 100)
    truncated = tmp_path / "truncated.sqlite"
    truncated.write_bytes(demo_path.read_bytes()[:6000])
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    connection.close()
    newer = tmp_path / "newer.sqlite"
    newer.write_bytes(demo_path.read_bytes())
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    for bad, words in [(text, "ikke en imr-tui-sikkerhetskopi"), (truncated, "skadet"), (other, "ikke en imr-tui-sikkerhetskopi"),
                       (newer, "en annen versjon"), (tmp_path / "missing.sqlite", "finnes ingen")]:  # fmt: skip
        result = run("restore", str(bad), "--db", str(demo_path))
        assert result.exit_code == 2, (bad, result.output)
        assert words in result.stderr, (bad, result.stderr)
    assert digest(demo_path) == before
    assert not list(tmp_path.glob("*.replaced.*"))


def test_subprocess_backup_and_restore(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "copy.sqlite"
    backup = subprocess.run([*IMR_TUI, "backup", "-o", str(out), "--db", str(demo_path)], capture_output=True, text=True, timeout=60)
    assert backup.returncode == 0, backup.stderr
    restore = subprocess.run([*IMR_TUI, "restore", str(out), "--db", str(tmp_path / "fresh.sqlite")], capture_output=True, text=True, timeout=60)
    assert restore.returncode == 0, restore.stderr
    assert group_names(tmp_path / "fresh.sqlite") == group_names(demo_path)
