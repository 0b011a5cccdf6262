"""Where the participant and the clinician see an item differently: a topic to talk about, not an error."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from imr_tui.imrs.scale import ImrsItem, ImrsScale
from imr_tui.imrs.scoring import Rating

TALK_ABOUT_FROM = 2
"""Ratings of one item this far apart (or more) are worth a conversation."""


@dataclass(frozen=True)
class Difference:
    item: ImrsItem
    participant: int
    clinician: int


def topics_to_talk_about(scale: ImrsScale, ratings: Sequence[Rating]) -> list[Difference]:
    """Items where the latest participant rating and the latest clinician rating differ by two or more."""
    latest = {rating.rater: rating for rating in ratings}  # oldest first: the last one wins
    mine, theirs = latest.get("participant"), latest.get("clinician")
    if mine is None or theirs is None:
        return []
    found = []
    for item in scale.items:
        first, second = mine.scores.get(item.id), theirs.scores.get(item.id)
        if first is not None and second is not None and abs(first - second) >= TALK_ABOUT_FROM:
            found.append(Difference(item, first, second))
    return found
