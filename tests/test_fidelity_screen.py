"""The fidelity screen: opened with F from Today, rated with keys, kept per day."""

from __future__ import annotations

import pytest

from imr_tui.store import open_store

from conftest import TODAY
from settle import settle
from snapshot_keys import keys

SIZE = (120, 40)


async def open_fidelity(pilot) -> None:
    await settle(pilot)
    await pilot.press("F")
    await settle(pilot)


def stored_scores(target: str, group_id: int) -> dict[str, int | None]:
    store = open_store(target)
    try:
        assessments = store.fidelity.assessments(group_id)
    finally:
        store.close()
    assert [a.assessed_on for a in assessments] == [TODAY.date()]
    return {item_id: record.score for item_id, record in assessments[0].scores.items()}


async def test_f_on_today_opens_the_highlighted_groups_assessment_and_keys_rate_it(make_app, demo_target) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await open_fidelity(pilot)
        screen = app.screen
        assert type(screen).__name__ == "FidelityScreen"
        group_id = screen.group_id
        text = str(screen.query_one("#fidelity-summary").render())
        assert "7 of 13 items scored" in text
        table = screen.query_one("#fidelity-items")
        assert table.row_count == 13
        for _ in range(7):
            await pilot.press("down")  # item 8, the first the team rates
        await pilot.press("4")
        assert str(table.get_cell("motivation", "score")) == "4"  # shown with the key, before it is stored
        await settle(pilot)
        await pilot.press("down", "r")
        await settle(pilot)
        await pilot.press(*"3", "tab", *"5", "tab", *"4")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.assessment.view("education").record.rater_1_score == 3
    scores = stored_scores(demo_target, group_id)
    assert scores["motivation"] == 4 and scores["education"] == 4
    assert scores["group-size"] is not None  # the day's assessment keeps the data items as they were scored


async def test_ctrl_z_takes_a_score_back(make_app, demo_target) -> None:
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await open_fidelity(pilot)
        screen, table = app.screen, app.screen.query_one("#fidelity-items")
        for _ in range(7):
            await pilot.press("down")
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("ctrl+z")
        assert str(table.get_cell("motivation", "score")) == "4"  # shown back at once
        await settle(pilot)
        assert screen.assessment.view("motivation").record.score == 4
    assert stored_scores(demo_target, screen.group_id)["motivation"] == 4


async def test_overruling_the_data_needs_a_reason(make_app, demo_target) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await open_fidelity(pilot)
        screen = app.screen
        computed = screen.assessment.items[0].score
        await pilot.press("2")  # item 1 comes from the data: another score opens the rating with its reason
        await settle(pilot)
        assert type(app.screen).__name__ == "RateItemScreen"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "RateItemScreen"  # no reason yet: nothing kept
        await pilot.press(*"one group meets in two rooms")
        await pilot.press("ctrl+s")
        await settle(pilot)
        view = screen.assessment.items[0]
        assert (view.score, view.source, view.record.computed) == (2, "team", computed)
        assert "two rooms" in view.evidence


async def test_the_team_items_and_mean_after_all_thirteen_are_scored(make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await open_fidelity(pilot)
        screen = app.screen
        for _ in range(7):
            await pilot.press("down")
        for _ in range(6):
            await pilot.press("5")
            await settle(pilot)
            await pilot.press("down")
        assessment = screen.assessment
        assert assessment.scored == 13
        assert assessment.mean == round(sum(view.score for view in assessment.items) / 13, 2)
        assert "Gjennomsnitt" in str(screen.query_one("#fidelity-summary").render())


@pytest.mark.parametrize("language", ["nb", "en"])
def test_fidelity_screen_snapshot(snap_compare, make_app, language: str) -> None:
    assert snap_compare(make_app(language), terminal_size=(110, 32), run_before=keys("F"))


async def test_saving_an_agenda_from_the_app_is_recorded_as_a_handout(make_app, demo_store) -> None:
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        group = app.screen.highlighted_group()
        before = demo_store.fidelity.prints(group.id)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert demo_store.fidelity.prints(group.id) == before + 1


async def test_the_report_prints_from_the_screen_without_names(make_app, demo_store) -> None:
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await open_fidelity(pilot)
        group_id = app.screen.group_id
        await pilot.press("p")
        await settle(pilot)
        preview = str(app.screen.query_one("#preview").render())
        assert "Antall deltakere i gruppa" in preview and "Arbeid med motivasjon" in preview
        for person in demo_store.groups.detail(group_id).participants:
            assert person.name.split()[-1] not in preview


async def test_the_imrs_screen_marks_items_the_two_versions_rate_two_or_more_apart(make_app, demo_store) -> None:
    from imr_tui.imrs.loader import load_scale
    from imr_tui.screens.imrs import ImrsScreen
    from imr_tui.store.goal_records import ParticipantRef

    from goal_data import person_in_a_group

    person, _sessions = person_in_a_group(demo_store, TODAY.date())
    scale = load_scale()
    for rater, scores in (("participant", {"goal-progress": 5, "knowledge": 4}), ("clinician", {"goal-progress": 3, "knowledge": 3})):
        rating = demo_store.imrs.add_rating(person, TODAY.date(), rater, "start")
        for item_id, score in scores.items():
            demo_store.imrs.set_score(scale, rating, item_id, score)
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(ImrsScreen(ParticipantRef(person, "Siri Testesen", "ST")))
        await settle(pilot)
        await settle(pilot)
        from test_goal_screens import shown

        summary = shown(app.screen.query_one("#imrs-summary"))
    assert "To talk about: 1. Progress towards personal goals (the participant 5, the clinician 3)" in summary
    assert "Knowledge" not in summary  # one apart: nothing to mark
