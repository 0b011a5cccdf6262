"""Laying a long record out over as many A4 sheets as it needs, without cutting a word.

The PDF renderer fits each page on one sheet, shrinking the type and, as a last resort,
cutting long texts. A record for an access request must be complete, so its blocks are
packed onto sheets by an estimate of their height at full size that errs on the tall
side: the renderer then never needs to cut. Tables are split between rows, and a text
too long for one sheet is split between paragraphs or sentences.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from imr_tui.printing import style
from imr_tui.printing.page import Block, Page, Paragraph, Section, Table

CONTENT_WIDTH = style.PAGE_WIDTH - 2 * style.MARGIN_X
SHEET_ROOM = style.PAGE_HEIGHT - style.MARGIN_TOP - style.MARGIN_BOTTOM
HEADER_ROOM = 46.0
"""The title, details and rule at the top of every sheet, generously."""
CHAR_WIDTH = 0.56
"""The average width of a DejaVu Sans character as a share of the type size, plus room for wrapping."""
MAX_TEXT = 1200
"""Characters in one paragraph or cell; a longer text continues in the next one."""


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """`text` in pieces of at most `limit` characters, cut between paragraphs, sentences or words."""
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind("\n"), *(m.end() for m in re.finditer(r"[.!?] ", window)), 0) or window.rfind(" ")
        cut = cut if cut > limit // 3 else limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return [*pieces, rest]


def text_height(text: str, width: float, points: float) -> float:
    per_line = max(width / (points * style.MM_PER_POINT * CHAR_WIDTH), 1.0)
    lines = sum(max(1, math.ceil(len(part) / per_line)) for part in (text or " ").split("\n"))
    return lines * style.line_height(points)


def block_height(block: Block, width: float = CONTENT_WIDTH) -> float:
    if isinstance(block, Paragraph):
        return text_height(block.text, width, style.BODY)
    if isinstance(block, Table):
        widths = [column.width * width - style.COLUMN_GAP for column in block.columns]
        header = max(text_height(column.title, w, style.SMALL) for column, w in zip(block.columns, widths)) + 1.0
        return header + sum(_row_height(row, widths) for row in block.rows)
    return style.line_height(style.BODY) * 4


def _row_height(row: tuple[str, ...], widths: list[float]) -> float:
    return max(text_height(cell, w, style.BODY) for cell, w in zip(row, widths)) + 2 * style.CELL_PADDING


def heading_height() -> float:
    return style.line_height(style.HEADING) + style.AFTER_HEADING + style.AFTER_SECTION


@dataclass(frozen=True)
class Piece:
    """The smallest part that goes on a sheet whole: a paragraph, or one row of a table."""

    section: int
    block: Block
    height: float


def pieces_of(sections: list[Section]) -> list[Piece]:
    pieces = []
    for index, section in enumerate(sections):
        for block in section.blocks:
            if isinstance(block, Table):
                pieces += [Piece(index, replace(block, rows=(row,)), block_height(replace(block, rows=(row,)))) for row in block.rows]
            else:
                pieces.append(Piece(index, block, block_height(block)))
    return pieces


def paginate(sections: list[Section], continued: str) -> list[tuple[Section, ...]]:
    """The sections spread over sheets; a section that runs over starts the next sheet with `continued` after its heading."""
    room = SHEET_ROOM - HEADER_ROOM
    sheets: list[list[tuple[int, list[Block]]]] = [[]]
    used = 0.0
    for piece in pieces_of(sections):
        sheet = sheets[-1]
        starts_section = not sheet or sheet[-1][0] != piece.section
        joins_table = not starts_section and _same_table(sheet[-1][1][-1], piece.block)
        extra = piece.height - (_header_row(piece.block) if joins_table else 0.0) + (heading_height() if starts_section else 0.0)
        if sheet and used + extra > room:
            sheets.append([])
            sheet, used, starts_section, joins_table = sheets[-1], 0.0, True, False
            extra = piece.height + heading_height()
        if starts_section:
            sheet.append((piece.section, []))
        blocks = sheet[-1][1]
        if joins_table:
            blocks[-1] = replace(blocks[-1], rows=blocks[-1].rows + piece.block.rows)
        else:
            blocks.append(piece.block)
        used += extra
    result = []
    seen: set[int] = set()
    for sheet in sheets:
        page_sections = []
        for index, blocks in sheet:
            heading = sections[index].heading if index not in seen else f"{sections[index].heading} ({continued})"
            seen.add(index)
            page_sections.append(Section(heading, tuple(blocks)))
        result.append(tuple(page_sections))
    return result


def _same_table(previous: Block, block: Block) -> bool:
    return isinstance(previous, Table) and isinstance(block, Table) and previous.columns == block.columns and not block.writing_rows


def _header_row(block: Block) -> float:
    assert isinstance(block, Table)
    return block_height(replace(block, rows=()))


def sheets(first: Page, sections: list[Section], continued: str) -> tuple[Page, ...]:
    """Pages like `first` (its header on every sheet) carrying `sections` spread over as many sheets as needed."""
    return tuple(replace(first, sections=chunk) for chunk in paginate(sections, continued))
