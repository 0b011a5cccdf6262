"""The time of day, injectable so tests and screenshots never depend on the real clock."""

from __future__ import annotations

import datetime as dt
import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime: ...

    def monotonic(self) -> float: ...


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now().replace(microsecond=0)

    def monotonic(self) -> float:
        return time.monotonic()


class FixedClock:
    """A clock that stands still until a test moves it."""

    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment
        self._elapsed = 0.0

    def now(self) -> dt.datetime:
        return self.moment + dt.timedelta(seconds=self._elapsed)

    def monotonic(self) -> float:
        return self._elapsed

    def advance(self, seconds: float) -> None:
        self._elapsed += seconds
