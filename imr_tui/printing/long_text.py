"""A very long text in pieces, so no single table row is taller than a sheet.

fpdf2 moves a table row that does not fit to the next sheet whole; a row taller than a
sheet cannot be drawn. A long text in a table (a note in the participant record, a step
written at length) is therefore split into rows of at most `MAX_TEXT` characters,
between paragraphs, sentences or words.
"""

from __future__ import annotations

import re

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
