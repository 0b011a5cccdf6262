"""A page as a one-sheet A4 PDF, with the fonts embedded.

The page is measured first with the same code that draws it (a dry run); the type
shrinks step by step until everything fits, and the box to write in takes the room
that is left. Never a second sheet: past the smallest type, long texts are cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from imr_tui.errors import UserError
from imr_tui.i18n import _
from imr_tui.printing import style
from imr_tui.printing.page import Block, Bullets, Page, Paragraph, Section, Table, WritingSpace, shortened

if TYPE_CHECKING:
    from fpdf import FPDF



def content_size(page: Page) -> tuple[float, float]:
    """The width and height inside the margins, in mm, the sheet turned as the page asks."""
    width, height = (style.PAGE_HEIGHT, style.PAGE_WIDTH) if page.landscape else (style.PAGE_WIDTH, style.PAGE_HEIGHT)
    return width - 2 * style.MARGIN_X, height - style.MARGIN_TOP - style.MARGIN_BOTTOM


def render_pdf(page: Page) -> bytes:
    return render_pdf_pages((page,))


def render_pdf_pages(pages: Sequence[Page]) -> bytes:
    """Each page on a sheet of its own; a document that needs more than one sheet splits itself."""
    from fpdf import FPDF  # ~220 ms to import (fpdf2 2.8, fontTools, Pillow): only when a PDF is made

    first = pages[0]
    pdf = FPDF(orientation="landscape" if first.landscape else "portrait", unit="mm", format="A4")
    pdf.set_auto_page_break(False)  # the fitting below keeps every page on its sheet
    pdf.set_margins(style.MARGIN_X, style.MARGIN_TOP, style.MARGIN_X)
    pdf.c_margin = 0  # text lines up with rules and boxes; spacing is the layout's job
    for font_style, file_name in style.FONT_FILES.items():
        pdf.add_font(style.FONT_FAMILY, font_style, str(style.FONTS_DIR / file_name))
    pdf.set_title(first.metadata_title)
    pdf.set_lang(first.language)
    pdf.set_creator("imr-tui")
    for page in pages:
        pdf.add_page(orientation="landscape" if page.landscape else "portrait")
        fitted, scale, room_left = _fit(pdf, page)
        _Painter(pdf, scale, dry=False, room_left=room_left).page(fitted)
    return bytes(pdf.output())


def _fit(pdf: FPDF, page: Page) -> tuple[Page, float, float]:
    """The page and type scale that fit one sheet, and the height still free at the bottom."""
    candidates = [(page, scale) for scale in style.SCALES]
    candidates += [(shortened(page, limit), style.SCALES[-1]) for limit in style.SHORTEN_TO]
    rooms: dict[int, float] = {}
    _width, content_height = content_size(page)

    def room(index: int) -> float:
        if index not in rooms:
            candidate, scale = candidates[index]
            rooms[index] = content_height - _Painter(pdf, scale, dry=True).page(candidate)
        return rooms[index]

    # Most pages fit at full size. Otherwise search: each candidate is no taller than the one before.
    low, high = 0, len(candidates) - 1
    if room(0) < 0:
        low = 1
        while low < high:
            middle = (low + high) // 2
            if room(middle) >= 0:
                high = middle
            else:
                low = middle + 1
        if room(low) < 0:
            raise UserError(_("the page does not fit on one A4 sheet even with the smallest type"))
    return candidates[low][0], candidates[low][1], room(low)


class _Painter:
    """Lays a page out top to bottom; with `dry` it only measures (the returned heights)."""

    def __init__(self, pdf: FPDF, scale: float, dry: bool, room_left: float = 0.0) -> None:
        self.pdf = pdf
        self.scale = scale
        self.dry = dry
        self.room_left = room_left
        """Extra height for the first writing space, so its lines reach down the page."""

    def mm(self, value: float) -> float:
        return value * self.scale

    def page(self, page: Page) -> float:
        width, _height = content_size(page)
        y = self.header(page, style.MARGIN_TOP, width)
        for index, section in enumerate(page.sections):
            if index:
                y += self.mm(style.AFTER_SECTION)
            y += self.section(section, style.MARGIN_X, y, width)
        return y - style.MARGIN_TOP

    def header(self, page: Page, y: float, width: float) -> float:
        x = style.MARGIN_X
        y += self.text(x, y, width, page.kicker.upper(), style.KICKER, bold=True, colour=style.ACCENT)
        y += self.mm(1.0)
        y += self.text(x, y, width, page.title, style.TITLE, bold=True)
        y += self.mm(1.5)
        for line in page.details:
            y += self.text(x, y, width, line, style.DETAILS, colour=style.MUTED)
        y += self.mm(3.0)
        self.rule(x, y, width, style.ACCENT, 0.6)
        return y + self.mm(style.AFTER_HEADER)

    def section(self, section: Section, x: float, y: float, width: float) -> float:
        if not section.boxed:
            return self.section_body(section, x, y, width)
        padding = self.mm(style.BOX_PADDING)
        inner = _Painter(self.pdf, self.scale, dry=True, room_left=self.room_left).section_body(section, x, y, width - 2 * padding)
        height = inner + 2 * padding
        if not self.dry:
            self.pdf.set_fill_color(*style.rgb(style.BOX_FILL))
            self.pdf.set_draw_color(*style.rgb(style.ACCENT))
            self.pdf.set_line_width(0.35)
            self.pdf.rect(x, y, width, height, style="DF", round_corners=True, corner_radius=2.5)
        self.section_body(section, x + padding, y + padding, width - 2 * padding)
        return height

    def section_body(self, section: Section, x: float, y: float, width: float) -> float:
        top = y
        y += self.text(x, y, width, section.heading, style.HEADING, bold=True, colour=style.ACCENT)
        y += self.mm(style.AFTER_HEADING)
        for block in section.blocks:
            y += self.block(block, x, y, width)
        return y - top

    def block(self, block: Block, x: float, y: float, width: float) -> float:
        if isinstance(block, Paragraph):
            return self.text(x, y, width, block.text, style.BODY, bold=block.strong)
        if isinstance(block, Bullets):
            return self.bullets(block, x, y, width)
        if isinstance(block, Table):
            return self.table(block, x, y, width)
        return self.writing_space(block, x, y, width)

    def bullets(self, bullets: Bullets, x: float, y: float, width: float) -> float:
        top = y
        indent = style.BULLET_INDENT
        for index, item in enumerate(bullets.items):
            if index:
                y += self.mm(1.5)
            self.text(x + 0.5, y, indent, "•", style.BODY, colour=style.ACCENT)
            y += self.text(x + indent, y, width - indent, item, style.BODY)
        return y - top

    def table(self, table: Table, x: float, y: float, width: float) -> float:
        top = y
        widths = [column.width * width for column in table.columns]
        starts = [x + sum(widths[:index]) for index in range(len(widths))]

        def cell_width(index: int) -> float:  # a gap between columns, none after the last
            return widths[index] - (style.COLUMN_GAP if index < len(widths) - 1 else 0)

        heights = [
            self.text(starts[i], y, cell_width(i), column.title, style.SMALL, bold=True, colour=style.MUTED, align=column.align)
            for i, column in enumerate(table.columns)
        ]
        y += max(heights) + self.mm(1.0)
        self.rule(x, y, width, style.MUTED, 0.3)
        padding = self.mm(style.CELL_PADDING)
        for row in table.rows:
            text_height = max(
                self.text(starts[i], 0, cell_width(i), cell, style.BODY, align=table.columns[i].align, measure_only=True)
                for i, cell in enumerate(row)
            )
            height = text_height + 2 * padding
            if table.writing_rows:
                height = max(height, self.mm(style.SIGN_ROW), style.MIN_SIGN_ROW)
            text_top = y + (height - text_height) / 2
            for i, cell in enumerate(row):
                self.text(starts[i], text_top, cell_width(i), cell, style.BODY, align=table.columns[i].align)
            y += height
            self.rule(x, y, width, style.RULE, 0.25)
        return y - top

    def writing_space(self, space: WritingSpace, x: float, y: float, width: float) -> float:
        gap = max(self.mm(style.WRITING_LINE_GAP), style.MIN_WRITING_LINE_GAP)
        lines = space.min_lines + int(self.room_left // gap)
        self.room_left = 0.0  # one writing space takes the free room
        for number in range(1, lines + 1):
            self.rule(x, y + number * gap, width, style.WRITING_LINE, 0.25)
        return lines * gap

    def text(
        self, x: float, y: float, width: float, text: str, points: float, *, bold: bool = False,
        colour: str = style.INK, align: str = "left", measure_only: bool = False,
    ) -> float:  # fmt: skip
        """Draws wrapped text with its top at y; returns its height."""
        pdf = self.pdf
        size = points * self.scale
        pdf.set_font(style.FONT_FAMILY, "B" if bold else "", size)
        line = style.line_height(size)
        fpdf_align = "R" if align == "right" else "L"
        height = pdf.multi_cell(width, line, text, align=fpdf_align, dry_run=True, output="HEIGHT") if text else line
        if not (self.dry or measure_only) and text:
            pdf.set_text_color(*style.rgb(colour))
            pdf.set_xy(x, y)
            pdf.multi_cell(width, line, text, align=fpdf_align)
        return height

    def rule(self, x: float, y: float, width: float, colour: str, thickness: float) -> None:
        if not self.dry:
            self.pdf.set_draw_color(*style.rgb(colour))
            self.pdf.set_line_width(thickness)
            self.pdf.line(x, y, x + width, y)
