"""The therapists: a team that grows and changes over the years."""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from collections.abc import Iterator

from dataset.tables import Tables, stamp

FIRST_TEAM = 10
JOINING_PER_YEAR = 4
YEARS_IN_SERVICE = (3, 9)


class Staff:
    def __init__(self, tables: Tables, rng: random.Random, names: Iterator[str], first_day: dt.date, today: dt.date, years: int) -> None:
        self.rng = rng
        self.spans: list[tuple[int, dt.date, dt.date]] = []
        hires = [first_day - dt.timedelta(days=rng.randint(0, 700)) for _ in range(FIRST_TEAM)]
        hires += [first_day + dt.timedelta(days=rng.randint(0, 365 * years)) for _ in range(JOINING_PER_YEAR * years)]
        for hired in sorted(hires):
            leaves = hired + dt.timedelta(days=365 * rng.randint(*YEARS_IN_SERVICE))
            name = next(names)
            therapist_id = tables.add(
                "therapist", stamp(hired), name=name, email=f"{_ascii(name).lower().replace(' ', '.')}@example.org",
                active=leaves > today,
            )  # fmt: skip
            self.spans.append((therapist_id, hired, leaves))

    def pick(self, day: dt.date, count: int) -> list[int]:
        """`count` different therapists working on `day` (anyone, if too few are)."""
        working = [tid for tid, hired, leaves in self.spans if hired <= day < leaves]
        pool = working if len(working) >= count else [tid for tid, _hired, _leaves in self.spans]
        return self.rng.sample(pool, count)


def _ascii(text: str) -> str:
    text = text.replace("ø", "o").replace("Ø", "O").replace("æ", "ae").replace("Æ", "Ae").replace(".", "")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
