"""ctrl+z on the goals and service plan screens: what the store holds after an undo (read back
through a fresh store), and an undo that meets another window's later change leaves it alone."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input

from imr_tui.screens.goal_editor import GoalItemEditor
from imr_tui.screens.goals import GoalScreen
from imr_tui.screens.service_plan_dialogs import FinishRevisionDialog, ShareDialog
from imr_tui.screens.service_plan_editor import ServicePlanEditorScreen
from imr_tui.screens.service_plan_versions import ServicePlanVersionsScreen
from imr_tui.service_plan import load_template
from imr_tui.store import open_store
from imr_tui.widgets.goal_tree import GoalTree, NodeRef
from imr_tui.widgets.service_plan_section import ItemRow

from conftest import TODAY
from goal_data import person_in_a_group
from settle import settle

SIZE = (110, 32)


def goals_with_steps(store) -> tuple[int, int, int, list[int], list[int]]:
    """A person with a goal, two short-term goals and two steps under the first; returns their ids."""
    person, _sessions = person_in_a_group(store, TODAY.date())
    edits = store.goal_edits
    goal = edits.add_goal(person, "Jeg vil ha en jobb", "Jeg vil bidra", TODAY.date() - dt.timedelta(days=14))
    shorts = [edits.add_short_term_goal(goal, "Skrive en CV"), edits.add_short_term_goal(goal, "Snakke med NAV")]
    steps = [edits.add_step(person, shorts[0], "Finne gamle attester"), edits.add_step(person, shorts[0], "Be Tone lese den")]
    return person, goal, shorts[0], shorts, steps


def read_goals(target: str, person: int):
    store = open_store(target)
    try:
        return store.goals.participant_goals(person)
    finally:
        store.close()


def step_statuses(goals) -> dict[str, str]:
    return {step.text: step.status for step in goals.all_steps()}


async def open_goals(app, pilot, person: int) -> GoalScreen:
    await settle(pilot)
    app.push_screen(GoalScreen(person))
    await settle(pilot)
    await settle(pilot)
    return app.screen


async def highlight(pilot, screen: GoalScreen, ref: NodeRef) -> None:
    tree = screen.query_one(GoalTree)
    node = next(node for node in tree.all_nodes() if node.data == ref)
    parent = node.parent
    while parent is not None:
        parent.expand()
        parent = parent.parent
    await pilot.pause()
    tree.move_cursor(node)
    await pilot.pause()
    assert tree.highlighted() == ref


async def undo(pilot) -> None:
    await pilot.press("ctrl+z")
    await settle(pilot)


async def test_a_steps_status_and_a_goal_achieved_or_archived_are_undone_step_by_step(make_app, demo_store, demo_target) -> None:
    person, goal, short, _shorts, steps = goals_with_steps(demo_store)
    app = make_app("nb")
    notes: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.notify = lambda message, **kwargs: notes.append(str(message))  # what the toast says
        screen = await open_goals(app, pilot, person)
        await highlight(pilot, screen, NodeRef("step", steps[0]))
        await pilot.press("1")  # done: shown at once
        assert screen.step_record(steps[0]).status == "done"
        await settle(pilot)
        await pilot.press("3")  # then not done
        await settle(pilot)
        await highlight(pilot, screen, NodeRef("goal", goal))
        await pilot.press("a")  # the goal achieved
        await settle(pilot)
        await highlight(pilot, screen, NodeRef("short_term", short))
        await pilot.press("z")  # a short-term goal archived
        await settle(pilot)
        stored = read_goals(demo_target, person)
        assert stored.goals[0].status == "achieved" and stored.goals[0].short_term_goals[0].status == "archived"
        await undo(pilot)
        assert "Angret: «Skrive en CV» – arkivert" in notes
        await undo(pilot)
        await undo(pilot)  # not done -> done
        stored = read_goals(demo_target, person)
        assert stored.goals[0].status == "active" and stored.goals[0].short_term_goals[0].status == "active"
        assert step_statuses(stored)["Finne gamle attester"] == "done"
        assert "Angret: «Finne gamle attester» – ikke gjort" in notes
        await undo(pilot)  # done -> planned
        assert screen.step_record(steps[0]).status == "planned"
    assert step_statuses(read_goals(demo_target, person))["Finne gamle attester"] == "planned"


async def test_an_undo_never_overwrites_a_status_set_in_another_window(make_app, demo_store, demo_target) -> None:
    person, _goal, _short, _shorts, steps = goals_with_steps(demo_store)
    app = make_app("nb")
    notes: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.notify = lambda message, **kwargs: notes.append(str(message))
        screen = await open_goals(app, pilot, person)
        await highlight(pilot, screen, NodeRef("step", steps[1]))
        await pilot.press("2")  # partly
        await settle(pilot)
        other = open_store(demo_target)
        other.goal_edits.set_status("step", steps[1], "dropped")  # another therapist, meanwhile
        other.close()
        await undo(pilot)
        assert any(note.startswith("Ikke angret:") for note in notes)
        assert screen.step_record(steps[1]).status == "dropped"  # the screen shows what the other window stored
    assert step_statuses(read_goals(demo_target, person))["Be Tone lese den"] == "dropped"


async def test_a_moved_and_an_added_step_are_undone(make_app, demo_store, demo_target) -> None:
    person, _goal, short, shorts, steps = goals_with_steps(demo_store)
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_goals(app, pilot, person)
        await highlight(pilot, screen, NodeRef("step", steps[1]))
        await pilot.press("ctrl+up")  # the second step first
        await settle(pilot)
        assert [s.text for s in read_goals(demo_target, person).goals[0].short_term_goals[0].steps] == ["Be Tone lese den", "Finne gamle attester"]
        await highlight(pilot, screen, NodeRef("short_term", shorts[1]))
        await pilot.press("K")  # the second short-term goal first
        await settle(pilot)
        await highlight(pilot, screen, NodeRef("short_term", short))
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, GoalItemEditor)
        await pilot.press(*"Sende CV-en til Tone")
        await pilot.press("escape")
        await settle(pilot)
        await settle(pilot)
        assert "Sende CV-en til Tone" in step_statuses(read_goals(demo_target, person))
        await undo(pilot)  # the added step goes
        assert "Sende CV-en til Tone" not in step_statuses(read_goals(demo_target, person))
        await undo(pilot)  # the short-term goals back in order
        await undo(pilot)  # the steps back in order
    stored = read_goals(demo_target, person).goals[0]
    assert [s.text for s in stored.short_term_goals] == ["Skrive en CV", "Snakke med NAV"]
    assert [s.text for s in stored.short_term_goals[0].steps] == ["Finne gamle attester", "Be Tone lese den"]


# The service plan


def stored_plan(target: str, person: int):
    store = open_store(target)
    try:
        return store.service_plans.plan(person, load_template())
    finally:
        store.close()


def plan_with_lines(store, lines: tuple[str, ...]) -> int:
    person, _sessions = person_in_a_group(store, TODAY.date(), name="Øystein Åsheim")
    template = load_template()
    draft = store.service_plans.open_draft(person, template)
    store.service_plans.save_section(person, "warning-signs", lines, draft.draft["warning-signs"].stored)
    return person


async def open_plan(app, pilot, person: int, section_id: str = "warning-signs") -> ServicePlanEditorScreen:
    await settle(pilot)
    app.push_screen(ServicePlanEditorScreen(person))
    await settle(pilot)
    screen = app.screen
    sections = screen.query_one("#sections")
    sections.highlighted = [option.id for option in sections._options].index(section_id)
    await pilot.pause()
    await pilot.press("tab")  # into the first line
    await pilot.pause()
    return screen


def focused_line(screen) -> int | None:
    return screen.editor("warning-signs").current_index()


async def test_arrow_keys_move_between_lines_and_a_removed_or_moved_line_comes_back(make_app, demo_store, demo_target) -> None:
    person = plan_with_lines(demo_store, ("Jeg sover dårlig", "Jeg slutter å spise", "Jeg blir i senga"))
    app = make_app("nb")
    notes: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.notify = lambda message, **kwargs: notes.append(str(message))
        screen = await open_plan(app, pilot, person)
        assert focused_line(screen) == 0
        await pilot.press("down", "down")
        assert focused_line(screen) == 2
        rows = list(screen.editor("warning-signs").query(ItemRow))
        assert rows[2].has_class("-current") and not rows[0].has_class("-current")  # the line being written is marked
        await pilot.press("down")  # the last line: stays
        assert focused_line(screen) == 2
        await pilot.press("up")
        assert focused_line(screen) == 1
        await pilot.press("ctrl+r")  # the middle line goes, stored at once
        await settle(pilot)
        assert stored_plan(demo_target, person).draft["warning-signs"].value == ("Jeg sover dårlig", "Jeg blir i senga")
        await undo(pilot)
        assert "Angret: en linje fjernet fra «Tidlige varseltegn»" in notes or any(n.startswith("Angret: en linje fjernet") for n in notes)
        assert [row.read() for row in screen.editor("warning-signs").query(ItemRow)] == ["Jeg sover dårlig", "Jeg slutter å spise", "Jeg blir i senga"]
        assert stored_plan(demo_target, person).draft["warning-signs"].value == ("Jeg sover dårlig", "Jeg slutter å spise", "Jeg blir i senga")
        screen.editor("warning-signs").focus_line(2)
        await pilot.pause()
        await pilot.press("ctrl+up")
        await settle(pilot)
        assert stored_plan(demo_target, person).draft["warning-signs"].value == ("Jeg sover dårlig", "Jeg blir i senga", "Jeg slutter å spise")
        await undo(pilot)
    assert stored_plan(demo_target, person).draft["warning-signs"].value == ("Jeg sover dårlig", "Jeg slutter å spise", "Jeg blir i senga")


async def test_a_removed_line_is_not_put_back_over_another_windows_later_change(make_app, demo_store, demo_target) -> None:
    person = plan_with_lines(demo_store, ("Jeg sover dårlig", "Jeg slutter å spise"))
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(app, pilot, person)
        await pilot.press("ctrl+r")
        await settle(pilot)
        other = open_store(demo_target)
        now = other.service_plans.open_draft(person, load_template()).draft["warning-signs"]
        other.service_plans.save_section(person, "warning-signs", (*now.value, "Skrevet i et annet vindu"), now.stored)
        other.close()
        await undo(pilot)
        assert [row.read() for row in screen.editor("warning-signs").query(ItemRow)] == ["Jeg slutter å spise", "Skrevet i et annet vindu"]
    assert stored_plan(demo_target, person).draft["warning-signs"].value == ("Jeg slutter å spise", "Skrevet i et annet vindu")


async def test_a_finished_revision_goes_back_to_draft_until_it_is_shared(make_app, demo_store, demo_target) -> None:
    person = plan_with_lines(demo_store, ("Jeg sover dårlig",))
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(app, pilot, person)
        await pilot.press("ctrl+f")
        await settle(pilot)
        assert isinstance(app.screen, FinishRevisionDialog)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen and stored_plan(demo_target, person).current.number == 1
        await undo(pilot)
        plan = stored_plan(demo_target, person)
        assert plan.current is None and plan.draft["warning-signs"].value == ("Jeg sover dårlig",)  # the words stay, as a draft
        assert "Utkast" in str(screen.query_one("#plan-state").content)
        await pilot.press("ctrl+f")
        await settle(pilot)
        await pilot.press("ctrl+s")  # finished again, then shared: from then on it stays
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, ServicePlanVersionsScreen)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, ShareDialog)
        await pilot.press(*"Tone Berg")
        app.screen.query_one("#share_consent").value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await undo(pilot)
    assert stored_plan(demo_target, person).current.number == 1


async def test_the_sharing_dialogs_name_keeps_its_text_when_focus_comes_back_round(make_app, demo_store, demo_target) -> None:
    person = plan_with_lines(demo_store, ("Jeg sover dårlig",))
    store = demo_store
    store.service_plans.finish_revision(person, load_template(), made_by_id=None, finished_on=TODAY.date(), review_on=TODAY.date() + dt.timedelta(days=91))
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(ServicePlanVersionsScreen(person))
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ShareDialog)
        await pilot.press(*"Øystein Åsheim")
        name = dialog.query_one("#share_person", Input)
        for _field in range(20):  # round every field and button until the name has focus again
            await pilot.press("tab")
            if app.focused is name:
                break
        assert app.focused is name
        await pilot.press("space")
        assert name.value == "Øystein Åsheim "


async def test_a_removed_step_comes_back_with_ctrl_z_and_a_followed_up_one_is_not_removed(make_app, demo_store, demo_target) -> None:
    person, _goal, _short, _shorts, steps = goals_with_steps(demo_store)
    demo_store.goal_edits.set_status("step", steps[1], "done")
    with demo_store.database.transaction() as session:
        from imr_tui.models import StepFollowUp

        session.add(StepFollowUp(step_id=steps[1], result="done"))
    app = make_app("nb")
    notes: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.notify = lambda message, **kwargs: notes.append(str(message))
        screen = await open_goals(app, pilot, person)
        await highlight(pilot, screen, NodeRef("step", steps[0]))
        await pilot.press("x")  # gone from the screen at once
        assert all(step.id != steps[0] for step in screen.goals.all_steps())
        await settle(pilot)
        assert "Finne gamle attester" not in step_statuses(read_goals(demo_target, person))
        await undo(pilot)
        assert "Finne gamle attester" in step_statuses(read_goals(demo_target, person))
        await highlight(pilot, screen, NodeRef("step", steps[1]))
        await pilot.press("x")  # followed up: it stays, and the reason is said
        await settle(pilot)
        assert any("merk det som droppet i stedet" in note for note in notes)
        assert any(step.id == steps[1] for step in screen.goals.all_steps())
    stored = read_goals(demo_target, person).goals[0].short_term_goals[0].steps
    assert [step.text for step in stored] == ["Finne gamle attester", "Be Tone lese den"]
