"""Saving typed text shortly after the typing pauses, at least every second while it goes on, and at once when the view closes.

A short delay keeps the database from being written on every keystroke while still
saving well within a second, so closing the terminal loses nothing that was typed. The
delay alone would restart at every key: someone typing steadily would have nothing saved
until they stopped, so no change waits longer than `MAX_WAIT`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol

from textual.timer import Timer

SAVE_DELAY = 0.4
MAX_WAIT = 1.0
"""Seconds: the oldest unsaved key is on disk within this, however fast the typing goes on."""


class TimerOwner(Protocol):
    def set_timer(self, delay: float, callback: Callable[[], object]) -> Timer: ...


class Autosaver:
    def __init__(self, owner: TimerOwner, delay: float = SAVE_DELAY, max_wait: float = MAX_WAIT, clock: Callable[[], float] | None = None) -> None:
        self.owner = owner
        self.delay = delay
        self.max_wait = max_wait
        self._clock = clock
        self.pending: dict[str, Callable[[], None]] = {}
        self.timers: dict[str, Timer] = {}
        self.unsaved_since: dict[str, float] = {}

    def clock(self) -> float:
        """Seconds, from the app's clock where there is one (a test's stands still), else the system's."""
        if self._clock is not None:
            return self._clock()
        app_clock = getattr(getattr(self.owner, "app", None), "clock", None)
        return app_clock.monotonic() if app_clock is not None else time.monotonic()

    def schedule(self, key: str, save: Callable[[], None]) -> None:
        self.pending[key] = save
        now = self.clock()
        waited = now - self.unsaved_since.setdefault(key, now)
        if key in self.timers:
            self.timers[key].stop()
        if waited >= self.max_wait:  # the timer came late (a busy screen): save with this key
            self.save(key)
            return
        self.timers[key] = self.owner.set_timer(min(self.delay, self.max_wait - waited), lambda: self.save(key))

    def save(self, key: str) -> None:
        save = self.pending.pop(key, None)
        self.timers.pop(key, None)
        self.unsaved_since.pop(key, None)
        if save is not None:
            save()

    def flush(self) -> None:
        for key in list(self.pending):
            if key in self.timers:
                self.timers[key].stop()
            self.save(key)
