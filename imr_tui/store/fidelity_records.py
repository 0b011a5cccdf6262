"""Plain records the fidelity service hands out: what the data says about a group, and stored assessments."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class GroupFacts:
    """What the store knows about how a group runs, counted for the fidelity scale."""

    active_participants: int
    programme_weeks: int
    first_session: dt.date | None
    last_session: dt.date | None
    module_ids: frozenset[str]
    """Modules that sessions cover, held or planned."""
    held_sessions: int
    sessions_with_agenda: int
    """Held group sessions whose agenda was printed or saved."""
    people_with_goal_page: int
    people_with_network: int
    """Active participants whose plan was shared with consent or names someone from their personal network."""
    people_with_goal: int
    sessions_followed_up: int


@dataclass(frozen=True)
class ItemScoreRecord:
    item_id: str
    source: str
    score: int | None
    computed: int | None = None
    rater_1_score: int | None = None
    rater_2_score: int | None = None
    override_reason: str = ""
    note: str = ""


@dataclass(frozen=True)
class AssessmentRecord:
    id: int
    group_id: int
    assessed_on: dt.date
    rater_1: str = ""
    rater_2: str = ""
    note: str = ""
    scores: dict[str, ItemScoreRecord] = field(default_factory=dict)
