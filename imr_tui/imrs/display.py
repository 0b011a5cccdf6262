"""IMR Scale numbers and small text charts, in the active language's conventions.

The charts are plain characters (no plotting library): they read the same in a snapshot,
in a copy and paste, and next to the numbers they are always shown with.
"""

from __future__ import annotations

from collections.abc import Sequence

from imr_tui.i18n import LANGUAGES, current_language

BLOCKS = "▁▂▃▄▅▆▇█"
EIGHTHS = " ▏▎▍▌▋▊▉"


def format_mean(value: float | None) -> str:
    """`3,4` in Norwegian, `3.4` in English; a dash when there is nothing to count."""
    if value is None:
        return "–"
    from babel.numbers import format_decimal

    return format_decimal(round(value, 1), format="0.0", locale=LANGUAGES[current_language()])


def format_change(value: float | None) -> str:
    """`+0,7`, `−0,3` or `±0,0`: the sign spelt out, so a change is never read by colour alone."""
    if value is None:
        return "–"
    rounded = round(value, 1)
    if rounded == 0:
        return "±" + format_mean(0.0)
    return ("+" if rounded > 0 else "−") + format_mean(abs(rounded))


def format_item_change(value: int | None) -> str:
    if value is None:
        return "–"
    return f"+{value}" if value > 0 else (f"−{-value}" if value < 0 else "±0")


def sparkline(values: Sequence[float | None], lowest: int, highest: int) -> str:
    """One character per rating, taller for a better score; a gap (·) where there is no score."""
    span = highest - lowest
    marks = []
    for value in values:
        if value is None:
            marks.append("·")
        else:
            share = min(max((value - lowest) / span, 0.0), 1.0)
            marks.append(BLOCKS[round(share * (len(BLOCKS) - 1))])
    return "".join(marks)


def bar(value: float | None, highest: int, width: int) -> str:
    """A horizontal bar from zero, `width` cells wide at the highest score, in eighths of a cell."""
    if value is None:
        return ""
    share = min(max(value / highest, 0.0), 1.0)
    eighths = round(share * width * 8)
    full, rest = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[rest] if rest else "")


def compact_date(day) -> str:
    """`19.10.26` in Norwegian, `19/10/26` in English: for narrow column headings."""
    return day.strftime("%d.%m.%y" if current_language() == "nb" else "%d/%m/%y")
