"""A participant's service plan on paper, in their language and their words.

It shows which version it is, when it was made and by whom, when it is to be reviewed,
each section the participant filled in, and with whom this version was shared with their
consent. The crisis numbers and whom to contact come first, where they are found at once.
A long plan runs onto more A4 sheets; each section stays whole on one sheet unless it is
longer than a sheet: the participant's words are never shortened.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from imr_tui.i18n import _, format_short_date, use_language
from imr_tui.printing.page import Block, Bullets, Column, Page, Paragraph, Section, Table
from imr_tui.service_plan.content import Contact, SectionValue, is_blank, network_label
from imr_tui.service_plan.template import SectionKind, SectionSpec, ServicePlanTemplate
from imr_tui.store.service_plan_records import ServicePlanRecord, ServicePlanVersionRecord

FIRST_KINDS = (SectionKind.NUMBERS, SectionKind.CONTACTS)
"""Found at once on the first sheet: the numbers to call in a crisis, then whom to contact."""


def share_method_label(method: str) -> str:
    return {"printed": _("printed"), "pdf": _("PDF"), "shown": _("shown")}.get(method, method)


@dataclass(frozen=True)
class ServicePlanDocument:
    language: str
    template: ServicePlanTemplate
    plan: ServicePlanRecord
    version: ServicePlanVersionRecord
    printed_on: dt.date

    def page(self) -> Page:
        with use_language(self.language):
            return self._page([*self._sections(), self._shared()])

    def _page(self, sections: list[Section]) -> Page:
        version, name = self.version, self.plan.participant.name
        made = _("Version {number}, {date}").format(number=version.number, date=format_short_date(version.finished_on))
        if version.made_by:
            made += " · " + _("with {therapist}").format(therapist=version.made_by)
        details = [made, _("To be reviewed by {date}").format(date=format_short_date(version.review_on))]
        return Page(
            language=self.language,
            kicker=str(self.template.name.get(self.language)),
            title=name,
            details=tuple(details),
            sections=tuple(sections),
            metadata_title=" – ".join((self.template.name.get(self.language), name, _("version {number}").format(number=version.number))),
            running_title=" · ".join((str(self.template.name.get(self.language)), name, _("version {number}").format(number=version.number))),
        )

    def _sections(self) -> list[Section]:
        content = self.version.content
        filled = [section for section in self.template.sections if section.id in content and not is_blank(content[section.id])]
        first = [section for kind in FIRST_KINDS for section in filled if section.kind == kind]
        ordered = [*first, *(section for section in filled if section not in first)]
        sections = [Section(section.title.get(self.language), _blocks(section, content[section.id]), whole=True) for section in ordered]
        return sections or [Section(_("The plan"), (Paragraph(_("This version has nothing written in it.")),))]

    def _shared(self) -> Section:
        shares = self.plan.shares_of(self.version.number)
        heading = _("Version {number} shared with consent").format(number=self.version.number)
        if not shares:
            return Section(heading, (Paragraph(_("Not shared with anyone yet. The participant decides who gets a copy.")),))
        columns = (Column(_("Who"), 0.34), Column(_("Relation"), 0.26), Column(_("Date"), 0.2), Column(_("How"), 0.2))
        rows = tuple((share.person, share.relation, format_short_date(share.shared_on), share_method_label(share.method)) for share in shares)
        return Section(heading, (Table(columns, rows), Paragraph(_("Each of them got the plan with the participant's consent."))))


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
