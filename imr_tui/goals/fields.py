"""Reading what a therapist typed about goals and ratings, with a message that says what is allowed.

Each reader raises `FieldError` naming the field, so a screen can show the message under
the field it is about and keep everything that was typed.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, overload

from imr_tui.errors import BadInputError
from imr_tui.i18n import _, format_input_date

NOT_APPLICABLE = {"n", "-", "na", "n/a"}
"""What may be typed for "not applicable" on an item that allows it."""


class FieldError(BadInputError):
    """A value refused at its field; `field` names the field (an input's id)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@overload
def parse_day(text: str, field: str, *, required: Literal[True]) -> dt.date: ...
@overload
def parse_day(text: str, field: str, *, required: bool = False) -> dt.date | None: ...


def parse_day(text: str, field: str, *, required: bool = False) -> dt.date | None:
    """`24.11.2026`, `24/11/2026` or `2026-11-24`; empty is None unless the date is required."""
    from imr_tui.planning.fields import InvalidField, parse_date

    if not text.strip():
        if required:
            from imr_tui.planning.fields import EXAMPLE_DAY

            raise FieldError(field, _("a date is needed: write it as {example} or 2026-11-24").format(example=format_input_date(EXAMPLE_DAY)))
        return None
    try:
        return parse_date(text, field)
    except InvalidField as error:
        raise FieldError(field, error.message) from None


def day_input(day: dt.date | None) -> str:
    """A date as it is shown in a form, in the reader's way (`04.12.2026`, `04/12/2026`)."""
    return format_input_date(day)


def date_placeholder() -> str:
    """The hint in an empty date field: the reader's order, with an example."""
    from imr_tui.planning.fields import EXAMPLE_DAY

    return _("day/month/year, such as {example}").format(example=format_input_date(EXAMPLE_DAY))


def parse_score(text: str, field: str, lowest: int, highest: int, may_be_not_applicable: bool) -> int | None:
    """A rating from `lowest` to `highest`, or None for "not applicable" where the item allows it."""
    value = text.strip().casefold()
    if value.isdigit() and lowest <= int(value) <= highest:
        return int(value)
    if may_be_not_applicable and value in NOT_APPLICABLE:
        return None
    if may_be_not_applicable:
        message = _("rate from {lowest} to {highest} ({highest} is best), or n for not applicable")
    else:
        message = _("rate from {lowest} to {highest} ({highest} is best); this item is rated for everyone")
    raise FieldError(field, message.format(lowest=lowest, highest=highest))


def empty_text_message(kind: str) -> str:
    """What a goal, short-term goal or step without words is told."""
    if kind == "goal":
        return _("the goal needs a few words, in the person's own words; it cannot be empty")
    if kind == "short_term":
        return _("the short-term goal needs a few words; it cannot be empty")
    return _("the step needs a few words: what will be done; it cannot be empty")
