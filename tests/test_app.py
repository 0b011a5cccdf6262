"""The app driven with Pilot: what a therapist sees and what the keys do."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Markdown, Static

from imr_tui.screens.help import HelpScreen
from imr_tui.screens.session import SessionScreen
from imr_tui.screens.today import TodayScreen

# Each test on the demo runs on SQLite and on PostgreSQL.
pytestmark = pytest.mark.both_engines

SIZE = (120, 36)


def cell_texts(table: DataTable) -> list[str]:
    return [str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)]


async def loaded(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_today_lists_groups_meeting_today_in_norwegian(make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert isinstance(app.screen, TodayScreen)
        cells = cell_texts(app.screen.query_one("#groups", DataTable))
        assert any("Ukesgruppa Nydal" in cell for cell in cells)
        assert "I dag 13:00" in cells and "I dag 10:00" in cells
        assert any("Marte Solum" in cell for cell in cells)
        assert "tirsdag 24.11.2026" in str(app.screen.query_one("#today-date", Static).render())


async def test_today_in_english(make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        cells = cell_texts(app.screen.query_one("#groups", DataTable))
        assert "Today 13:00" in cells
        assert "Tuesday" in str(app.screen.query_one("#today-date", Static).render())
        assert app.screen.active_bindings["enter"].binding.description == "Open session"


async def test_enter_opens_the_highlighted_groups_session(make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        today = app.screen
        await pilot.press("down", "enter")
        await loaded(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.session_id == today.groups[1].next_session.id
        agenda = app.screen.query_one("#agenda", DataTable)
        assert agenda.row_count == 8
        assert str(agenda.get_row_at(0)[1]) == f"{today.groups[1].next_session.start_time:%H:%M}–" + (
            f"{today.groups[1].next_session.start_time.replace(minute=5):%H:%M}"
        )
        material = app.screen.query_one("#material", Markdown).source
        assert "Hovedpunkter" in material and material.count("\n- ") >= 2
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)


async def test_presentation_mode_shows_aliases_not_names(make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("enter")
        await loaded(pilot)
        people = app.screen.query_one("#participants", DataTable)
        names = [str(people.get_row_at(row)[0]) for row in range(people.row_count)]
        assert "Astrid Kvamme" in names
        await pilot.press("f5")
        await pilot.pause()
        aliases = [str(people.get_row_at(row)[0]) for row in range(people.row_count)]
        assert "AK" in aliases and "Astrid Kvamme" not in aliases
        assert "PRESENTASJONSMODUS" in app.sub_title
        await pilot.press("f5")
        await pilot.pause()
        assert "Astrid Kvamme" in [str(people.get_row_at(row)[0]) for row in range(people.row_count)]


async def test_presentation_mode_can_be_the_start_setting(make_app) -> None:
    app = make_app("nb", presentation_mode=True)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.presentation_mode and "PRESENTASJONSMODUS" in app.sub_title


async def test_f1_shows_the_screens_keys_translated(make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = cell_texts(app.screen.query_one("#help-keys", DataTable))
        assert "Open session" in keys and "Presentation" in keys and "Quit" in keys
        assert "Scroll Up" not in keys
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)


async def test_command_palette_offers_the_screens_actions(make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Åpne samling", "Presentasjon", "Hjelp", "Avslutt", "Bytt fargetema"} <= set(titles)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"åpne")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await loaded(pilot)
        assert isinstance(app.screen, SessionScreen)


async def test_empty_database_explains_how_to_start(tmp_path, clock) -> None:
    from imr_tui.config import Settings
    from imr_tui.factory import make_app
    from imr_tui.store import open_store

    store = open_store(str(tmp_path / "empty.sqlite"))
    app = make_app(Settings(), store=store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        empty = app.screen.query_one("#empty", Static)
        assert empty.display and "imr-tui demo" in str(empty.render())
        await pilot.press("enter")  # nothing to open: nothing happens, nothing breaks
        assert isinstance(app.screen, TodayScreen)
    store.close()


def test_the_private_textual_apis_we_use_are_still_there() -> None:
    """`translate_bindings` edits a node's own binding map; `_deliver_binary` is where a download is refused."""
    import inspect

    from textual.app import App
    from textual.binding import Binding
    from textual.screen import Screen

    from imr_tui.i18n.bindings import translate_bindings

    class Probe(Screen):
        BINDINGS = [Binding("x", "noop", "Undo", id="probe.x")]

    probe = Probe()
    assert isinstance(probe._bindings.key_to_bindings, dict)
    translate_bindings(probe)
    assert probe._bindings.key_to_bindings["x"][0].description == "Angre"
    assert list(inspect.signature(App._deliver_binary).parameters)[:2] == ["self", "binary"]
