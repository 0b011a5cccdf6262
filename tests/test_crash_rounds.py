"""Killed at random moments, the app keeps every change it showed as made.

The app runs in a real terminal (tmux) on a demo database. Each round starts it, opens
today's session, marks attendance, types session notes and follow-up notes, and kills it
with SIGKILL at a moment chosen by a seeded random generator: right after a key, in the
middle of typing, or just after the screen acknowledged the change. After every round the
database must pass its integrity check and hold every acknowledged change.

What counts as acknowledged on screen (the design's promise: a kill loses nothing that was
on screen a second before; the screen shows a change in the same frame as the key, and the
store takes it through the gateway just after):
- an attendance mark: the person's row has shown the new mark for a second;
- typed text: it has been on screen for a second, or escape left it and a second passed (the
  session's key bar came back), or the follow-up window closed (it closes once its saves are
  stored).
A change shown less than a second before the kill may be stored or not: both are allowed.

IMR_TUI_CRASH_ROUNDS and IMR_TUI_CRASH_SEED change the number of rounds and the seed.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shlex
import signal
import string
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import col, select

from imr_tui.domain.attendance import BY_CODE
from imr_tui.models import Attendance, CourseGroup, Enrolment, GroupSession, Participant, Step, StepFollowUp
from imr_tui.store import open_store
from imr_tui.store.demo import build_demo
from imr_tui.store.schema import SCHEMA_HEAD

from terminal import IMR_TUI, Terminal, needs_tmux

# Run on a SQLite file and on PostgreSQL.
pytestmark = [pytest.mark.both_engines, pytest.mark.slow]

ROUNDS = int(os.environ.get("IMR_TUI_CRASH_ROUNDS", "50"))
SEED = int(os.environ.get("IMR_TUI_CRASH_SEED", "20261123"))
SHOWN_FOR = 1.0
"""Seconds a typed text must have been on screen to count as saved without leaving it."""
KEYS = {"1": "present", "2": "late", "3": "left_early", "4": "absent_notice", "5": "absent_no_notice"}
KEY_BAR = "h Picked up"
"""In the session's key bar only while the attendance list (not a text) has the keys."""
GROUP = "Ukesgruppa Nydal"
"""The demo's group that meets on every weekday of the year (its other group meets Monday to Friday)."""
DEMO_GROUPS = ("Dagsgruppa Solsiden", GROUP)
FOLLOW_UP_OPEN = "Saved as you type"
FOLLOW_UP_FIELD = "Note on how it went"


def shown_field(screen: str, label: str) -> str:
    """The text an input under `label` shows (its end, when it is longer than the field)."""
    lines = screen.splitlines()
    start = next((i for i, line in enumerate(lines) if label in line), None)
    if start is None:
        return ""
    for line in lines[start + 1 : start + 4]:
        inside = line.partition("▊")[2].partition("▎")[0]
        if inside and inside.strip("▔▁ "):
            return inside.strip()
    return ""


@dataclass
class Expected:
    """What the screen acknowledged, and what was sent after it without an acknowledgement."""

    attendance: dict[int, str] = field(default_factory=dict)
    unacknowledged_marks: dict[int, set[str | None]] = field(default_factory=dict)
    notes_words: list[str] = field(default_factory=list)
    follow_up_shown: dict[int, str] = field(default_factory=dict)
    """The end of each follow-up note as its field showed it when the window closed or a second had passed."""
    acknowledgements: int = 0
    """Changes the screen acknowledged."""
    checks: int = 0
    """Acknowledged changes checked in the database (each after every later round too)."""


@dataclass
class Stored:
    attendance: dict[int, str]
    notes: str
    follow_up_notes: dict[int, str]


