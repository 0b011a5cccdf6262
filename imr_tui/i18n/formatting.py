"""Dates, weekdays and times in the active language's conventions (Babel)."""

from __future__ import annotations

import datetime as dt

from imr_tui.i18n.catalogue import LANGUAGES, current_language


def _locale() -> str:
    return LANGUAGES[current_language()]


def format_date(day: dt.date, style: str = "medium") -> str:
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, format=style, locale=_locale())


def format_short_date(day: dt.date) -> str:
    """`24.11.2026` in Norwegian, `24/11/2026` in English."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, format="dd.MM.yyyy" if current_language() == "nb" else "dd/MM/yyyy", locale=_locale())


def format_long_date(day: dt.date) -> str:
    """`tirsdag 24. november 2026` / `Tuesday 24 November 2026`."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, format="EEEE d. MMMM y" if current_language() == "nb" else "EEEE d MMMM y", locale=_locale())


def format_weekday(day: dt.date, width: str = "wide") -> str:
    from babel.dates import get_day_names

    return get_day_names(width, locale=_locale())[day.weekday()]


def format_time(moment: dt.time) -> str:
    """24-hour clock in both languages: therapists in Norway read 14:30."""
    return f"{moment.hour:02d}:{moment.minute:02d}"
