"""The IMR curriculum as plain, read-only data: modules, topics and the session structure."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from imr_tui.i18n import Localized


@dataclass(frozen=True)
class SessionPart:
    """One part of the fixed IMR session structure, with default minutes."""

    id: str
    title: Localized
    group_minutes: int
    individual_minutes: int

    def minutes(self, individual: bool = False) -> int:
        return self.individual_minutes if individual else self.group_minutes


@dataclass(frozen=True)
class SessionStructure:
    group_minutes: int
    """Length of a group session (normally 60)."""
    individual_minutes: int
    """Length of an individual session."""
    parts: tuple[SessionPart, ...]

    def length(self, individual: bool = False) -> int:
        return self.individual_minutes if individual else self.group_minutes


@dataclass(frozen=True)
class Topic:
    id: str
    title: Localized
    key_points: tuple[Localized, ...]
    home_assignment: Localized | None = None
    """A suggested home assignment for the topic, in our own words."""


@dataclass(frozen=True)
class Module:
    id: str
    """Stable id (`stress-vulnerability`): the key stored in the database, never the number."""
    number: int
    """The module's place in this curriculum's order."""
    title: Localized
    individual: bool
    """Module 1 is done one to one with a therapist; the others in the group."""
    suggested_sessions: int
    topics: tuple[Topic, ...]

    def topic(self, topic_id: str) -> Topic | None:
        return next((topic for topic in self.topics if topic.id == topic_id), None)


@dataclass(frozen=True)
class Curriculum:
    name: Localized
    source: Path
    structure: SessionStructure
    modules: tuple[Module, ...]

    def module(self, module_id: str | None) -> Module | None:
        return next((module for module in self.modules if module.id == module_id), None)

    def topic(self, module_id: str | None, topic_id: str | None) -> Topic | None:
        module = self.module(module_id)
        return module.topic(topic_id) if module and topic_id else None

    def group_modules(self) -> tuple[Module, ...]:
        return tuple(module for module in self.modules if not module.individual)
