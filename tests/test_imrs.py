"""The IMR Scale: the shipped file, the checker's messages and lines, scoring, and storing a rating."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from imr_tui.goals.fields import FieldError, parse_score
from imr_tui.imrs.display import format_change, format_mean, sparkline
from imr_tui.imrs.loader import check_scale, load_scale
from imr_tui.imrs.scoring import answered, change_in_mean, change_per_item, mean, summarise
from imr_tui.store.goal_records import ImrsRatingRecord

from conftest import TODAY
from goal_data import person_in_a_group

ITEMS = ["goal-progress", "knowledge", "family-and-friends", "social-contact", "structured-roles", "symptom-distress", "daily-functioning",
         "relapse-plan", "relapses", "hospital-stays", "coping", "self-help", "medication", "alcohol", "drugs"]  # fmt: skip


def rating(day: int, scores: list[int | None], rater: str = "participant", phase: str = "during") -> ImrsRatingRecord:
    return ImrsRatingRecord(day, dt.date(2026, 1, day), rater, phase, "", dict(zip(ITEMS, scores)))


START = rating(5, [2, 3, 2, 2, 1, 3, 3, 1, 3, 4, 2, 1, None, 4, 5], phase="start")
DURING = rating(20, [3, 3, 3, 3, 2, 3, 3, 2, 4, 5, 3, 2, None, 4, 5])


def test_the_shipped_scale_has_fifteen_items_and_only_medication_may_be_left_out() -> None:
    scale = load_scale()
    assert [item.id for item in scale.items] == ITEMS
    assert (scale.lowest, scale.highest) == (1, 5)
    assert [item.number for item in scale.items if item.may_be_not_applicable] == [13]
    assert not any(item.reverse for item in scale.items)  # every item is worded so that 5 is best
    assert str(scale.items[0].label) == "Framgang mot egne mål"


def test_mean_leaves_out_not_applicable_and_change_is_latest_minus_start() -> None:
    scale = load_scale()
    # By hand: 36 over the 14 items that apply, then 45 over 14.
    assert mean(scale, START) == pytest.approx(36 / 14)
    assert mean(scale, DURING) == pytest.approx(45 / 14)
    assert answered(scale, START) == 15
    assert change_in_mean(scale, [START, DURING]) == pytest.approx(9 / 14)
    changes = change_per_item(scale, [START, DURING])
    assert changes["goal-progress"] == 1 and changes["knowledge"] == 0 and "medication" not in changes
    assert change_in_mean(scale, [START]) is None


def test_change_counts_from_the_rating_marked_start_not_an_earlier_one() -> None:
    scale = load_scale()
    trial = rating(1, [1] * 15)  # a first try, not marked start
    summary = summarise(scale, [trial, START, DURING, rating(25, [5] * 15, rater="clinician")], "participant")
    assert len(summary.ratings) == 3
    assert summary.change == pytest.approx(9 / 14)
    assert summary.means[0] == 1.0


def test_not_applicable_is_not_counted_where_the_item_does_not_allow_it() -> None:
    scale = load_scale()
    odd = rating(3, [None] * 12 + [4, 5, 5])
    assert mean(scale, odd) == pytest.approx(14 / 3)
    assert answered(scale, odd) == 3  # only the medication item may be "not applicable"


def test_a_reversed_item_counts_the_other_way_round(tmp_path: Path) -> None:
    path = tmp_path / "scale.yaml"
    path.write_text(textwrap.dedent(SMALL_SCALE.replace("    reverse: false", "    reverse: true")), encoding="utf-8")
    scale, problems = check_scale(path)
    assert problems == [] and scale.items[1].reverse
    scores = ImrsRatingRecord(1, dt.date(2026, 1, 1), "clinician", "start", "", {"first": 4, "second": 2})
    assert mean(scale, scores) == pytest.approx((4 + (1 + 5 - 2)) / 2)


def test_numbers_are_written_the_way_of_the_language() -> None:
    from imr_tui.i18n import use_language

    assert (format_mean(36 / 14), format_change(9 / 14), format_change(-0.04)) == ("2,6", "+0,6", "±0,0")
    with use_language("en"):
        assert (format_mean(36 / 14), format_change(-0.3)) == ("2.6", "−0.3")
    assert sparkline([1, 3, 5, None], 1, 5) == "▁▅█·"


def test_a_score_outside_the_range_is_refused_with_what_is_allowed() -> None:
    with pytest.raises(FieldError, match="skår fra 1 til 5 \\(5 er best\\); dette leddet skåres for alle"):
        parse_score("6", "item-coping", 1, 5, may_be_not_applicable=False)
    with pytest.raises(FieldError, match="eller n for ikke aktuelt"):
        parse_score("0", "item-medication", 1, 5, may_be_not_applicable=True)
    with pytest.raises(FieldError):
        parse_score("n", "item-coping", 1, 5, may_be_not_applicable=False)
    assert parse_score("n", "item-medication", 1, 5, may_be_not_applicable=True) is None
    assert parse_score(" 3 ", "item-coping", 1, 5, may_be_not_applicable=False) == 3


def test_the_store_keeps_a_rating_item_by_item_and_refuses_bad_scores(demo_store) -> None:
    scale = load_scale()
    person, _sessions = person_in_a_group(demo_store, TODAY.date())
    rating_id = demo_store.imrs.add_rating(person, TODAY.date(), "clinician", "start")
    demo_store.imrs.set_score(scale, rating_id, "coping", 4)
    demo_store.imrs.set_score(scale, rating_id, "medication", None)
    demo_store.imrs.set_score(scale, rating_id, "coping", 5)
    with pytest.raises(FieldError):
        demo_store.imrs.set_score(scale, rating_id, "coping", 6)
    with pytest.raises(FieldError):
        demo_store.imrs.set_score(scale, rating_id, "alcohol", None)
    (stored,) = demo_store.imrs.history(person)
    assert (stored.rater, stored.phase, stored.scores) == ("clinician", "start", {"coping": 5, "medication": None})
    demo_store.imrs.clear_score(rating_id, "coping")
    demo_store.imrs.delete_rating(rating_id)
    assert demo_store.imrs.history(person) == []


SMALL_SCALE = """\
format: 1
name: {nb: Liten skala, en: Small scale}
scoring:
  lowest: 1
  highest: 5
