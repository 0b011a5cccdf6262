"""A group (course): where and when it meets, and who leads it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from imr_tui.models.base import Versioned
from imr_tui.models.vocabulary import Cadence, GroupStatus, TherapistRole


class CourseGroup(Versioned, table=True):
    __tablename__ = "course_group"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    location: str = ""
    cadence: str = Cadence.WEEKLY
    weekdays: str = ""
    """Comma-separated ISO weekday numbers (1 = Monday) for weekly and fortnightly cadences."""
    start_date: dt.date
    end_date: dt.date | None = None
    start_time: dt.time = dt.time(10, 0)
    session_minutes: int = 60
    language: str = "nb"
    """The language of the group's printed handouts."""
    status: str = GroupStatus.PLANNED
    archived_at: dt.datetime | None = None


class GroupTherapist(Versioned, table=True):
    __tablename__ = "group_therapist"
    __table_args__ = (UniqueConstraint("group_id", "therapist_id"),)

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="course_group.id", index=True, ondelete="CASCADE")
    therapist_id: int = Field(foreign_key="therapist.id", index=True)
    role: str = TherapistRole.LEAD


class ClosedPeriod(Versioned, table=True):
    """Days a service does not meet (summer weeks, Christmas): for one group, or all when group_id is None."""

    __tablename__ = "closed_period"

    id: int | None = Field(default=None, primary_key=True)
    group_id: int | None = Field(default=None, foreign_key="course_group.id", index=True, ondelete="CASCADE")
    starts_on: dt.date
    ends_on: dt.date
    label: str = ""
