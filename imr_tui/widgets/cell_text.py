"""Text wrapped to a table column, so long words in a person's own terms are read whole."""

from __future__ import annotations

from functools import cache

from rich.console import Console
from rich.text import Text


@cache
def _console() -> Console:
    return Console(width=500, color_system=None)


def wrapped(text: Text | str, width: int, max_lines: int | None = None) -> Text:
    """`text` broken into lines of at most `width` cells; past `max_lines` the last line ends in …"""
    source = text if isinstance(text, Text) else Text(text)
    lines = [line for part in source.split("\n") for line in part.wrap(_console(), width)]
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1].truncate(width - 1)
        lines[-1].rstrip()
        lines[-1].append("…")
    return Text("\n").join(lines)


def line_count(text: Text) -> int:
    return len(text.plain.split("\n"))
