"""The attendance register on paper: the overview and every session, on one landscape A4 sheet.

It carries names: it is for the therapists' files, not for handing out.
"""

from __future__ import annotations

from dataclasses import dataclass

from imr_tui.curriculum import Curriculum
from imr_tui.i18n import _, format_short_date, use_language
from imr_tui.printing.page import Column, Page, Paragraph, Section, Table
from imr_tui.review.register import Register
from imr_tui.review.rules import ReviewRules, completion, drift, outlook
from imr_tui.i18n.review_labels import LEGEND, SYMBOLS, drift_label, outlook_label, percent

SESSIONS_PER_TABLE = 22
"""As many session columns as stay readable across a landscape sheet."""


@dataclass(frozen=True)
class AttendanceDocument:
    language: str
    register: Register
    curriculum: Curriculum
    rules: ReviewRules

    def page(self) -> Page:
        with use_language(self.language):
            register = self.register
            held = register.held()
            period = f"{format_short_date(held[0].date)}–{format_short_date(held[-1].date)}" if held else ""
            return Page(
                language=self.language,
                kicker=_("Attendance register"),
                title=register.group_name,
                details=tuple(filter(None, (period, _("Contains names: for the therapists' files, not for handing out.")))),
                sections=(self._overview(), *self._session_tables(), Section(_("Symbols"), (Paragraph(LEGEND()),))),
                metadata_title=" – ".join((_("Attendance register"), register.group_name)),
                landscape=True,
            )

    def _overview(self) -> Section:
        register, rules = self.register, self.rules
        running = any(not session.held for session in register.sessions)
        rows = []
        for person in register.people:
            if not person.active:
                result = _("left")
            elif running:
                result = outlook_label(outlook(register, person, rules))
            else:
                result = {"completed": _("completed"), "partly": _("partly"), "dropped_out": _("dropped out")}[completion(register, person, rules)]
            attended = _("{attended} of {expected}").format(attended=register.attended(person), expected=len(register.history(person)))
            rows.append((person.name, attended, percent(register.person_rate(person)), drift_label(drift(register, person, rules)) if person.active else "", result))
        columns = (
            Column(_("Participant"), 0.3), Column(_("Attended"), 0.14), Column("%", 0.08, align="right"),
            Column(_("Notice"), 0.24), Column(_("Completion"), 0.24),
        )  # fmt: skip
        return Section(_("Overview"), (Table(columns=columns, rows=tuple(rows)),))

    def _session_tables(self) -> list[Section]:
        register = self.register
        held = register.held()
        sections = []
        for start in range(0, len(held), SESSIONS_PER_TABLE):
            chunk = held[start : start + SESSIONS_PER_TABLE]
            share = 0.8 / SESSIONS_PER_TABLE
            columns = (Column(_("Participant"), 0.2), *(Column(format_short_date(s.date)[:5], share) for s in chunk))
            rows = tuple(
                (person.name, *(SYMBOLS.get(register.marks.get((person.id, s.id)), "·") if person.expected_on(s.date) else "" for s in chunk))
                for person in register.people
            )
            heading = _("Sessions {first}–{last}").format(first=format_short_date(chunk[0].date), last=format_short_date(chunk[-1].date))
            sections.append(Section(heading, (Table(columns=columns, rows=rows),)))
        return sections
