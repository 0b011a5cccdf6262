"""Dates in the reader's own way, in forms and titles too; the forms read either way of writing them."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Input, Static

from imr_tui.i18n import use_language
from imr_tui.planning.fields import InvalidField, parse_date

SIZE = (120, 36)


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize(("language", "shown"), [("nb", "24.11.2026"), ("nn", "24.11.2026"), ("en", "24/11/2026")])
async def test_a_new_groups_start_date_is_written_the_readers_way(make_app, language: str, shown: str) -> None:
    app = make_app(language)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("G", "n")
        await settle(pilot)
        assert app.screen.query_one("#start_date", Input).value == shown
        assert app.screen.query_one("#dates", Input).placeholder == ("07/01/2027, 14/01/2027, …" if language == "en" else "07.01.2027, 14.01.2027, …")


async def test_the_english_journal_title_has_an_english_date(make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        title = str(app.screen.query_one("#journal-title", Static).render())
        assert "/2026" in title and ".2026" not in title


@pytest.mark.parametrize("typed", ["4.12.2026", "04.12.2026", "4/12/2026", "2026-12-04"])
def test_a_date_field_reads_both_ways_of_writing(typed: str) -> None:
    assert parse_date(typed, "start_date") == dt.date(2026, 12, 4)
    with use_language("en"):
        assert parse_date(typed, "start_date") == dt.date(2026, 12, 4)


def test_a_wrong_date_is_explained_with_an_example_in_the_readers_way() -> None:
    with pytest.raises(InvalidField, match="skriv datoen som 24.11.2026 eller 2026-11-24"):
        parse_date("i morgen", "start_date")
    with use_language("en"), pytest.raises(InvalidField, match="write a date as 24/11/2026 or 2026-11-24"):
        parse_date("tomorrow", "start_date")
