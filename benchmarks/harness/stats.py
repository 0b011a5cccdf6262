"""Summaries of repeated measurements: the median, with the spread around it."""

from __future__ import annotations

import statistics


def summary(values: list[float], digits: int = 1) -> dict:
    return {
        "median": round(statistics.median(values), digits),
        "min": round(min(values), digits),
        "max": round(max(values), digits),
        "runs": [round(value, digits) for value in values],
    }


def ratio(measured: dict, baseline: dict) -> float:
    """Medians compared, so one slow run on a busy machine does not decide the ratio."""
    return round(measured["median"] / baseline["median"], 2)
