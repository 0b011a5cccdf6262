"""The agenda timer: which part of the session is running and how much time is left.

Plain logic on an injected monotonic clock, so tests move time instead of sleeping.
Its state is saved with the session, so closing the app mid-session resumes the timer.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class TimerReading:
    part_index: int
    part_elapsed: float
    part_left: float
    """Negative when the part has run over its minutes."""
    total_left: float
    running: bool
    finished: bool

    @property
    def overtime(self) -> bool:
        return self.part_left < 0


class AgendaTimer:
    def __init__(self, minutes: list[int], monotonic: Callable[[], float]) -> None:
        self.minutes = minutes
        self._monotonic = monotonic
        self.part_index = 0
        self._banked = 0.0  # seconds used in the current part before the last start
        self._used_before = 0.0  # seconds used in parts already finished
        self._started_at: float | None = None

    @property
    def running(self) -> bool:
        return self._started_at is not None

    def start(self) -> None:
        if not self.running and not self.finished:
            self._started_at = self._monotonic()

    def pause(self) -> None:
        if self._started_at is not None:
            self._banked += self._monotonic() - self._started_at
            self._started_at = None

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    @property
    def finished(self) -> bool:
        return self.part_index >= len(self.minutes)

    def next_part(self) -> None:
        """Close the current part (its time counts as used) and begin the next one."""
        if self.finished:
            return
        was_running = self.running
        self.pause()
        self._used_before += self._banked
        self._banked = 0.0
        self.part_index += 1
        if was_running:
            self.start()

    def set_minutes(self, minutes: list[int]) -> None:
        self.minutes = minutes

    def reading(self) -> TimerReading:
        elapsed = self._banked + (self._monotonic() - self._started_at if self._started_at is not None else 0.0)
        if self.finished:
            return TimerReading(len(self.minutes), 0.0, 0.0, 0.0, False, True)
        part_seconds = self.minutes[self.part_index] * 60
        # Time left in the session is the plan less all time used: an earlier part that
        # ran over takes its minutes from the end of the session.
        total_left = sum(self.minutes) * 60 - self._used_before - elapsed
        return TimerReading(self.part_index, elapsed, part_seconds - elapsed, total_left, self.running, False)

    def to_json(self) -> str:
        """The state to store: running time is folded in, so a restart resumes paused."""
        reading = self.reading()
        return json.dumps({"part": self.part_index, "elapsed": round(reading.part_elapsed, 1), "used": round(self._used_before, 1)})

    @classmethod
    def from_json(cls, text: str, minutes: list[int], monotonic: Callable[[], float]) -> AgendaTimer:
        timer = cls(minutes, monotonic)
        if text:
            try:
                state = json.loads(text)
                timer.part_index = min(int(state.get("part", 0)), len(minutes))
                timer._banked = float(state.get("elapsed", 0.0))
                timer._used_before = float(state.get("used", 0.0))
            except (ValueError, TypeError, AttributeError):
                pass  # a damaged timer state starts the timer afresh; nothing else depends on it
        return timer


def format_duration(seconds: float) -> str:
    """`4:05`, or `-1:30` when over time."""
    sign = "-" if seconds < 0 else ""
    whole = int(abs(seconds) + 0.5) if seconds >= 0 else int(abs(seconds))
    return f"{sign}{whole // 60}:{whole % 60:02d}"
