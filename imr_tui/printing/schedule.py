"""The course schedule on paper: when the group meets and what each session is about.

It is a handout for the group, so it carries no names: module 1 meetings with one person are
left out, and a cancelled session shows as cancelled without the reason (which may be personal).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from imr_tui.curriculum import Curriculum
from imr_tui.domain.schedule_records import GroupPlan, PlanEntry
from imr_tui.domain.vocabulary import SessionStatus
from imr_tui.i18n import _, format_short_date, format_time, format_weekday, ngettext, use_language
from imr_tui.planning.labels import meets_label
from imr_tui.printing.page import Column, Page, Paragraph, Section, Table


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
        """One table that runs onto as many sheets as it needs, its heading and column headings on each."""
        entries = self.entries()
        unplanned = _unplanned_tail(entries)
        shown = entries[: len(entries) - len(unplanned)]
        with use_language(self.language):
            plan = self.plan
            details = [meets_label(plan.cadence, plan.weekdays)]
            if plan.location:
                details.append(plan.location)
            if plan.therapists:
                details.append(_("Led by {names}").format(names=", ".join(plan.therapists)))
            if entries:
                details.append(f"{format_short_date(entries[0].date)}–{format_short_date(entries[-1].date)}")
            blocks: list = [self._table(shown)] if shown else []
            if unplanned:
                blocks.append(Paragraph(ngettext(
                    "Then {count} more session, until {date}: its topic is not chosen yet.",
                    "Then {count} more sessions, until {date}: their topics are not chosen yet.", len(unplanned),
                ).format(count=len(unplanned), date=format_short_date(unplanned[-1].date))))  # fmt: skip
            if not entries:
                blocks.append(Paragraph(_("No sessions are planned in this period.")))
            return Page(
                language=self.language,
                kicker=_("Course schedule"),
                title=self.group_name or _("Course schedule"),
                details=tuple(details),
                sections=(Section(_("Sessions"), tuple(blocks)),),
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


def _unplanned_tail(entries: tuple[PlanEntry, ...]) -> tuple[PlanEntry, ...]:
    """The sessions at the end with no module chosen yet: one line on paper, not a row of dashes each."""
    count = 0
    for entry in reversed(entries):
        if entry.module_id or entry.status == SessionStatus.CANCELLED:
            break
        count += 1
    return entries[len(entries) - count :] if count else ()
