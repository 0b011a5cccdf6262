"""Two windows (or two therapists) on one database change the same record.

A typed text is never overwritten unseen: the second window shows both versions and the
therapist chooses. A single choice (an attendance mark) is last writer wins, and a race
never crashes the app. Each check reopens the database, as the next program would.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
import time
from contextlib import contextmanager

import pytest
from sqlmodel import select
from textual.widgets import Input, TextArea

from imr_tui.domain.conflicts import EditConflict
from imr_tui.models import Attendance, GroupSession, HomeAssignment, Step, StepFollowUp
from imr_tui.screens.enrolment_forms import EnrolmentFormScreen
from imr_tui.screens.follow_up import FollowUpScreen
from imr_tui.screens.goal_editor import EditTarget, GoalItemEditor
from imr_tui.screens.group_form import GroupFormScreen
from imr_tui.screens.journal import JournalScreen
from imr_tui.screens.schedule_dialogs import MoveSessionDialog
from imr_tui.screens.session import SessionScreen
from imr_tui.store.versions import last_writer_wins

from conftest import TODAY
from session_data import group_with_session_today
from terminal import IMR_TUI, Terminal, needs_tmux
from two_windows_data import reopened, stored_attendance, two_windows

# Each test runs on one SQLite file and on one PostgreSQL database.
pytestmark = pytest.mark.both_engines


async def test_session_notes_typed_in_two_windows_keeps_both(make_app, demo_store, demo_target) -> None:
    session_id, _people = group_with_session_today(demo_store, TODAY.date())
    async with two_windows(make_app, demo_target) as (a, b):
        await a.open(SessionScreen(session_id))
        second = await b.open(SessionScreen(session_id))
        await a.focus("#notes")
        await a.type("Written in A")
        await a.pilot.press("escape")  # leaving the text saves it at once
        await b.focus("#notes")
        await b.type("Written in B")
        await b.wait_for_autosave()
        assert b.conflict_texts() == ("Written in B", "Written in A")
        with reopened(demo_target) as store:
            assert store.sessions.overview(session_id).notes == "Written in A"  # nothing overwritten unseen
        await b.pilot.press("ctrl+b")
        await b.settle()
        assert second.query_one("#notes", TextArea).text == "Written in A\nWritten in B"
    with reopened(demo_target) as store:
        assert store.sessions.overview(session_id).notes == "Written in A\nWritten in B"


async def test_home_assignment_keep_mine_replaces_the_other_windows_text(make_app, demo_store, demo_target) -> None:
    session_id, _people = group_with_session_today(demo_store, TODAY.date())
    async with two_windows(make_app, demo_target) as (a, b):
        first = await a.open(SessionScreen(session_id))
        await b.open(SessionScreen(session_id))
        await a.focus("#home_assignment")
        await a.type("Read page 4")
        await a.wait_for_autosave()
        await b.focus("#home_assignment")
        await b.type("Try one thing")
        await b.pilot.press("escape")  # leaving saves at once: the conflict shows there and then
        await b.settle()
        assert b.conflict_texts() == ("Try one thing", "Read page 4")
        await b.pilot.press("ctrl+k")
        await b.settle()
        # Window A now holds an old text: its next keystroke meets B's, and A chooses in turn.
        await a.type("!")
        await a.wait_for_autosave()
        assert a.conflict_texts() == ("Read page 4!", "Try one thing")
        await a.pilot.press("ctrl+o")
        await a.settle()
        assert first.query_one("#home_assignment", TextArea).text == "Try one thing"
    with reopened(demo_target) as store:
        assert store.sessions.overview(session_id).home_assignment == "Try one thing"


async def test_follow_up_texts_from_an_older_view_meet_the_newer_ones(make_app, demo_store, demo_target) -> None:
    """B opened the session before A wrote the next step, own assignment and note: B sees A's and chooses."""
    session_id, people = group_with_session_today(demo_store, TODAY.date())
    person = people[0]  # the one with a step due today
    async with two_windows(make_app, demo_target) as (a, b):
        await a.open(SessionScreen(session_id))
        await b.open(SessionScreen(session_id))
        await a.pilot.press("f")
        await a.settle()
        assert isinstance(a.app.screen, FollowUpScreen)
        await a.type("Called in A")  # the note on how the step went has the focus
        await a.focus("#next-step")
        await a.type("Walk in A")
        await a.focus("#own-assignment")
        await a.type("Own in A")
        await a.pilot.press("escape")
        await a.settle()

        await b.pilot.press("f")
        await b.settle()
        follow_up = b.app.screen
        assert isinstance(follow_up, FollowUpScreen)
        await b.type("Called in B")
        await b.wait_for_autosave()
        assert b.conflict_texts() == ("Called in B", "Called in A")
        await b.pilot.press("ctrl+b")
        await b.settle()
        await b.focus("#next-step")
        await b.type("Walk in B")
        await b.wait_for_autosave()
        assert b.conflict_texts() == ("Walk in B", "Walk in A")
        await b.pilot.press("ctrl+o")
        await b.settle()
        assert follow_up.query_one("#next-step", Input).value == "Walk in A"
        await b.focus("#own-assignment")
        await b.type("Own in B")
        await b.pilot.press("escape")  # closing saves: the conflict shows first, the window stays
        await b.settle()
        assert b.conflict_texts() == ("Own in B", "Own in A")
        await b.pilot.press("ctrl+k")
        await b.settle()
        assert b.app.screen is follow_up
        await b.pilot.press("escape")
        await b.settle()
        assert isinstance(b.app.screen, SessionScreen)
    with reopened(demo_target) as store, store.database.reading() as session:
        notes = session.exec(select(StepFollowUp.note).join(Step, Step.id == StepFollowUp.step_id).where(StepFollowUp.session_id == session_id)).all()
        next_steps = session.exec(select(Step.text).where(Step.set_in_session_id == session_id, Step.participant_id == person)).all()
        own = session.exec(select(HomeAssignment.text).where(HomeAssignment.session_id == session_id, HomeAssignment.participant_id == person)).all()
    assert notes == ["Called in A\nCalled in B"]
    assert next_steps == ["Walk in A"]
    assert own == ["Own in B"]


