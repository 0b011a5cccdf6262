"""Tables in a PDF: column widths that keep every heading word whole, rows that fit a sheet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from imr_tui.printing import style
from imr_tui.printing.long_text import MAX_TEXT, split_text
from imr_tui.printing.page import Table

if TYPE_CHECKING:
    from fpdf import FPDF


LONGEST_WORD = 22
"""Words up to this long in a cell widen their column; a longer one (a web address) may break."""


def rows_of(row: tuple[str, ...]) -> list[list[str]]:
    """A row whose long text is split over several rows: fpdf2 cannot draw a row taller than a sheet."""
    if all(len(cell) <= MAX_TEXT for cell in row):
        return [list(row)]
    pieces = [split_text(cell) for cell in row]
    return [[cell[index] if index < len(cell) else "" for cell in pieces] for index in range(max(map(len, pieces)))]


def column_widths(pdf: FPDF, table: Table, width: float) -> list[float]:
    """The columns' shares of `width`, each widened to hold the longest word of its heading and short cells.

    The room a narrow column gains is taken from the columns with room to spare, so a heading
    such as "underveis" or a date never breaks inside a word.
    """
    points = table.points or style.BODY
    padding = 2 * style.CELL_GAP + 0.6
    needs = []
    for index, column in enumerate(table.columns):
        pdf.set_font(style.FONT_FAMILY, "B", style.SMALL)
        need = max((pdf.get_string_width(word) for word in column.title.split()), default=0.0)
        pdf.set_font(style.FONT_FAMILY, "", points)
        words = [word for row in table.rows for word in row[index].split() if len(word) <= LONGEST_WORD]
        need = max([need, *(pdf.get_string_width(word) for word in set(words))])
        needs.append(need + padding)
    widths = [column.width * width for column in table.columns]
    short = sum(max(need - given, 0.0) for need, given in zip(needs, widths, strict=False))
    if short <= 0:
        return widths
    spare = [max(given - need, 0.0) for need, given in zip(needs, widths, strict=False)]
    total_spare = sum(spare)
    if total_spare <= 0:
        return widths
    take = min(short / total_spare, 1.0)
    return [max(need, given) if need > given else given - s * take for need, given, s in zip(needs, widths, spare, strict=False)]
