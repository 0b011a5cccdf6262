"""Reading what a therapist typed into a planning form, with a message that says what is allowed.

Each parser raises `InvalidField` naming the field, so a form can show the message beside
the field it is about and keep everything else that was typed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from imr_tui.errors import BadInputError
from imr_tui.i18n import _, format_input_date

LONGEST_SESSION = 240
"""Minutes: a longer session is almost certainly a typing error (600 for 60)."""

_DAY_FIRST = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
EXAMPLE_DAY = dt.date(2026, 11, 24)
EXAMPLE_LIST = (dt.date(2027, 1, 7), dt.date(2027, 1, 14))
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")


class InvalidField(BadInputError):
    """A value the form refuses; `field` is the id of the input it came from."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def parse_date(text: str, field: str) -> dt.date:
    """`24.11.2026`, `24/11/2026` or `2026-11-24`."""
    text = text.strip()
    day_first, iso = _DAY_FIRST.match(text), _ISO.match(text)
    if day_first:
        day, month, year = (int(part) for part in day_first.groups())
    elif iso:
        year, month, day = (int(part) for part in iso.groups())
    else:
        example = format_input_date(EXAMPLE_DAY)
        raise InvalidField(field, _("write a date as {example} or 2026-11-24, not '{text}'").format(example=example, text=text) if text else _("a date is needed here, such as {example}").format(example=example))
    if not 1 <= month <= 12:
        raise InvalidField(field, _("there is no month {month}: the months are 1 to 12").format(month=month))
    days_in_month = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days_in_month:
        raise InvalidField(field, _("{text} does not exist: that month has {days} days").format(text=text, days=days_in_month))
    return dt.date(year, month, day)


def parse_optional_date(text: str, field: str) -> dt.date | None:
    return parse_date(text, field) if text.strip() else None


def parse_time(text: str, field: str) -> dt.time:
    """`10:00` or `10.00`, on the 24-hour clock."""
    match = _TIME.match(text.strip())
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise InvalidField(field, _("write a time on the 24-hour clock, such as 10:00 or 13.30"))
    return dt.time(int(match.group(1)), int(match.group(2)))


def parse_minutes(text: str, field: str, minimum: int) -> int:
    """A session length: at least the minutes of the curriculum's session parts."""
    allowed = _("a whole number of minutes from {minimum} to {maximum}: the parts of a group session take {minimum} minutes").format(
        minimum=minimum, maximum=LONGEST_SESSION
    )
    if not text.strip().isdigit() or not minimum <= int(text) <= LONGEST_SESSION:
        raise InvalidField(field, allowed)
    return int(text)


def parse_date_list(text: str, field: str) -> list[dt.date]:
    """Dates separated by commas, spaces or new lines, in any order; each once."""
    parts = [part for part in re.split(r"[,;\s]+", text.strip()) if part]
    if not parts:
        raise InvalidField(field, date_list_hint())
    return sorted({parse_date(part, field) for part in parts})


def format_date_input(day: dt.date | None) -> str:
    """A date as it is shown in a form, in the reader's way (`04.12.2026`, `04/12/2026`)."""
    return format_input_date(day)


def date_list_example() -> str:
    """Two dates as a list of them is written: `07.01.2027, 14.01.2027`."""
    return ", ".join(format_input_date(day) for day in EXAMPLE_LIST)


def date_list_hint() -> str:
    return _("list the dates the group meets, such as {examples}").format(examples=date_list_example())


def format_time_input(moment: dt.time) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"
