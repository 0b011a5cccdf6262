"""ctrl+z on the session screen and the questions before what cannot be undone; checked in the database."""

from __future__ import annotations

import pytest
from sqlmodel import select
from test_session_screen import open_session, stored_attendance

from imr_tui.models import GroupSession
from imr_tui.screens.confirm import ConfirmScreen
from imr_tui.screens.session import SessionScreen
from imr_tui.store import open_store

from conftest import TODAY
from session_data import group_with_session_today
from settle import settle
from two_windows_data import reopened

pytestmark = pytest.mark.both_engines
SIZE = (120, 40)


def notifications(app) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def test_ctrl_z_takes_marks_back_one_by_one(make_app, demo_store, demo_target) -> None:
    session_id, people = group_with_session_today(demo_store, TODAY.date(), size=3)
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_session(app, pilot, session_id)
        await pilot.press("1", "5", "h")  # Anne present, Bjørn absent, Cecilie picked up (so present)
        await settle(pilot)
        assert stored_attendance(demo_target, session_id)[people[2]] == ("present", True)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert people[2] not in stored_attendance(demo_target, session_id)
        assert screen.query_one("#participants").people[2].attendance is None
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert notifications(app)[-1].startswith("Angret: ") and "fravær" in notifications(app)[-1]
        stored = stored_attendance(demo_target, session_id)
        assert stored == {people[0]: ("present", False)}
        await pilot.press("ctrl+z", "ctrl+z")
        await settle(pilot)
        assert stored_attendance(demo_target, session_id) == {}
        assert notifications(app)[-1] == "Det er ingenting å angre."


async def test_rest_present_is_one_step_back(make_app, demo_store, demo_target) -> None:
    session_id, people = group_with_session_today(demo_store, TODAY.date(), size=4)
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await open_session(app, pilot, session_id)
        await pilot.press("4", "A")
        await settle(pilot)
        assert len(stored_attendance(demo_target, session_id)) == 4
        await pilot.press("ctrl+z")
        await settle(pilot)
    assert stored_attendance(demo_target, session_id) == {people[0]: ("absent_notice", False)}


async def test_undo_never_overwrites_another_windows_later_mark(make_app, demo_store, demo_target) -> None:
    session_id, people = group_with_session_today(demo_store, TODAY.date(), size=2)
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await open_session(app, pilot, session_id)
        await pilot.press("1")
        await settle(pilot)
        with reopened(demo_target) as other_window:
            other_window.session_edits.mark_attendance(session_id, people[0], "late")
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert "Ikke angret" in notifications(app)[-1]
        # The screen shows what the other window stored.
        assert app.screen.query_one("#participants").people[0].attendance == "late"
    assert stored_attendance(demo_target, session_id)[people[0]] == ("late", False)


async def test_held_on_another_day_asks_and_can_be_taken_back(make_app, demo_store, demo_target) -> None:
    session_id, _people = group_with_session_today(demo_store, TODAY.date(), size=2)
    with demo_store.database.transaction() as session:
        row = session.get(GroupSession, session_id)
        later = session.exec(select(GroupSession).where(GroupSession.group_id == row.group_id, GroupSession.date > row.date)).first()
        later_id = later.id
    app = make_app("nb")

    def status(session_id: int) -> str:
        store = open_store(demo_target)
        with store.database.reading() as session:
            value = session.get(GroupSession, session_id).status
        store.close()
        return value

    async with app.run_test(size=SIZE) as pilot:
        await open_session(app, pilot, later_id)
        await pilot.press("H")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # next week's session: asked first
        await pilot.press("n")
        await settle(pilot)
        assert status(later_id) == "planned"
        await pilot.press("H")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert status(later_id) == "held"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert status(later_id) == "planned"
        app.pop_screen()
        await open_session(app, pilot, session_id)
        await pilot.press("H")  # today's session: no question
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert status(session_id) == "held"


async def test_today_keeps_its_cursor_and_order_after_a_screen_closes(make_app, demo_store) -> None:
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#groups")
        order = [group.id for group in app.screen.groups]
        first = app.screen.groups[table.cursor_row].id
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("H")  # the group's session today is held: it no longer meets "next" today
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert [group.id for group in app.screen.groups] == order
        assert app.screen.groups[table.cursor_row].id == first
