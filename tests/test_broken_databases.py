"""Another application's database, a newer, damaged or truncated one: every command answers in one line and changes nothing."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from broken_files import COMMANDS, KINDS, damaged, digest, foreign, make, newer, not_sqlite, truncated
from test_cli import IMR_TUI, run

from imr_tui.store.ownership import APPLICATION_ID


def one_line(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("imr-tui: "), result.stderr
    assert "unexpected" not in lines[0] and "uventet" not in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_answers_a_database_that_is_not_sound_in_one_line_and_leaves_it(kind: str, command: str, demo_path: Path, tmp_path: Path) -> None:
    (tmp_path / "db").mkdir()
    database = make(kind, demo_path, tmp_path / "db")
    out = tmp_path / "out"
    out.mkdir()
    before = digest(database)
    arguments = [argument.replace("{out}", str(out)) for argument in COMMANDS[command]]
    result = run(*arguments, "--db", str(database))
    assert digest(database) == before, (kind, command)
    assert [path.name for path in database.parent.iterdir()] == [database.name], "no -wal, -shm or copy left beside it"
    if kind == "damaged" and result.exit_code == 0:
        return  # what it read lies on the sound pages
    assert result.exit_code in (1, 2), result.output
    line = one_line(result)
    assert list(out.iterdir()) == [], "no partial output"
    if kind.startswith("foreign"):
        assert "tilhører et annet program" in line
    if kind == "newer":
        assert "nyere versjon av imr-tui" in line


def test_db_check_on_a_damaged_page_says_so_and_names_the_newest_backup(demo_path: Path, tmp_path: Path) -> None:
    database = tmp_path / "imr.sqlite"
    shutil.copyfile(demo_path, database)
    assert run("backup", "--db", str(database)).exit_code == 0
    (backup,) = tmp_path.glob("imr-backup-*.sqlite")
    damaged(database, database)
    result = run("db", "check", "--db", str(database))
    assert result.exit_code == 1
    line = one_line(result)
    assert "integritetskontrollen feilet" in line and f"imr-tui restore {backup}" in line
    assert run("restore", str(backup), "--db", str(database)).exit_code == 0
    assert run("db", "check", "--db", str(database)).exit_code == 0


def test_another_applications_file_is_only_read(tmp_path: Path) -> None:
    """Not even the header's journal mode changes: our own databases switch to WAL, theirs never."""
    for revision in ("0001", "0005"):
        other = foreign(tmp_path / f"other-{revision}.sqlite", revision)
        before = other.read_bytes()
        assert run("db", "upgrade", "--db", str(other)).exit_code == 1
        assert other.read_bytes() == before
        with sqlite3.connect(other) as connection:
            assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        connection.close()


def test_an_imr_tui_database_from_before_the_marker_still_opens_and_gets_it(demo_path: Path) -> None:
    with sqlite3.connect(demo_path) as connection:
        connection.execute("PRAGMA application_id = 0")
    connection.close()
    assert run("group", "list", "--db", str(demo_path)).exit_code == 0
    with sqlite3.connect(demo_path) as connection:
        assert connection.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
    connection.close()


def test_a_new_database_carries_the_marker(tmp_path: Path) -> None:
    assert run("db", "upgrade", "--db", str(tmp_path / "new.sqlite")).exit_code == 0
    with sqlite3.connect(tmp_path / "new.sqlite") as connection:
        assert connection.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
    connection.close()


def test_db_check_on_a_mistyped_path_creates_nothing(tmp_path: Path) -> None:
    result = run("db", "check", "--db", str(tmp_path / "typo.sqlite"))
    assert result.exit_code == 2
    assert "finnes ingen database" in one_line(result)
    assert not (tmp_path / "typo.sqlite").exists()


# -- restore ------------------------------------------------------------------------------


@pytest.fixture
def good_backup(demo_path: Path, tmp_path: Path) -> Path:
    backup = tmp_path / "backups" / "good.sqlite"
    backup.parent.mkdir()
    assert run("backup", "-o", str(backup), "--db", str(demo_path)).exit_code == 0
    return backup


