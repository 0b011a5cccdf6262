"""Saving typed text shortly after the typing pauses, and at once when the view closes.

A short delay keeps the database from being written on every keystroke while still
saving well within a second, so closing the terminal loses nothing that was typed.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.dom import DOMNode
from textual.timer import Timer

SAVE_DELAY = 0.4


class Autosaver:
    def __init__(self, owner: DOMNode, delay: float = SAVE_DELAY) -> None:
        self.owner = owner
        self.delay = delay
        self.pending: dict[str, Callable[[], None]] = {}
        self.timers: dict[str, Timer] = {}

    def schedule(self, key: str, save: Callable[[], None]) -> None:
        self.pending[key] = save
        if key in self.timers:
            self.timers[key].stop()
        self.timers[key] = self.owner.set_timer(self.delay, lambda: self.save(key))

    def save(self, key: str) -> None:
        save = self.pending.pop(key, None)
        self.timers.pop(key, None)
        if save is not None:
            save()

    def flush(self) -> None:
        for key in list(self.pending):
            if key in self.timers:
                self.timers[key].stop()
            self.save(key)
