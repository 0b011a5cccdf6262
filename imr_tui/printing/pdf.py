"""Pages as an A4 PDF with the fonts embedded, each flowing onto as many sheets as it needs.

fpdf2 breaks the sheets itself (automatic page breaks) and draws tables with its own
`table()`, which repeats the column headings on every sheet. The type never shrinks:
body text 11 pt, table headings and notes 9 pt, nothing under 8.5 pt. Every sheet after
a page's first repeats its title on top, and a page of more than one sheet is numbered
("page 2 of 3"). A heading is kept with the start of what follows it, a section marked
`whole` (crisis numbers) moves to the next sheet rather than split, and column widths
grow until every word of a column heading fits: no heading breaks inside a word.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from imr_tui.printing import style
from imr_tui.printing.page import Block, Bullets, Page, Paragraph, Section, Table, WritingSpace
from imr_tui.printing.pdf_sheets import measuring_fonts, sheets_class
from imr_tui.printing.pdf_tables import column_widths, rows_of

if TYPE_CHECKING:
    from fpdf import FPDF

    class _Sheets(FPDF):
        """What `sheets_class()` makes, as the type checker sees it (fpdf2 is imported only when a PDF is drawn)."""

        def ruler(self) -> _Sheets: ...


def render_pdf_pages(pages: Sequence[Page]) -> bytes:
    """Each page starts a sheet of its own.

    One page is drawn once, its sheet count left to fpdf2 (the `{nb}` alias, filled in at
    the end). Several pages in one file (an agenda and its sign-in sheet) each number their
    own sheets, so they are drawn twice: the first run counts the sheets of each.
    """
    if len(pages) == 1:
        return bytes(_draw(pages, None, numbered=True).output())
    counts = sheet_counts(pages)
    pdf = _draw(pages, counts) if any(count > 1 for count in counts) else _draw(pages, None)
    return bytes(pdf.output())


def sheet_counts(pages: Sequence[Page]) -> list[int]:
    """How many sheets each page takes: the one-sheet agenda asks before it decides what to leave out."""
    pdf = _draw(pages, None, fonts=measuring_fonts())
    return [sum(1 for sheet, (index, _n, _l) in pdf.sheet_of.items() if index == page and sheet <= pdf.pages_count) for page in range(len(pages))]


def _draw(pages: Sequence[Page], counts: list[int] | None, numbered: bool = False, fonts: dict | None = None) -> Any:
    pdf = sheets_class()(counts, numbered, fonts)
    for page in pages:
        pdf.start(page)
        _Layout(pdf).page(page)
    return pdf


class _Layout:
    """Draws one page top to bottom; fpdf2 turns the sheet when the text reaches the bottom margin."""

    def __init__(self, pdf: _Sheets, measuring: bool = False) -> None:
        self.pdf = pdf
        self.measuring = measuring
        """Drawing on a throwaway copy to learn a height: no sheet is turned."""

    # The room on the current sheet, and on a fresh one.
    def room(self) -> float:
        return self.pdf.page_break_trigger - self.pdf.get_y()

    def sheet_room(self) -> float:
        return self.pdf.page_break_trigger - style.MARGIN_TOP - 1

    def at_top(self) -> bool:
        return self.pdf.get_y() <= style.MARGIN_TOP + 1.5

    def breaks(self, height: float) -> bool:
        return not self.measuring and self.pdf.will_page_break(height)

    def new_sheet(self) -> None:
        if self.measuring:
            return
        self.pdf.add_page(orientation=self.pdf.cur_orientation.value)  # the next sheet turned like this one

    def page(self, page: Page) -> None:
        self.header(page)
        for index, section in enumerate(page.sections):
            if index and not self.at_top():
                self.space(style.AFTER_SECTION)
            self.section(section)

    def header(self, page: Page) -> None:
        self.text(page.kicker.upper(), style.KICKER, bold=True, colour=style.ACCENT)
        self.space(1.0)
        self.text(page.title, style.TITLE, bold=True)
        self.space(1.5)
        for line in page.details:
            self.text(line, style.DETAILS, colour=style.MUTED)
        self.space(3.0)
        self.rule(style.ACCENT, 0.6)
        self.space(style.AFTER_HEADER)

    def section(self, section: Section) -> None:
        if section.boxed:
            self.box(section)
            return
        if section.whole:
            height = self.measure(lambda layout: layout.section_body(section))
            if height > self.room() and height <= self.sheet_room() and not self.at_top():
                self.new_sheet()
        else:
            self.keep_heading_with_text(section)
        self.section_body(section)

    def keep_heading_with_text(self, section: Section) -> None:
        """A heading never stands alone at the bottom of a sheet: it needs its first lines below it."""
        heading = style.line_height(style.HEADING) * (1 + len(section.heading) // 70)
        need = heading + style.AFTER_HEADING + 3 * style.line_height(style.BODY) + 2 * style.CELL_PADDING
        if need > self.room() and not self.at_top():
            self.new_sheet()

    def section_body(self, section: Section) -> None:
        self.text(section.heading, style.HEADING, bold=True, colour=style.ACCENT)
        self.space(style.AFTER_HEADING)
        for index, block in enumerate(section.blocks):
            if index and isinstance(block, Paragraph) and block.strong:
                self.space(4.0)  # a bold line starts a new part of the section (the clinician's ratings)
            elif index and isinstance(block, Table | Paragraph) and isinstance(section.blocks[index - 1], Table):
                self.space(1.5)
            self.block(block)

    def box(self, section: Section) -> None:
        """A framed section on one sheet; a writing space in it takes the room left on the sheet if it asks to."""
        pdf = self.pdf
        padding = style.BOX_PADDING
        height = self.measure(lambda layout: layout.inside_box(section, 0)) + 2 * padding
        if height > self.room() and not self.at_top():
            self.new_sheet()
        extra_lines = 0
        spaces = [block for block in section.blocks if isinstance(block, WritingSpace) and block.fills_sheet]
        if spaces:
            extra_lines = max(int((self.room() - height - 0.5) // style.WRITING_LINE_GAP), 0)
            height += extra_lines * style.WRITING_LINE_GAP
        x, y = pdf.l_margin, pdf.get_y()
        pdf.set_fill_color(*style.rgb(style.BOX_FILL))
        pdf.set_draw_color(*style.rgb(style.ACCENT))
        pdf.set_line_width(0.35)
        pdf.rect(x, y, pdf.epw, height, style="DF", round_corners=True, corner_radius=2.5)
        pdf.set_y(y + padding)
        self.inside_box(section, extra_lines)
        pdf.set_y(y + height)

    def inside_box(self, section: Section, extra_lines: int) -> None:
        pdf = self.pdf
        left, right = pdf.l_margin, pdf.r_margin
        pdf.set_left_margin(left + style.BOX_PADDING)
        pdf.set_right_margin(right + style.BOX_PADDING)
        pdf.set_x(pdf.l_margin)
        try:
            self.text(section.heading, style.HEADING, bold=True, colour=style.ACCENT)
            self.space(style.AFTER_HEADING)
            for block in section.blocks:
                if isinstance(block, WritingSpace):
                    self.writing_space(block.min_lines + (extra_lines if block.fills_sheet else 0))
                else:
                    self.block(block)
        finally:
            pdf.set_left_margin(left)
            pdf.set_right_margin(right)

    def measure(self, draw) -> float:
        """The height `draw` takes, drawn on a blank sheet of a second document that never turns a sheet.

        (fpdf2's own `offset_rendering()` copies the whole document each time: too slow for a
        service plan that measures every section.)
        """
        pdf = self.pdf
        ruler = pdf.ruler()
        ruler.add_page(orientation=pdf.cur_orientation.value)
        ruler.set_margins(pdf.l_margin, style.MARGIN_TOP, pdf.r_margin)
        ruler.set_y(style.MARGIN_TOP)
        draw(_Layout(ruler, measuring=True))
        return ruler.get_y() - style.MARGIN_TOP

    def block(self, block: Block) -> None:
        if isinstance(block, Paragraph):
            self.text(block.text, style.BODY, bold=block.strong)
        elif isinstance(block, Bullets):
            self.bullets(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, WritingSpace):
            self.writing_space(block.min_lines)

    def bullets(self, bullets: Bullets) -> None:
        pdf = self.pdf
        line = style.line_height(style.BODY)
        for index, item in enumerate(bullets.items):
            if index:
                self.space(1.5)
            if self.breaks(line):
                self.new_sheet()
            x, y = pdf.l_margin, pdf.get_y()
            pdf.set_font(style.FONT_FAMILY, "", style.BODY)
            pdf.set_text_color(*style.rgb(style.ACCENT))
            pdf.set_xy(x + 0.5, y)
            pdf.cell(style.BULLET_INDENT, line, "•")
            pdf.set_xy(x + style.BULLET_INDENT, y)
            pdf.set_text_color(*style.rgb(style.INK))
            pdf.multi_cell(pdf.epw - style.BULLET_INDENT, line, item, align="L", new_x="LMARGIN", new_y="NEXT")

    def table(self, table: Table) -> None:
        from fpdf.fonts import FontFace

        pdf = self.pdf
        points = table.points or style.BODY
        widths = column_widths(pdf, table, pdf.epw)
        pdf.set_font(style.FONT_FAMILY, "", points)
        pdf.set_text_color(*style.rgb(style.INK))
        pdf.set_draw_color(*style.rgb(style.RULE))
        pdf.set_line_width(0.25)
        pdf.set_x(pdf.l_margin)
        headings = FontFace(family=style.FONT_FAMILY, emphasis="BOLD", size_pt=style.SMALL, color=style.rgb(style.MUTED))
        options: dict[str, Any] = {}
        if table.writing_rows:
            options["min_row_height"] = style.SIGN_ROW
        with pdf.table(
            width=pdf.epw, col_widths=widths, align="LEFT", text_align=tuple("RIGHT" if c.align == "right" else "LEFT" for c in table.columns),
            borders_layout="HORIZONTAL_LINES", headings_style=headings, line_height=style.line_height(points),
            padding=(style.CELL_PADDING, style.CELL_GAP), repeat_headings=1, v_align="TOP", **options,
        ) as drawn:  # fmt: skip
            drawn.row([column.title for column in table.columns])
            for row in table.rows:
                for piece in rows_of(row):
                    drawn.row(piece)
        pdf.set_x(pdf.l_margin)

    def writing_space(self, lines: int) -> None:
        pdf = self.pdf
        gap = style.WRITING_LINE_GAP
        if self.breaks(gap * min(lines, 2)):
            self.new_sheet()
        for _line in range(lines):
            if self.breaks(gap):
                self.new_sheet()
            pdf.set_y(pdf.get_y() + gap)
            pdf.set_draw_color(*style.rgb(style.WRITING_LINE))
            pdf.set_line_width(0.25)
            pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())

    def text(self, text: str, points: float, *, bold: bool = False, colour: str = style.INK) -> None:
        pdf = self.pdf
        pdf.set_font(style.FONT_FAMILY, "B" if bold else "", points)
        pdf.set_text_color(*style.rgb(colour))
        pdf.set_x(pdf.l_margin)
        pdf.multi_cell(pdf.epw, style.line_height(points), text or " ", align="L", new_x="LMARGIN", new_y="NEXT")

    def space(self, height: float) -> None:
        if not self.breaks(height):
            self.pdf.set_y(self.pdf.get_y() + height)

    def rule(self, colour: str, thickness: float) -> None:
        pdf = self.pdf
        pdf.set_draw_color(*style.rgb(colour))
        pdf.set_line_width(thickness)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
