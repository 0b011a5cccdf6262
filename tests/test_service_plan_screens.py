"""The service plan through the screens: keys pressed, what is shown, and what a fresh store reads back."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Input, OptionList, Static

from imr_tui.screens.service_plan_conflict import SectionConflictScreen
from imr_tui.screens.service_plan_dialogs import FinishRevisionDialog, ShareDialog
from imr_tui.screens.service_plan_editor import ServicePlanEditorScreen
from imr_tui.screens.service_plan_versions import ServicePlanVersionsScreen
from imr_tui.screens.service_plans import ServicePlansScreen
from imr_tui.service_plan import load_template
from imr_tui.store import open_store
from imr_tui.widgets.service_plan_section import ItemRow

from settle import autosaved, settle

SIZE = (120, 36)




async def wait_for(pilot, condition, seconds: float = 5.0) -> None:
    """Until `condition()` holds: the save as typed runs on a timer, later on a busy machine."""
    for _ in range(int(seconds / 0.1)):
        if condition():
            return
        await pilot.pause(0.1)
    assert condition()


def shown(widget: Static) -> str:
    import io

    from rich.console import Console

    console = Console(width=200, file=io.StringIO(), color_system=None)
    console.print(widget.content)
    return console.file.getvalue()


def stored_plan(target: str, person: int):
    store = open_store(target)
    try:
        return store.service_plans.plan(person, load_template())
    finally:
        store.close()


async def open_editor(app, pilot, name: str) -> ServicePlanEditorScreen:
    """From the first screen: s, then the person's line, then enter."""
    await settle(pilot)
    await pilot.press("s")
    await settle(pilot)
    assert isinstance(app.screen, ServicePlansScreen)
    names = [row.participant.name for row in app.screen.rows]
    for _ in range(names.index(name)):
        await pilot.press("down")
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, ServicePlanEditorScreen)
    return app.screen


async def go_to_section(pilot, screen, section_id: str) -> None:
    sections = screen.query_one("#sections", OptionList)
    sections.focus()
    sections.highlighted = [option.id for option in sections._options].index(section_id)
    await pilot.pause()
    await pilot.press("tab")
    await pilot.pause()


async def test_first_screen_flags_plans_to_review_and_s_lists_the_group(make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        line = shown(app.screen.query_one("#plans-due", Static))
        assert "Service plans to review: Dagsgruppa Solsiden 1 (1 overdue) · Ukesgruppa Nydal 1" in line  # Astrid's overdue, Hanne's due soon
        await pilot.press("s")
        await settle(pilot)
        rows = {row.participant.name: row for row in app.screen.rows}
        assert rows["Astrid Kvamme"].latest == 2 and rows["Dag Ødegård"].has_changes and rows["Camilla Sæter"].latest is None


async def test_presentation_mode_hides_every_plan(make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(app, pilot, "Astrid Kvamme")
        await pilot.press("f5")
        await pilot.pause()
        assert not editor.query_one("#plan-body").display and editor.query_one("#plan-hidden").display
        await pilot.press("escape", "escape")
        await settle(pilot)
        await pilot.press("s")  # refused on the first screen while presenting
        await settle(pilot)
        assert not isinstance(app.screen, ServicePlansScreen)


async def test_a_list_is_written_reordered_and_pruned_as_typed(make_app, demo_target) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(app, pilot, "Camilla Sæter")
        person = editor.participant_id
        await go_to_section(pilot, editor, "warning-signs")
        for line in ("I sleep badly", "I skip meals", "I stay in bed"):
            if line != "I sleep badly":
                await pilot.press("enter")  # a new line below, with the cursor in it
                await settle(pilot)
            await pilot.press(*line)
        await pilot.press("ctrl+up")  # the third line becomes the second
        await settle(pilot)
        section = editor.editor("warning-signs")
        assert [row.read() for row in section.query(ItemRow)] == ["I sleep badly", "I stay in bed", "I skip meals"]
        section.query(ItemRow).first().query_one(Input).focus()
        await settle(pilot)
        await pilot.press("ctrl+r")  # the first line goes
        await settle(pilot)
        await pilot.press("escape")  # leaving saves what is pending
        await settle(pilot)
    plan = stored_plan(demo_target, person)
    assert plan.draft["warning-signs"].value == ("I stay in bed", "I skip meals")
    assert plan.draft["crisis-numbers"].value[0].phone == "113"  # a new plan starts with the crisis numbers


async def test_finishing_a_revision_records_who_and_the_review_date(make_app, demo_target) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(app, pilot, "Dag Ødegård")
        person = editor.participant_id
        await pilot.press("ctrl+f")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FinishRevisionDialog)
        assert dialog.query_one("#review_on", Input).value == "24/02/2027"  # three months on, written the English way, as good practice asks
        assert dialog.query_one("#made_by").value is not None
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ServicePlanEditorScreen)
        assert "Version 1 of 24/11/2026, review by 24/02/2027" in shown(editor.query_one("#plan-state", Static))
    plan = stored_plan(demo_target, person)
    assert plan.current.number == 1 and plan.current.made_by == "Ingrid Vestby" and plan.current.review_on == dt.date(2027, 2, 24)
    assert plan.current.content["triggers"] == ("Ensomhet",)


