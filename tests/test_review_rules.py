"""Drift, completion and the register's figures on histories counted by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from imr_tui.review.register import Register, RegisterPerson, RegisterSession
from imr_tui.review.rules import Completion, Drift, Outlook, ReviewRules, completion, drift, group_figures, outlook

START = dt.date(2026, 9, 1)
RULES = ReviewRules()
CODES = {"P": "present", "L": "late", "E": "left_early", "N": "absent_notice", "U": "absent_no_notice", ".": None}


def register(histories: dict[str, str], held: int, planned: int = 0, periods=None) -> Register:
    """Weekly sessions; each history is one letter per held session (P, L, E, N, U or . unmarked)."""
    sessions = tuple(
        RegisterSession(i, START + dt.timedelta(weeks=i), "coping-with-stress" if i % 2 else "social-support", None, "held" if i < held else "planned")
        for i in range(held + planned)
    )
    people, marks = [], {}
    for pid, (name, history) in enumerate(histories.items(), start=100):
        people.append(RegisterPerson(pid, name, "", (periods or {}).get(name, ((START, None),))))
        for session, code in zip(sessions, history):
            if CODES.get(code):
                marks[(pid, session.id)] = CODES[code]
    return Register(1, "Testgruppa", sessions, tuple(people), marks)


def person(reg: Register, name: str) -> RegisterPerson:
    return next(p for p in reg.people if p.name == name)


def test_two_absences_without_notice_in_a_row_is_drift() -> None:
    reg = register({"Aud": "PPPPUU", "Berit": "PPPPNU", "Cato": "PPPUUP"}, held=6)
    assert drift(reg, person(reg, "Aud"), RULES) == Drift.ABSENT_IN_A_ROW
    assert drift(reg, person(reg, "Berit"), RULES) is None  # one with notice breaks the run
    assert drift(reg, person(reg, "Cato"), RULES) is None  # came back last time


def test_below_half_of_the_last_six_is_drift() -> None:
    reg = register({"Dina": "PPPPNNPNUP", "Espen": "PPPPNNPNPP"}, held=10)
    # Dina's last six: N N P N U P -> 2 of 6 attended, below half.
    assert drift(reg, person(reg, "Dina"), RULES) == Drift.LOW_RECENT_ATTENDANCE
    # Espen's last six: N N P N P P -> 3 of 6, exactly half: not below.
    assert drift(reg, person(reg, "Espen"), RULES) is None


def test_a_service_can_set_the_drift_rule() -> None:
    reg = register({"Aud": "PPPPPU"}, held=6)
    assert drift(reg, person(reg, "Aud"), ReviewRules(drift_absences_in_a_row=1)) == Drift.ABSENT_IN_A_ROW
    assert drift(reg, person(reg, "Aud"), RULES) is None


def test_completion_counts_more_than_half_of_the_scheduled_sessions() -> None:
    # Ten sessions: 6 attended completes, 5 (exactly half) does not, 3 is partly, 2 is dropped out.
    reg = register({"A": "PPPLEPNNNN", "B": "PPPPPNNNNN", "C": "PPPUUUUUUU", "D": "PPUUUUUUUU"}, held=10)
    assert [completion(reg, p, RULES) for p in reg.people] == [
        Completion.COMPLETED, Completion.PARTLY, Completion.PARTLY, Completion.DROPPED_OUT,
    ]  # fmt: skip
    figures = group_figures(reg, RULES)
    assert (figures.started, figures.completed, figures.partly, figures.dropped_out) == (4, 1, 2, 1)
    # Per session: attended / expected; mean of the ten sessions' rates, counted by hand.
    by_session = [4, 4, 3, 2, 2, 1, 0, 0, 0, 0]
    assert figures.mean_attendance == pytest.approx(sum(n / 4 for n in by_session) / 10)


def test_someone_who_left_and_came_back() -> None:
    # Away from week 3 to week 6: only the sessions while enrolled are expected of them.
    periods = {"Frida": ((START, START + dt.timedelta(weeks=3)), (START + dt.timedelta(weeks=6), None))}
    reg = register({"Frida": "PPP...PPPU"}, held=10, periods=periods)
    frida = person(reg, "Frida")
    assert [s.id for s, _status in reg.history(frida)] == [0, 1, 2, 6, 7, 8, 9]
    assert reg.person_rate(frida) == pytest.approx(6 / 7)
    assert reg.session_rate(reg.sessions[4]) is None  # nobody was expected that week
    assert completion(reg, frida, RULES) == Completion.COMPLETED  # 6 of 10 scheduled
    assert drift(reg, frida, RULES) is None


def test_someone_who_left_is_dropped_out_not_partly() -> None:
    periods = {"Geir": ((START, START + dt.timedelta(weeks=4)),)}
    reg = register({"Geir": "PPPP", "Hilde": "PPPPUUUUUU"}, held=10, periods=periods)
    assert completion(reg, person(reg, "Geir"), RULES) == Completion.DROPPED_OUT
    assert completion(reg, person(reg, "Hilde"), RULES) == Completion.PARTLY
    assert drift(reg, person(reg, "Geir"), RULES) is None  # left: recorded, not drifting


def test_outlook_while_the_course_runs() -> None:
    reg = register({"Ida": "PPPP", "Jens": "PUUU", "Kari": "PPPPPP"}, held=4, planned=6)
    # Ten scheduled: more than 5 needed. Ida 4 + 6 left: on track; Jens 1 + 6 = 7 > 5 still on track.
    assert outlook(reg, person(reg, "Ida"), RULES) == Outlook.ON_TRACK
    assert outlook(reg, person(reg, "Jens"), RULES) == Outlook.ON_TRACK
    later = register({"Jens": "PUUUUU"}, held=6, planned=4)
    assert outlook(later, person(later, "Jens"), RULES) == Outlook.OUT_OF_REACH  # 1 + 4 = 5, not more than 5


def test_modules_missed_for_catch_up() -> None:
    reg = register({"Aud": "PNPUPP"}, held=6)
    # Sessions 1 and 3 are coping-with-stress (odd), both missed.
    assert reg.missed_modules(person(reg, "Aud")) == {"coping-with-stress": 2}
