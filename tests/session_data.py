"""A group of a chosen size with a session today, for tests that need exact numbers."""

from __future__ import annotations

import datetime as dt

from imr_tui.models import CourseGroup, Enrolment, GroupSession, Participant, RecoveryGoal, ShortTermGoal, Step

FIRST_NAMES = ["Aud", "Berit", "Cato", "Dina", "Espen", "Frida", "Geir", "Hilde", "Ida", "Jens"]


def group_with_session_today(store, today: dt.date, size: int = 8) -> tuple[int, list[int]]:
    """Returns the id of today's session and the participants' ids (in name order)."""
    with store.database.transaction() as session:
        group = CourseGroup(name="Testgruppa", start_date=today - dt.timedelta(weeks=4), start_time=dt.time(13, 0))
        session.add(group)
        session.flush()
        last_week = GroupSession(group_id=group.id, date=today - dt.timedelta(weeks=1), start_time=dt.time(13, 0), status="held")
        today_session = GroupSession(group_id=group.id, date=today, start_time=dt.time(13, 0), module_id="stress-vulnerability")
        next_week = GroupSession(group_id=group.id, date=today + dt.timedelta(weeks=1), start_time=dt.time(13, 0))
        session.add_all([last_week, today_session, next_week])
        people = [Participant(name=f"{FIRST_NAMES[i]} Testesen", alias=f"{FIRST_NAMES[i][0]}T") for i in range(size)]
        session.add_all(people)
        session.flush()
        for person in people:
            session.add(Enrolment(group_id=group.id, participant_id=person.id, joined_on=group.start_date))
        goal = RecoveryGoal(participant_id=people[0].id, text="Jobbe litt igjen", set_on=group.start_date)
        session.add(goal)
        session.flush()
        short_term = ShortTermGoal(goal_id=goal.id, text="Finne ut hva som passer")
        session.add(short_term)
        session.flush()
        session.add(Step(short_term_goal_id=short_term.id, participant_id=people[0].id, text="Ringe NAV-veilederen",
                         set_in_session_id=last_week.id, due_session_id=today_session.id))  # fmt: skip
        session.flush()
        return today_session.id, [person.id for person in people]
