"""Opening the store in a thread of its own, once the app has drawn its first frame.

Importing the database layer (SQLAlchemy, SQLModel, the tables) takes longer than Textual
needs for its first frame. Where the database is gets checked first, on the caller's thread,
so a missing folder or a file that is not SQLite still fails before the app starts.

The thread starts only when the app has drawn its first frame: two threads importing at
the same time take longer than one after the other (they take turns holding the GIL, and
every file the importing thread reads hands it to the other one).
"""

from __future__ import annotations

import asyncio
import threading
from typing import TYPE_CHECKING

from imr_tui.store.location import prepare_sqlite_file, resolve_location

if TYPE_CHECKING:
    from imr_tui.store import Store


class StoreNotOpened(asyncio.CancelledError):
    """For work that needs the store after opening it failed: cancelled, as the app ends with that error."""


class StoreOpening:
    """`open_store(target)` in a thread from `start()`; `result()` waits for the store or raises its error."""

    def __init__(self, target: str | None) -> None:
        location = resolve_location(target)
        if location.path is not None:
            prepare_sqlite_file(location.path)
        self.target = target
        self.error: BaseException | None = None
        self._store: Store | None = None
        self._done = threading.Event()
        # Not a daemon: quitting at once still lets an upgrade that has begun finish.
        self._thread = threading.Thread(target=self._open, name="open-store")
        self._starting = threading.Lock()

    def start(self) -> None:
        with self._starting:
            if self._thread.ident is None:
                self._thread.start()

    def _open(self) -> None:
        try:
            from imr_tui.store import open_store

            self._store = open_store(self.target)
        except BaseException as error:  # handed to whoever waits for the store
            self.error = error
        finally:
            self._done.set()

    def wait(self) -> bool:
        """Wait until the store is open or has failed (after `start()`); True when it is open."""
        self._done.wait()
        return self.error is None

    def result(self) -> Store:
        if not self.wait():
            raise self.error  # type: ignore[misc]
        assert self._store is not None
        return self._store
