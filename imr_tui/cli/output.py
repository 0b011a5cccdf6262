"""What every command prints to the terminal goes through here, so stored text stays inert.

A name or note can hold control characters ("\\x1b]0;…\\x07\\x1b[2J" retitles the window and
clears the screen; a bidi override turns text around). They are printed escaped, as `\\x1b`,
so the therapist sees what is stored and the terminal does nothing with it. Rich's own colours
are not stored text: `inert_console` escapes what is rendered, never the styles Rich adds.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Any

import typer

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""C0 controls but tab and newline, DEL, C1 controls, and the bidirectional marks and overrides."""


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: str) -> str:
    """The text with every control character written out (`\\x1b`), so printing it does nothing."""
    return UNSAFE.sub(_escaped, text)


def echo(message: Any = "", err: bool = False) -> None:
    """`typer.echo` for lines that may carry stored text."""
    typer.echo(inert(str(message)), err=err)


def inert_json(text: str) -> str:
    """JSON text with the control characters JSON lets through raw (DEL, C1, bidi) as \\u escapes."""
    return UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def inert_console(**options: Any):
    """A Rich console whose output holds no control character from the text it is given."""
    from rich.console import Console
    from rich.segment import Segment

    class InertConsole(Console):
        def render_str(self, text: str, **kwargs: Any) -> Any:
            # Plain strings (table cells, lines) are escaped before Rich measures them.
            return super().render_str(inert(text), **kwargs)

        def render(self, renderable: Any, options: Any = None) -> Iterable[Segment]:
            for segment in super().render(renderable, options):
                if segment.control is None and UNSAFE.search(segment.text):
                    # Rich Text built elsewhere: escaped before lines are cropped and padded, so a table keeps its shape.
                    yield Segment(inert(segment.text), segment.style)
                else:
                    yield segment

    options.setdefault("markup", False)  # stored text is never markup: "[red]" in a name prints as typed
    return InertConsole(**options)


class InertLogRecords(logging.Filter):
    """A library's warning on stderr quotes text it was given (fpdf names the glyphs a font lacks)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = inert(str(record.msg))
        if isinstance(record.args, tuple):
            record.args = tuple(inert(arg) if isinstance(arg, str) else arg for arg in record.args)
        return True


def inert_library_logs() -> None:
    """Warnings of the PDF libraries (their child loggers too) to stderr as before, escaped."""
    for name in ("fpdf", "fontTools"):
        handler = logging.StreamHandler()
        handler.setLevel(logging.WARNING)
        handler.addFilter(InertLogRecords())
        library = logging.getLogger(name)
        library.addHandler(handler)
        library.propagate = False


__all__ = ["echo", "inert", "inert_console", "inert_json", "inert_library_logs"]
