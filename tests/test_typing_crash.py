"""Typing that goes on without a pause is saved while it goes on: a real terminal, a real SIGKILL mid-sentence."""

from __future__ import annotations

import datetime as dt
import os
import signal
import time
from pathlib import Path

import pytest
from sqlmodel import select

from imr_tui.models import GroupSession
from imr_tui.store import open_store

from terminal import IMR_TUI, Terminal, needs_tmux

TEXT = "Alle delte hva de gjorde i helgen og Liv fortalte om turen"
KEY_GAP = 0.1  # a steady typist: never the 0.4 s pause the short delay waits for
PROMISE = 1.0  # the design: a kill loses nothing that was on screen a second before
SLACK = 0.6  # a loaded test machine: tmux and the app may each be a little late


@pytest.fixture
def terminal_env(isolated_user: Path) -> dict[str, str]:
    keep = {key: os.environ[key] for key in ("PATH", "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")}
    return {**keep, "TERM": "xterm-256color", "IMR_TUI_LANG": "nb"}


@needs_tmux
def test_kill_9_while_typing_steadily_loses_at_most_the_last_second(tmp_path: Path, terminal_env: dict[str, str]) -> None:
    database = tmp_path / "demo.sqlite"
    assert os.system(f"{IMR_TUI} demo --no-launch --db {database} 2>/dev/null") == 0
    terminal = Terminal(f"{IMR_TUI} --db {database}", terminal_env)
    typed_at: list[float] = []
    try:
        terminal.wait_for("Ukesgruppa Nydal")
        terminal.press("Enter")
        terminal.wait_for("ikke registrert")
        terminal.press("N")
        time.sleep(0.5)  # a person's pause before typing; the focus moves after keys already queued
        for letter in TEXT:
            terminal.press("-l", letter)
            typed_at.append(time.monotonic())
            time.sleep(KEY_GAP)
        os.kill(terminal.pid(), signal.SIGKILL)
        killed_at = time.monotonic()
    finally:
        terminal.close()
    store = open_store(str(database))
    with store.database.reading() as session:
        notes = session.exec(select(GroupSession.notes).where(GroupSession.date == dt.date.today(), GroupSession.participant_id.is_(None))).all()  # type: ignore[union-attr]
    store.close()
    saved = max((note or "" for note in notes), key=len)
    assert TEXT.startswith(saved), saved
    promised = sum(1 for moment in typed_at if moment <= killed_at - PROMISE - SLACK)
    assert len(saved) >= promised, f"{len(saved)} of {len(TEXT)} letters saved; {promised} were typed more than a second before the kill"
