"""Fidelity self-assessments of a group, and the record of handouts printed for its sessions.

An assessment is dated and kept, so the next one can be compared with it. A handout print is
an event without content (what kind, for which session or person, when): the fidelity scale
asks whether participants get written material, never what it said.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from imr_tui.fidelity.scale import ScoreSource
from imr_tui.models.base import Versioned, utc_now


class HandoutKind(StrEnum):
    AGENDA = "agenda"
    GOALS = "goals"


class FidelityAssessment(Versioned, table=True):
    __tablename__ = "fidelity_assessment"
    __table_args__ = (UniqueConstraint("group_id", "assessed_on"),)

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="course_group.id", index=True, ondelete="CASCADE")
    assessed_on: dt.date
    rater_1: str = ""
    """Who rated: the team's names, as they want them on the report."""
    rater_2: str = ""
    note: str = ""


class FidelityItemScore(Versioned, table=True):
    __tablename__ = "fidelity_item_score"
    __table_args__ = (UniqueConstraint("assessment_id", "item_id"),)

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(foreign_key="fidelity_assessment.id", index=True, ondelete="CASCADE")
    item_id: str
    """The item's stable id in data/fidelity.yaml."""
    source: str = ScoreSource.TEAM
    score: int | None = None
    """The score that counts: the consensus, an override, or what the data gave."""
    computed: int | None = None
    """What the stored data gave (data items), kept beside an override."""
    rater_1_score: int | None = None
    rater_2_score: int | None = None
    override_reason: str = ""
    note: str = ""


class HandoutPrint(SQLModel, table=True):
    """One handout printed or saved: only ever added, never holding what was on it."""

    __tablename__ = "handout_print"

    id: int | None = Field(default=None, primary_key=True)
    kind: str
    group_id: int | None = Field(default=None, foreign_key="course_group.id", index=True, ondelete="CASCADE")
    session_id: int | None = Field(default=None, foreign_key="group_session.id", index=True, ondelete="SET NULL")
    participant_id: int | None = Field(default=None, index=True)
    """A goal page's person, as a plain number like the audit trail's: no content, and it outlives an erase."""
    printed_at: dt.datetime = Field(default_factory=utc_now)
