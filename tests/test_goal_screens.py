"""Goals and the IMR Scale through the screens: keys pressed, what is shown, and what a fresh store reads back."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Input, Static, TextArea

from imr_tui.screens.goal_editor import GoalItemEditor
from imr_tui.screens.goals import GoalScreen
from imr_tui.screens.group_goals import GroupGoalsScreen
from imr_tui.screens.imrs import ImrsScreen
from imr_tui.screens.imrs_entry import ImrsEntryScreen
from imr_tui.store import open_store
from imr_tui.widgets.goal_tree import GoalTree
from imr_tui.widgets.imrs_table import ImrsTable

from conftest import TODAY
from goal_data import person_in_a_group
from session_data import group_with_session_today
from settle import autosaved, settle

# Each test runs on SQLite and on PostgreSQL.
pytestmark = pytest.mark.both_engines

SIZE = (110, 32)




async def open_goals(app, pilot, person: int) -> GoalScreen:
    await settle(pilot)
    app.push_screen(GoalScreen(person))
    await settle(pilot)
    await settle(pilot)
    return app.screen


async def close_editor(pilot) -> None:
    await pilot.press("escape")
    await settle(pilot)
    await settle(pilot)


def stored_goals(path, person: int):
    """Read back through a fresh store, as another program would."""
    store = open_store(str(path))
    goals = store.goals.participant_goals(person)
    store.close()
    return goals


def shown(widget: Static) -> str:
    """The text a Static shows, whatever Rich renderable it was given."""
    import io

    from rich.console import Console

    console = Console(width=200, file=io.StringIO(), color_system=None)
    console.print(widget.content)
    return console.file.getvalue()


def error_text(screen, field: str) -> str:
    error = screen.query_one(f"#{field}-error", Static)
    return shown(error) if error.has_class("-shown") else ""


async def test_goal_short_term_goal_and_step_written_and_followed_up(make_app, demo_store, demo_target) -> None:
    person, _sessions = person_in_a_group(demo_store, TODAY.date())
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_goals(app, pilot, person)
        await pilot.press("N")
        await settle(pilot)
        assert isinstance(app.screen, GoalItemEditor)
        await pilot.press(*"Jeg vil ha en venn", "tab", *"Jeg er mye alene")
        await close_editor(pilot)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press(*"Møte nye folk", "tab", *"1.3.2027")
        await close_editor(pilot)
        await pilot.press("down", "s")  # on the short-term goal: a step under it
        await settle(pilot)
        assert app.screen.query_one("#day", Input).value == "01.12.2026"  # the next session, by default
        await pilot.press(*"Gå på kafétreffet mandag")
        await close_editor(pilot)
        await pilot.press("down", "2")  # the step: partly
        await settle(pilot)
        assert "1 steg prøvd, 1 gjort eller delvis" in shown(screen.query_one("#goals-effort", Static))
    (goal,) = stored_goals(demo_target, person).goals
    assert (goal.text, goal.why, goal.set_on) == ("Jeg vil ha en venn", "Jeg er mye alene", TODAY.date())
    (short,) = goal.short_term_goals
    assert (short.text, short.target_date) == ("Møte nye folk", dt.date(2027, 3, 1))
    (step,) = short.steps
    assert (step.text, step.status, step.due_on) == ("Gå på kafétreffet mandag", "partly", dt.date(2026, 12, 1))


async def test_achieve_archive_restore_and_reorder(make_app, demo_store, demo_target) -> None:
    person, _sessions = person_in_a_group(demo_store, TODAY.date())
    edits = demo_store.goal_edits
    goal = edits.add_goal(person, "Sove bedre", "", TODAY.date())
    first = edits.add_short_term_goal(goal, "Fast døgnrytme")
    edits.add_short_term_goal(goal, "Mer lys om dagen")
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(app, pilot, person)
        await pilot.press("down", "a")  # the first short-term goal is achieved
        await settle(pilot)
        await pilot.press("J")  # and moves below the second
        await settle(pilot)
        await pilot.press("up", "up", "z")  # the recovery goal is archived...
        await settle(pilot)
        assert stored_goals(demo_target, person).goals[0].status == "archived"
        await pilot.press("z")  # ...and restored
        await settle(pilot)
    (stored,) = stored_goals(demo_target, person).goals
    assert stored.status == "active"
    assert [(s.text, s.status) for s in stored.short_term_goals] == [("Mer lys om dagen", "active"), ("Fast døgnrytme", "achieved")]
    assert stored.short_term_goals[1].id == first


async def test_revising_the_goal_keeps_the_earlier_words(make_app, demo_store, demo_target) -> None:
    person, _sessions = person_in_a_group(demo_store, TODAY.date())
    demo_store.goal_edits.add_goal(person, "Bli frisk", "Lei av det", TODAY.date() - dt.timedelta(weeks=3))
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_goals(app, pilot, person)
        await pilot.press("R")
        await settle(pilot)
        assert "Bli frisk" in shown(app.screen.query_one(".hint", Static))
        await pilot.press(*"Jeg vil ha en jobb jeg trives i")
        await close_editor(pilot)
        detail = shown(screen.query_one("#goal-detail", Static))
        assert "Tidligere ordlyd" in detail and "«Bli frisk»" in detail
    (goal,) = stored_goals(demo_target, person).goals
    assert goal.text == "Jeg vil ha en jobb jeg trives i" and goal.why == "Lei av det"
    assert [(r.text, r.replaced_on) for r in goal.revisions] == [("Bli frisk", TODAY.date())]


async def test_bad_input_is_refused_at_the_field_and_nothing_typed_is_lost(make_app, demo_store, demo_target) -> None:
    person, _sessions = person_in_a_group(demo_store, TODAY.date())
    goal = demo_store.goal_edits.add_goal(person, "Sove bedre", "", TODAY.date())
    demo_store.goal_edits.add_short_term_goal(goal, "Fast døgnrytme")
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(app, pilot, person)
        await pilot.press("down", "s")
        await settle(pilot)
        editor = app.screen
        editor.query_one("#day", Input).value = ""
        await pilot.press(*"Legge meg før midnatt", "tab", *"30.02.2026")
        await autosaved(pilot)
        assert "30.02.2026 does not exist: that month has 28 days" in error_text(editor, "day")
        editor.query_one("#day", Input).value = ""
        await pilot.press(*"20.11.2026")
        await autosaved(pilot)
        assert "the goal was set on 24/11/2026: give that day or a later one" in error_text(editor, "day")  # an English date in the English UI
        await pilot.press("escape")  # refused: warned once, still open, the text still there
        await settle(pilot)
        assert app.screen is editor and editor.query_one("#day", Input).value == "20.11.2026"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("up", "up", "e")  # the recovery goal: emptied, it is refused
        await settle(pilot)
        area = app.screen.query_one("#text", TextArea)
        area.clear()
        await autosaved(pilot)
        assert "the goal needs a few words" in error_text(app.screen, "text")
        await pilot.press("escape", "escape")
    (stored,) = stored_goals(demo_target, person).goals
    assert stored.text == "Sove bedre"
    (step,) = stored.short_term_goals[0].steps
    assert step.text == "Legge meg før midnatt" and step.due_on is None  # the step itself was kept


async def test_a_text_changed_in_another_window_is_not_overwritten(make_app, demo_store, demo_target) -> None:
    from imr_tui.screens.conflict import ConflictScreen

    person, _sessions = person_in_a_group(demo_store, TODAY.date())
    goal = demo_store.goal_edits.add_goal(person, "Sove bedre", "", TODAY.date())
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(app, pilot, person)
        await pilot.press("e")
        await settle(pilot)
        other_window = open_store(demo_target)
        other_window.goal_edits.save_text("goal", goal, "why", "Skrevet av Ingrid", based_on="")
        app.screen.query_one("#why", TextArea).focus()
        await pilot.press(*"Skrevet av Jonas")
        await autosaved(pilot)
        assert isinstance(app.screen, ConflictScreen)
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert other_window.goals.participant_goals(person).goals[0].why == "Skrevet av Ingrid\nSkrevet av Jonas"
        other_window.close()


async def test_an_imrs_rating_is_entered_and_a_bad_score_refused_at_the_field(make_app, demo_store, demo_target) -> None:
    person, _sessions = person_in_a_group(demo_store, TODAY.date())
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(app, pilot, person)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, ImrsScreen)
        await pilot.press("n")
        await settle(pilot)
        entry = app.screen
        assert isinstance(entry, ImrsEntryScreen) and entry.query_one("#phase").value == "start"
        await pilot.press("4", "tab", "7")
        await autosaved(pilot)
        assert "skår fra 1 til 5 (5 er best)" in error_text(entry, "item-knowledge")
        assert entry.query_one("#item-knowledge", Input).value == "7"  # kept, to be corrected
        await pilot.press("backspace", "3")
        for _item in range(11):
            await pilot.press("tab")
        await pilot.press("n")  # medication: not applicable
        await autosaved(pilot)
        assert "Gjennomsnitt så langt: 3,5 (3 av 15 ledd besvart)" in shown(entry.query_one("#imrs-entry-mean", Static))
        await pilot.press("ctrl+s")  # not finished: saved as partial, on purpose
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        summary = shown(app.screen.query_one("#imrs-summary", Static))
        assert "Deltakerens egen skåring: ingen ferdig skåring ennå (bare delvise)" in summary
        assert "◌ delvis" in str(app.screen.query_one(ImrsTable).columns[list(app.screen.query_one(ImrsTable).columns)[2]].label)
        await pilot.press("enter")  # the rating's column: change it
        await settle(pilot)
        assert isinstance(app.screen, ImrsEntryScreen) and app.screen.rating_id is not None
        assert app.screen.query_one("#item-medication", Input).value == "n"
        await pilot.press("escape")
    store = open_store(demo_target)
    (rating,) = store.imrs.history(person)
    store.close()
    assert (rating.rater, rating.phase, rating.rated_on) == ("participant", "start", TODAY.date())
    assert rating.scores == {"goal-progress": 4, "knowledge": 3, "medication": None}


async def test_an_imrs_rating_left_half_way_is_not_stored_and_comes_back_with_its_refused_score(make_app, demo_store, demo_target) -> None:
    person, _sessions = person_in_a_group(demo_store, TODAY.date())
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(app, pilot, person)
        await pilot.press("i")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("4", "tab", "7")  # one score, then a 7 on a 1-5 item
        await pilot.press("escape")  # the refused 7 holds the form once, with its message
        await settle(pilot)
        entry = app.screen
        assert isinstance(entry, ImrsEntryScreen)
        assert entry.query_one("#item-knowledge", Input).value == "7"
        assert "skår fra 1 til 5 (5 er best)" in error_text(entry, "item-knowledge")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ImrsScreen)
        assert "Ingen skåringer ennå" in shown(app.screen.query_one("#imrs-summary", Static))
        store = open_store(demo_target)
        assert store.imrs.history(person) == []  # nothing half-done stored as a rating
        store.close()
        await pilot.press("n")  # the draft is back, the 7 with its message
        await settle(pilot)
        entry = app.screen
        assert entry.query_one("#item-goal-progress", Input).value == "4"
        assert entry.query_one("#item-knowledge", Input).value == "7"
        assert "skår fra 1 til 5 (5 er best)" in error_text(entry, "item-knowledge")
        entry.query_one("#item-knowledge", Input).focus()
        await pilot.press("backspace", "3")
        for _item in range(13):  # the other items, medication not applicable
            await pilot.press("tab", "n" if _item == 10 else "4")
        await autosaved(pilot)
        await settle(pilot)
        assert "Gjennomsnitt så langt" in shown(entry.query_one("#imrs-entry-mean", Static))
        assert "15 av 15" in shown(entry.query_one("#imrs-entry-mean", Static))
        await pilot.press("escape")
        await settle(pilot)
        summary = shown(app.screen.query_one("#imrs-summary", Static))
        assert "Deltakerens egen skåring: gjennomsnitt 3,9 den 24.11.2026" in summary
    store = open_store(demo_target)
    (rating,) = store.imrs.history(person)
    store.close()
    assert len(rating.scores) == 15 and rating.scores["knowledge"] == 3 and rating.scores["medication"] is None


async def test_goals_open_from_today_through_the_group_and_from_the_session(make_app, demo_store) -> None:
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, GroupGoalsScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, GoalScreen)
        assert app.screen.goals.participant.name == "Astrid Kvamme"
        assert app.screen.query_one(GoalTree).highlighted().kind == "goal"
    session_id, people = group_with_session_today(demo_store, TODAY.date())
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        from imr_tui.screens.session import SessionScreen

        await settle(pilot)
        app.push_screen(SessionScreen(session_id))
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, GoalScreen) and app.screen.participant_id == people[0]


async def test_presentation_mode_keeps_goals_off_a_shared_screen(make_app, demo_store) -> None:
    app = make_app("nb", presentation_mode=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")  # refused on Today
        await settle(pilot)
        assert not isinstance(app.screen, GroupGoalsScreen)
        await pilot.press("f5")
        await pilot.press("g", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, GoalScreen)
        await pilot.press("f5")  # goals disappear when the screen is shared
        await pilot.pause()
        assert not screen.query_one("#goals-body").display and screen.query_one("#goals-hidden").display
        await pilot.press("N")
        assert app.screen is screen
