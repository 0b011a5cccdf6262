"""The main screens as pictures, in each language: layout changes show up in review."""

from __future__ import annotations

import pytest

from settle import settle

SIZE = (110, 32)
ROOM_SIZES = [(100, 30), (140, 45)]
"""A laptop's terminal and a projector's: every status whole, every key findable."""


@pytest.mark.parametrize("size", ROOM_SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("language", ["nb", "en"])
def test_today_in_the_room(snap_compare, make_app, language: str, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(language), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", ROOM_SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("language", ["nb", "en"])
def test_session_with_marks_in_the_room(snap_compare, make_app, language: str, size: tuple[int, int]) -> None:
    async def mark(pilot) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("1", "2", "3", "4", "5")  # every status once: none may be cut off
        await settle(pilot)

    assert snap_compare(make_app(language), terminal_size=size, run_before=mark)


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_today(snap_compare, make_app, language: str) -> None:
    assert snap_compare(make_app(language), terminal_size=SIZE, run_before=settle)


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_session(snap_compare, make_app, language: str) -> None:
    async def open_session(pilot) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(make_app(language), terminal_size=SIZE, run_before=open_session)


def test_session_in_presentation_mode(snap_compare, make_app) -> None:
    async def present(pilot) -> None:
        await settle(pilot)
        await pilot.press("enter", "f5")
        await settle(pilot)

    assert snap_compare(make_app("nb"), terminal_size=SIZE, run_before=present)


def test_help(snap_compare, make_app) -> None:
    async def help_(pilot) -> None:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)

    assert snap_compare(make_app("nb"), terminal_size=SIZE, run_before=help_)


@pytest.mark.parametrize("language", ["nb", "en"])
def test_register(snap_compare, make_app, language: str) -> None:
    async def open_register(pilot) -> None:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)

    assert snap_compare(make_app(language), terminal_size=SIZE, run_before=open_register)


def test_journal_notes(snap_compare, make_app) -> None:
    async def open_journal(pilot) -> None:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)

    assert snap_compare(make_app("nb"), terminal_size=SIZE, run_before=open_journal)
