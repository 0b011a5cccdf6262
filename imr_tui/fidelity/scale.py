"""The IMR Fidelity Scale as plain, read-only data: its items, their scores and the rules that compute some."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from imr_tui.i18n import Localized

SCORES = (1, 2, 3, 4, 5)
RULE_SCORES = (5, 4, 3, 2)
"""The scores a rule gives a threshold for; anything below the threshold for 2 scores 1."""


class Measure(StrEnum):
    ACTIVE_PARTICIPANTS = "active-participants"
    PROGRAMME_WEEKS = "programme-weeks"
    MODULES_COVERED = "modules-covered"
    HANDOUT_PERCENT = "handout-percent"
    SIGNIFICANT_OTHERS_PERCENT = "significant-others-percent"
    GOAL_PERCENT = "goal-percent"
    FOLLOW_UP_PERCENT = "follow-up-percent"


class ScoreSource(StrEnum):
    DATA = "data"
    TEAM = "team"


class Direction(StrEnum):
    AT_MOST = "at-most"
    AT_LEAST = "at-least"


@dataclass(frozen=True)
class Rule:
    measure: Measure
    direction: Direction
    thresholds: dict[int, int]
    """Score (5, 4, 3, 2) -> the most (at-most) or least (at-least) that still earns it."""

    def score(self, value: float) -> int:
        for score in RULE_SCORES:
            limit = self.thresholds[score]
            if (value <= limit) if self.direction is Direction.AT_MOST else (value >= limit):
                return score
        return 1


@dataclass(frozen=True)
class FidelityItem:
    id: str
    """Stable id (`group-size`): the key stored in the database, never the number."""
    number: int
    title: Localized
    scores: dict[int, Localized]
    """What each score from 1 to 5 means, in a sentence."""
    rule: Rule | None = None
    """How stored data scores the item; None: the team rates it."""


@dataclass(frozen=True)
class FidelityScale:
    name: Localized
    source: Path
    items: tuple[FidelityItem, ...]

    def item(self, item_id: str) -> FidelityItem | None:
        return next((item for item in self.items if item.id == item_id), None)


HIGH_FROM = 4.0
MODERATE_FROM = 3.0


def band(mean: float | None) -> str | None:
    """high from 4.0, moderate from 3.0, low under it (Roosenschoon et al. 2016)."""
    if mean is None:
        return None
    if mean >= HIGH_FROM:
        return "high"
    return "moderate" if mean >= MODERATE_FROM else "low"
