"""The session screen in the room: keys, timer, follow-up, autosave; checked in the database."""

from __future__ import annotations

import pytest
from sqlmodel import select
from textual.widgets import TextArea

from imr_tui.models import Attendance, GroupSession, Step, StepFollowUp
from imr_tui.screens.conflict import ConflictScreen
from imr_tui.screens.follow_up import FollowUpScreen
from imr_tui.screens.session import SessionScreen
from imr_tui.store import open_store
from imr_tui.widgets.agenda_panel import AgendaPanel
from imr_tui.widgets.attendance_list import AttendanceList

from conftest import TODAY
from session_data import group_with_session_today
from settle import autosaved, settle

# Each test runs on SQLite and on PostgreSQL.
pytestmark = pytest.mark.both_engines

SIZE = (120, 40)


async def open_session(app, pilot, session_id: int) -> SessionScreen:
    await settle(pilot)
    app.push_screen(SessionScreen(session_id))
    await settle(pilot)
    return app.screen


def stored_attendance(path, session_id: int) -> dict[int, tuple[str, bool]]:
    """Read back through a fresh store, as another program would."""
    store = open_store(str(path))
    with store.database.reading() as session:
        rows = session.exec(select(Attendance).where(Attendance.session_id == session_id)).all()
    store.close()
    return {row.participant_id: (row.status, row.picked_up) for row in rows}


async def test_attendance_for_eight_in_eight_key_presses(make_app, demo_store, demo_target) -> None:
    session_id, people = group_with_session_today(demo_store, TODAY.date(), size=8)
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await open_session(app, pilot, session_id)
        await pilot.press("1", "1", "2", "1", "4", "3", "1", "5")
    expected = ["present", "present", "late", "present", "absent_notice", "left_early", "present", "absent_no_notice"]
    stored = stored_attendance(demo_target, session_id)
    assert [stored[pid][0] for pid in people] == expected


async def test_rest_present_and_picked_up_in_three_presses(make_app, demo_store, demo_target) -> None:
    session_id, people = group_with_session_today(demo_store, TODAY.date(), size=8)
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_session(app, pilot, session_id)
        await pilot.press("5", "h", "A")  # first absent; second picked up (so present); the rest present
        assert "8" in str(screen.query_one("#attendance-title").render())
    stored = stored_attendance(demo_target, session_id)
    assert stored[people[0]] == ("absent_no_notice", False)
    assert stored[people[1]] == ("present", True)
    assert all(stored[pid] == ("present", False) for pid in people[2:])


async def test_the_timer_moves_through_the_parts_on_the_clock(make_app, demo_store, clock) -> None:
    session_id, _people = group_with_session_today(demo_store, TODAY.date())
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_session(app, pilot, session_id)
        panel = screen.query_one(AgendaPanel)
        timer_text = lambda: str(panel.query_one("#timer-text").render())
        assert "paused" in timer_text() and "The session: 60:00 left" in timer_text()
        await pilot.press("t")
        clock.advance(4 * 60)
        screen.tick()
        reading = screen.timer.reading()
        assert reading.part_index == 0 and round(reading.part_left) == 60
        assert "left of 5 min" in timer_text() and "56:00" in timer_text()
        clock.advance(90)  # 30 seconds over the welcome's five minutes
        screen.tick()
        assert "over time" in timer_text()
        assert panel.query_one("#timer").has_class("-overtime")
        await pilot.press("n")
        reading = screen.timer.reading()
        assert reading.part_index == 1 and round(reading.part_left) == 300
        assert round(reading.total_left) == 60 * 60 - 330  # the overrun comes off the end
        await pilot.press("t")
        clock.advance(600)  # paused: no time passes for the agenda
        assert round(screen.timer.reading().part_left) == 300


async def test_timer_resumes_after_the_screen_is_closed(make_app, demo_store, clock) -> None:
    session_id, _people = group_with_session_today(demo_store, TODAY.date())
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await open_session(app, pilot, session_id)
        await pilot.press("t", "n", "n")
        clock.advance(120)
        await pilot.press("escape")
        screen = await open_session(app, pilot, session_id)
        reading = screen.timer.reading()
        assert reading.part_index == 2 and not reading.running
        assert round(reading.part_elapsed) == 120


async def test_changing_minutes_for_this_session_moves_the_clock_times(make_app, demo_store, demo_target) -> None:
    session_id, _people = group_with_session_today(demo_store, TODAY.date())
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_session(app, pilot, session_id)
        await pilot.press("m")
        await pilot.pause()
        first = app.screen.query("Input").first()
        first.value = "10"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.agenda[0].minutes == 10
        assert f"{screen.agenda[1].starts:%H:%M}" == "13:10"
    store = open_store(demo_target)
    with store.database.reading() as session:
        assert session.get(GroupSession, session_id).part_minutes == '{"welcome": 10}'
    store.close()


