"""Taking changes back: each change a screen makes is logged with its inverse, and ctrl+z runs
the inverse through the gateway like any other write (so it is autosaved, audited and checked
against other windows' work the same way).

One log per window (the app), newest last; a screen puts itself back as it was at once, and
the store follows.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.message_pump import MessagePump

    from imr_tui.store import Store

UNDO_DEPTH = 50
"""How many changes ctrl+z can take back, one after another."""


@dataclass
class Change:
    what: str
    """The change in the user's words, shown when it is undone: "Astrid Kvamme – ✗ absent, no notice"."""
    undo: Callable[[Store], Any]
    """The store call that takes it back; raises ChangedMeanwhile when another window changed it since."""
    owner: MessagePump
    """The screen that made the change: the undo's answer goes there."""
    show_undone: Callable[[], None] | None = None
    """Puts that screen back as it was before the change, on the UI thread."""


class UndoLog:
    def __init__(self, depth: int = UNDO_DEPTH) -> None:
        self._changes: deque[Change] = deque(maxlen=depth)

    def add(self, change: Change) -> None:
        self._changes.append(change)

    def take_last(self) -> Change | None:
        return self._changes.pop() if self._changes else None

    def __len__(self) -> int:
        return len(self._changes)
