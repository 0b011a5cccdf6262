"""Who is drifting away, and who has completed: rules a service can set in its settings.

Defaults follow the Dutch IMR studies (completion: present at more than half of the
scheduled sessions) and what Norwegian services asked for to notice drift in time.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from imr_tui.review.register import ATTENDED, Register, RegisterPerson


@dataclass(frozen=True)
class ReviewRules:
    drift_absences_in_a_row: int = 2
    """Flag after this many absences without notice in a row."""
    drift_window: int = 6
    """... or when attending less than `drift_min_share` of the last this-many sessions."""
    drift_min_share: float = 0.5
    completion_share: float = 0.5
    """Completed: present at more than this share of the scheduled sessions."""
    partly_share: float = 0.25
    """Partly: at least this share, for someone still in the group at the end."""


class Drift(StrEnum):
    ABSENT_IN_A_ROW = "absent_in_a_row"
    LOW_RECENT_ATTENDANCE = "low_recent_attendance"


class Completion(StrEnum):
    COMPLETED = "completed"
    PARTLY = "partly"
    DROPPED_OUT = "dropped_out"


class Outlook(StrEnum):
    """For a course still running: can the person still complete it?"""

    COMPLETED = "completed"
    ON_TRACK = "on_track"
    OUT_OF_REACH = "out_of_reach"


def drift(register: Register, person: RegisterPerson, rules: ReviewRules) -> Drift | None:
    if not person.active:
        return None  # someone who has left is not drifting; their leaving is recorded
    statuses = [status for _session, status in register.history(person)]
    in_a_row = 0
    for status in reversed(statuses):
        if status != "absent_no_notice":
            break
        in_a_row += 1
    if in_a_row >= rules.drift_absences_in_a_row:
        return Drift.ABSENT_IN_A_ROW
    recent = statuses[-rules.drift_window :]
    if len(recent) >= rules.drift_window and sum(s in ATTENDED for s in recent) < rules.drift_min_share * len(recent):
        return Drift.LOW_RECENT_ATTENDANCE
    return None


def scheduled_for(register: Register, person: RegisterPerson) -> int:
    """The group's sessions (held or planned) from the person's first day to the end of the course."""
    return sum(1 for session in register.sessions if session.date >= person.first_joined)


def completion(register: Register, person: RegisterPerson, rules: ReviewRules) -> Completion:
    """The result at the end of a course."""
    scheduled = scheduled_for(register, person)
    share = register.attended(person) / scheduled if scheduled else 0.0
    if share > rules.completion_share:
        return Completion.COMPLETED
    if person.active and share >= rules.partly_share:
        return Completion.PARTLY
    return Completion.DROPPED_OUT


def outlook(register: Register, person: RegisterPerson, rules: ReviewRules) -> Outlook:
    """While the course runs: completed already, still possible, or out of reach."""
    scheduled = scheduled_for(register, person)
    attended = register.attended(person)
    needed = rules.completion_share * scheduled
    if attended > needed:
        return Outlook.COMPLETED
    remaining = sum(1 for s in register.sessions if not s.held and s.date >= person.first_joined)
    if person.active and attended + remaining > needed:
        return Outlook.ON_TRACK
    return Outlook.OUT_OF_REACH


@dataclass(frozen=True)
class GroupFigures:
    started: int
    completed: int
    partly: int
    dropped_out: int
    mean_attendance: float | None


def group_figures(register: Register, rules: ReviewRules) -> GroupFigures:
    results = [completion(register, person, rules) for person in register.people]
    rates = [rate for session in register.held() if (rate := register.session_rate(session)) is not None]
    return GroupFigures(
        started=len(register.people),
        completed=results.count(Completion.COMPLETED),
        partly=results.count(Completion.PARTLY),
        dropped_out=results.count(Completion.DROPPED_OUT),
        mean_attendance=sum(rates) / len(rates) if rates else None,
    )
