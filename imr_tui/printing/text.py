"""A page as plain text: a preview for a screen, before the page is printed."""

from __future__ import annotations

import textwrap

from imr_tui.printing.page import Bullets, Page, Paragraph, Table, WritingSpace

WIDTH = 72
INDENT = "  "


def render_text(page: Page) -> str:
    lines = [page.kicker.upper(), page.title, *page.details]
    for section in page.sections:
        lines += ["", section.heading]
        for block in section.blocks:
            if isinstance(block, Paragraph):
                lines += textwrap.wrap(block.text, WIDTH, initial_indent=INDENT, subsequent_indent=INDENT)
            elif isinstance(block, Bullets):
                for item in block.items:
                    lines += textwrap.wrap(item, WIDTH, initial_indent=INDENT + "• ", subsequent_indent=INDENT + "  ")
            elif isinstance(block, Table):
                lines += _table(block)
            elif isinstance(block, WritingSpace):
                lines += [INDENT + "_" * (WIDTH - len(INDENT))] * block.min_lines
    return "\n".join(lines) + "\n"


def _table(table: Table) -> list[str]:
    """Columns padded to their widest cell; a writing column is left blank."""
    cells = [[column.title for column in table.columns], *(list(row) for row in table.rows)]
    widths = [max(len(row[index]) for row in cells) for index in range(len(table.columns))]

    def line(row: list[str]) -> str:
        parts = [
            text.rjust(width) if column.align == "right" else text.ljust(width)
            for text, width, column in zip(row, widths, table.columns, strict=False)
        ]
        return (INDENT + "  ".join(parts)).rstrip()

    return [line(row) for row in cells]