async def test_journal_note_edited_in_two_windows(make_app, demo_store, demo_target) -> None:
    group_with_session_today(demo_store, TODAY.date())
    with demo_store.database.reading() as session:
        held = session.exec(select(GroupSession.id).where(GroupSession.status == "held", GroupSession.date == TODAY.date() - dt.timedelta(weeks=1))).first()
    async with two_windows(make_app, demo_target) as (a, b):
        first = await a.open(JournalScreen(held))
        second = await b.open(JournalScreen(held))
        draft = first.query_one("#note", TextArea).text
        await a.focus("#note")
        await a.type("A: ")
        await a.wait_for_autosave()
        await b.focus("#note")
        await b.type("B: ")
        await b.wait_for_autosave()
        assert b.conflict_texts() == ("B: " + draft, "A: " + draft)
        await b.pilot.press("ctrl+o")
        await b.settle()
        assert second.query_one("#note", TextArea).text == "A: " + draft
        person = second.current.id
    with reopened(demo_target) as store:
        assert store.journal.edited(held)[person] == "A: " + draft


async def test_goal_texts_edited_in_two_windows(make_app, demo_store, demo_target) -> None:
    session_id, people = group_with_session_today(demo_store, TODAY.date())
    goals = demo_store.goals.participant_goals(people[0])
    short = goals.goals[0].short_term_goals[0]
    target = EditTarget("short_term", short.id, people[0], parent_id=goals.goals[0].id, text=short.text)
    async with two_windows(make_app, demo_target) as (a, b):
        first = await a.open(GoalItemEditor(target, TODAY.date()))
        second = await b.open(GoalItemEditor(target, TODAY.date()))
        await a.pilot.press("end")
        await a.type(" (A)")
        await a.pilot.press("escape")
        await a.settle()
        await b.pilot.press("end")
        await b.type(" (B)")
        await b.wait_for_autosave()
        assert b.conflict_texts() == (short.text + " (B)", short.text + " (A)")
        await b.pilot.press("ctrl+k")
        await b.settle()
        assert second.query_one("#text", Input).value == short.text + " (B)"
        assert first is not a.app.screen
    with reopened(demo_target) as store:
        assert store.goals.participant_goals(people[0]).goals[0].short_term_goals[0].text == short.text + " (B)"


