"""The course schedule on paper: when the group meets and what each session is about.

It is a handout for the group, so it carries no names: module 1 meetings with one person are
left out, and a cancelled session shows as cancelled without the reason (which may be personal).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from imr_tui.curriculum import Curriculum
from imr_tui.i18n import _, format_short_date, format_time, format_weekday, use_language
from imr_tui.models import SessionStatus
from imr_tui.planning.labels import meets_label
from imr_tui.printing.page import Column, Page, Paragraph, Section, Table
from imr_tui.store.planning_records import GroupPlan, PlanEntry


ROWS_PER_SHEET = 24
"""Sessions per A4 sheet: a term of weekly sessions, in type that stays easy to read."""


@dataclass(frozen=True)
class ScheduleDocument:
    language: str
    plan: GroupPlan
    curriculum: Curriculum
    from_day: dt.date | None = None
    """Print the sessions from this day on (None: the whole course)."""
    show_group_name: bool = True

    @property
    def group_name(self) -> str:
        return self.plan.name if self.show_group_name else ""

    def entries(self) -> tuple[PlanEntry, ...]:
        return tuple(
            entry
            for entry in self.plan.entries
            if not entry.individual and (self.from_day is None or entry.date >= self.from_day)
        )

    def page(self) -> Page:
        return self.pages()[0]

    def pages(self) -> tuple[Page, ...]:
        """One sheet per `ROWS_PER_SHEET` sessions, each with the heading, so any sheet stands alone."""
        entries = self.entries()
        chunks = [entries[start : start + ROWS_PER_SHEET] for start in range(0, len(entries), ROWS_PER_SHEET)] or [()]
        return tuple(self._sheet(chunk, number, len(chunks)) for number, chunk in enumerate(chunks, start=1))

    def _sheet(self, entries: tuple[PlanEntry, ...], number: int, count: int) -> Page:
        with use_language(self.language):
            plan = self.plan
            details = [meets_label(plan.cadence, plan.weekdays)]
            if plan.location:
                details.append(plan.location)
            if plan.therapists:
                details.append(_("Led by {names}").format(names=", ".join(plan.therapists)))
            if entries:
                period = f"{format_short_date(entries[0].date)}–{format_short_date(entries[-1].date)}"
                if count > 1:
                    period += "  ·  " + _("sheet {number} of {count}").format(number=number, count=count)
                details.append(period)
            blocks = (self._table(entries),) if entries else (Paragraph(_("No sessions are planned in this period.")),)
            return Page(
                language=self.language,
                kicker=_("Course schedule"),
                title=self.group_name or _("Course schedule"),
                details=tuple(details),
                sections=(Section(_("Sessions"), blocks),),
                metadata_title=" – ".join(filter(None, (_("Course schedule"), self.group_name))),
            )

    def _table(self, entries: tuple[PlanEntry, ...]) -> Table:
        columns = (
            Column(_("Date"), 0.23), Column(_("Time"), 0.09), Column(_("Module"), 0.35), Column(_("Topic"), 0.33),
        )  # fmt: skip
        return Table(columns=columns, rows=tuple(self._row(entry) for entry in entries))

    def _row(self, entry: PlanEntry) -> tuple[str, ...]:
        day = f"{format_weekday(entry.date, 'abbreviated')} {format_short_date(entry.date)}"
        if entry.status == SessionStatus.CANCELLED:
            return (day, format_time(entry.start_time), _("Cancelled: no session"), "")
        module = self.curriculum.module(entry.module_id) if entry.module_id else None
        topic = self.curriculum.topic(entry.module_id, entry.topic_id) if entry.module_id and entry.topic_id else None
        return (
            day,
            format_time(entry.start_time),
            f"{module.number}. {module.title}" if module else "–",
            str(topic.title) if topic else "",
        )
