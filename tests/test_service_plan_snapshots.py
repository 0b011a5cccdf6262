"""The service plan screens as pictures, in both languages: layout changes show up in review."""

from __future__ import annotations

import pytest

from snapshot_keys import keys

SIZE = (120, 34)


@pytest.mark.parametrize("language", ["nb", "en"])
def test_group_plans(snap_compare, make_app, language: str) -> None:
    # The daily group: Astrid's plan overdue, Bjørn's up to date, Dag's a draft, the rest without one.
    assert snap_compare(make_app(language), terminal_size=SIZE, run_before=keys("s"))


@pytest.mark.parametrize("language", ["nb", "en"])
def test_plan_editor_on_the_contacts(snap_compare, make_app, language: str) -> None:
    # Astrid's plan, on the section with her personal and professional contacts.
    moves = ("down",) * 6
    assert snap_compare(make_app(language), terminal_size=SIZE, run_before=keys("s", "enter", *moves))


def test_versions_compared(snap_compare, make_app) -> None:
    assert snap_compare(make_app("nb"), terminal_size=SIZE, run_before=keys("s", "enter", "ctrl+o", "down", "c"))


def test_plan_editor_at_100x30(snap_compare, make_app) -> None:
    # The smallest terminal the app is made for: the sections and the list being written, its second line current.
    assert snap_compare(make_app("nb"), terminal_size=(100, 30), run_before=keys("s", "enter", "down", "tab", "down"))
