"""The service plan's sections as plain, read-only data, from `data/service_plan.yaml`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from imr_tui.i18n import Localized


class SectionKind(StrEnum):
    TEXT = "text"
    """A few lines of free text."""
    LIST = "list"
    """Short items, one per line."""
    CONTACTS = "contacts"
    """People: name, relation, phone, personal or professional network."""
    NUMBERS = "numbers"
    """Phone numbers: what it is, and the number."""


@dataclass(frozen=True)
class DefaultNumber:
    name: Localized
    phone: str


@dataclass(frozen=True)
class SectionSpec:
    id: str
    """Stable id (`warning-signs`): the key stored in the database."""
    kind: SectionKind
    title: Localized
    hint: Localized | None = None
    items: tuple[DefaultNumber, ...] = ()
    """What a new plan's section starts with (crisis numbers)."""


@dataclass(frozen=True)
class ServicePlanTemplate:
    name: Localized
    source: Path
    review_months: int
    sections: tuple[SectionSpec, ...]

    def section(self, section_id: str) -> SectionSpec | None:
        return next((section for section in self.sections if section.id == section_id), None)
