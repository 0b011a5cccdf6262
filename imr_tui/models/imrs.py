"""IMR Scale ratings: one rating is one filling-in of the 15 items, by the participant or a clinician.

The items themselves (labels, which may be "not applicable") are data in `data/imrs.yaml`;
the database keeps only each item's stable id and its score.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from imr_tui.models.base import Versioned


class ImrsRater(StrEnum):
    PARTICIPANT = "participant"
    CLINICIAN = "clinician"


class ImrsPhase(StrEnum):
    START = "start"
    DURING = "during"
    END = "end"


class ImrsRating(Versioned, table=True):
    __tablename__ = "imrs_rating"

    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id", index=True, ondelete="CASCADE")
    rated_on: dt.date
    rater: str = ImrsRater.CLINICIAN
    phase: str = ImrsPhase.DURING
    note: str = ""


class ImrsScore(Versioned, table=True):
    __tablename__ = "imrs_score"
    __table_args__ = (UniqueConstraint("rating_id", "item_id"),)

    id: int | None = Field(default=None, primary_key=True)
    rating_id: int = Field(foreign_key="imrs_rating.id", index=True, ondelete="CASCADE")
    item_id: str
    """The item's stable id in the scale file (never its number, which a service's copy may change)."""
    score: int | None = None
    """1-5; None records "not applicable", which the scale allows only for some items."""
