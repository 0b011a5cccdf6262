"""Start-up: the first screen appears while the store opens, and a store that fails still ends the app clearly."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from textual.widgets import DataTable

from imr_tui.config import Settings
from imr_tui.errors import BadInputError, UserError
from imr_tui.factory import make_app
from imr_tui.screens.today import TodayScreen

from settle import settle, until
from terminal import IMR_TUI, Terminal, needs_tmux

SIZE = (110, 32)


def foreign_database(path: Path) -> None:
    """A SQLite file of another application: it passes the quick checks, and the store refuses it."""
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO recipes (name) VALUES ('fiskesuppe')")
    connection.close()


def contents(path: Path) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT type, name, sql FROM sqlite_master UNION ALL SELECT 'row', name, '' FROM recipes").fetchall()
    finally:
        connection.close()


def group_names(screen: TodayScreen) -> list[str]:
    table = screen.query_one("#groups", DataTable)
    return [str(table.get_row_at(row)[0]).splitlines()[0] for row in range(table.row_count)]


def holding_the_store(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """open_store waits until `release` is set; `opened` tells it has been called and returned."""
    import imr_tui.store

    opened, release = threading.Event(), threading.Event()
    real_open_store = imr_tui.store.open_store

    def slow_open_store(target):
        release.wait(10)
        store = real_open_store(target)
        opened.set()
        return store

    monkeypatch.setattr(imr_tui.store, "open_store", slow_open_store)
    return opened, release


async def test_the_first_screen_shows_its_groups_before_the_store_is_open(demo_path: Path, clock, monkeypatch) -> None:
    opened, release = holding_the_store(monkeypatch)
    app = make_app(Settings(language="en", database=str(demo_path)), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.screen.query_one("#groups", DataTable).row_count > 0, what="the groups from the first reader")
        screen = app.screen
        assert isinstance(screen, TodayScreen) and not opened.is_set()
        assert {"Dagsgruppa Solsiden", "Ukesgruppa Nydal"} <= set(group_names(screen))
        shown = group_names(screen)
        release.set()
        await settle(pilot)
        assert opened.is_set() and group_names(screen) == shown  # the flags came from the store; the list stayed
        screen.load_groups()  # as on coming back from another screen: now from the open store
        await settle(pilot)
        assert group_names(screen) == shown
    app.store.close()


async def test_an_encrypted_file_shows_a_loading_list_until_the_store_is_open(demo_path: Path, tmp_path: Path, clock, monkeypatch) -> None:
    """SQLCipher's file is not read by the first reader: the list waits for the store, as before."""
    pytest.importorskip("sqlcipher3", reason="the encryption extra is not installed")
    from imr_tui.store.encryption import encrypt_copy

    encrypted = encrypt_copy(demo_path, tmp_path / "encrypted.sqlite", "hemmelig passord")
    monkeypatch.setenv("IMR_TUI_DB_KEY", "hemmelig passord")
    opened, release = holding_the_store(monkeypatch)
    app = make_app(Settings(language="en", database=str(encrypted)), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen) and not opened.is_set()
        assert screen.query_one("#groups", DataTable).loading  # a loading table, not an empty list
        release.set()
        await settle(pilot)
        assert {"Dagsgruppa Solsiden", "Ukesgruppa Nydal"} <= set(group_names(screen))
    app.store.close()


FIRST_SCREEN_PROBE = """
import sys
from imr_tui.app import IMRApp
from imr_tui.screens.today import TodayScreen

shown = TodayScreen.on_today_screen_groups_loaded
run = IMRApp.run

def note_modules(screen, message):
    shown(screen, message)
    modules = set(sys.modules)
    print("rows", len(message.groups))
    print("sqlalchemy" if any(name.split(".")[0] in ("sqlalchemy", "sqlmodel") for name in modules) else "no sqlalchemy")
    print("typer" if any(name.split(".")[0] in ("typer", "click") or name in COMMANDS for name in modules) else "no typer")
    screen.app.exit()

COMMANDS = {"imr_tui.cli.root", "imr_tui.cli.common", "imr_tui.cli.groups", "imr_tui.cli.printing", "imr_tui.cli.demo"}
TodayScreen.on_today_screen_groups_loaded = note_modules
IMRApp.run = lambda app, **options: run(app, headless=True, size=(100, 30))
sys.argv = ["imr-tui", "--db", sys.argv[1]]
from imr_tui.cli import main
main()
"""


