"""A person without goals in a group with sessions, for tests that build goals from nothing."""

from __future__ import annotations

import datetime as dt

from imr_tui.models import CourseGroup, Enrolment, GroupSession, Participant


def person_in_a_group(store, today: dt.date, name: str = "Siri Testesen") -> tuple[int, dict[str, int]]:
    """Returns the person's id and session ids by name: last_week, today, next_week."""
    with store.database.transaction() as session:
        group = CourseGroup(name="Målgruppa", start_date=today - dt.timedelta(weeks=4), start_time=dt.time(13, 0))
        session.add(group)
        session.flush()
        days = {"last_week": today - dt.timedelta(weeks=1), "today": today, "next_week": today + dt.timedelta(weeks=1)}
        sessions = {key: GroupSession(group_id=group.id, date=day, start_time=dt.time(13, 0), status="held" if day < today else "planned") for key, day in days.items()}
        session.add_all(sessions.values())
        person = Participant(name=name, alias="ST")
        session.add(person)
        session.flush()
        session.add(Enrolment(group_id=group.id, participant_id=person.id, joined_on=group.start_date))
        return person.id, {key: row.id for key, row in sessions.items()}
