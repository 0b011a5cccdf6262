"""Session dates from a group's cadence, skipping Norwegian public holidays and closed periods,
and the curriculum laid over them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from imr_tui.curriculum import Curriculum, Module
from imr_tui.domain.vocabulary import Cadence

MONDAY_TO_FRIDAY = frozenset({1, 2, 3, 4, 5})


@cache
def norwegian_holidays(year: int) -> frozenset[dt.date]:
    """Public holidays in Norway (not plain Sundays), from the kept `holidays` library."""
    import holidays

    return frozenset(holidays.country_holidays("NO", years=year, include_sundays=False))


def is_public_holiday(day: dt.date) -> bool:
    return day in norwegian_holidays(day.year)


def closed_days(periods: Iterable[tuple[dt.date, dt.date]]) -> Callable[[dt.date], bool]:
    """A public holiday, or a day inside one of the service's closed periods (ends included)."""
    spans = tuple(periods)

    def closed(day: dt.date) -> bool:
        return is_public_holiday(day) or any(first <= day <= last for first, last in spans)

    return closed


def session_dates(
    start: dt.date,
    cadence: Cadence,
    weekdays: Iterable[int] = (),
    *,
    count: int | None = None,
    until: dt.date | None = None,
    closed: Callable[[dt.date], bool] = is_public_holiday,
    anchor: dt.date | None = None,
) -> list[dt.date]:
    """Meeting dates from `start`: the first `count`, or all up to `until` (weekdays are ISO: 1 = Monday).

    `anchor` is a day in the first week of the course: every other week counts from it,
    so a fortnightly group keeps its weeks when its plan is extended later.
    """
    if count is None and until is None:
        raise ValueError("give a count or an end date")
    days = MONDAY_TO_FRIDAY if cadence == Cadence.WEEKDAYS else frozenset(weekdays)
    if not days:
        raise ValueError("a weekly or fortnightly cadence needs at least one weekday")
    every_other_week = cadence == Cadence.FORTNIGHTLY
    first = anchor or start
    first_monday = first - dt.timedelta(days=first.weekday())
    dates: list[dt.date] = []
    day = start
    while (count is None or len(dates) < count) and (until is None or day <= until):
        week_number = (day - first_monday).days // 7
        if day.isoweekday() in days and not (every_other_week and week_number % 2) and not closed(day):
            dates.append(day)
        day += dt.timedelta(days=1)
    return dates


def next_open_day(day: dt.date, closed: Callable[[dt.date], bool], step_days: int = 1) -> dt.date:
    """`day`, or the first day after it (in steps of `step_days`) that is a weekday and not closed."""
    while day.isoweekday() > 5 or closed(day):
        day += dt.timedelta(days=step_days)
    return day


@dataclass(frozen=True)
class PlannedContent:
    module_id: str | None
    topic_id: str | None


def lay_out_modules(curriculum: Curriculum, session_count: int) -> list[PlannedContent]:
    """The group modules in curriculum order, each over its suggested number of sessions.

    A module's topics are spread evenly over its sessions. Sessions beyond the
    curriculum get no module: the therapists choose (repetition, catch-up).
    """
    plan = [content for module in curriculum.group_modules() for content in _module_sessions(module)]
    plan = plan[:session_count]
    plan.extend(PlannedContent(None, None) for _ in range(session_count - len(plan)))
    return plan


def curriculum_session_count(curriculum: Curriculum) -> int:
    """How many group sessions the curriculum suggests in all: the length of a course with no end date."""
    return sum(max(module.suggested_sessions, 1) for module in curriculum.group_modules())


def individual_module(curriculum: Curriculum) -> Module | None:
    """The module done one to one (module 1), or None for a curriculum without one."""
    return next((module for module in curriculum.modules if module.individual), None)


def lay_out_individual(curriculum: Curriculum) -> list[PlannedContent]:
    """The individual module's topics over its suggested number of meetings."""
    module = individual_module(curriculum)
    return _module_sessions(module) if module else []


def _module_sessions(module: Module) -> list[PlannedContent]:
    """A module over its suggested number of sessions, its topics spread evenly."""
    sessions = max(module.suggested_sessions, 1)
    return [
        PlannedContent(module.id, module.topics[index * len(module.topics) // sessions].id if module.topics else None)
        for index in range(sessions)
    ]
