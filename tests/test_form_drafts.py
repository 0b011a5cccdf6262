"""What is typed into a planning form survives a crash, and goes when it is saved or closed."""

from __future__ import annotations

from textual.widgets import Input, Static

from imr_tui.form_drafts import drafts_dir
from imr_tui.screens.group_form import GroupFormScreen
from imr_tui.screens.groups import GroupsScreen
from test_planning_screens import SIZE, open_groups, reopened, settle, type_into


async def wait_for_draft(pilot) -> None:
    await pilot.pause(0.6)  # the delay before what is typed is kept, not a wait for anything else
    await settle(pilot)


def drafts() -> list[str]:
    folder = drafts_dir()
    return [path.read_text(encoding="utf-8") for path in folder.glob("*.json")] if folder.exists() else []


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
    assert [oct(path.stat().st_mode & 0o777) for path in drafts_dir().glob("*.json")] == ["0o600"]

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
        await pilot.press("escape")  # closed on purpose: the draft goes
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
