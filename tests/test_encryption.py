"""Optional encryption at rest: with IMR_TUI_DB_KEY the SQLite file is SQLCipher's, unreadable
without the passphrase; without the key it fails with one clear line."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from imr_tui.errors import UserError
from imr_tui.store import open_store
from imr_tui.store.demo import build_demo
from imr_tui.store.encryption import KEY_VARIABLE, encrypt_copy

from privacy_data import PEOPLE, file_bytes

pytest.importorskip("sqlcipher3", reason="the encryption extra is not installed")

IMR_TUI = [sys.executable, "-c", "from imr_tui.cli import main; main()"]
PASSPHRASE = "riktig hest batteri stift"
SQLITE_HEADER = b"SQLite format 3\x00"


@pytest.fixture
def encrypted(tmp_path: Path, curriculum, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(KEY_VARIABLE, PASSPHRASE)
    path = tmp_path / "kryptert.sqlite"
    store = open_store(str(path))
    build_demo(store.database, curriculum, dt.date(2026, 11, 24))
    store.close()
    return path


def test_the_file_on_disk_has_no_sqlite_header_and_no_name(encrypted: Path) -> None:
    on_disk = file_bytes(encrypted)
    assert not encrypted.read_bytes().startswith(SQLITE_HEADER)
    assert [name for name in PEOPLE if name.encode() in on_disk or name.split()[-1].encode() in on_disk] == []
    assert PASSPHRASE.encode() not in on_disk


def test_it_opens_with_the_key_and_not_without(encrypted: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(str(encrypted))
    assert len(store.groups.overview(dt.date(2026, 11, 24))) == 2
    store.close()
    monkeypatch.setenv(KEY_VARIABLE, "feil passord")
    with pytest.raises(UserError, match=KEY_VARIABLE) as wrong:
        open_store(str(encrypted))
    assert "feil passord" not in wrong.value.message
    monkeypatch.delenv(KEY_VARIABLE)
    with pytest.raises(UserError, match=KEY_VARIABLE):
        open_store(str(encrypted))


def test_without_the_key_the_command_says_so_in_one_line(encrypted: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != KEY_VARIABLE} | {"IMR_TUI_LANG": "en"}
    done = subprocess.run([*IMR_TUI, "group", "list", "--db", str(encrypted)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and KEY_VARIABLE in done.stderr and "Traceback" not in done.stderr
    keyed = subprocess.run([*IMR_TUI, "group", "list", "--json", "--db", str(encrypted)], capture_output=True, text=True, env=env | {KEY_VARIABLE: PASSPHRASE}, timeout=120)
    assert keyed.returncode == 0, keyed.stderr
    assert "Ukesgruppa Nydal" in keyed.stdout


def test_a_plain_database_gets_an_encrypted_copy(demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = encrypt_copy(demo_path, tmp_path / "kopi.sqlite", PASSPHRASE)
    assert not copy.read_bytes().startswith(SQLITE_HEADER) and b"Hanne Myrvold" not in copy.read_bytes()
    assert oct(copy.stat().st_mode & 0o777) == "0o600"
    monkeypatch.setenv(KEY_VARIABLE, PASSPHRASE)
    store = open_store(str(copy))
    assert store.goals.find_participant("Hanne").name == "Hanne Myrvold"
    store.close()


def test_encrypt_command_needs_the_key_and_writes_a_copy_that_opens(demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from imr_tui.cli.root import cli

    runner = CliRunner()
    target = tmp_path / "kryptert.sqlite"
    monkeypatch.delenv(KEY_VARIABLE, raising=False)
    assert runner.invoke(cli, ["encrypt", "--db", str(demo_path), "-o", str(target)]).exit_code == 2
    assert not target.exists()
    monkeypatch.setenv(KEY_VARIABLE, PASSPHRASE)
    done = runner.invoke(cli, ["encrypt", "--db", str(demo_path), "-o", str(target)])
    assert done.exit_code == 0, done.output
    assert runner.invoke(cli, ["encrypt", "--db", str(target), "-o", str(tmp_path / "igjen.sqlite")]).exit_code == 1
    store = open_store(str(target))
    assert store.goals.find_participant("Hanne").name == "Hanne Myrvold"
    store.close()


def test_backup_and_restore_keep_an_encrypted_database_encrypted(encrypted: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from imr_tui.cli.root import cli

    copy = tmp_path / "kopi.sqlite"
    result = CliRunner().invoke(cli, ["backup", "--db", str(encrypted), "-o", str(copy)], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert not copy.read_bytes().startswith(SQLITE_HEADER)
    assert [name for name in PEOPLE if name.encode() in file_bytes(copy)] == []

    store = open_store(str(encrypted))
    store.groups.find("Nydal")  # the data is there before the restore
    store.close()
    result = CliRunner().invoke(cli, ["restore", str(copy), "--db", str(encrypted)], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert not encrypted.read_bytes().startswith(SQLITE_HEADER)
    store = open_store(str(encrypted))
    assert len(store.groups.overview(dt.date(2026, 11, 24))) == 2
    store.close()
