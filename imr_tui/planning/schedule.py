"""Session dates from a group's cadence, skipping Norwegian public holidays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from imr_tui.curriculum import Curriculum
from imr_tui.models import Cadence

MONDAY_TO_FRIDAY = frozenset({1, 2, 3, 4, 5})


@cache
def norwegian_holidays(year: int) -> frozenset[dt.date]:
    """Public holidays in Norway (not plain Sundays), from the kept `holidays` library."""
    import holidays

    return frozenset(holidays.country_holidays("NO", years=year, include_sundays=False))


def is_public_holiday(day: dt.date) -> bool:
    return day in norwegian_holidays(day.year)


def session_dates(
    start: dt.date,
    cadence: Cadence,
    weekdays: Iterable[int] = (),
    *,
    count: int,
    closed: Callable[[dt.date], bool] = is_public_holiday,
) -> list[dt.date]:
    """The first `count` meeting dates from `start` (weekdays are ISO: 1 = Monday)."""
    days = MONDAY_TO_FRIDAY if cadence == Cadence.WEEKDAYS else frozenset(weekdays)
    if not days:
        raise ValueError("a weekly or fortnightly cadence needs at least one weekday")
    every_other_week = cadence == Cadence.FORTNIGHTLY
    first_monday = start - dt.timedelta(days=start.weekday())
    dates: list[dt.date] = []
    day = start
    while len(dates) < count:
        week_number = (day - first_monday).days // 7
        if day.isoweekday() in days and not (every_other_week and week_number % 2) and not closed(day):
            dates.append(day)
        day += dt.timedelta(days=1)
    return dates


@dataclass(frozen=True)
class PlannedContent:
    module_id: str | None
    topic_id: str | None


def lay_out_modules(curriculum: Curriculum, session_count: int) -> list[PlannedContent]:
    """The group modules in curriculum order, each over its suggested number of sessions.

    A module's topics are spread evenly over its sessions. Sessions beyond the
    curriculum get no module: the therapists choose (repetition, catch-up).
    """
    plan: list[PlannedContent] = []
    for module in curriculum.group_modules():
        sessions = max(module.suggested_sessions, 1)
        for index in range(sessions):
            topic = module.topics[index * len(module.topics) // sessions] if module.topics else None
            plan.append(PlannedContent(module.id, topic.id if topic else None))
    plan = plan[:session_count]
    plan.extend(PlannedContent(None, None) for _ in range(session_count - len(plan)))
    return plan
