"""Key presses before a snapshot is taken, each followed by the work it starts."""

from __future__ import annotations

from settle import settle


def keys(*pressed: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)
        await settle(pilot)

    return run_before