class CrashRounds:
    """Drives one tmux pane: start the app, act, kill it; the server lives through all rounds."""

    def __init__(self, database: str, env: dict[str, str], rng: random.Random) -> None:
        self.database, self.rng = database, rng
        exports = " ".join(f"{key}={value!r}" for key, value in env.items())
        self.command = f"exec env -i {exports} {IMR_TUI} --db {shlex.quote(database)}"
        self.terminal = Terminal("sleep 600", env, size=(120, 60))
        self.terminal.tmux("set-option", "-w", "-t", self.terminal.name, "remain-on-exit", "on")
        self.expected = Expected()
        self.kills: dict[str, int] = {}
        self.cursor = 0
        self.log: list[str] = []
        """What this round did, for the message when something is lost."""
        self.recent: list[tuple[float, object]] = []

    # The terminal

    def start(self) -> None:
        self.log = []
        self.terminal.tmux("respawn-pane", "-k", "-t", self.terminal.name, self.command)
        self.pid = self.terminal.pid()
        screen = self.wait_for(lambda screen: "Open session" in screen and GROUP in screen)
        above = [name for name in DEMO_GROUPS if name in screen and screen.index(name) < screen.index(GROUP)]
        for attempt in range(5):
            # The list takes the keys a moment after its rows show: a key too early is lost.
            time.sleep(0.1 * (attempt + 1))
            for key in ["Down"] * len(above) + ["Enter"]:
                self.terminal.press(key)
                time.sleep(0.05)
            try:
                screen = self.wait_for(lambda screen: " here" in screen and KEY_BAR in screen, timeout=2)
            except AssertionError:
                continue
            if GROUP in screen:
                break
            self.terminal.press("Escape")  # another group's session: back to the list
            self.wait_for(lambda screen: "Open session" in screen and GROUP in screen)
        else:
            raise AssertionError(f"today's session of {GROUP} did not open:\n{self.terminal.screen()}")
        self.cursor = 0

    def shown(self, demote) -> None:  # type: ignore[no-untyped-def]
        """A change just shown: acknowledged once it has been on screen for a second; `demote` undoes that if the kill comes sooner."""
        self.recent.append((time.monotonic(), demote))

    def kill(self, moment: str) -> None:
        now = time.monotonic()
        for shown_at, demote in self.recent:
            if now - shown_at < SHOWN_FOR:
                demote()  # shown less than a second ago: stored or not, both are allowed
        self.recent = []
        self.log.append(f"killed {moment}")
        os.kill(self.pid, signal.SIGKILL)
        self.kills[moment] = self.kills.get(moment, 0) + 1
        self.wait_for(lambda _screen: self.terminal.tmux("display-message", "-p", "-t", self.terminal.name, "#{pane_dead}").strip() == "1")

    def wait_for(self, shown, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.terminal.screen()
            if shown(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"after {'; '.join(self.log)}: the screen did not show what was expected:\n{screen}")
            time.sleep(0.02)

    def row_of(self, screen: str, name: str) -> str:
        # A narrow column shows the start of a name; the demo's names differ in their first eight letters.
        return next(line for line in screen.splitlines() if line.strip().startswith(name[:8]))

    # Actions: each returns True when it ended with a kill

    def mark(self, people: list[tuple[int, str]], moment: str) -> bool:
        index = self.rng.randrange(len(people))
        key = self.rng.choice(list(KEYS))
        moves = index - self.cursor
        if moves:
            self.terminal.press(*(["Down"] * moves if moves > 0 else ["Up"] * -moves))
        self.terminal.press(key)
        person_id, name = people[index]
        status = KEYS[key]
        self.log.append(f"marked {person_id} {status}")
        self.cursor = min(index + 1, len(people) - 1)
        if moment == "right after a key":
            self.expected.unacknowledged_marks.setdefault(person_id, set()).add(status)
            self.kill(moment)
            return True
        try:
            # The column may be narrower than a label: its start tells them apart.
            self.wait_for(lambda screen: BY_CODE[status].label[:6] in self.row_of(screen, name), timeout=10)
        except AssertionError:
            self.expected.unacknowledged_marks.setdefault(person_id, set()).add(status)
            raise
        before = self.expected.attendance.get(person_id)
        # What else the store may hold for this person (a mark sent before an earlier kill): still
        # allowed if this mark is demoted, so it is kept aside rather than forgotten.
        before_unacknowledged = self.expected.unacknowledged_marks.pop(person_id, set())
        self.expected.attendance[person_id] = status
        self.expected.acknowledgements += 1

        def demote() -> None:
            self.expected.acknowledgements -= 1
            # `before` None: this person was never marked, and may still not be.
            self.expected.unacknowledged_marks.setdefault(person_id, set()).update(before_unacknowledged | {status, before})
            if before is None:
                self.expected.attendance.pop(person_id, None)
            else:
                self.expected.attendance[person_id] = before

        self.shown(demote)
        if moment == "a second after it showed":
            time.sleep(SHOWN_FOR)
            self.kill(moment)
            return True
        return False

    def word(self) -> str:
        return "w" + "".join(self.rng.choice(string.ascii_lowercase + string.digits) for _ in range(6))

    def type_word(self, word: str, moment: str) -> bool:
        """Type `word` and a space; True if killed in the middle of it."""
        if moment == "mid-typing":
            cut = self.rng.randrange(1, len(word))
            for char in word[:cut]:
                self.terminal.press("-l", char)
                time.sleep(self.rng.uniform(0, 0.05))
            time.sleep(self.rng.uniform(0, 0.6))  # sometimes before the autosave, sometimes after
            self.kill(moment)
            return True
        self.terminal.press("-l", word + " ")
        return False

    def session_notes(self, moment: str) -> bool:
        self.terminal.press("N")
        self.wait_for(lambda screen: KEY_BAR not in screen)  # the notes have the keys now
        word = self.word()
        self.log.append(f"session notes {word}")
        if self.type_word(word, moment):
            return True
        if moment == "right after a key":
            self.kill(moment)
            return True
        self.wait_for(lambda screen: word in screen)
        seen = time.monotonic()
        if self.rng.random() < 0.5:
            time.sleep(max(0.0, seen + SHOWN_FOR - time.monotonic()))  # on screen for a second
            self.expected.notes_words.append(word)
            self.expected.acknowledgements += 1
            self.terminal.press("Escape")
            self.wait_for(lambda screen: KEY_BAR in screen)
        else:
            self.terminal.press("Escape")  # leaving the text sends it to the store at once
            self.wait_for(lambda screen: KEY_BAR in screen)
            self.expected.notes_words.append(word)
            self.expected.acknowledgements += 1

            def demote() -> None:
                self.expected.notes_words.remove(word)
                self.expected.acknowledgements -= 1

            self.shown(demote)
        if moment == "a second after it showed":
            time.sleep(SHOWN_FOR)
            self.kill(moment)
            return True
        return False

    def follow_up(self, people: list[tuple[int, str]], moment: str, due: dict[int, int]) -> bool:
        person_id = people[self.cursor][0]
        self.terminal.press("f")
        self.wait_for(lambda screen: FOLLOW_UP_OPEN in screen)
        # The field selects its text when it takes the focus: typing may replace the note or add
        # to it. What counts is what the field shows, so that is what is checked.
        self.terminal.press("End")
        word = self.word()
        self.log.append(f"follow-up of {person_id} {word}")
        self.expected.follow_up_shown.pop(person_id, None)  # unknown until the screen shows it
        if self.type_word(word, moment):
            return True
        if moment == "right after a key":
            self.kill(moment)
            return True
        screen = self.wait_for(lambda screen: shown_field(screen, FOLLOW_UP_FIELD).endswith(word))
        if person_id not in due:
            # No step to follow up: the text went to the next step, which this test does not read.
            self.terminal.press("Escape")
            self.wait_for(lambda screen: FOLLOW_UP_OPEN not in screen and KEY_BAR in screen)
            return False
        if self.rng.random() < 0.5:
            time.sleep(SHOWN_FOR)
            self.expected.follow_up_shown[person_id] = shown_field(screen, FOLLOW_UP_FIELD)
            self.expected.acknowledgements += 1
            self.terminal.press("Escape")
            self.wait_for(lambda screen: FOLLOW_UP_OPEN not in screen and KEY_BAR in screen)
        else:
            self.terminal.press("Escape")  # closing the window saves at once
            self.wait_for(lambda screen: FOLLOW_UP_OPEN not in screen and KEY_BAR in screen)
            self.expected.follow_up_shown[person_id] = shown_field(screen, FOLLOW_UP_FIELD)
            self.expected.acknowledgements += 1
        if moment == "a second after it showed":
            time.sleep(SHOWN_FOR)
            self.kill(moment)
            return True
        return False


def session_of_today(database: str) -> tuple[int, list[tuple[int, str]], dict[int, int]]:
    """Today's session of GROUP, its people in screen order, and their steps due."""
    store = open_store(database)
    with store.database.reading() as session:
        row = session.exec(
            select(GroupSession)
            .join(CourseGroup, col(CourseGroup.id) == GroupSession.group_id)
            .where(CourseGroup.name == GROUP, GroupSession.date == dt.date.today(), col(GroupSession.participant_id).is_(None))
        ).one()
        people = session.exec(
            select(Participant.id, Participant.name)
            .join(Enrolment, col(Enrolment.participant_id) == Participant.id)
            .where(Enrolment.group_id == row.group_id, col(Enrolment.left_on).is_(None))
            .order_by(Participant.name)
        ).all()
        due = {step.participant_id: step.id for step in session.exec(select(Step).where(Step.due_session_id == row.id).order_by(Step.id)).all()}
    store.close()
    return row.id, [(pid, name) for pid, name in people], due


def stored_state(database: str, session_id: int, due: dict[int, int]) -> Stored:
    """What the next program to open the database finds; it must open, and pass its checks."""
    store = open_store(database)  # refuses a damaged file or a schema it does not know
    if store.database.location.path is not None:
        with store.database.engine.connect() as connection:
            assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    report = store.maintenance.check()
    assert report.integrity_ok and report.schema == SCHEMA_HEAD, report
    with store.database.reading() as session:
        attendance = {row.participant_id: row.status for row in session.exec(select(Attendance).where(Attendance.session_id == session_id)).all()}
        notes = session.get(GroupSession, session_id).notes
        follow_ups = session.exec(select(StepFollowUp).where(StepFollowUp.session_id == session_id, col(StepFollowUp.step_id).in_(list(due.values())))).all()
    store.close()
    by_step = {row.step_id: row.note for row in follow_ups}
    return Stored(attendance, notes, {pid: by_step.get(step_id, "") for pid, step_id in due.items()})


def losses(expected: Expected, stored: Stored) -> list[str]:
    """Every acknowledged change the database does not hold; also counts what was checked."""
    lost = []
    for person_id, status in expected.attendance.items():
        allowed = {status} | expected.unacknowledged_marks.get(person_id, set())
        if stored.attendance.get(person_id) not in allowed:
            lost.append(f"attendance of {person_id}: shown {status}, stored {stored.attendance.get(person_id)}")
    lost += [f"session notes lost {word!r}" for word in expected.notes_words if word not in stored.notes]
    for person_id, shown in expected.follow_up_shown.items():
        if not stored.follow_up_notes.get(person_id, "").rstrip().endswith(shown):
            lost.append(f"follow-up note of {person_id}: shown {shown!r}, stored {stored.follow_up_notes.get(person_id)!r}")
    expected.checks += len(expected.attendance) + len(expected.notes_words) + len(expected.follow_up_shown)
    return lost


@pytest.fixture
def terminal_env(isolated_user: Path) -> dict[str, str]:
    keep = {key: os.environ[key] for key in ("PATH", "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")}
    return {**keep, "TERM": "xterm-256color", "IMR_TUI_LANG": "en"}


MOMENTS = ("right after a key", "mid-typing", "a second after it showed", "a moment later")


@pytest.fixture
def crash_target(request: pytest.FixtureRequest, store_engine: str, tmp_path: Path) -> str:
    """An empty database for the demo: a SQLite file, or a PostgreSQL database of its own."""
    if store_engine == "postgresql":
        return request.getfixturevalue("pg_url")
    return str(tmp_path / "demo.sqlite")


@needs_tmux
def test_sigkill_at_random_moments_loses_nothing_acknowledged(crash_target: str, terminal_env: dict[str, str], curriculum, record_property, capsys) -> None:
    database = crash_target
    store = open_store(database)
    build_demo(store.database, curriculum, dt.date.today())  # the app run here lives on the real today
    store.close()
    session_id, people, due = session_of_today(database)
    rng = random.Random(SEED)
    rounds = CrashRounds(database, terminal_env, rng)
    started = time.monotonic()
    found: list[str] = []
    reported: set[str] = set()
    try:
        for number in range(ROUNDS):
            rounds.start()
            moment = rng.choice(MOMENTS)
            actions = [rng.choice(("mark", "mark", "notes", "follow_up")) for _ in range(rng.randint(1, 3))]
            killed = False
            for position, action in enumerate(actions):
                # Only the last action meets the chosen moment; the ones before it are completed.
                this_moment = moment if position == len(actions) - 1 else "completed"
                if action == "mark":
                    killed = rounds.mark(people, "a second after it showed" if this_moment == "mid-typing" else this_moment)
                elif action == "notes":
                    killed = rounds.session_notes(this_moment)
                else:
                    killed = rounds.follow_up(people, this_moment, due)
                if killed:
                    break
            if not killed:
                time.sleep(rng.uniform(0, 0.5))
                rounds.kill("a moment later")
            lost = [loss for loss in losses(rounds.expected, stored_state(database, session_id, due)) if loss not in reported]
            reported.update(lost)
            found += [f"round {number + 1} ({'; '.join(rounds.log)}): {loss}" for loss in lost]
    finally:
        rounds.terminal.close()
    seconds = time.monotonic() - started
    figures = {
        "engine": "postgresql" if "://" in database else "sqlite", "rounds": ROUNDS, "seed": SEED, "acknowledged_changes": rounds.expected.acknowledgements,
        "acknowledged_changes_checked": rounds.expected.checks,
        "losses": len(found), "seconds": round(seconds, 1), "kills": rounds.kills,
    }  # fmt: skip
    for name, value in figures.items():
        record_property(name, value)
    with capsys.disabled():  # the figures show in the run's output, with or without -s
        print(f"\ncrash rounds: {figures}")
    assert not found, "\n".join(found)
