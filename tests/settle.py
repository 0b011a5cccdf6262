"""Waiting, in a Pilot test, until the app has done what the keys asked: no sleeps.

Workers finished, the gateway's queue empty (every store call answered), and the messages
they posted handled; a few rounds, as an answer may lead to another reading; then until no
screen is still waiting for a reading it asked for.
"""

from __future__ import annotations

import asyncio


async def settle(pilot, rounds: int = 3) -> None:
    for _round in range(rounds):
        await pilot.app.workers.wait_for_complete()
        gateway = getattr(pilot.app, "gateway", None)
        if gateway is not None:
            await asyncio.get_running_loop().run_in_executor(None, gateway.wait_until_idle, 30)
        await pilot.pause()
    # A screen that has asked for its data (or will, after this refresh) shows it once the
    # answer is handled: wait until no screen on the stack is still reading.
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 20
    while _still_reading(pilot.app) and loop.time() < deadline:
        await pilot.pause(0.02)
    _hold_cursors_still(pilot.app)
    await pilot.pause()


def _hold_cursors_still(app) -> None:
    # A blinking cursor is shown or not by the clock: a still one looks the same at any moment.
    from textual.widgets import Input, TextArea

    for field in app.screen.query("Input, TextArea"):
        if isinstance(field, Input | TextArea):
            field.cursor_blink = False


def _still_reading(app) -> bool:
    return any(getattr(screen, "reading", False) or screen.loading for screen in app.screen_stack) or _tables_measuring(app)


def _tables_measuring(app) -> bool:
    # A table measures its columns for updated cells when its queue is next empty: until then
    # a widened cell is shown cut.
    from textual.widgets import DataTable

    return any(table._updated_cells or table._require_update_dimensions for table in app.screen.query(DataTable))


async def until(pilot, condition, timeout: float = 30.0, what: str = "the condition") -> None:
    """For a real fault that takes real time (a busy timeout, a server coming back): look until it holds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"{what} did not happen within {timeout} s")
        await pilot.pause(0.05)


async def autosaved(pilot, timeout: float = 30.0) -> None:
    """Until what was typed has been handed to the store: the save after a typing pause runs on
    a timer, and on a busy machine a timer fires late. Then settled, so the save is answered."""
    await pilot.pause()
    await until(pilot, lambda: not _saves_waiting(pilot.app), timeout, "the save after typing")
    await settle(pilot)


def _saves_waiting(app) -> bool:
    for screen in app.screen_stack:
        autosaver = getattr(screen, "autosaver", None)
        if autosaver is not None and autosaver.timers:
            return True
        if getattr(screen, "_draft_timer", None) is not None:
            return True
    return False
