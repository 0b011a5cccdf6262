"""Keeping the curriculum in order when a session is cancelled or moved.

Pure functions on (session id, date, time, content) tuples, so the rules can be tested
without a database. Only planned sessions take part: a held session keeps its date and
its content whatever happens around it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from imr_tui.planning.schedule import PlannedContent

NO_CONTENT = PlannedContent(None, None)


@dataclass(frozen=True)
class Slot:
    """A planned session as the shifting rules see it."""

    id: int
    date: dt.date
    start_time: dt.time
    content: PlannedContent


def carry_forward(cancelled: PlannedContent, following: Sequence[Slot]) -> tuple[dict[int, PlannedContent], PlannedContent]:
    """The content of a cancelled session moves on to the next session, and each one's to the next.

    Returns the new content per session id, and the content that no longer fits: the
    last session's, which needs a session added after the plan (NO_CONTENT if none is needed).
    """
    ordered = sorted(following, key=lambda slot: (slot.date, slot.start_time))
    contents = [cancelled, *(slot.content for slot in ordered)]
    changes = {slot.id: content for slot, content in zip(ordered, contents) if slot.content != content}
    return changes, contents[-1]


def keep_order_after_move(planned: Sequence[Slot], moved_id: int, new_date: dt.date, new_time: dt.time) -> dict[int, PlannedContent]:
    """The content stays in curriculum order when a session moves past others.

    The contents, in the order of the sessions before the move, are handed out again to
    the sessions in their order after the move: a session moved a week later takes the
    content of the session that now comes first, and so on.
    """
    before = sorted(planned, key=lambda slot: (slot.date, slot.start_time, slot.id))
    moved = [
        Slot(slot.id, new_date, new_time, slot.content) if slot.id == moved_id else slot
        for slot in before
    ]  # fmt: skip
    after = sorted(moved, key=lambda slot: (slot.date, slot.start_time, slot.id))
    return {
        slot.id: content
        for slot, content in zip(after, (slot.content for slot in before))
        if slot.content != content
    }  # fmt: skip
