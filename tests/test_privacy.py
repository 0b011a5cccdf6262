"""Health data stays out of places it does not belong: the log, shared screens, handouts."""

from __future__ import annotations

import os
from pathlib import Path

from imr_tui.logging_setup import log_file
from imr_tui.store.demo.people import DAILY_GROUP_PEOPLE, GOALS, WEEKLY_GROUP_PEOPLE

from terminal import IMR_TUI, Terminal, needs_tmux


def personal_words() -> list[str]:
    names = [name for name, _alias, _pickup in DAILY_GROUP_PEOPLE + WEEKLY_GROUP_PEOPLE]
    goals = [goal for goal, *_rest in GOALS]
    return names + [name.split()[0] for name in names] + goals


@needs_tmux
def test_the_log_carries_no_names_notes_or_goals(tmp_path: Path, isolated_user: Path) -> None:
    database = tmp_path / "demo.sqlite"
    env = {key: os.environ[key] for key in ("PATH", "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")}
    assert os.system(f"{IMR_TUI} --debug demo --no-launch --db {database} 2>/dev/null") == 0
    terminal = Terminal(f"{IMR_TUI} --debug --db {database}", {**env, "TERM": "xterm-256color"})
    try:
        terminal.wait_for("Ukesgruppa Nydal")
        terminal.press("Enter")
        terminal.wait_for("ikke registrert")
        terminal.press("1", "f")
        terminal.wait_for("Steget fra sist")
        terminal.press("Escape")
        terminal.wait_for("Agenda")
        terminal.press("Escape")
        terminal.wait_for("I dag er det")
        terminal.press("r")
        terminal.wait_for("Oppmøteprotokoll")
        terminal.press("C-q")
    finally:
        terminal.close()
    log = log_file().read_text(encoding="utf-8")
    assert "first screen ready" in log  # the log was written, at debug level
    leaked = [word for word in personal_words() if word in log]
    assert leaked == []
    assert oct(log_file().stat().st_mode & 0o777) == "0o600"
