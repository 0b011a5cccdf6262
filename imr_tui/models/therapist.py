"""Therapists: the people who lead groups."""

from __future__ import annotations

from sqlmodel import Field

from imr_tui.models.base import Versioned


class Therapist(Versioned, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    email: str | None = None
    active: bool = True