async def test_attendance_marked_in_two_windows_is_last_writer_wins(make_app, demo_store, demo_target) -> None:
    """A mark is one choice made with the person in the room: the latest is the one meant."""
    session_id, people = group_with_session_today(demo_store, TODAY.date())
    async with two_windows(make_app, demo_target) as (a, b):
        await a.open(SessionScreen(session_id))
        await b.open(SessionScreen(session_id))
        await a.pilot.press("1", "h")  # the first person present, the second picked up
        await b.pilot.press("2", "5")  # B: the first person late, the second absent
        await a.settle()
        await b.settle()
        assert isinstance(a.app.screen, SessionScreen) and isinstance(b.app.screen, SessionScreen)
    stored = stored_attendance(demo_target, session_id)
    assert stored[people[0]] == ("late", False)
    assert stored[people[1]] == ("absent_no_notice", True)


# Forms: the second save meets a newer version, shows both, and the therapist chooses.


async def test_group_form_saved_over_a_newer_version_shows_both_and_keeps_mine(make_app, demo_store, demo_target, curriculum) -> None:
    group = demo_store.planning.groups()[0]
    settings = demo_store.planning.group_settings(group.id)
    therapists = demo_store.planning.therapists()
    async with two_windows(make_app, demo_target) as (a, b):
        first = await a.open(GroupFormScreen(curriculum, therapists, TODAY.date(), settings))
        second = await b.open(GroupFormScreen(curriculum, therapists, TODAY.date(), settings))
        first.query_one("#location", Input).value = "Room A"
        await a.pilot.press("ctrl+s")
        await a.settle()
        assert a.app.screen is not first  # saved and closed
        second.query_one("#location", Input).value = "Room B"
        await b.pilot.press("ctrl+s")
        await b.settle()
        assert b.conflict_texts() == ("Location: Room B", "Location: Room A")
        await b.pilot.press("ctrl+k")
        await b.settle()
        assert b.app.screen is not second  # saved over the version it has now seen
    with reopened(demo_target) as store:
        assert store.planning.group_settings(group.id).draft.location == "Room B"


async def test_moving_a_session_another_window_moved_take_theirs_fills_the_form(make_app, demo_store, demo_target) -> None:
    group = demo_store.planning.groups()[0]
    entry = next(e for e in demo_store.schedule.plan(group.id).entries if e.status == "planned" and e.date > TODAY.date() and e.participant_id is None)
    async with two_windows(make_app, demo_target) as (a, b):
        first = await a.open(MoveSessionDialog(entry))
        second = await b.open(MoveSessionDialog(entry))
        first.query_one("#time", Input).value = "09:15"
        await a.pilot.press("ctrl+s")
        await a.settle()
        second.query_one("#time", Input).value = "14:30"
        await b.pilot.press("ctrl+s")
        await b.settle()
        assert b.conflict_texts() == ("Starts at: 14:30", "Starts at: 09:15")
        await b.pilot.press("ctrl+o")
        await b.settle()
        assert b.app.screen is second and second.query_one("#time", Input).value == "09:15"
        await b.pilot.press("escape")
        await b.settle()
    with reopened(demo_target) as store:
        moved = next(e for e in store.schedule.plan(group.id).entries if e.id == entry.id)
    assert moved.start_time == dt.time(9, 15)


async def test_enrolment_edited_in_two_windows_shows_the_other_alias(make_app, demo_store, demo_target, curriculum) -> None:
    group = demo_store.planning.groups()[0]
    record = next(r for r in demo_store.enrolments.enrolments(group.id) if r.active)
    async with two_windows(make_app, demo_target) as (a, b):
        first = await a.open(EnrolmentFormScreen(group.id, curriculum, TODAY.date(), [], record=record))
        second = await b.open(EnrolmentFormScreen(group.id, curriculum, TODAY.date(), [], record=record))
        first.query_one("#alias", Input).value = "AA"
        await a.pilot.press("ctrl+s")
        await a.settle()
        second.query_one("#alias", Input).value = "BB"
        await b.pilot.press("ctrl+s")
        await b.settle()
        assert b.conflict_texts() == ("Alias or initials: BB", "Alias or initials: AA")
        await b.pilot.press("ctrl+b")  # a form keeps one or the other: "both" does nothing here
        await b.settle()
        assert b.conflict_texts() == ("Alias or initials: BB", "Alias or initials: AA")
        await b.pilot.press("ctrl+o")
        await b.settle()
        assert second.query_one("#alias", Input).value == "AA"
        second.query_one("#decision_reference", Input).value = "V-2"
        await b.pilot.press("ctrl+s")  # with the other window's alias, over the version now seen
        await b.settle()
        assert b.app.screen is not second
    with reopened(demo_target) as store:
        saved = next(r for r in store.enrolments.enrolments(group.id) if r.id == record.id)
    assert (saved.participant.alias, saved.decision_reference) == ("AA", "V-2")


