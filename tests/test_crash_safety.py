"""Nothing on screen is lost when the app is killed: a real terminal, a real SIGKILL."""

from __future__ import annotations

import datetime as dt
import os
import signal
import time
from pathlib import Path

import pytest
from sqlmodel import select

from imr_tui.models import Attendance, GroupSession
from imr_tui.store import open_store

from terminal import IMR_TUI, Terminal, needs_tmux

pytestmark = pytest.mark.slow  # a real terminal


@pytest.fixture
def terminal_env(isolated_user: Path) -> dict[str, str]:
    keep = {key: os.environ[key] for key in ("PATH", "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")}
    return {**keep, "TERM": "xterm-256color", "IMR_TUI_LANG": "nb"}


@needs_tmux
def test_kill_9_after_marking_and_typing_loses_nothing(tmp_path: Path, terminal_env: dict[str, str]) -> None:
    database = tmp_path / "demo.sqlite"
    assert os.system(f"{IMR_TUI} demo --no-launch --db {database} 2>/dev/null") == 0
    terminal = Terminal(f"{IMR_TUI} --db {database}", terminal_env)
    try:
        terminal.wait_for("Ukesgruppa Nydal")
        terminal.press("Enter")
        terminal.wait_for("ikke registrert")
        terminal.press("1", "2")
        terminal.wait_for("kom for sent")  # the second mark is on screen
        terminal.press("N")
        time.sleep(0.5)  # a person's pause before typing; the focus moves after keys already queued
        terminal.press("-l", "Ringte hjem")  # literal text into the session notes
        terminal.wait_for("Ringte hjem")
        time.sleep(1.0)  # "a second after a change"
        os.kill(terminal.pid(), signal.SIGKILL)
    finally:
        terminal.close()
    store = open_store(str(database))
    with store.database.reading() as session:
        # The demo records attendance only for past sessions: rows on today's are the test's.
        rows = session.exec(
            select(Attendance, GroupSession).join(GroupSession, GroupSession.id == Attendance.session_id).where(GroupSession.date == dt.date.today())
        ).all()
    store.close()
    assert sorted(attendance.status for attendance, _session in rows) == ["late", "present"]
    assert {group_session.notes for _attendance, group_session in rows} == {"Ringte hjem"}


@needs_tmux
def test_sqlite_locked_longer_than_the_busy_timeout_keeps_the_marks_and_the_app(tmp_path: Path, terminal_env: dict[str, str]) -> None:
    """Another program holds the write lock for nine seconds while the therapist marks attendance."""
    import sqlite3

    from imr_tui.store.engine import BUSY_TIMEOUT_MS

    database = tmp_path / "demo.sqlite"
    assert os.system(f"{IMR_TUI} demo --no-launch --db {database} 2>/dev/null") == 0
    terminal = Terminal(f"{IMR_TUI} --db {database}", terminal_env, size=(100, 30))
    try:
        terminal.wait_for("Ukesgruppa Nydal")
        terminal.press("Enter")
        terminal.wait_for("ikke registrert")
        other_program = sqlite3.connect(database, isolation_level=None)
        other_program.execute("BEGIN IMMEDIATE")
        locked_at = time.monotonic()
        terminal.press("1", "2")
        terminal.wait_for("kom for sent", timeout=1.0)  # on screen at once, the lock or not
        terminal.wait_for("Ikke lagret ennå: 2 endringer", timeout=BUSY_TIMEOUT_MS / 1000 + 5)
        terminal.press("3")  # the keys still answer
        terminal.wait_for("Ikke lagret ennå: 3 endringer", timeout=BUSY_TIMEOUT_MS / 1000 + 5)
        while time.monotonic() - locked_at < 9:
            time.sleep(0.2)
        other_program.execute("ROLLBACK")
        other_program.close()
        terminal.press("F2")
        deadline = time.monotonic() + 20
        while "Ikke lagret" in terminal.screen() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "Ikke lagret" not in terminal.screen()
        terminal.press("C-q")  # nothing waits: the app ends without asking
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and "Ukesgruppa" in terminal.screen():
            time.sleep(0.1)
    finally:
        terminal.close()
    store = open_store(str(database))
    with store.database.reading() as session:
        rows = session.exec(
            select(Attendance, GroupSession).join(GroupSession, GroupSession.id == Attendance.session_id).where(GroupSession.date == dt.date.today())
        ).all()
    store.close()
    assert sorted(attendance.status for attendance, _session in rows) == ["late", "left_early", "present"]
