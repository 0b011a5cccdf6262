"""Two windows on one database: two apps, each with its own store, driven side by side."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass

from sqlmodel import select
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import TextArea

from imr_tui.models import Attendance
from imr_tui.screens.conflict import ConflictScreen
from imr_tui.store import Store, open_store

from settle import autosaved, settle

SIZE = (120, 40)


@dataclass
class Window:
    app: object
    pilot: Pilot

    async def settle(self) -> None:
        await settle(self.pilot)

    async def open(self, screen: Screen) -> Screen:
        # Through the app's own message loop: the test's code runs in the context of the app
        # entered last, and a screen started from there would talk to the other window's app.
        await self.settle()
        self.app.call_later(self.app.push_screen, screen)
        await self.settle()
        return self.app.screen

    async def focus(self, selector: str) -> None:
        self.app.call_later(lambda: self.app.screen.query_one(selector).focus())
        await self.settle()

    async def type(self, text: str) -> None:
        await self.pilot.press(*text)

    async def wait_for_autosave(self) -> None:
        await autosaved(self.pilot)
        await self.settle()

    def conflict_texts(self) -> tuple[str, str]:
        """(mine, theirs) as the conflict screen shows them; fails if it is not shown."""
        screen = self.app.screen
        assert isinstance(screen, ConflictScreen), f"expected the conflict screen, got {type(screen).__name__}"
        mine, theirs = (area.text for area in screen.query(TextArea))
        return mine, theirs


@asynccontextmanager
async def two_windows(make_app, database: str, language: str = "en") -> AsyncIterator[tuple[Window, Window]]:
    """Window A on the test's store, window B on a store of its own: two programs on one database."""
    second_store = open_store(database)
    first, second = make_app(language), make_app(language, store=second_store)
    try:
        async with first.run_test(size=SIZE) as first_pilot, second.run_test(size=SIZE) as second_pilot:
            yield Window(first, first_pilot), Window(second, second_pilot)
    finally:
        second_store.close()


@contextmanager
def reopened(database: str) -> Iterator[Store]:
    """A fresh store on the database, as the next program to open it would see it."""
    store = open_store(database)
    try:
        yield store
    finally:
        store.close()


def stored_attendance(database: str, session_id: int) -> dict[int, tuple[str, bool]]:
    with reopened(database) as store, store.database.reading() as session:
        rows = session.exec(select(Attendance).where(Attendance.session_id == session_id)).all()
    return {row.participant_id: (row.status, row.picked_up) for row in rows}