async def test_following_up_a_step_and_choosing_the_next(make_app, demo_store, demo_target) -> None:
    session_id, people = group_with_session_today(demo_store, TODAY.date())
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await open_session(app, pilot, session_id)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpScreen)
        await pilot.press("ctrl+t")  # partly
        await pilot.press(*"Ringte, fikk svarer")
        await pilot.press("tab", *"Ringe igjen tirsdag")
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        row = app.screen.query_one(AttendanceList).get_row_at(0)
        assert str(row[3]).startswith("◑ Ringe NAV-veilederen")
    store = open_store(demo_target)
    with store.database.reading() as session:
        step = session.exec(select(Step).where(Step.due_session_id == session_id)).one()
        follow_up = session.exec(select(StepFollowUp).where(StepFollowUp.step_id == step.id)).one()
        assert (step.status, follow_up.result, follow_up.note) == ("partly", "partly", "Ringte, fikk svarer")
        next_step = session.exec(select(Step).where(Step.set_in_session_id == session_id)).one()
        assert next_step.text == "Ringe igjen tirsdag"
        assert next_step.participant_id == people[0]
        assert next_step.short_term_goal_id == step.short_term_goal_id
        assert session.get(GroupSession, next_step.due_session_id).date > TODAY.date()
    store.close()


async def test_notes_are_saved_as_typed(make_app, demo_store, demo_target) -> None:
    session_id, _people = group_with_session_today(demo_store, TODAY.date())
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_session(app, pilot, session_id)
        screen.query_one("#notes", TextArea).focus()
        await pilot.press(*"God stemning i dag")
        await autosaved(pilot)
        fresh = open_store(demo_target)
        assert fresh.sessions.overview(session_id).notes == "God stemning i dag"
        fresh.close()
        await pilot.press(*". Mye latter")
        await pilot.press("escape")  # leaving saves at once
    fresh = open_store(demo_target)
    assert fresh.sessions.overview(session_id).notes == "God stemning i dag. Mye latter"
    fresh.close()


async def notes_written_in_another_window(app, pilot, session_id: int, database: str):
    """The session open here, Ingrid's notes saved by another window since, the notes focused."""
    screen = await open_session(app, pilot, session_id)
    other_window = open_store(database)
    other_window.session_edits.save_text(session_id, "notes", "Skrevet av Ingrid", based_on="")
    screen.query_one("#notes", TextArea).focus()
    return screen, other_window


async def test_typing_on_into_the_question_about_another_windows_notes_is_kept_and_never_a_choice(make_app, demo_store, demo_target) -> None:
    # The question opens when a save meets the other window's text, often mid-word: the keys
    # typed next ("b" among them) go on into the therapist's text, and only ctrl keys choose.
    session_id, _people = group_with_session_today(demo_store, TODAY.date())
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        screen, other_window = await notes_written_in_another_window(app, pilot, session_id, demo_target)
        await pilot.press(*"Skrevet av J")
        screen.autosaver.save("notes")  # as when the typing has gone on for a second
        await settle(pilot)
        question = app.screen
        assert isinstance(question, ConflictScreen)
        await pilot.press(*"onas, bra", "backspace", "a", "m", "t")
        await settle(pilot)
        assert app.screen is question
        assert question.query_one("#mine", TextArea).text == "Skrevet av Jonas, bramt"
        await pilot.press("backspace", "backspace", "ctrl+k")
        await settle(pilot)
        area = screen.query_one("#notes", TextArea)
        assert app.screen is screen and area.text == "Skrevet av Jonas, bra"
        await pilot.press(*" i dag")  # on at the end of the kept text
        await autosaved(pilot)
        assert area.text == "Skrevet av Jonas, bra i dag"
        assert other_window.sessions.overview(session_id).notes == "Skrevet av Jonas, bra i dag"
        other_window.close()


async def test_another_windows_notes_are_never_overwritten(make_app, demo_store, demo_target) -> None:
    session_id, _people = group_with_session_today(demo_store, TODAY.date())
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        _screen, other_window = await notes_written_in_another_window(app, pilot, session_id, demo_target)
        await pilot.press(*"Skrevet av Jonas")
        await autosaved(pilot)
        assert isinstance(app.screen, ConflictScreen)
        assert other_window.sessions.overview(session_id).notes == "Skrevet av Ingrid"
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert other_window.sessions.overview(session_id).notes == "Skrevet av Ingrid\nSkrevet av Jonas"
        other_window.close()


async def test_presentation_mode_hides_steps_and_notes(make_app, demo_store) -> None:
    session_id, _people = group_with_session_today(demo_store, TODAY.date())
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_session(app, pilot, session_id)
        people = screen.query_one(AttendanceList)
        assert len(people.columns) == 4 and not screen.query_one("#notes").has_class("hidden")
        await pilot.press("f5")
        await pilot.pause()
        assert len(people.columns) == 2  # no pick-up, no step
        assert str(people.get_row_at(0)[0]) == "AT"
        assert not screen.query_one("#notes").display
        await pilot.press("f")  # the follow-up is not opened on a shared screen
        assert app.screen is screen


async def test_mark_as_held(make_app, demo_store, demo_target) -> None:
    session_id, _people = group_with_session_today(demo_store, TODAY.date())
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await open_session(app, pilot, session_id)
        await pilot.press("H")
    store = open_store(demo_target)
    with store.database.reading() as session:
        assert session.get(GroupSession, session_id).status == "held"
    store.close()


async def test_session_screen_query_count_does_not_grow_with_the_group(demo_store) -> None:
    from sqlalchemy import event

    small, _ = group_with_session_today(demo_store, TODAY.date(), size=2)
    large, _ = group_with_session_today(demo_store, TODAY.date(), size=10)
    counts = []
    for session_id in (small, large):
        statements = []
        listener = lambda *args: statements.append(1)
        event.listen(demo_store.database.engine, "before_cursor_execute", listener)
        demo_store.sessions.overview(session_id)
        event.remove(demo_store.database.engine, "before_cursor_execute", listener)
        counts.append(len(statements))
    assert counts[0] == counts[1]
