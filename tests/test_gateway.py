"""The store gateway under real faults: SQLite locked by another program, PostgreSQL stopped and
started again, a read that fails. The app runs on, says what is wrong on the screen that asked,
keeps what the therapist did and stores it, in order, once the store answers again.
"""

from __future__ import annotations

import sqlite3

import pytest
from test_session_screen import stored_attendance

from imr_tui.screens.confirm import ConfirmScreen
from imr_tui.screens.register import RegisterScreen
from imr_tui.screens.session import SessionScreen
from imr_tui.store import open_store
from imr_tui.widgets.attendance_list import AttendanceList
from imr_tui.widgets.store_status import StoreStatus

from conftest import TODAY
from session_data import group_with_session_today
from settle import settle, until

SIZE = (120, 40)


@pytest.fixture
def short_busy_timeout(monkeypatch):
    """The store waits 0.2 s for a lock instead of 5 s, so the test meets the fault sooner."""
    import imr_tui.store.engine as engine

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)


def status_text(app) -> str:
    shown = [status for status in app.screen.query(StoreStatus) if status.display]
    return str(shown[0].render()) if shown else ""


async def test_marks_wait_while_sqlite_is_locked_and_land_in_order_after(make_app, demo_path, short_busy_timeout) -> None:
    store = open_store(str(demo_path))
    session_id, people = group_with_session_today(store, TODAY.date(), size=3)
    app = make_app("nb", store=store)
    app.gateway.first_retry = app.gateway.last_retry = 0.1
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(SessionScreen(session_id))
        await settle(pilot)
        other_program = sqlite3.connect(demo_path, isolation_level=None)
        other_program.execute("BEGIN IMMEDIATE")  # holds the write lock, as a second program writing would
        await pilot.press("1", "5")
        # Shown at once, whatever the store is doing.
        shown = [person.attendance for person in app.screen.query_one(AttendanceList).people]
        assert shown[:2] == ["present", "absent_no_notice"]
        await until(pilot, lambda: app.store_queue[0] == 2 and app.store_queue[1], what="two marks shown as not saved")
        assert "Ikke lagret ennå: 2 endringer" in status_text(app)
        assert "opptatt" in status_text(app)
        assert "IKKE LAGRET ENNÅ: 2" in app.sub_title
        # Quitting now would lose them: the app asks, and no keeps the app and the marks.
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, SessionScreen)
        other_program.execute("ROLLBACK")
        other_program.close()
        await pilot.press("f2")
        await until(pilot, lambda: app.store_queue[0] == 0, what="the marks stored")
        await settle(pilot)
        assert status_text(app) == ""
        assert app.return_code is None  # the app never ended
    stored = stored_attendance(demo_path, session_id)
    assert [stored[pid][0] for pid in people[:2]] == ["present", "absent_no_notice"]


async def test_a_refused_write_is_said_and_the_app_runs_on(make_app, demo_path) -> None:
    store = open_store(str(demo_path))
    session_id, _people = group_with_session_today(store, TODAY.date(), size=2)
    app = make_app("nb", store=store)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(SessionScreen(session_id))
        await settle(pilot)
        # A value the store refuses (not one of the five statuses): said once, nothing retried.
        app.screen.write(lambda s: s.session_edits.mark_attendance(session_id, 1, "on holiday"), what="Test – on holiday")
        await settle(pilot)
        assert app.gateway.waiting_writes == 0
        assert any("Ikke lagret: Test – on holiday" in str(n.message) for n in app._notifications)
        await pilot.press("1")
        await settle(pilot)
        assert app.return_code is None


@pytest.fixture
def own_pg_server():
    """A PostgreSQL server of this test's own, to stop and start under a running app."""
    from pg_server import PgServer, find_bin_dir

    bin_dir = find_bin_dir()
    if bin_dir is None:
        import os

        if os.environ.get("IMR_TUI_REQUIRE_PG") == "1":
            pytest.fail("IMR_TUI_REQUIRE_PG=1 but no PostgreSQL server is installed")
        pytest.skip("no PostgreSQL server installed")
    server = PgServer(bin_dir).start()
    yield server
    server.stop()


async def test_postgresql_stopped_and_started_again_under_a_running_app(make_app, own_pg_server, curriculum) -> None:
    from conftest import build_demo_at

    url = own_pg_server.url(own_pg_server.create_database())
    build_demo_at(url, curriculum)
    store = open_store(url)
    session_id, people = group_with_session_today(store, TODAY.date(), size=3)
    group_id = store.sessions.overview(session_id).session.group_id
    app = make_app("nb", store=store)
    app.gateway.first_retry = app.gateway.last_retry = 0.1
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(SessionScreen(session_id))
        await settle(pilot)
        own_pg_server.pause()
        await pilot.press("1")  # a mark while the server is down: kept and shown as not saved
        await until(pilot, lambda: app.store_queue[0] == 1 and app.store_queue[1], what="the mark shown as not saved")
        assert "svarer ikke" in status_text(app)
        # The screen still answers keys at once.
        await pilot.press("2")
        assert [p.attendance for p in app.screen.query_one(AttendanceList).people][:2] == ["present", "late"]
        own_pg_server.resume()
        await pilot.press("f2")
        await until(pilot, lambda: app.store_queue[0] == 0, what="the marks stored after the restart")
        await settle(pilot)
        # A read that fails shows a line on its own screen, and f2 reads again.
        own_pg_server.pause()
        app.push_screen(RegisterScreen(group_id))
        await until(pilot, lambda: "Kunne ikke lese" in status_text(app), what="the failed reading said")
        assert app.return_code is None
        own_pg_server.resume()
        await pilot.press("f2")
        await until(pilot, lambda: getattr(app.screen, "register", None) is not None, what="the register read again")
        assert status_text(app) == ""
    store.close()
    check = open_store(url)
    with check.database.reading() as session:
        from sqlmodel import select

        from imr_tui.models import Attendance

        marks = {row.participant_id: row.status for row in session.exec(select(Attendance).where(Attendance.session_id == session_id))}
    check.close()
    assert [marks.get(pid) for pid in people[:2]] == ["present", "late"]
