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
