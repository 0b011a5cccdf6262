"""A session's agenda: the curriculum's parts with their clock times from the start."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from imr_tui.curriculum import SessionPart, SessionStructure


@dataclass(frozen=True)
class AgendaItem:
    part: SessionPart
    minutes: int
    starts: dt.time
    ends: dt.time


def build_agenda(
    structure: SessionStructure, start: dt.time, individual: bool = False, overrides: dict[str, int] | None = None
) -> list[AgendaItem]:
    """`overrides` are this session's own minutes per part id, where they differ from the curriculum."""
    moment = dt.datetime.combine(dt.date(2000, 1, 1), start)
    items = []
    for part in structure.parts:
        minutes = (overrides or {}).get(part.id, part.minutes(individual))
        end = moment + dt.timedelta(minutes=minutes)
        items.append(AgendaItem(part=part, minutes=minutes, starts=moment.time(), ends=end.time()))
        moment = end
    return items
