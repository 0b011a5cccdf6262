"""Scoring the IMR Scale: the mean of a rating, and the change since the start, per item and overall.

The rules come from the scale's data: the range, which items may be "not applicable"
(left out of the mean) and which, if any, count the other way round.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from imr_tui.imrs.scale import ImrsItem, ImrsScale


class Rating(Protocol):
    """What scoring and the tables and charts need of a rating (the store's ImrsRatingRecord has it)."""

    @property
    def id(self) -> int: ...

    @property
    def rated_on(self) -> dt.date: ...

    @property
    def rater(self) -> str: ...

    @property
    def phase(self) -> str: ...

    @property
    def scores(self) -> Mapping[str, int | None]: ...


def counted(scale: ImrsScale, item: ImrsItem, score: int | None) -> int | None:
    """The score as it counts: None if not answered or not applicable; reversed where the item says so."""
    if score is None or not scale.allows(item, score):
        return None
    return scale.lowest + scale.highest - score if item.reverse else score


def item_scores(scale: ImrsScale, rating: Rating) -> dict[str, int]:
    """Item id -> the counted score, for the items answered with a score."""
    found = {item.id: counted(scale, item, rating.scores.get(item.id)) for item in scale.items}
    return {item_id: score for item_id, score in found.items() if score is not None}


def mean(scale: ImrsScale, rating: Rating) -> float | None:
    """The mean of the scored items; "not applicable" and unanswered items are left out."""
    scores = item_scores(scale, rating)
    return sum(scores.values()) / len(scores) if scores else None


def answered(scale: ImrsScale, rating: Rating) -> int:
    """Items answered, with a score or as "not applicable"."""
    return sum(1 for item in scale.items if item.id in rating.scores and (rating.scores[item.id] is not None or item.may_be_not_applicable))


def complete(scale: ImrsScale, rating: Rating) -> bool:
    """Every item answered, with a score in range or "not applicable" where the item allows it.

    Only a complete rating is a finished one; one saved before that is partial: shown as such
    in the history and never used for the change since the start, the latest rating or the chart.
    """
    return answered(scale, rating) == len(scale.items) and all(
        scale.allows(item, rating.scores[item.id]) for item in scale.items
    )


def start_and_latest(ratings: Sequence[Rating]) -> tuple[Rating, Rating] | None:
    """The rating to compare from (the first marked "start", else the first) and the latest.

    `ratings` are one version's (participant or clinician), oldest first. None when there
    is nothing to compare yet.
    """
    if len(ratings) < 2:
        return None
    start = next((rating for rating in ratings if rating.phase == "start"), ratings[0])
    latest = ratings[-1]
    return None if latest is start else (start, latest)


def change_in_mean(scale: ImrsScale, ratings: Sequence[Rating]) -> float | None:
    pair = start_and_latest(ratings)
    if pair is None:
        return None
    first, last = (mean(scale, rating) for rating in pair)
    return None if first is None or last is None else last - first


def change_per_item(scale: ImrsScale, ratings: Sequence[Rating]) -> dict[str, int]:
    """Item id -> latest minus start, for items scored in both."""
    pair = start_and_latest(ratings)
    if pair is None:
        return {}
    first, last = (item_scores(scale, rating) for rating in pair)
    return {item_id: last[item_id] - first[item_id] for item_id in first if item_id in last}


@dataclass(frozen=True)
class VersionSummary:
    """One version's ratings (participant or clinician) and what they add up to."""

    rater: str
    ratings: tuple[Rating, ...]
    """Every rating of the version, partial ones too (the table shows them, marked)."""
    means: tuple[float | None, ...]
    change: float | None
    item_changes: dict[str, int]
    finished: tuple[Rating, ...] = ()
    """The complete ratings only: the change, the latest rating and the chart use these."""
    finished_means: tuple[float | None, ...] = ()


def summarise(scale: ImrsScale, ratings: Sequence[Rating], rater: str) -> VersionSummary:
    """The ratings of one version (oldest first, as the store gives them) with means and changes."""
    own = tuple(rating for rating in ratings if rating.rater == rater)
    finished = tuple(rating for rating in own if complete(scale, rating))
    return VersionSummary(
        rater, own, tuple(mean(scale, rating) for rating in own), change_in_mean(scale, finished), change_per_item(scale, finished),
        finished, tuple(mean(scale, rating) for rating in finished),
    )
