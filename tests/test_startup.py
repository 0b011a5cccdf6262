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


async def test_the_first_screen_shows_while_the_store_opens_then_its_groups(demo_path: Path, clock, monkeypatch) -> None:
    import imr_tui.store

    opened, release = threading.Event(), threading.Event()
    real_open_store = imr_tui.store.open_store

    def slow_open_store(target):
        release.wait(10)
        opened.set()
        return real_open_store(target)

    monkeypatch.setattr(imr_tui.store, "open_store", slow_open_store)
    app = make_app(Settings(language="en", database=str(demo_path)), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen) and not opened.is_set()
        assert screen.query_one("#groups", DataTable).loading  # a loading table, not an empty list
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert {"Dagsgruppa Solsiden", "Ukesgruppa Nydal"} <= set(group_names(screen))
    app.store.close()


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
    terminal = Terminal(f"sh -c \"{IMR_TUI} --db {path}; echo exit code \\$?; sleep 30\"", env)
    try:
        shown = terminal.wait_for("exit code")
    finally:
        terminal.close()
    assert "imr-tui: this database belongs to another application" in shown
    assert "exit code 1" in shown and "Traceback" not in shown
    assert contents(path) == before


def test_translations_are_read_once_then_again_when_a_po_file_changes(tmp_path: Path) -> None:
    from imr_tui.i18n.cache import cached

    po_file = tmp_path / "screens.po"
    po_file.write_text('msgid "Today"\nmsgstr "I dag"\n', encoding="utf-8")
    reads: list[str] = []

    def read(files: list[Path]) -> dict:
        reads.append(files[0].read_text(encoding="utf-8"))
        return {"Today": reads[-1].split('msgstr "')[1].rstrip('"\n')}

    assert cached("nb", [po_file], read) == {"Today": "I dag"}
    assert cached("nb", [po_file], read) == {"Today": "I dag"}
    assert len(reads) == 1
    po_file.write_text('msgid "Today"\nmsgstr "I dag!"\n', encoding="utf-8")
    assert cached("nb", [po_file], read) == {"Today": "I dag!"}
    assert len(reads) == 2
    from platformdirs import user_cache_path

    cache_files = list(user_cache_path("imr-tui", appauthor=False).glob("messages-nb-*.pickle"))
    assert len(cache_files) == 1  # the older one was replaced
    assert cache_files[0].stat().st_mode & 0o077 == 0  # owner-only, as everything imr-tui writes