items:
  - id: first
    number: 1
    label: {nb: Første, en: First}
    low: {nb: Lite, en: Little}
    high: {nb: Mye, en: A lot}
  - id: second
    number: 2
    label: {nb: Andre, en: Second}
    low: {nb: Lite, en: Little}
    high: {nb: Mye, en: A lot}
    reverse: false
"""

BROKEN_SCALE = """\
format: 1
name: {nb: Ødelagt skala, en: Broken scale}
scoring:
  lowest: 5
  highest: 1
items:
  - id: first
    number: 1
    label: {en: First}
    low: {nb: Lite, en: Little}
    high: {nb: Mye, en: A lot}
  - id: first
    number: 3
    label: {nb: Andre, en: Second}
    low: {nb: Lite, en: Little}
    high: {nb: Mye, en: A lot}
    not_applicable_when: {nb: aldri, en: never}
    colour: red
"""


def test_the_checker_reports_every_problem_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "imrs.yaml"
    path.write_text(BROKEN_SCALE, encoding="utf-8")
    scale, problems = check_scale(path)
    assert scale is None
    found = {(problem.line, problem.field) for problem in problems}
    assert (5, "scoring.highest") in found  # highest must be above lowest
    assert (9, "items[0].label.nb") in found  # the bokmål text is missing (the others may fall back to it)
    assert (12, "items[1].id") in found  # the id is used twice
    assert (6, "items") in found  # numbers 1 and 3: 2 is missing
    assert (17, "items[1].not_applicable_when") in found
    assert (18, "items[1].colour") in found
    assert all(str(problem).startswith(f"{path}:{problem.line}: {problem.field}: ") for problem in problems)
    assert any("mangler: 2" in problem.message for problem in problems)


def test_the_checker_names_the_line_of_broken_yaml_and_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "imrs.yaml"
    path.write_text("format: 1\nitems:\n  - id: [unclosed\n", encoding="utf-8")
    _scale, (problem,) = check_scale(path)
    assert problem.field == "yaml" and problem.line >= 3
    _scale, (missing,) = check_scale(tmp_path / "nope.yaml")
    assert missing.field == "file" and "finnes ikke" in missing.message