# Two real programs in two terminals on one database.


@needs_tmux
def test_two_programs_in_two_terminals_keep_both_notes(demo_target: str, isolated_user) -> None:
    keep = {key: os.environ[key] for key in ("PATH", "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")}
    env = {**keep, "TERM": "xterm-256color", "IMR_TUI_LANG": "en"}
    first, second = (Terminal(f"{IMR_TUI} --db {shlex.quote(demo_target)}", env, size=(120, 50)) for _ in range(2))
    try:
        for terminal in (first, second):
            terminal.wait_for("Open session")
            terminal.wait_for("Ukesgruppa Nydal")
            open_first_session(terminal)
        first.press("N")
        wait_for_text_focus(first)
        first.press("-l", "Typed in the first")
        first.wait_for("Typed in the first")
        first.press("Escape")
        first.wait_for(KEY_BAR)  # leaving the text saved it
        second.press("N")
        wait_for_text_focus(second)
        second.press("-l", "Typed in the second")
        screen = second.wait_for("was changed in another window")
        assert "Typed in the first" in screen and "Typed in the second" in screen
        second.press("C-b")
        deadline = time.monotonic() + 20
        while "was changed in another window" in second.screen():  # back at the notes, both kept
            assert time.monotonic() < deadline, second.screen()
            time.sleep(0.05)
        second.press("Escape")
        second.wait_for(KEY_BAR)
    finally:
        first.close()
        second.close()
    with reopened(demo_target) as store, store.database.reading() as session:
        notes = session.exec(select(GroupSession.notes).where(GroupSession.notes != "")).all()
    assert "Typed in the first\nTyped in the second" in notes


KEY_BAR = "h Picked up"


def wait_for_text_focus(terminal: Terminal, timeout: float = 20.0) -> None:
    """The notes have the keys once the attendance keys leave the key bar."""
    deadline = time.monotonic() + timeout
    while KEY_BAR in terminal.screen():
        assert time.monotonic() < deadline, f"the notes did not take the keys:\n{terminal.screen()}"
        time.sleep(0.05)


def open_first_session(terminal: Terminal) -> None:
    """Enter on the first group; the list may take the keys a moment after its rows show."""
    for _attempt in range(5):
        terminal.press("Enter")
        try:
            terminal.wait_for(KEY_BAR, timeout=2)
            return
        except AssertionError:
            continue
    raise AssertionError(f"the session did not open:\n{terminal.screen()}")


# The moment between reading a row and writing it: another window's commit lands there.


def test_a_mark_that_loses_a_race_is_made_again_on_fresh_data(demo_store, demo_target) -> None:
    session_id, people = group_with_session_today(demo_store, TODAY.date())
    demo_store.session_edits.mark_attendance(session_id, people[0], "late")
    attempts = []

    def write(session) -> None:
        row = session.exec(select(Attendance).where(Attendance.session_id == session_id, Attendance.participant_id == people[0])).one()
        if not attempts:
            with reopened(demo_target) as other_window:  # commits after this read, before this write
                other_window.session_edits.set_picked_up(session_id, people[0], True)
        attempts.append(row.version)
        row.status = "present"

    last_writer_wins(demo_store.database, write)
    assert len(attempts) == 2 and attempts[1] > attempts[0]
    assert stored_attendance(demo_target, session_id)[people[0]] == ("present", True)  # both changes kept


def test_a_text_that_loses_a_race_shows_the_conflict_instead_of_failing(demo_store, demo_target, monkeypatch) -> None:
    session_id, _people = group_with_session_today(demo_store, TODAY.date())
    edits = demo_store.session_edits
    real = edits.database.transaction

    @contextmanager
    def other_window_writes_first():
        with real() as session:
            yield session
            with reopened(demo_target) as other_window:  # between this window's read and its commit
                other_window.session_edits.save_text(session_id, "notes", "Written elsewhere", based_on="")

    monkeypatch.setattr(edits.database, "transaction", other_window_writes_first)
    with pytest.raises(EditConflict) as conflict:
        edits.save_text(session_id, "notes", "Written here", based_on="")
    assert conflict.value.stored == "Written elsewhere"
    with reopened(demo_target) as store:
        assert store.sessions.overview(session_id).notes == "Written elsewhere"
