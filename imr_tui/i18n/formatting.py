"""Dates, weekdays and times in the active language's conventions (Babel)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from imr_tui.i18n.catalogue import LANGUAGES, current_language

# Per language: (short date, long date). Bokmål and nynorsk write the day first with
# points, British English with slashes.
_PATTERNS = {
    "nb": ("dd.MM.yyyy", "EEEE d. MMMM y"),
    "nn": ("dd.MM.yyyy", "EEEE d. MMMM y"),
    "en": ("dd/MM/yyyy", "EEEE d MMMM y"),
}


def _locale() -> str:
    return LANGUAGES[current_language()]


def _pattern(index: int) -> str:
    return _PATTERNS.get(current_language(), _PATTERNS["nb"])[index]


def format_date(day: dt.date, style: str = "medium") -> str:
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, format=style, locale=_locale())


def format_short_date(day: dt.date) -> str:
    """`24.11.2026` in Norwegian, `24/11/2026` in English."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, format=_pattern(0), locale=_locale())


def format_long_date(day: dt.date) -> str:
    """`tirsdag 24. november 2026` / `tysdag 24. november 2026` / `Tuesday 24 November 2026`."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, format=_pattern(1), locale=_locale())


def format_input_date(day: dt.date | None) -> str:
    """A date in a form, as everywhere else: `04.12.2026`, `04/12/2026` in English.

    The forms read it back, `4.12.2026` and `2026-12-04` as well (see `imr_tui.planning.fields`).
    """
    return format_short_date(day) if day else ""


def format_weekday(day: dt.date, width: Literal["abbreviated", "narrow", "short", "wide"] = "wide") -> str:
    from babel.dates import get_day_names

    return get_day_names(width, locale=_locale())[day.weekday()]


def format_time(moment: dt.time) -> str:
    """24-hour clock in every language: therapists in Norway read 14:30."""
    return f"{moment.hour:02d}:{moment.minute:02d}"

