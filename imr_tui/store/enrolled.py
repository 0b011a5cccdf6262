"""Who is in a group on a given day: one rule for every list of a group's people."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, and_, or_
from sqlmodel import col, select
from sqlmodel.sql.expression import SelectOfScalar

from imr_tui.models import Enrolment, Participant


def enrolled_on(day: dt.date) -> ColumnElement[bool]:
    """The enrolment had begun by `day` and not yet ended (someone leaves after their last session)."""
    return and_(col(Enrolment.joined_on) <= day, or_(col(Enrolment.left_on).is_(None), col(Enrolment.left_on) > day))


def people_in_group(group_id: int, day: dt.date) -> SelectOfScalar[Participant]:
    """The group's participants on `day`, by name."""
    return (
        select(Participant)
        .join(Enrolment, col(Enrolment.participant_id) == Participant.id)
        .where(Enrolment.group_id == group_id, enrolled_on(day))
        .order_by(Participant.name)
    )
