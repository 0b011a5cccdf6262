"""A page as one self-contained HTML file: inline CSS, no external resources, printable on A4."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from imr_tui.printing import style
from imr_tui.printing.page import Block, Bullets, Page, Paragraph, Section, Table, WritingSpace


def render_html_pages(pages: Sequence[Page]) -> str:
    """One file; each page starts a new sheet when printed."""
    first = pages[0]
    sheets = "\n".join("<main>\n" + "\n".join(_page_body(page)) + "\n</main>" for page in pages)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(first.language)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(first.metadata_title)}</title>\n<style>{_css(first)}</style>\n</head>\n"
        "<body>\n" + sheets + "\n</body>\n</html>\n"
    )


def _page_body(page: Page) -> list[str]:
    return [
        f'<p class="kicker">{escape(page.kicker)}</p>',
        f"<h1>{escape(page.title)}</h1>",
        '<div class="details">' + "".join(f"<p>{escape(line)}</p>" for line in page.details) + "</div>",
        *(_section(section) for section in page.sections),
    ]


def _section(section: Section) -> str:
    inner = f"<h2>{escape(section.heading)}</h2>" + "".join(_block(block) for block in section.blocks)
    return f'<section class="{"box" if section.boxed else "plain"}">{inner}</section>'


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return f'<p class="{"strong" if block.strong else "text"}">{escape(block.text)}</p>'
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in block.items) + "</ul>"
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, WritingSpace):
        return '<div class="writing">' + '<div class="line"></div>' * block.min_lines + "</div>"
    raise TypeError(block)


def _table(table: Table) -> str:
    def cell(tag: str, text: str, column) -> str:
        return f'<{tag} class="{column.align}" style="width:{column.width * 100:.0f}%">{escape(text)}</{tag}>'

    head = "<tr>" + "".join(cell("th", column.title, column) for column in table.columns) + "</tr>"
    rows = "".join("<tr>" + "".join(cell("td", text, column) for text, column in zip(row, table.columns, strict=False)) + "</tr>" for row in table.rows)
    return f'<table class="{"writing-rows" if table.writing_rows else "schedule"}"><thead>{head}</thead><tbody>{rows}</tbody></table>'


def _css(page: Page) -> str:
    s = style
    orientation, width = ("landscape", s.PAGE_HEIGHT) if page.landscape else ("portrait", s.PAGE_WIDTH)
    return f"""
@page {{ size: A4 {orientation}; margin: {s.MARGIN_TOP}mm {s.MARGIN_X}mm {s.MARGIN_BOTTOM}mm; }}
* {{ box-sizing: border-box; }}
body {{ margin: 0; color: {s.INK}; background: #fff; font-family: {s.CSS_FONTS};
       font-size: {s.BODY}pt; line-height: {s.LINE_HEIGHT}; }}
main {{ max-width: {width - 2 * s.MARGIN_X}mm; margin: 0 auto; padding: 8mm 0; }}
@media print {{ main {{ padding: 0; }} main + main {{ break-before: page; }} }}
p {{ margin: 0; }}
.kicker {{ color: {s.ACCENT}; font-size: {s.KICKER}pt; font-weight: bold; text-transform: uppercase; letter-spacing: 0.04em; }}
h1 {{ font-size: {s.TITLE}pt; margin: 1mm 0 1.5mm; line-height: 1.2; }}
.details {{ color: {s.MUTED}; font-size: {s.DETAILS}pt; padding-bottom: 3mm; border-bottom: 0.6mm solid {s.ACCENT};
           margin-bottom: {s.AFTER_HEADER}mm; }}
h2 {{ color: {s.ACCENT}; font-size: {s.HEADING}pt; margin: 0 0 {s.AFTER_HEADING}mm; }}
section {{ margin-bottom: {s.AFTER_SECTION}mm; }}
h2 {{ break-after: avoid; }}
section.box {{ break-inside: avoid; }}
.strong {{ font-weight: bold; }}
ul {{ margin: 0; padding-left: {s.BULLET_INDENT}mm; }}
li {{ margin-bottom: 1.5mm; }}
li::marker {{ color: {s.ACCENT}; }}
table {{ width: 100%; border-collapse: collapse; }}
thead {{ display: table-header-group; }}  /* the column headings again on every printed sheet */
tr {{ break-inside: avoid; }}
th {{ color: {s.MUTED}; font-size: {s.SMALL}pt; text-align: left; border-bottom: 0.3mm solid {s.MUTED}; padding: 0 {s.COLUMN_GAP}mm 1mm 0; }}
td {{ border-bottom: 0.25mm solid {s.RULE}; padding: {s.CELL_PADDING}mm {s.COLUMN_GAP}mm {s.CELL_PADDING}mm 0; vertical-align: top; }}
th.right, td.right {{ text-align: right; padding-right: 0; }}
.writing-rows td {{ height: {s.SIGN_ROW}mm; vertical-align: middle; }}
.box {{ background: {s.BOX_FILL}; border: 0.35mm solid {s.ACCENT}; border-radius: 2.5mm; padding: {s.BOX_PADDING}mm; }}
.writing .line {{ height: {s.WRITING_LINE_GAP}mm; border-bottom: 0.25mm solid {s.WRITING_LINE}; }}
"""
