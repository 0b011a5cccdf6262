"""One call to the store, as a screen asked for it."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.message_pump import MessagePump

    from imr_tui.store import Store
    from imr_tui.store.first_reader import FirstReader

_numbers = itertools.count(1)


class Kind(StrEnum):
    READ = "read"
    WRITE = "write"


@dataclass(eq=False)
class StoreRequest:
    kind: Kind
    call: Callable[[Store], Any]
    """Runs on the database thread with the open store; its result is the answer."""
    owner: MessagePump
    """Where the answer goes: the screen that asked (the app once that screen is gone)."""
    answer: Callable[[Any], object] | None = None
    """Run on the UI thread with the result."""
    failed: Callable[[BaseException], bool] | None = None
    """Run on the UI thread with an error that will not be retried; True when it was dealt with."""
    what: str = ""
    """What the call does, in the user's words ("Astrid Kvamme – present"), for the not-saved line."""
    early: Callable[[FirstReader], Any] | None = None
    """For the first screen: the same answer from the first reader while the store is still
    opening; it returns None when it cannot tell, and `call` runs instead."""
    number: int = field(default_factory=lambda: next(_numbers))
    attempts: int = 0

    @property
    def is_write(self) -> bool:
        return self.kind is Kind.WRITE
