"""The figures a service reports each year: sessions held, mean attendance, participants
started and completed, per group and per year, with a total for each year."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from imr_tui.review.register import Register
from imr_tui.review.rules import Completion, ReviewRules, completion


@dataclass(frozen=True)
class YearRow:
    year: int
    group_name: str | None
    """None for the year's total over all groups."""
    sessions_held: int
    mean_attendance: float | None
    started: int
    completed: int


def yearly_rows(registers: list[Register], rules: ReviewRules) -> list[YearRow]:
    """Completion is counted in the year of a finished course's last session."""
    rows: list[YearRow] = []
    totals: dict[int, list] = defaultdict(lambda: [0, [], 0, 0])
    for register in sorted(registers, key=lambda r: r.group_name):
        held = register.held()
        finished = bool(held) and all(session.held for session in register.sessions)
        years = sorted({s.date.year for s in held} | {p.first_joined.year for p in register.people})
        for year in years:
            rates = [rate for s in held if s.date.year == year and (rate := register.session_rate(s)) is not None]
            completed = 0
            if finished and held[-1].date.year == year:
                completed = sum(1 for p in register.people if completion(register, p, rules) == Completion.COMPLETED)
            row = YearRow(
                year=year, group_name=register.group_name, sessions_held=sum(1 for s in held if s.date.year == year),
                mean_attendance=sum(rates) / len(rates) if rates else None,
                started=sum(1 for p in register.people if p.first_joined.year == year), completed=completed,
            )  # fmt: skip
            rows.append(row)
            total = totals[year]
            total[0] += row.sessions_held
            total[1] += rates
            total[2] += row.started
            total[3] += row.completed
    for year, (sessions, rates, started, completed) in totals.items():
        rows.append(YearRow(year, None, sessions, sum(rates) / len(rates) if rates else None, started, completed))
    return sorted(rows, key=lambda row: (-row.year, row.group_name is None, row.group_name or ""))