async def test_a_conflicting_edit_from_another_window_is_shown_and_nothing_is_lost(make_app, demo_target) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(app, pilot, "Astrid Kvamme")
        person = editor.participant_id
        # Another therapist, in another app on the same database, changes the same section meanwhile.
        other = open_store(demo_target)
        template = load_template()
        stored = other.service_plans.open_draft(person, template).draft["others-do"]
        other.service_plans.save_section(person, "others-do", (*stored.value, "Ring meg om kvelden"), stored.stored)
        other.close()
        await go_to_section(pilot, editor, "others-do")
        await pilot.press("end", *" (written here)")
        await wait_for(pilot, lambda: isinstance(app.screen, SectionConflictScreen))  # the save as typed meets theirs
        await settle(pilot)
        texts = [area.text for area in app.screen.query("TextArea")]
        assert "Spør hvordan jeg sover (written here)" in texts[0] and "Ring meg om kvelden" in texts[1]
        assert stored_plan(demo_target, person).draft["others-do"].value[-1] == "Ring meg om kvelden"  # not overwritten
        await pilot.press("ctrl+b")  # keep both
        await settle(pilot)
    kept = stored_plan(demo_target, person).draft["others-do"].value
    assert kept == ("Spør hvordan jeg sover", "Bli med meg på tur", "Ring meg om kvelden", "Spør hvordan jeg sover (written here)")


@pytest.mark.parametrize(
    ("key", "kept"),
    [
        ("ctrl+k", ("Spør hvordan jeg sover (written here)", "Bli med meg på tur")),
        ("ctrl+b", ("Spør hvordan jeg sover", "Bli med meg på tur", "Ring meg om kvelden", "Spør hvordan jeg sover (written here)")),
    ],
    ids=["keep mine", "keep both"],
)
async def test_typing_on_into_a_sections_conflict_question_goes_on_in_the_line_being_written(make_app, demo_target, key: str, kept: tuple[str, ...]) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(app, pilot, "Astrid Kvamme")
        person = editor.participant_id
        other = open_store(demo_target)
        stored = other.service_plans.open_draft(person, load_template()).draft["others-do"]
        other.service_plans.save_section(person, "others-do", (*stored.value, "Ring meg om kvelden"), stored.stored)
        other.close()
        await go_to_section(pilot, editor, "others-do")
        await pilot.press("end", *" (written")
        editor.autosaver.flush()  # the save after a pause meets theirs: the question opens mid-line
        await settle(pilot)
        assert isinstance(app.screen, SectionConflictScreen)
        await pilot.press(*" here)")  # "h" and "e" are no choice
        await settle(pilot)
        assert isinstance(app.screen, SectionConflictScreen)
        await pilot.press(key)
        await autosaved(pilot)
    assert stored_plan(demo_target, person).draft["others-do"].value == kept


