"""The attendance register on paper: the overview, then every session, on landscape A4.

The session columns are as many as fit across a sheet at 9 pt; later sessions follow in
the next table, with the participants' names again. It carries names: it is for the
therapists' files, not for handing out.
"""

from __future__ import annotations

from dataclasses import dataclass

from imr_tui.curriculum import Curriculum
from imr_tui.i18n import _, format_short_date, use_language
from imr_tui.i18n.review_labels import LEGEND, SYMBOLS, drift_label, outlook_label, percent
from imr_tui.printing import style
from imr_tui.printing.page import Column, Page, Paragraph, Section, Table
from imr_tui.review.register import Register
from imr_tui.review.rules import ReviewRules, completion, drift, outlook

CELL_POINTS = style.SMALL
"""The register's cells are 9 pt: the smallest body text, so the most sessions fit across."""
WIDTH = style.PAGE_HEIGHT - 2 * style.MARGIN_X
"""The width of a landscape sheet inside its margins, in mm."""
DATE_COLUMN = 5 * 0.64 * style.SMALL * style.MM_PER_POINT + 2 * style.CELL_GAP + 1.2
"""A "26.10" heading in 9 pt bold DejaVu Sans (digits are 0.64 em wide), its padding and a little air."""
NAME_COLUMN = 46.0
"""Room for a participant's name in two lines at most."""


def sessions_per_table(width: float = WIDTH) -> int:
    return max(int((width - NAME_COLUMN) // DATE_COLUMN), 1)


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
            Column(_("Attention"), 0.24), Column(_("Completion"), 0.24),
        )  # fmt: skip
        return Section(_("Overview"), (Table(columns=columns, rows=tuple(rows), points=CELL_POINTS + 1),))

    def _session_tables(self) -> list[Section]:
        register = self.register
        held = register.held()
        sections = []
        tables = -(-len(held) // sessions_per_table())
        per_table = -(-len(held) // tables) if held else 1  # even tables: no last one with a single session
        for start in range(0, len(held), per_table):
            chunk = held[start : start + per_table]
            share = DATE_COLUMN / WIDTH
            columns = (Column(_("Participant"), 1 - share * len(chunk)), *(Column(format_short_date(s.date)[:5], share) for s in chunk))
            rows = tuple(
                (person.name, *(SYMBOLS.get(register.marks.get((person.id, s.id), ""), "·") if person.expected_on(s.date) else "" for s in chunk))
                for person in register.people
            )
            heading = _("Sessions {first}–{last}").format(first=format_short_date(chunk[0].date), last=format_short_date(chunk[-1].date))
            sections.append(Section(heading, (Table(columns=columns, rows=rows, points=CELL_POINTS),)))
        return sections