@pytest.mark.parametrize("revision", ["0001", "0005"])
def test_restore_never_replaces_another_applications_database(revision: str, good_backup: Path, tmp_path: Path) -> None:
    other = foreign(tmp_path / "other.sqlite", revision)
    before = digest(other)
    result = run("restore", str(good_backup), "--db", str(other))
    assert result.exit_code == 1
    assert "tilhører et annet program" in one_line(result)
    assert digest(other) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["backups", "demo.sqlite", "other.sqlite"]


@pytest.mark.parametrize("spoil", ["damaged", "truncated", "not-sqlite"])
def test_restore_works_over_a_broken_database_and_keeps_its_bytes(spoil: str, good_backup: Path, demo_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "imr.sqlite"
    {"damaged": lambda: damaged(demo_path, target), "truncated": lambda: truncated(demo_path, target), "not-sqlite": lambda: not_sqlite(target)}[spoil]()
    spoilt = target.read_bytes()
    result = run("restore", str(good_backup), "--db", str(target))
    assert result.exit_code == 0, result.output
    (kept,) = tmp_path.glob("imr.sqlite.replaced.*.bak")
    assert kept.read_bytes() == spoilt
    assert oct(kept.stat().st_mode & 0o777) == "0o600"
    assert run("db", "check", "--db", str(target)).exit_code == 0


@pytest.mark.parametrize("name", ["uke?48.sqlite", "kopi#2.sqlite", "før 100%.sqlite"])
def test_a_backup_whose_name_has_uri_characters_restores(name: str, good_backup: Path, tmp_path: Path) -> None:
    odd = good_backup.with_name(name)
    shutil.copyfile(good_backup, odd)
    result = run("restore", str(odd), "--db", str(tmp_path / "fresh.sqlite"))
    assert result.exit_code == 0, result.output
    assert run("group", "show", "Nydal", "--db", str(tmp_path / "fresh.sqlite")).exit_code == 0


def test_a_refused_wal_mode_backup_leaves_no_wal_or_shm(demo_path: Path, tmp_path: Path) -> None:
    (tmp_path / "backups").mkdir()
    later = newer(demo_path, tmp_path / "backups" / "later.sqlite")
    with sqlite3.connect(later) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
    connection.close()
    assert sorted(path.name for path in later.parent.iterdir()) == ["later.sqlite"]
    result = run("restore", str(later), "--db", str(demo_path))
    assert result.exit_code == 2
    assert "en annen versjon" in one_line(result)
    assert sorted(path.name for path in later.parent.iterdir()) == ["later.sqlite"]


def test_subprocess_restore_refuses_another_applications_database(good_backup: Path, tmp_path: Path) -> None:
    other = foreign(tmp_path / "other.sqlite", "0005")
    before = digest(other)
    done = subprocess.run([*IMR_TUI, "restore", str(good_backup), "--db", str(other)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1 and "tilhører et annet program" in done.stderr
    assert digest(other) == before


def test_the_app_refuses_a_damaged_database_before_its_first_screen_reads_it(demo_path: Path, tmp_path: Path) -> None:
    from imr_tui.errors import UserError
    from imr_tui.store.opening import StoreOpening

    database = damaged(demo_path, tmp_path / "imr.sqlite")
    before = digest(database)
    opening = StoreOpening(str(database))
    opening.start()
    assert not opening.wait()
    assert isinstance(opening.error, UserError)
    assert "er skadet" in opening.error.message and "imr-tui restore" in opening.error.message
    assert digest(database) == before
    sound = StoreOpening(str(demo_path))
    sound.start()
    assert sound.wait()
    sound.result().close()


def test_restore_never_replaces_a_folder_or_a_pipe_named_as_the_database(good_backup: Path, tmp_path: Path) -> None:
    import os
    import stat

    folder = tmp_path / "folder.sqlite"
    folder.mkdir()
    pipe = tmp_path / "pipe.sqlite"
    os.mkfifo(pipe)
    for target, words in ((folder, "er en mappe"), (pipe, "ikke en vanlig fil")):
        result = run("restore", str(good_backup), "--db", str(target))
        assert result.exit_code == 2
        assert words in one_line(result)
    assert folder.is_dir() and stat.S_ISFIFO(pipe.stat().st_mode)
    assert not list(tmp_path.glob("*.restoring")) and not list(tmp_path.glob("*.replaced.*"))