async def test_versions_compare_share_and_start_again(make_app, demo_target) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(app, pilot, "Astrid Kvamme")
        person = editor.participant_id
        await pilot.press("ctrl+o")
        await settle(pilot)
        versions = app.screen
        assert isinstance(versions, ServicePlanVersionsScreen)
        await pilot.press("down", "c")  # version 1, compared with version 2
        await pilot.pause()
        text = shown(versions.query_one("#version", Static))
        assert "What changed from version 1 to version 2" in text
        assert "+ added: Store endringer, som flytting" in text
        assert "− removed: Jeg blir rastløs og irritabel" in text
        assert "~ changed: For lite søvn flere netter på rad → For lite søvn tre netter på rad" in text
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, ShareDialog)
        app.screen.query_one("#share_person", Input).value = "Tone Berg"
        app.screen.query_one("#share_relation", Input).value = "kontaktperson"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ShareDialog)  # refused: no consent ticked
        assert "consent" in shown(app.screen.query_one("#field-share_consent .field-error", Static))
        app.screen.query_one("#share_consent").value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "✓ Tone Berg (kontaktperson)" in shown(versions.query_one("#version", Static))
        await pilot.press("n", "y")  # a new revision from version 1
        await settle(pilot)
        assert app.screen is editor
    plan = stored_plan(demo_target, person)
    assert [(s.person, s.version_number, s.consent) for s in plan.shares if s.person == "Tone Berg"] == [("Tone Berg", 1, True)]
    assert plan.based_on == 1 and plan.draft["triggers"].value[0] == "For lite søvn flere netter på rad"


async def test_typing_goes_to_the_section_on_screen_even_right_after_moving(make_app, demo_target) -> None:
    from textual.widgets import TextArea

    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor(app, pilot, "Astrid Kvamme")
        person = editor.participant_id
        # A tab typed right after an arrow key lands in the section still shown; then the next one shows.
        editor.editor("when-well").query_one(TextArea).focus()
        editor.query_one("#sections", OptionList).highlighted = 1
        await settle(pilot)
        await pilot.press(*"!")
        await autosaved(pilot)
        await pilot.press("escape")
        await settle(pilot)
    plan = stored_plan(demo_target, person)
    assert plan.draft["triggers"].value[0] == "For lite søvn tre netter på rad!"
    assert "!" not in plan.draft["when-well"].value


def test_the_first_screen_names_the_most_overdue_groups_and_counts_the_rest() -> None:
    from imr_tui.screens.service_plans import MOST_GROUPS_NAMED, plans_to_review
    from imr_tui.store.service_plan_records import RevisionsDue

    names = {group_id: f"Gruppe {group_id}" for group_id in range(1, 7)}
    reviews = {group_id: RevisionsDue(due=1, overdue=group_id % 3) for group_id in names}
    line = plans_to_review(reviews, names)
    assert line.startswith("↻ Serviceplaner som skal revideres: Gruppe 2 3 (2 over fristen) · Gruppe 5 3 (2 over fristen) · Gruppe 1 2")
    assert line.count("Gruppe ") == MOST_GROUPS_NAMED and "3 grupper til" in line
    assert plans_to_review({1: RevisionsDue(due=0, overdue=0)}, names) == ""


async def test_two_apps_on_one_plan_never_overwrite_each_other(make_app, demo_target, demo_store) -> None:
    from two_windows_data import two_windows

    person = demo_store.goals.find_participant("Astrid Kvamme").id

    async def write_in(window, suffix: str) -> None:
        def to_section() -> None:
            sections = window.app.screen.query_one("#sections", OptionList)
            sections.focus()
            sections.highlighted = [option.id for option in sections._options].index("others-do")

        window.app.call_later(to_section)
        await window.settle()
        await window.pilot.press("tab", "end", *suffix)
        await window.wait_for_autosave()

    async with two_windows(make_app, demo_target) as (first, second):
        await first.open(ServicePlanEditorScreen(person))
        await second.open(ServicePlanEditorScreen(person))
        await write_in(first, " (first window)")
        assert stored_plan(demo_target, person).draft["others-do"].value[0].endswith("(first window)")
        await write_in(second, " (second window)")
        await wait_for(second.pilot, lambda: isinstance(second.app.screen, SectionConflictScreen))
        mine, theirs = (area.text for area in second.app.screen.query("TextArea"))
        assert "(second window)" in mine and "(first window)" in theirs
        assert stored_plan(demo_target, person).draft["others-do"].value[0].endswith("(first window)")  # not overwritten
        await second.pilot.press("ctrl+b")  # keep both
        await second.settle()
    kept = stored_plan(demo_target, person).draft["others-do"].value
    assert any(item.endswith("(first window)") for item in kept) and any(item.endswith("(second window)") for item in kept)
