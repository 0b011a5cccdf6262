"""The goal screens as pictures, in both languages: layout changes show up in review."""

from __future__ import annotations

import pytest

from snapshot_keys import keys

SIZE = (110, 32)


@pytest.mark.parametrize("language", ["nb", "en"])
def test_goal_screen(snap_compare, make_app, language: str) -> None:
    # The daily group's first participant; her second step is highlighted, with its follow-up and checklist.
    assert snap_compare(make_app(language), terminal_size=SIZE, run_before=keys("g", "enter", "down", "down", "down"))


@pytest.mark.parametrize("language", ["nb", "en"])
def test_imrs_view(snap_compare, make_app, language: str) -> None:
    assert snap_compare(make_app(language), terminal_size=SIZE, run_before=keys("g", "enter", "i"))


def test_group_goals(snap_compare, make_app) -> None:
    assert snap_compare(make_app("nb"), terminal_size=SIZE, run_before=keys("g"))


def test_goal_screen_at_100x30(snap_compare, make_app) -> None:
    # The smallest terminal the app is made for: the tree and the highlighted step's detail both keep their place.
    assert snap_compare(make_app("nb"), terminal_size=(100, 30), run_before=keys("g", "enter", "down", "down", "down"))
