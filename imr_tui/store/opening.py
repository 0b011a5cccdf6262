"""Opening the store in a thread of its own, once the app has shown its first list (or frame).

Importing the database layer (SQLAlchemy, SQLModel, the tables) takes longer than Textual
needs for its first frame. Where the database is gets checked first, on the caller's thread,
so a missing folder or a file that is not SQLite still fails before the app starts.

The thread starts only once the Today list is on screen (read by the first reader, see
`first_reader.py`), or, where there is no first reader, once the app has drawn its first
frame: two threads importing at the same time take longer than one after the other (they take
turns holding the GIL, and every file the importing thread reads hands it to the other one).
"""

from __future__ import annotations

import asyncio
import gc
import threading
from typing import TYPE_CHECKING

from imr_tui.store.location import prepare_sqlite_file, resolve_location

if TYPE_CHECKING:
    from imr_tui.store import Store


class StoreNotOpened(asyncio.CancelledError):
    """For work that needs the store after opening it failed: cancelled, as the app ends with that error."""


def refuse_if_damaged(store: Store) -> None:
    """A damaged page would stop the first screen with a traceback: say so, and what to do, before it opens."""
    from imr_tui.errors import UserError
    from imr_tui.i18n import _

    damage = store.maintenance.quick_damage()
    if damage is not None:
        store.close()
        raise UserError(
            _("{path} is damaged ({reason}); nothing was changed; put the newest backup back with: imr-tui restore BACKUP --db {path}").format(path=store.location, reason=damage)
        )


class StoreOpening:
    """`open_store(target)` in a thread from `start()`; `result()` waits for the store or raises its error."""

    def __init__(self, target: str | None) -> None:
        location = resolve_location(target)
        self.path = location.path
        """The SQLite file; None for a server database."""
        self.new_file = prepare_sqlite_file(location.path) if location.path is not None else False
        """True for a file the store has yet to fill (a first reader has nothing to read there)."""
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

            store = open_store(self.target)
            refuse_if_damaged(store)
            self._store = store
            # The database layer's modules live as long as the app: out of the garbage collector's
            # sight, a full collection does not walk them (a pause that would land on a key press).
            gc.freeze()
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
