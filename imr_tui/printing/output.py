"""Writing a document to a file: the format follows the suffix, the file is the owner's only."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from imr_tui.errors import BadInputError
from imr_tui.i18n import _
from imr_tui.printing.page import Page

SUFFIXES = (".pdf", ".md", ".html")


class Document(Protocol):
    def page(self) -> Page: ...


def pages_of(document: Document) -> tuple[Page, ...]:
    """The sheets of a document: most are one page; a long one (the course schedule) splits itself with `pages()`."""
    pages = getattr(document, "pages", None)
    return tuple(pages()) if callable(pages) else (document.page(),)


def check_suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise BadInputError(
            _("{path}: unknown file type '{suffix}'; the file name must end in one of: {allowed}").format(
                path=path, suffix=suffix or path.name, allowed=", ".join(SUFFIXES)
            )
        )
    return suffix


def render(document: Document, path: Path) -> Path:
    """Write `document` to `path` as PDF, Markdown or HTML, chosen by the suffix."""
    renderer = _renderer(check_suffix(path))
    data = renderer(pages_of(document))
    write_private(path, data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def _renderer(suffix: str) -> Callable[[Sequence[Page]], bytes | str]:
    if suffix == ".pdf":
        from imr_tui.printing.pdf import render_pdf_pages

        return render_pdf_pages
    if suffix == ".md":
        from imr_tui.printing.markdown import render_markdown

        return lambda pages: "\n".join(render_markdown(page) for page in pages)
    from imr_tui.printing.html import render_html_pages

    return render_html_pages


def write_private(path: Path, data: bytes) -> None:
    """Replace `path` in one step with a file only the owner can read (0600), never half-written."""
    from imr_tui.safe_output import write_private as write_whole

    write_whole(path, data)


def slug(text: str) -> str:
    """`Ukesgruppa Nydal` -> `ukesgruppa-nydal`, `Møterom på Ås` -> `moterom-paa-aas`: safe in any file name."""
    text = text.casefold().replace("æ", "ae").replace("ø", "o").replace("å", "aa")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
