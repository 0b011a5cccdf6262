"""What is typed into a planning form survives a crash, and goes when it is saved or closed.
Drafts are kept in the database, never in files of their own."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_planning_screens import SIZE, open_groups, reopened, settle, type_into
from textual.widgets import Input, Static

from imr_tui.form_drafts import drafts_dir
from imr_tui.screens.group_form import GroupFormScreen
from imr_tui.screens.groups import GroupsScreen

from settle import autosaved


async def wait_for_draft(pilot) -> None:
    await autosaved(pilot)
    await settle(pilot)


DATABASE: list[Path] = []


def drafts() -> list[str]:
    """The drafts kept in the test's database, read as another program would."""
    connection = sqlite3.connect(DATABASE[0])
    try:
        return [row[0] for row in connection.execute("SELECT field_values FROM form_draft ORDER BY id")]
    finally:
        connection.close()


@pytest.fixture(autouse=True)
def database(demo_path: Path):
    DATABASE[:] = [demo_path]
    yield demo_path
    assert not drafts_dir().exists()  # nothing typed is kept in a file of its own


async def test_a_new_group_typed_but_not_saved_is_back_after_a_crash(make_app, isolated_user) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await open_groups(pilot)
        await pilot.press("n")
        await settle(pilot)
        await type_into(pilot, "name", "Fredagsgruppa Sagene")
        await type_into(pilot, "location", "Rom 2")
        await wait_for_draft(pilot)
    # The app ended without a save or a cancel, as in a crash: what was typed is on disk, owner-only.
    assert len(drafts()) == 1 and "Fredagsgruppa Sagene" in drafts()[0]

    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await open_groups(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, GroupFormScreen)
        assert form.query_one("#name", Input).value == "Fredagsgruppa Sagene"
        assert form.query_one("#location", Input).value == "Rom 2"
        assert "What you typed before is back" in str(form.query_one("#form-message", Static).content)
        await pilot.press("escape")  # left without saving: nothing stored as finished, the draft stays
        await settle(pilot)
        assert len(drafts()) == 1
        await pilot.press("n")
        await settle(pilot)
        assert app.screen.query_one("#name", Input).value == "Fredagsgruppa Sagene"
        await pilot.press("ctrl+d")  # thrown away on purpose: the draft goes
        await settle(pilot)
        assert drafts() == []
        await pilot.press("n")
        await settle(pilot)
        assert app.screen.query_one("#name", Input).value == ""


async def test_an_edit_is_kept_until_saved_then_the_draft_goes(make_app, demo_path) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await open_groups(pilot)
        await pilot.press("e")  # the first group
        await settle(pilot)
        await type_into(pilot, "location", "Nytt rom")
        await wait_for_draft(pilot)
        assert len(drafts()) == 1 and "Nytt rom" in drafts()[0]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, GroupsScreen)
        assert drafts() == []
    store = reopened(demo_path)
    assert any(group.location == "Nytt rom" for group in store.planning.groups())
    store.close()


async def test_opening_a_form_without_typing_keeps_nothing(make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await open_groups(pilot)
        await pilot.press("e")
        await wait_for_draft(pilot)
        await type_into(pilot, "location", "Et annet rom")
        await wait_for_draft(pilot)
        assert len(drafts()) == 1
        # Typed back to what is stored: nothing is left to keep.
        settings = app.screen.settings
        await type_into(pilot, "location", settings.draft.location)
        await wait_for_draft(pilot)
        assert drafts() == []


async def test_a_draft_file_left_by_an_older_version_is_taken_in_once_and_deleted(make_app, demo_store) -> None:
    import json

    folder = drafts_dir()
    folder.mkdir(parents=True)
    mine = folder / "0123.json"
    mine.write_text(json.dumps({"key": f"{demo_store.location}|group-new", "values": {"name": "Fredagsgruppa Sagene", "location": "Rom 2"}}), encoding="utf-8")
    theirs = folder / "4567.json"  # another database's draft waits for that database
    theirs.write_text(json.dumps({"key": "/elsewhere/imr.sqlite|group-new", "values": {"name": "Annen gruppe"}}), encoding="utf-8")
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await open_groups(pilot)
        assert not mine.exists() and theirs.exists()
        await pilot.press("n")
        await settle(pilot)
        assert app.screen.query_one("#name", Input).value == "Fredagsgruppa Sagene"
        assert app.screen.query_one("#location", Input).value == "Rom 2"
        await pilot.press("ctrl+d")
        await settle(pilot)
    assert drafts() == []
    theirs.unlink()
    folder.rmdir()
