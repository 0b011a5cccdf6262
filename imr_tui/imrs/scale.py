"""The IMR Scale as plain, read-only data: its items and how they are scored."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from imr_tui.i18n import Localized


@dataclass(frozen=True)
class ImrsItem:
    id: str
    """Stable id (`goal-progress`): the key stored in the database, never the number."""
    number: int
    label: Localized
    low: Localized
    """What the lowest score means, in a few words."""
    high: Localized
    """What the highest score means."""
    may_be_not_applicable: bool = False
    not_applicable_when: Localized | None = None
    reverse: bool = False
    """Counted the other way round (lowest + highest - score) in means and changes."""


@dataclass(frozen=True)
class ImrsScale:
    name: Localized
    source: Path
    lowest: int
    highest: int
    items: tuple[ImrsItem, ...]

    def item(self, item_id: str) -> ImrsItem | None:
        return next((item for item in self.items if item.id == item_id), None)

    def allows(self, item: ImrsItem, score: int | None) -> bool:
        """A score the item accepts: lowest..highest, or None where "not applicable" is allowed."""
        if score is None:
            return item.may_be_not_applicable
        return self.lowest <= score <= self.highest
