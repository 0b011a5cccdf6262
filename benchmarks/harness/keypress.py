"""The time from a key press to its change on screen: attendance on the session screen, against the bare app.

imr-tui: on the large database, Enter on the Today screen's first row opens that group's
session; each press of 1 marks the highlighted participant present (and moves down). A press
counts as done when the screen's count above the list ("3 of 8 here", in the harness's
language) has gone up by one: it changes in the same update as the participant's row, and
stays in view when the list runs below the screen's edge. The database is then asked whether
the mark is there: the app stores a mark before it shows it, so shown means stored, and the
harness checks it.
The bare app: each press of 1 changes its one line of text.

Each launch's first press is reported on its own: it runs code paths for the first time.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from harness.databases import first_row
from harness.environment import on_screen
from harness.terminal import Terminal

HERE = {"present", "late", "left_early"}
"""The statuses the session screen counts as here."""


@dataclass(frozen=True)
class AttendanceSession:
    """The session Enter opens on the Today screen of a database, and who can be marked there."""

    database: Path
    group_name: str
    session_id: int
    participants: int
    here: int
    """How many the screen counts as here before any key is pressed."""
    unmarked_from_top: int
    """How many rows from the top are not yet marked: the presses one launch can measure."""

    def count_text(self, here: int) -> str:
        return on_screen("{present} of {count} here", present=here, count=self.participants)


@dataclass
class Presses:
    first: list[float]
    later: list[float]


def attendance_session(path: Path, today: dt.date) -> AttendanceSession:
    from imr_tui.store import open_store

    store = open_store(str(path))
    try:
        group = first_row(store.groups.overview(today), today)
        people = store.sessions.overview(group.next_session.id).participants
    finally:
        store.close()
    unmarked = next((index for index, person in enumerate(people) if person.attendance is not None), len(people))
    if unmarked < 2:
        raise SystemExit(f"run.py: the session of {group.name} has fewer than two participants to mark from the top")
    here = sum(1 for person in people if person.attendance in HERE)
    return AttendanceSession(path, group.name, group.next_session.id, len(people), here, unmarked)


def attendance_presses(terminal: Terminal, imr_tui: str, target: AttendanceSession, copy: Path, presses: int) -> Presses:
    """One launch on a fresh copy of the database: open the session, then press 1 `presses` times."""
    _fresh_copy(target.database, copy)
    stored_before = _stored_present(copy, target.session_id)
    result = Presses([], [])
    with terminal.running([imr_tui, "--db", str(copy)], target.group_name) as (session, _launch):
        ready = target.count_text(target.here)
        terminal.press(session, "Enter", lambda screen: ready in screen, f"'{ready}'")
        terminal.wait_until_settled(session)  # as a therapist would: the screen is complete before the first key
        for press in range(1, min(presses, target.unmarked_from_top) + 1):
            shown = target.count_text(target.here + press)
            seconds = terminal.press(session, "1", lambda screen, shown=shown: shown in screen, f"'{shown}'")
            if (stored := _stored_within(copy, target.session_id, stored_before + press)) != stored_before + press:
                raise RuntimeError(f"{press} marks were shown, but {stored - stored_before} were stored within {STORED_WITHIN_SECONDS:.0f} s")
            (result.later if result.first else result.first).append(seconds * 1000)
    return result


def bare_presses(terminal: Terminal, command: list[str], ready_text: str, key_text: str, presses: int) -> Presses:
    result = Presses([], [])
    with terminal.running(command, ready_text) as (session, _launch):
        terminal.wait_until_settled(session)
        for press in range(1, presses + 1):
            text = key_text.format(count=press)
            seconds = terminal.press(session, "1", lambda screen, text=text: text in screen, f"'{text}'")
            (result.later if result.first else result.first).append(seconds * 1000)
    return result


def _fresh_copy(source: Path, copy: Path) -> None:
    """SQLite's backup: a consistent copy, so every launch starts with nobody marked."""
    for leftover in (copy, copy.with_name(copy.name + "-wal"), copy.with_name(copy.name + "-shm")):
        leftover.unlink(missing_ok=True)  # a stale -wal would be replayed onto the new copy
    original, duplicate = sqlite3.connect(source), sqlite3.connect(copy)
    try:
        original.backup(duplicate)
    finally:
        original.close()
        duplicate.close()


STORED_WITHIN_SECONDS = 2.0
"""The gateway stores a mark just after the screen shows it: how long the harness waits to see it stored."""


def _stored_within(path: Path, session_id: int, expected: int) -> int:
    """The stored count once it reaches `expected`, or as it stands after STORED_WITHIN_SECONDS."""
    deadline = time.perf_counter() + STORED_WITHIN_SECONDS
    while (stored := _stored_present(path, session_id)) != expected and time.perf_counter() < deadline:
        time.sleep(0.005)
    return stored


def _stored_present(path: Path, session_id: int) -> int:
    # Read with a connection of its own, as another window would: only committed rows count.
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        query = "SELECT count(*) FROM attendance WHERE session_id = ? AND status = 'present'"
        return connection.execute(query, (session_id,)).fetchone()[0]
    finally:
        connection.close()
