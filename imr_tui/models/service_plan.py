"""A participant's service plan (relapse-prevention plan): the draft being written, its
finished versions, and who each version was shared with.

Which sections a plan has, and their kinds, is data (`data/service_plan.yaml`); the
database keeps each section's stable id and its content as JSON text, so a service can
adapt the template without a migration. Every table carries `participant_id`, so
everything stored about one person can be found and removed from the participant.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from imr_tui.domain.vocabulary import ShareMethod
from imr_tui.models.base import Versioned


class ServicePlan(Versioned, table=True):
    """One per participant: where the draft being written started from."""

    __tablename__ = "service_plan"

    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id", unique=True, index=True, ondelete="CASCADE")
    based_on: int | None = None
    """The number of the version the draft was started from; None before the first version."""


class ServicePlanSection(Versioned, table=True):
    """One section of the draft, saved as typed; its version column keeps two windows apart."""

    __tablename__ = "service_plan_section"
    __table_args__ = (UniqueConstraint("participant_id", "section_id"),)

    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id", index=True, ondelete="CASCADE")
    section_id: str
    """The section's stable id in the template."""
    content: str = ""
    """JSON: a text, a list of texts, or a list of contacts, as the section's kind says."""


class ServicePlanVersion(Versioned, table=True):
    """A finished revision: the plan as it stood on `finished_on`, never changed afterwards."""

    __tablename__ = "service_plan_version"
    __table_args__ = (UniqueConstraint("participant_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id", index=True, ondelete="CASCADE")
    number: int
    finished_on: dt.date
    review_on: dt.date
    made_by_id: int | None = Field(default=None, foreign_key="therapist.id", index=True, ondelete="SET NULL")
    made_by: str = ""
    """The therapist's name as it was when the version was made."""
    based_on: int | None = None
    content: str = "{}"
    """JSON: section id to that section's content."""


class ServicePlanShare(Versioned, table=True):
    """A copy of one version given to someone the participant chose, with their consent."""

    __tablename__ = "service_plan_share"

    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id", index=True, ondelete="CASCADE")
    version_id: int = Field(foreign_key="service_plan_version.id", index=True, ondelete="CASCADE")
    person: str
    relation: str = ""
    shared_on: dt.date
    method: str = ShareMethod.PRINTED
    consent: bool = False
    """The participant agreed that this person gets the plan."""
