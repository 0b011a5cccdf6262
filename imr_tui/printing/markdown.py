"""A page as Markdown: handy to paste into an e-mail, a wiki or a shared document."""

from __future__ import annotations

import re

from imr_tui.printing.page import Bullets, Page, Paragraph, Table, WritingSpace

WRITING_LINE = "\\_" * 40
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def render_markdown(page: Page) -> str:
    lines = [f"# {escape(page.title)}", "", f"**{escape(page.kicker)}**  "]
    lines += [f"{escape(detail)}  " for detail in page.details]
    for section in page.sections:
        lines += ["", f"## {escape(section.heading)}", ""]
        for index, block in enumerate(section.blocks):
            if index:
                lines.append("")  # a blank line between blocks: each field stays a paragraph of its own
            if isinstance(block, Paragraph):
                lines.append(f"**{escape(block.text)}**" if block.strong else escape(block.text))
            elif isinstance(block, Bullets):
                lines += [f"- {escape(item)}" for item in block.items]
            elif isinstance(block, Table):
                lines += _table(block)
            elif isinstance(block, WritingSpace):
                for number in range(block.min_lines):
                    lines += [WRITING_LINE] if number == 0 else ["", WRITING_LINE]
    return "\n".join(lines).rstrip() + "\n"


def _table(table: Table) -> list[str]:
    def row(cells) -> str:
        return "| " + " | ".join(escape(cell) or " " for cell in cells) + " |"

    rule = "|" + "|".join("---:" if column.align == "right" else "---" for column in table.columns) + "|"
    return [row(column.title for column in table.columns), rule, *(row(cells) for cells in table.rows)]


def escape(text: str) -> str:
    """Text taken as it is: no character the user typed turns into Markdown formatting."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))
