"""The fidelity self-assessment on paper, to take to supervision.

It is about how the team runs the group, so it carries no participant names: only counts,
the scores and the team's own notes. The items computed from the data fill the first sheet,
the items the team rates the second, so the type never has to shrink.
"""

from __future__ import annotations

from dataclasses import dataclass

from imr_tui.fidelity.assessment import CurrentAssessment, ItemView
from imr_tui.i18n import _, format_short_date, use_language
from imr_tui.i18n.fidelity_labels import change_label, mean_line, source_label
from imr_tui.printing.page import Column, Page, Paragraph, Section, Table


@dataclass(frozen=True)
class FidelityDocument:
    language: str
    assessment: CurrentAssessment

    def page(self) -> Page:
        return self.pages()[0]

    def pages(self) -> tuple[Page, ...]:
        with use_language(self.language):
            data = [view for view in self.assessment.items if view.item.rule is not None]
            team = [view for view in self.assessment.items if view.item.rule is None]
            first = [Section(_("Summary"), self._summary()), Section(_("Scored from the data"), (self._table(data),))]
            second = [Section(_("Rated by the team"), (self._table(team),))]
            if self.assessment.stored and self.assessment.stored.note:
                second.append(Section(_("Notes"), (Paragraph(self.assessment.stored.note),)))
            return (self._sheet(first, 1), self._sheet(second, 2))

    def _sheet(self, sections: list[Section], number: int) -> Page:
        assessment = self.assessment
        details = [
            _("Assessed on {date}").format(date=format_short_date(assessment.assessed_on)),
            _("sheet {number} of {count}").format(number=number, count=2),
        ]
        return Page(
            language=self.language,
            kicker=_("IMR fidelity self-assessment"),
            title=assessment.group_name,
            details=tuple(details),
            sections=tuple(sections),
            metadata_title=" – ".join((_("IMR fidelity self-assessment"), assessment.group_name)),
        )

    def _summary(self) -> tuple[Paragraph, ...]:
        assessment = self.assessment
        lines = [Paragraph(mean_line(assessment), strong=True)]
        stored = assessment.stored
        raters = [name for name in ((stored.rater_1, stored.rater_2) if stored else ()) if name]
        if raters:
            lines.append(Paragraph(_("Rated by: {names}").format(names=", ".join(raters))))
        if assessment.previous is not None:
            lines.append(Paragraph(_("Change since the assessment of {date} is shown per item.").format(date=format_short_date(assessment.previous.assessed_on))))
        else:
            lines.append(Paragraph(_("This is the group's first assessment.")))
        return tuple(lines)

    def _table(self, views: list[ItemView]) -> Table:
        columns = (
            Column(_("No."), 0.06), Column(_("Scale item"), 0.28), Column(_("Score"), 0.1, "right"),
            Column(_("Change"), 0.11), Column(_("From"), 0.08), Column(_("How it was counted"), 0.37),
        )  # fmt: skip
        rows = tuple(
            (str(view.item.number), str(view.item.title), "–" if view.score is None else str(view.score),
             change_label(view.change), source_label(view.source), view.evidence)
            for view in views
        )  # fmt: skip
        return Table(columns=columns, rows=rows)
