"""Printed documents: data from the store laid out as a page, drawn as PDF, Markdown or HTML.

One module per document (`agenda`, `schedule`, `attendance`), one per format (`pdf`, `markdown`, `html`, `text`),
sharing the page model (`page`) and the look (`style`). A page flows onto as many A4
sheets as it needs (`pdf`); only the agenda handout is held to one. The PDF library is
imported only when a PDF is made.
"""

from __future__ import annotations

from imr_tui.printing.agenda import AgendaDocument, agenda_document
from imr_tui.printing.output import SUFFIXES, check_suffix, render


def agenda_as_text(document: AgendaDocument) -> str:
    """The agenda as plain text, for a preview on screen."""
    from imr_tui.printing.text import render_text

    return render_text(document.page())


__all__ = ["SUFFIXES", "AgendaDocument", "agenda_as_text", "agenda_document", "check_suffix", "render"]
