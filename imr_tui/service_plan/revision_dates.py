"""When a plan is due for review: good practice is about every three months."""

from __future__ import annotations

import calendar
import datetime as dt
from enum import StrEnum

DUE_SOON_DAYS = 14
"""A plan shows as due this long before its review date, so the review can be planned."""


class RevisionDue(StrEnum):
    NONE = "none"
    """No finished version yet."""
    LATER = "later"
    DUE = "due"
    OVERDUE = "overdue"


def review_state(review_on: dt.date | None, today: dt.date) -> RevisionDue:
    if review_on is None:
        return RevisionDue.NONE
    if review_on < today:
        return RevisionDue.OVERDUE
    if review_on <= today + dt.timedelta(days=DUE_SOON_DAYS):
        return RevisionDue.DUE
    return RevisionDue.LATER


def months_later(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the month's last day where it is shorter (31 Jan + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
