"""Words and symbols for the review screens; state is never shown by colour alone."""

from __future__ import annotations

from rich.text import Text

from imr_tui.domain.attendance import SYMBOLS
from imr_tui.i18n import LANGUAGES, N_, _, current_language, format_short_date
from imr_tui.review.register import Register, RegisterPerson, RegisterSession
from imr_tui.review.rules import Drift, GroupFigures, Outlook

SYMBOL_STYLES = {"absent_no_notice": "bold", "absent_notice": "dim"}

DRIFT_LABELS = {Drift.ABSENT_IN_A_ROW: N_("⚠ absent in a row"), Drift.LOW_RECENT_ATTENDANCE: N_("⚠ seldom lately")}
OUTLOOK_LABELS = {
    Outlook.COMPLETED: N_("✓ completed"),
    Outlook.ON_TRACK: N_("on track"),
    Outlook.OUT_OF_REACH: N_("✗ out of reach"),
}


def LEGEND() -> str:
    return _("✓ present  ◔ late  ◑ left early  ○ absent with notice  ✗ absent without notice  · not marked")


def attendance_symbol(register: Register, person: RegisterPerson, session: RegisterSession) -> Text | str:
    if not person.expected_on(session.date):
        return ""
    if not session.held:
        return Text("–", style="dim")
    status = register.marks.get((person.id, session.id))
    return Text(SYMBOLS.get(status or "", "·"), style=SYMBOL_STYLES.get(status or "", ""), justify="center")


def session_heading(session: RegisterSession) -> str:
    return format_short_date(session.date)[:5]


def percent(share: float | None) -> str:
    if share is None:
        return "–"
    from babel.numbers import format_percent

    return format_percent(share, locale=LANGUAGES[current_language()])


def drift_label(flag: Drift | None) -> str:
    return _(DRIFT_LABELS[flag]) if flag else ""


def left_label(person: RegisterPerson) -> Text:
    left = max(left for _joined, left in person.periods if left is not None)
    return Text(_("left {date}").format(date=format_short_date(left)[:5]), style="dim")


def outlook_label(value: Outlook) -> str:
    return _(OUTLOOK_LABELS[value])


def outlook_line(register: Register, outlooks: list[Outlook]) -> str:
    """For a course still running: how many can still complete."""
    return _("Started {started} · already completed {completed} · on track {on_track} · out of reach {out}").format(
        started=len(register.people), completed=outlooks.count(Outlook.COMPLETED),
        on_track=outlooks.count(Outlook.ON_TRACK), out=outlooks.count(Outlook.OUT_OF_REACH),
    )  # fmt: skip


def figures_line(figures: GroupFigures) -> str:
    return _("Started {started} · completed {completed} · partly {partly} · dropped out {dropped}").format(
        started=figures.started, completed=figures.completed, partly=figures.partly, dropped=figures.dropped_out
    )
