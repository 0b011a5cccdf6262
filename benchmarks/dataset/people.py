"""Participants: new people, and earlier participants who take a course again."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from dataset.names import alias
from dataset.tables import Tables, stamp

REJOIN_RATE = 0.28
"""Share of places taken by someone who finished or left an earlier course."""
NEEDS_PICKUP_RATE = 0.12
ENGLISH_RATE = 0.05


class Participants:
    def __init__(self, tables: Tables, rng: random.Random, names: Iterator[str]) -> None:
        self.tables = tables
        self.rng = rng
        self.names = names
        self.alumni: list[tuple[int, dt.date]] = []
        """People free to join again, with the day their last course ended for them."""
        self.needs_pickup: dict[int, bool] = {}

    def for_course(self, day: dt.date) -> int:
        """Someone who takes a place from `day`: now and then a former participant."""
        if self.alumni and self.rng.random() < REJOIN_RATE:
            free = [index for index, (_pid, until) in enumerate(self.alumni) if until < day]
            if free:
                return self.alumni.pop(self.rng.choice(free))[0]
        return self._new(day)

    def course_ended(self, participant_id: int, day: dt.date) -> None:
        self.alumni.append((participant_id, day))

    def _new(self, day: dt.date) -> int:
        name = next(self.names)
        pickup = self.rng.random() < NEEDS_PICKUP_RATE
        shown_as = alias(name) if self.rng.random() < 0.7 else name.split()[0]
        language = "en" if self.rng.random() < ENGLISH_RATE else "nb"
        participant_id = self.tables.add("participant", stamp(day), name=name, alias=shown_as, needs_pickup=pickup, language=language)
        self.needs_pickup[participant_id] = pickup
        return participant_id
