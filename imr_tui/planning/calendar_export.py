"""A group's plan as an iCalendar file, for the therapists' own calendars.

One event per group session, in Oslo time with its VTIMEZONE, so a calendar anywhere
shows the right hour across the summer-time change. Nothing personal goes in: no
participant names and no module 1 meetings (those are one person's appointments).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from imr_tui.curriculum import Curriculum
from imr_tui.domain.schedule_records import GroupPlan
from imr_tui.domain.vocabulary import SessionStatus

OSLO = "Europe/Oslo"


def plan_calendar(plan: GroupPlan, curriculum: Curriculum, now: dt.datetime) -> bytes:
    from icalendar import Calendar, Event  # ~40 ms with its time-zone tables: only for --ics

    zone = ZoneInfo(OSLO)
    calendar = Calendar()
    calendar.add("prodid", "-//imr-tui//schedule//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", plan.name)
    stamp = now.astimezone(dt.UTC)
    for entry in plan.entries:
        if entry.individual:
            continue
        module = curriculum.module(entry.module_id)
        topic = curriculum.topic(entry.module_id, entry.topic_id)
        start = dt.datetime.combine(entry.date, entry.start_time, tzinfo=zone)
        event = Event()
        # Stable per session, so importing the file again updates events instead of doubling them.
        event.add("uid", f"session-{entry.id}-group-{plan.group_id}@imr-tui")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=entry.minutes))
        event.add("summary", f"{plan.name}: {module.number}. {module.title}" if module else plan.name)
        if plan.location:
            event.add("location", plan.location)
        if topic:
            event.add("description", str(topic.title))
        event.add("status", "CANCELLED" if entry.status == SessionStatus.CANCELLED else "CONFIRMED")
        calendar.add_component(event)
    dates = [entry.date for entry in plan.entries] or [now.date()]
    # The time-zone rules for the plan's years only: a 1970-2038 table would fill the file.
    calendar.add_missing_timezones(first_date=dt.date(min(dates).year, 1, 1), last_date=dt.date(max(dates).year + 1, 12, 31))
    return calendar.to_ical()


def write_plan_calendar(path: Path, plan: GroupPlan, curriculum: Curriculum, now: dt.datetime) -> int:
    """Write the file; returns how many events it holds."""
    from imr_tui.safe_output import write_private

    data = plan_calendar(plan, curriculum, now)
    write_private(path, data, option="--ics")
    return data.count(b"BEGIN:VEVENT")
