"""The course register as plain data: who was expected at which session, and what happened."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from imr_tui.domain.attendance import ATTENDED


@dataclass(frozen=True)
class RegisterSession:
    id: int
    date: dt.date
    module_id: str | None
    topic_id: str | None
    status: str

    @property
    def held(self) -> bool:
        return self.status == "held"


@dataclass(frozen=True)
class RegisterPerson:
    id: int
    name: str
    alias: str
    periods: tuple[tuple[dt.date, dt.date | None], ...]
    """Enrolment periods (joined, left); someone who left and came back has two."""

    def expected_on(self, day: dt.date) -> bool:
        return any(joined <= day and (left is None or day < left) for joined, left in self.periods)

    @property
    def active(self) -> bool:
        return any(left is None for _joined, left in self.periods)

    @property
    def first_joined(self) -> dt.date:
        return min(joined for joined, _left in self.periods)


@dataclass(frozen=True)
class Register:
    group_id: int
    group_name: str
    sessions: tuple[RegisterSession, ...]
    """Held and planned sessions in date order; cancelled ones are left out."""
    people: tuple[RegisterPerson, ...]
    marks: dict[tuple[int, int], str] = field(default_factory=dict)
    """(participant id, session id) -> attendance status."""

    def held(self) -> list[RegisterSession]:
        return [s for s in self.sessions if s.held]

    def history(self, person: RegisterPerson) -> list[tuple[RegisterSession, str | None]]:
        """The held sessions the person was enrolled for, with what happened (None: not marked)."""
        return [(s, self.marks.get((person.id, s.id))) for s in self.held() if person.expected_on(s.date)]

    def attended(self, person: RegisterPerson) -> int:
        return sum(1 for _session, status in self.history(person) if status in ATTENDED)

    def person_rate(self, person: RegisterPerson) -> float | None:
        history = self.history(person)
        return self.attended(person) / len(history) if history else None

    def session_rate(self, session: RegisterSession) -> float | None:
        expected = [p for p in self.people if p.expected_on(session.date)]
        if not expected or not session.held:
            return None
        return sum(1 for p in expected if self.marks.get((p.id, session.id)) in ATTENDED) / len(expected)

    def missed_modules(self, person: RegisterPerson) -> dict[str, int]:
        """Module id -> sessions of it the person was expected at but did not attend."""
        missed: dict[str, int] = {}
        for session, status in self.history(person):
            if status not in ATTENDED and session.module_id:
                missed[session.module_id] = missed.get(session.module_id, 0) + 1
        return missed
