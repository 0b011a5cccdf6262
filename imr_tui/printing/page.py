"""A printed document as plain blocks of translated text.

Each document turns its data into one or more `Page`s; the renderers draw any page as
PDF, Markdown, HTML or plain text, so a new document needs no new renderer. A page is
not one sheet: on paper it flows onto as many A4 sheets as it needs.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal


@dataclass(frozen=True)
class Paragraph:
    text: str
    strong: bool = False


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    """The column's share of the line (the shares of a table add up to 1)."""
    align: Literal["left", "right"] = "left"


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    writing_rows: bool = False
    """Rows tall enough to write or sign in by hand (a sign-in list)."""
    points: float | None = None
    """The type size of the cells; None: body text. A wide register uses 9 pt to fit more columns."""


@dataclass(frozen=True)
class WritingSpace:
    """Lines to write on by hand."""

    min_lines: int = 3
    fills_sheet: bool = False
    """On paper, more lines down to the bottom of the sheet (the one-sheet agenda)."""


Block = Paragraph | Bullets | Table | WritingSpace


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple[Block, ...]
    boxed: bool = False
    """Framed, to stand out: the part a participant fills in."""
    whole: bool = False
    """Kept on one sheet when it fits one: a section a reader must see at once (a crisis number)."""


@dataclass(frozen=True)
class Page:
    language: str
    kicker: str
    """A small line above the title that says what the page is."""
    title: str
    details: tuple[str, ...]
    """Short lines under the title: when, where, who leads."""
    sections: tuple[Section, ...]
    metadata_title: str
    """The title a PDF viewer or browser tab shows."""
    landscape: bool = False
    """Turned sideways, for wide tables such as the attendance register."""
    running_title: str = ""
    """The line on top of every sheet after the first (default: the kicker and the title)."""


def shortened(page: Page, limit: int) -> Page:
    """The page with every paragraph and bullet cut to `limit` characters: the last resort for one sheet."""

    def cut(text: str) -> str:
        if len(text) <= limit:
            return text
        return text[: max(limit - 1, 1)].rsplit(" ", 1)[0].rstrip(" ,.;:") + "…"

    def block(item: Block) -> Block:
        if isinstance(item, Paragraph):
            return Paragraph(cut(item.text), item.strong)
        if isinstance(item, Bullets):
            return Bullets(tuple(cut(text) for text in item.items))
        return item

    return replace(page, sections=tuple(replace(s, blocks=tuple(block(b) for b in s.blocks)) for s in page.sections))
