"""A participant's service plan on paper, in their language and their words.

It shows which version it is, when it was made and by whom, when it is to be reviewed,
each section the participant filled in, and with whom it was shared with their consent.
A long plan runs onto more A4 sheets, split between sections (a very long section
continues on the next sheet): the participant's words are never shortened.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from imr_tui.i18n import _, format_short_date, use_language
from imr_tui.printing.page import Block, Bullets, Column, Page, Paragraph, Section, Table
from imr_tui.service_plan.content import Contact, SectionValue, is_blank, network_label
from imr_tui.service_plan.template import PlanTemplate, SectionKind, SectionSpec
from imr_tui.store.service_plan_records import PlanVersionRecord, ServicePlanRecord

LINES_PER_SHEET = 66
"""Lines of body text a sheet holds below its heading, with room to spare (the PDF shrinks type a little if needed)."""
CHARACTERS_PER_LINE = 80
"""About how many characters of body text fit across the sheet."""


def share_method_label(method: str) -> str:
    return {"printed": _("printed"), "pdf": _("PDF"), "shown": _("shown")}.get(method, method)


@dataclass(frozen=True)
class ServicePlanDocument:
    language: str
    template: PlanTemplate
    plan: ServicePlanRecord
    version: PlanVersionRecord
    printed_on: dt.date

    def page(self) -> Page:
        return self.pages()[0]

    def pages(self) -> tuple[Page, ...]:
        with use_language(self.language):
            sheets = _split([*self._sections(), self._shared()])
            return tuple(self._sheet(sections, number, len(sheets)) for number, sections in enumerate(sheets, start=1))

    def _sheet(self, sections: list[Section], number: int, count: int) -> Page:
        version, name = self.version, self.plan.participant.name
        made = _("Version {number}, {date}").format(number=version.number, date=format_short_date(version.finished_on))
        if version.made_by:
            made += " · " + _("with {therapist}").format(therapist=version.made_by)
        details = [made, _("To be reviewed by {date}").format(date=format_short_date(version.review_on))]
        if count > 1:
            details.append(_("sheet {number} of {count}").format(number=number, count=count))
        return Page(
            language=self.language,
            kicker=str(self.template.name.get(self.language)),
            title=name,
            details=tuple(details),
            sections=tuple(sections),
            metadata_title=" – ".join((self.template.name.get(self.language), name, _("version {number}").format(number=version.number))),
        )

    def _sections(self) -> list[Section]:
        content = self.version.content
        sections = [
            Section(section.title.get(self.language), _blocks(section, content[section.id]))
            for section in self.template.sections
            if section.id in content and not is_blank(content[section.id])
        ]
        return sections or [Section(_("The plan"), (Paragraph(_("This version has nothing written in it.")),))]

    def _shared(self) -> Section:
        shares = self.plan.shares_of(self.version.number)
        if not shares:
            return Section(_("Shared with consent"), (Paragraph(_("Not shared with anyone yet. The participant decides who gets a copy.")),))
        columns = (Column(_("Who"), 0.34), Column(_("Relation"), 0.26), Column(_("Date"), 0.2), Column(_("How"), 0.2))
        rows = tuple((share.person, share.relation, format_short_date(share.shared_on), share_method_label(share.method)) for share in shares)
        return Section(_("Shared with consent"), (Table(columns, rows), Paragraph(_("Each of them got the plan with the participant's consent."))))


def _blocks(section: SectionSpec, value: SectionValue) -> tuple[Block, ...]:
    if section.kind == SectionKind.TEXT:
        return tuple(Paragraph(line) for line in str(value).splitlines() if line.strip())
    if section.kind == SectionKind.LIST:
        return (Bullets(tuple(item for item in value if str(item).strip())),)  # type: ignore[misc]
    contacts = [item for item in value if isinstance(item, Contact) and not item.is_empty]
    if section.kind == SectionKind.NUMBERS:
        return (Table((Column(_("What"), 0.65), Column(_("Phone"), 0.35)), tuple((c.name, c.phone) for c in contacts)),)
    columns = (Column(_("Name"), 0.3), Column(_("Relation"), 0.25), Column(_("Phone"), 0.22), Column(_("Network"), 0.23))
    return (Table(columns, tuple((c.name, c.relation, c.phone, network_label(c.network)) for c in contacts)),)


def _lines(section: Section) -> int:
    """About how many lines a section takes on paper: its heading, then each paragraph, item or row."""
    count = 2
    for block in section.blocks:
        if isinstance(block, Paragraph):
            count += _wrapped(block.text)
        elif isinstance(block, Bullets):
            count += sum(_wrapped(item) + 0.3 for item in block.items)
        elif isinstance(block, Table):
            count += 2 + sum(max(_wrapped(cell, len(block.columns)) for cell in row) + 0.5 for row in block.rows)
    return int(count + 0.5)


def _wrapped(text: str, columns: int = 1) -> int:
    width = max(CHARACTERS_PER_LINE // columns, 10)
    return sum(max(1, -(-len(line) // width)) for line in text.splitlines() or [""])


def _split(sections: list[Section]) -> list[list[Section]]:
    """Sections grouped into sheets; a section longer than a sheet is cut between its items."""
    sheets: list[list[Section]] = [[]]
    room = LINES_PER_SHEET
    for section in sections:
        for part in _parts(section):
            need = _lines(part)
            if need > room and sheets[-1]:
                sheets.append([])
                room = LINES_PER_SHEET
            sheets[-1].append(part)
            room -= need
    return sheets


def _parts(section: Section) -> list[Section]:
    """The section in pieces that each fit a sheet; the later ones say they continue."""
    if _lines(section) <= LINES_PER_SHEET:
        return [section]
    pieces: list[Section] = []
    blocks: list[Block] = []
    for block in section.blocks:
        for small in _small_blocks(block):
            trial = Section(section.heading, _merged([*blocks, small]))
            if blocks and _lines(trial) > LINES_PER_SHEET:
                pieces.append(Section(section.heading if not pieces else _continued(section.heading), _merged(blocks)))
                blocks = []
            blocks.append(small)
    pieces.append(Section(section.heading if not pieces else _continued(section.heading), _merged(blocks)))
    return pieces


def _small_blocks(block: Block) -> list[Block]:
    if isinstance(block, Bullets):
        return [Bullets((item,)) for item in block.items]
    if isinstance(block, Table):
        return [Table(block.columns, (row,)) for row in block.rows]
    return [block]


def _merged(blocks: list[Block]) -> tuple[Block, ...]:
    """Neighbouring one-item lists and one-row tables joined again into one list or table."""
    merged: list[Block] = []
    for block in blocks:
        last = merged[-1] if merged else None
        if isinstance(block, Bullets) and isinstance(last, Bullets):
            merged[-1] = Bullets(last.items + block.items)
        elif isinstance(block, Table) and isinstance(last, Table) and last.columns == block.columns:
            merged[-1] = Table(last.columns, last.rows + block.rows)
        else:
            merged.append(block)
    return tuple(merged)


def _continued(heading: str) -> str:
    return _("{heading} (continued)").format(heading=heading)