def test_the_first_screen_comes_without_the_database_layer_or_the_command_tree(demo_path: Path, isolated_user: Path) -> None:
    """`imr-tui --db FILE`, as a therapist starts it, to its first list: neither SQLAlchemy nor Typer imported yet.

    The probe quits as the list shows, before the store has begun to open: the app must still end.
    """
    import os
    import subprocess
    import sys

    env = {**os.environ, "IMR_TUI_LANG": "en"}
    result = subprocess.run([sys.executable, "-c", FIRST_SCREEN_PROBE, str(demo_path)], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split("\n")
    assert int(lines[0].split()[1]) > 0
    assert lines[1:3] == ["no sqlalchemy", "no typer"]


def test_a_bare_start_says_what_the_command_tree_says(tmp_path: Path) -> None:
    """The app's own options are read without Typer; each mistake gets the same line and exit code as before."""
    from typer.testing import CliRunner

    from imr_tui.cli.launch import app_options, launch
    from imr_tui.cli.root import cli

    runner = CliRunner()
    for arguments in (["--lang", "xx"], ["--db", str(tmp_path / "missing" / "imr.sqlite")], ["--version"]):
        options = app_options(arguments)
        assert options is not None
        through_typer = runner.invoke(cli, arguments, prog_name="imr-tui")
        import contextlib
        import io

        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = launch(options)
        assert code == through_typer.exit_code, arguments
        assert (out.getvalue() + err.getvalue()).strip() == through_typer.output.strip(), arguments
    # Everything else is Typer's to read: commands, help, unknown options, a missing value.
    for arguments in (["group", "list"], ["--help"], ["--bogus"], ["--db"], ["--db", "x", "demo"], ["--debug=yes"]):
        assert app_options(arguments) is None, arguments
    assert app_options(["--db=a.sqlite", "--lang", "en", "--debug", "--db", "b.sqlite"]) == {"--db": "b.sqlite", "--lang": "en", "--debug": True}


def test_a_missing_folder_fails_before_the_app_starts(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="does not exist"):
        make_app(Settings(language="en", database=str(tmp_path / "missing" / "imr.sqlite")))


def test_a_database_the_store_refuses_ends_the_app_with_its_message(tmp_path: Path) -> None:
    path = tmp_path / "recipes.sqlite"
    foreign_database(path)
    before = contents(path)
    app = make_app(Settings(language="en", database=str(path)))
    with pytest.raises(UserError, match="belongs to another application") as refused:
        app.run(headless=True, size=SIZE)
    assert refused.value.exit_code == 1
    assert contents(path) == before


@needs_tmux
def test_in_a_real_terminal_the_refusal_is_one_line_and_exit_code_1(tmp_path: Path) -> None:
    path = tmp_path / "recipes.sqlite"
    foreign_database(path)
    before = contents(path)
    env = {"HOME": str(tmp_path), "LANG": "C.UTF-8", "IMR_TUI_LANG": "en", "PATH": "/usr/bin:/bin"}
    # \$? so that the shell inside reads the exit code, not the one tmux starts it from.
    # Wide enough for the one line with a test's long temporary path: the terminal would wrap it.
    terminal = Terminal(f"sh -c \"{IMR_TUI} --db {path}; echo exit code \\$?; sleep 30\"", env, size=(400, 40))
    try:
        shown = terminal.wait_for("exit code")
    finally:
        terminal.close()
    said = [line for line in shown.splitlines() if line.strip() and not line.startswith("exit code")]
    assert len(said) == 1 and "belongs to another application" in said[0] and "nothing was changed" in said[0]
    assert "exit code 1" in shown and "Traceback" not in shown
    assert contents(path) == before


def test_translations_are_compiled_once_then_again_when_a_po_file_changes(tmp_path: Path) -> None:
    """The .po files are read through a compiled .mo (stdlib gettext): compiled again only when they change."""
    import os

    from imr_tui.i18n.compile import mo_path
    from imr_tui.i18n.compiled import load

    folder = tmp_path / "nb"
    folder.mkdir()
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
    po_file = folder / "screens.po"
    po_file.write_text(header + 'msgid "Today"\nmsgstr "I dag"\n', encoding="utf-8")
    assert load(folder, "nb") == {"Today": "I dag"}
    compiled = mo_path(folder).stat().st_mtime_ns
    assert load(folder, "nb") == {"Today": "I dag"}
    assert mo_path(folder).stat().st_mtime_ns == compiled  # read, not compiled again
    po_file.write_text(header + 'msgid "Today"\nmsgstr "I DAG"\n', encoding="utf-8")
    os.utime(po_file, ns=(compiled + 10**9, compiled + 10**9))  # a later edit of the same size: its time tells
    assert load(folder, "nb") == {"Today": "I DAG"}
    added = folder / "more.po"  # a new area's file, even one with an older time, is picked up
    added.write_text(header + 'msgid "Back"\nmsgstr "Tilbake"\n', encoding="utf-8")
    os.utime(added, ns=(compiled, compiled))
    assert load(folder, "nb") == {"Today": "I DAG", "Back": "Tilbake"}
    assert mo_path(folder).stat().st_mode & 0o777 == 0o644  # translations only: readable by every user of an install


GROUP_LIST_PROBE = """
import atexit, sys
atexit.register(lambda: print("database layer:", any(name.split(".")[0] == "sqlalchemy" for name in sys.modules), file=sys.stderr))
sys.argv = ["imr-tui", "group", "list", "--db", sys.argv[1]]
from imr_tui.cli import main
main()
"""


def group_list_in_a_process(path: Path, **env: str) -> tuple[str, str]:
    import os
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", GROUP_LIST_PROBE, str(path)], capture_output=True, text=True, timeout=120, env={**os.environ, "IMR_TUI_LANG": "en", **env}
    )
    assert result.returncode == 0, result.stderr
    return result.stdout, result.stderr


def test_group_list_reads_a_plain_file_without_the_database_layer(demo_path: Path, tmp_path: Path) -> None:
    shown, said = group_list_in_a_process(demo_path)
    assert "Solsiden" in shown and "Nydal" in shown  # the table wraps the names within their column
    assert "database layer: False" in said


def test_group_list_of_an_encrypted_file_comes_from_the_store(demo_path: Path, tmp_path: Path) -> None:
    pytest.importorskip("sqlcipher3", reason="the encryption extra is not installed")
    from imr_tui.store.encryption import encrypt_copy

    encrypted = encrypt_copy(demo_path, tmp_path / "encrypted.sqlite", "hemmelig passord")
    plain, _said = group_list_in_a_process(demo_path)
    shown, said = group_list_in_a_process(encrypted, IMR_TUI_DB_KEY="hemmelig passord")
    assert "database layer: True" in said
    assert shown == plain  # the same table, whichever way it was read
