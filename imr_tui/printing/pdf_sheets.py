"""The sheets of a PDF: fpdf2's document, knowing which page each sheet belongs to.

It draws what every sheet carries besides its page: the page's title on top of every
sheet after the first, and "page 2 of 3" at the foot of a page that takes more than one.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from imr_tui.i18n import _, use_language
from imr_tui.printing import style
from imr_tui.printing.page import Page


@cache
def measuring_fonts() -> dict:
    """Fonts read once for documents that are only counted, never written (the agenda's tries at one sheet)."""
    return dict(sheets_class()(None, False).fonts)


@cache
def sheets_class() -> type:
    from fpdf import FPDF  # ~220 ms to import (fpdf2 2.8, fontTools, Pillow): only when a PDF is made

    class Sheets(FPDF):
        """An FPDF that knows which page each sheet belongs to, for the running title and the sheet numbers."""

        def __init__(self, counts: list[int] | None, numbered: bool, fonts: dict | None = None) -> None:
            super().__init__(unit="mm", format="A4")
            self.counts = counts
            self.numbered = numbered
            """One page in the file: numbered as it is drawn, with fpdf2's total ({nb})."""
            self.last_sheet = False
            """True while the sheet ending is the last one (the file closes)."""
            self._ruler: Sheets | None = None
            self.page_index = -1
            self.current: Page | None = None
            self.first_sheet = 1
            self.sheet_of: dict[int, tuple[int, int, str]] = {}
            """Sheet -> (page index, number within that page, the page's language)."""
            if fonts is not None:  # a ruler shares the document's fonts: reading a font file takes ~250 ms
                self.fonts.update(fonts)
            else:
                for font_style, file_name in style.FONT_FILES.items():
                    self.add_font(style.FONT_FAMILY, font_style, str(style.FONTS_DIR / file_name))
            self.set_margins(style.MARGIN_X, style.MARGIN_TOP, style.MARGIN_X)
            self.set_auto_page_break(True, style.MARGIN_BOTTOM)
            self.c_margin = 0  # text lines up with rules and boxes; spacing is the layout's job
            self.set_creator("imr-tui")

        def ruler(self) -> Any:
            """A document of blank sheets to measure on (see `_Layout.measure`), made once."""
            if self._ruler is None:
                self._ruler = Sheets(None, False, fonts=self.fonts)
                self._ruler.set_auto_page_break(False)
            self._ruler.current = self.current
            return self._ruler

        def start(self, page: Page) -> None:
            if self.current is None:
                self.set_title(page.metadata_title)
                self.set_lang(page.language)
            self.current = page
            self.page_index += 1
            self.first_sheet = self.page + 1
            self.add_page(orientation="landscape" if page.landscape else "portrait")

        def header(self) -> None:
            assert self.current is not None
            # From the sheet's own number: fpdf2 also turns sheets while it only measures a table's text, and takes them back
            self.sheet_of[self.page] = (self.page_index, self.page - self.first_sheet + 1, self.current.language)
            if self.page == self.first_sheet:
                return
            page = self.current
            title = page.running_title or f"{page.kicker} · {page.title}"
            self.set_font(style.FONT_FAMILY, "B", style.RUNNING)
            self.set_text_color(*style.rgb(style.MUTED))
            self.set_xy(style.MARGIN_X, style.MARGIN_TOP - 8)
            self.cell(self.epw, style.line_height(style.RUNNING), title)
            rule_y = style.MARGIN_TOP - 8 + style.line_height(style.RUNNING) + 1
            self.set_draw_color(*style.rgb(style.RULE))
            self.set_line_width(0.3)
            self.line(style.MARGIN_X, rule_y, self.w - style.MARGIN_X, rule_y)
            self.set_xy(style.MARGIN_X, style.MARGIN_TOP + 1)

        def output(self, *args: Any, **kwargs: Any) -> Any:
            self.last_sheet = True  # fpdf2 draws the last sheet's footer as it writes the file
            return super().output(*args, **kwargs)

        def footer(self) -> None:
            if self.page not in self.sheet_of:
                return
            index, number, language = self.sheet_of[self.page]
            if self.numbered:  # a sheet ends: either another follows, or the file closes after the first of several
                if self.last_sheet and number == 1:
                    return
                count = "{nb}"
            elif self.counts is None or self.counts[index] <= 1:
                return
            else:
                count = str(self.counts[index])
            with use_language(language):
                label = _("page {number} of {count}").format(number=number, count=count)
            self.set_font(style.FONT_FAMILY, "", style.FOOTER)
            self.set_text_color(*style.rgb(style.MUTED))
            self.set_xy(style.MARGIN_X, self.h - style.MARGIN_BOTTOM + 5)
            self.cell(self.epw, style.line_height(style.FOOTER), label, align="R")

    return Sheets
