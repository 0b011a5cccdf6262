"""The fidelity scale file, its rules at their thresholds, and what the store counts for a group."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from imr_tui.fidelity.assessment import current_assessment, measure
from imr_tui.fidelity.loader import check_fidelity_scale, default_scale_path, load_fidelity_scale
from imr_tui.fidelity.scale import Measure, band
from imr_tui.i18n import use_language
from imr_tui.store.fidelity_records import GroupFacts

SHIPPED = default_scale_path().read_text(encoding="utf-8")


def facts(**changes) -> GroupFacts:
    values = dict(
        active_participants=7, programme_weeks=26, first_session=dt.date(2026, 6, 2), last_session=dt.date(2026, 11, 24),
        module_ids=frozenset(f"m{n}" for n in range(10)), held_sessions=20, sessions_with_agenda=18, people_with_goal_page=2,
        people_with_network=5, people_with_goal=7, sessions_followed_up=18,
    )  # fmt: skip
    values.update(changes)
    return GroupFacts(**values)


def scores(group: GroupFacts) -> dict[int, int | None]:
    assessment = current_assessment(load_fidelity_scale(), 1, "Gruppe", group, 11, [], dt.date(2026, 11, 24))
    return {view.item.number: view.score for view in assessment.items}


def test_the_shipped_scale_has_thirteen_items_seven_scored_from_the_data() -> None:
    scale = load_fidelity_scale()
    assert [item.number for item in scale.items] == list(range(1, 14))
    assert [item.number for item in scale.items if item.rule] == [1, 2, 3, 4, 5, 6, 7]
    assert all(sorted(item.scores) == [1, 2, 3, 4, 5] for item in scale.items)


@pytest.mark.parametrize(("people", "score"), [(7, 5), (8, 5), (9, 4), (10, 4), (11, 3), (12, 3), (13, 2), (15, 2), (16, 1)])
def test_group_size_at_its_edges(people: int, score: int) -> None:
    assert scores(facts(active_participants=people))[1] == score


def test_a_group_of_nine_scores_less_than_five_on_group_size() -> None:
    assert scores(facts(active_participants=9))[1] < 5


@pytest.mark.parametrize(("weeks", "score"), [(26, 5), (25, 4), (20, 4), (19, 3), (13, 3), (12, 2), (6, 2), (5, 1)])
def test_programme_length_at_its_edges(weeks: int, score: int) -> None:
    assert scores(facts(programme_weeks=weeks))[2] == score


@pytest.mark.parametrize(("modules", "score"), [(11, 5), (10, 5), (9, 4), (8, 4), (7, 3), (6, 3), (5, 2), (4, 2), (3, 1)])
def test_comprehensiveness_at_its_edges(modules: int, score: int) -> None:
    assert scores(facts(module_ids=frozenset(f"m{n}" for n in range(modules))))[3] == score


# 20 held sessions: 18 is 90 %, 15 is 75 %, 10 is 50 %, 5 is 25 %.
PERCENT_EDGES = [(20, 5), (18, 5), (17, 4), (15, 4), (14, 3), (10, 3), (9, 2), (5, 2), (4, 1), (0, 1)]


@pytest.mark.parametrize(("sessions", "score"), PERCENT_EDGES)
def test_handouts_at_their_edges(sessions: int, score: int) -> None:
    assert scores(facts(sessions_with_agenda=sessions))[4] == score


@pytest.mark.parametrize(("sessions", "score"), PERCENT_EDGES)
def test_goal_follow_up_at_its_edges(sessions: int, score: int) -> None:
    assert scores(facts(sessions_followed_up=sessions))[7] == score


@pytest.mark.parametrize(("people", "score"), [(20, 5), (18, 5), (17, 4), (15, 4), (14, 3), (10, 3), (9, 2), (5, 2), (4, 1)])
def test_goal_setting_at_its_edges(people: int, score: int) -> None:
    assert scores(facts(active_participants=20, people_with_goal=people))[6] == score


@pytest.mark.parametrize(("people", "score"), [(13, 5), (12, 4), (10, 4), (9, 3), (7, 3), (6, 2), (3, 2), (2, 1)])
def test_significant_others_at_their_edges(people: int, score: int) -> None:
    # 20 participants: 13 is 65 %, 10 is 50 %, 7 is 35 %, 3 is 15 %.
    assert scores(facts(active_participants=20, people_with_network=people))[5] == score


def test_evidence_says_how_it_was_counted_and_nothing_counted_scores_nothing() -> None:
    with use_language("en"):
        assert measure(Measure.GOAL_PERCENT, facts(), 11).evidence == "7 of 7 participants have a recovery goal in their own words"
        empty = measure(Measure.FOLLOW_UP_PERCENT, facts(held_sessions=0, sessions_followed_up=0), 11)
    assert empty.value is None
    assert scores(facts(held_sessions=0, sessions_with_agenda=0, sessions_followed_up=0))[7] is None


@pytest.mark.parametrize(("mean", "expected"), [(4.0, "high"), (3.99, "moderate"), (3.0, "moderate"), (2.99, "low"), (None, None)])
def test_the_bands(mean, expected) -> None:
    assert band(mean) == expected


BAD_FILES = {
    "missing translation": (("      nb: Antall deltakere i gruppa\n", ""), "title.nb", "bokmål text is missing"),
    "score missing": (("      5:\n        nb: 8 deltakere eller færre, så alle kommer til orde\n        nn: 8 deltakarar eller færre, så alle kjem til orde\n        en: 8 people or fewer, so everyone gets a say\n", ""), "scores", "the scores 5 are missing"),
    "unknown score": (("      1:\n        nb: Mer enn 15", "      6:\n        nb: Mer enn 15"), "scores.6", "not a score here"),
    "unknown measure": (("measure: active-participants", "measure: head-count"), "rule.measure", "'head-count' is not known"),
    "unknown direction": (("direction: at-most", "direction: fewer"), "rule.direction", "'fewer' is not known"),
    "thresholds out of order": (("        4: 10\n", "        4: 6\n"), "thresholds.4", "cannot ask for 6"),
    "negative threshold": (("        2: 15\n", "        2: -1\n"), "thresholds.2", "0 or more"),
    "percentage over 100": (("        5: 90\n        4: 75\n        3: 50\n        2: 25\n", "        5: 190\n        4: 75\n        3: 50\n        2: 25\n"), "thresholds", "more than 100"),
    "duplicate id": (("  - id: programme-length\n", "  - id: group-size\n"), "items[1].id", "already used on line"),
    "missing number": (("    number: 13\n", "    number: 12\n"), "items", "missing: 13"),
    "bad id": (("  - id: group-size\n", "  - id: Group Size\n"), "items[0].id", "lower-case"),
    "unknown key": (("    number: 1\n", "    number: 1\n    colour: blue\n"), "items[0].colour", "unknown key"),
    "wrong format": (("format: 1\n", "format: 2\n"), "format", "format 2 is not supported"),
    "not YAML": (("name:\n", "name: [\n"), "yaml", "not valid YAML"),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_each_kind_of_mistake_is_named_with_file_line_and_field(tmp_path: Path, kind: str) -> None:
    (old, new), field, words = BAD_FILES[kind]
    assert old in SHIPPED
    path = tmp_path / "fidelity.yaml"
    text = SHIPPED.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    with use_language("en"):
        scale, problems = check_fidelity_scale(path)
    assert scale is None and problems
    found = [problem for problem in problems if problem.field.endswith(field) and words in problem.message]
    assert found, [str(problem) for problem in problems]
    assert str(found[0]).startswith(f"{path}:{found[0].line}: ")
    assert found[0].line >= 1


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with use_language("en"):
        _scale, problems = check_fidelity_scale(tmp_path / "nowhere.yaml")
    assert "does not exist" in problems[0].message
