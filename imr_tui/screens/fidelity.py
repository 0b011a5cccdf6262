"""A group's IMR fidelity self-assessment: the items the data scores, with how they were counted, and
the items the team rates, with the change since the last assessment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Static

from imr_tui.fidelity.assessment import CurrentAssessment, ItemView
from imr_tui.i18n import N_, _, format_short_date
from imr_tui.i18n.fidelity_labels import change_label, mean_line, source_label
from imr_tui.screens.base import BaseScreen
from imr_tui.store.fidelity_records import ItemScoreRecord

if TYPE_CHECKING:
    from imr_tui.store import Store


class FidelityScreen(BaseScreen):
    CSS_PATH = "fidelity.tcss"
    HELP_TEXT = N_(
        "**The fidelity self-assessment** looks at how the group runs IMR, item by item of the IMR Fidelity Scale "
        "(13 items, each scored 1 to 5). Items 1 to 7 are scored from what is stored, with how they were counted; "
        "items 8 to 13 are rated by the team, by one or two raters who agree a score.\n\n"
        "Choose an item with the arrow keys. **1** to **5** give a team item its score; on an item scored from the "
        "data they set another score, with the reason. **r** rates the item with both raters' scores and a note, "
        "**0** clears the team's score, **d** names the raters and adds a note for the whole assessment, "
        "**p** prints the report for supervision (no participant names).\n\n"
        "Ratings are kept per day: the mean of the 13 items is high fidelity from 4.0, moderate from 3.0, low under 3.0."
    )
    BINDINGS = [
        Binding("1", "score(1)", N_("Score"), id="fidelity.score", key_display="1-5"),
        Binding("2", "score(2)", N_("Score 2"), id="fidelity.score_2", show=False),
        Binding("3", "score(3)", N_("Score 3"), id="fidelity.score_3", show=False),
        Binding("4", "score(4)", N_("Score 4"), id="fidelity.score_4", show=False),
        Binding("5", "score(5)", N_("Score 5"), id="fidelity.score_5", show=False),
        Binding("r", "rate", N_("Rate"), id="fidelity.rate"),
        Binding("0", "clear", N_("Clear score"), id="fidelity.clear"),
        Binding("d", "details", N_("Raters and note"), id="fidelity.details"),
        Binding("p", "print", N_("Print report"), id="fidelity.print"),
        Binding("escape", "app.pop_screen", N_("Back"), id="fidelity.back"),
        Binding("f1", "app.help", N_("Help"), id="fidelity.help", show=False),
    ]

    class Loaded(Message):
        def __init__(self, assessment: CurrentAssessment) -> None:
            super().__init__()
            self.assessment = assessment

    def __init__(self, group_id: int, group_name: str) -> None:
        super().__init__()
        self.group_id, self.group_name = group_id, group_name
        self.assessment: CurrentAssessment | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"[b]{self.group_name}[/b] · " + _("IMR fidelity self-assessment"), id="fidelity-title")
        with VerticalScroll(id="fidelity-body"):
            yield Static(id="fidelity-summary")
            yield DataTable(id="fidelity-items", cursor_type="row", zebra_stripes=True)
            yield Static(id="fidelity-anchors")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#fidelity-items", DataTable)
        for label, key in ((_("No."), "number"), (_("Scale item"), "item"), (_("Score"), "score"), (_("Change"), "change"), (_("From"), "source"), (_("How it was counted"), "evidence")):
            table.add_column(label, key=key)
        self.loading = True
        self.load()

    def load(self) -> None:
        self.read(self.assessing(self.group_id, self.group_name, self.imr.today()), lambda assessment: self.on_fidelity_screen_loaded(self.Loaded(assessment)))

    def assessing(self, group_id: int, group_name: str, today: dt.date) -> Callable[[Store], CurrentAssessment]:
        """The store call that assesses the group as it stands (the scale is read there too, off the UI thread)."""
        modules = len(self.imr.curriculum.modules)

        def assessment(store: Store) -> CurrentAssessment:
            from imr_tui.fidelity.assessment import assess
            from imr_tui.fidelity.loader import load_fidelity_scale

            return assess(store, load_fidelity_scale(), modules, group_id, group_name, today)

        return assessment

    def on_fidelity_screen_loaded(self, message: Loaded) -> None:
        self.show(message.assessment)
        self.loading = False

    def show(self, assessment: CurrentAssessment) -> None:
        self.assessment = assessment
        summary = [_("Assessed on {date}").format(date=format_short_date(assessment.assessed_on)), mean_line(assessment)]
        if assessment.previous is not None:
            summary.append(_("Change since the assessment of {date}").format(date=format_short_date(assessment.previous.assessed_on)))
        stored = assessment.stored
        raters = ", ".join(name for name in ((stored.rater_1, stored.rater_2) if stored else ()) if name)
        if raters:
            summary.append(_("Rated by: {names}").format(names=raters))
        self.query_one("#fidelity-summary", Static).update("\n".join(summary))
        table = self.query_one("#fidelity-items", DataTable)
        row = table.cursor_row
        table.clear()
        for view in assessment.items:
            table.add_row(*_row(view), key=view.item.id)
        table.move_cursor(row=min(row, len(assessment.items) - 1))
        self.show_anchors()
        table.focus()

    @on(DataTable.RowHighlighted, "#fidelity-items")
    def show_anchors(self) -> None:
        """What each score means, for the item being rated."""
        view = self.highlighted()
        if view is None:
            return
        lines = Text.assemble((f"{view.item.number}. {view.item.title}", "bold"))
        lines.append("\n" + view.evidence, style="italic")
        for score in sorted(view.item.scores, reverse=True):
            mark = "▶ " if view.score == score else "  "
            lines.append(f"\n{mark}{score}  {view.item.scores[score]}")
        self.query_one("#fidelity-anchors", Static).update(lines)

    def highlighted(self) -> ItemView | None:
        table = self.query_one("#fidelity-items", DataTable)
        if self.assessment is None or table.cursor_row is None or table.cursor_row >= len(self.assessment.items):
            return None
        return self.assessment.items[table.cursor_row]

    def action_score(self, score: int) -> None:
        view = self.highlighted()
        if view is None:
            return
        if view.item.rule is not None:
            self.open_rating(view, score)  # setting another score than the data's asks for the reason
            return
        record = replace(view.record, source="team", score=score)
        self.keep(view, record)

    def action_clear(self) -> None:
        view = self.highlighted()
        if view is None:
            return
        if view.item.rule is not None:
            record = ItemScoreRecord(view.item.id, "data", view.record.computed, view.record.computed, note=view.record.note)
        else:
            record = ItemScoreRecord(view.item.id, "team", None)
        self.keep(view, record)

    def action_rate(self) -> None:
        if view := self.highlighted():
            self.open_rating(view, None)

    def open_rating(self, view: ItemView, score: int | None) -> None:
        from imr_tui.screens.fidelity_rating import RateItemScreen

        def done(record: ItemScoreRecord | None) -> None:
            if record is not None:
                self.keep(view, record)

        self.app.push_screen(RateItemScreen(view, score), done)

    def action_details(self) -> None:
        from imr_tui.screens.fidelity_rating import AssessmentDetailsScreen

        if self.assessment is None:
            return
        stored = self.assessment.stored
        current = (stored.rater_1, stored.rater_2, stored.note) if stored else ("", "", "")

        def done(details: tuple[str, str, str] | None) -> None:
            if details is not None:
                assert self.assessment is not None, "it is shown, and only ever replaced by a newer one"
                self.save_details(self.group_id, self.imr.today(), self.assessment.snapshot(), details)

        self.app.push_screen(AssessmentDetailsScreen(*current), done)

    def keep(self, view: ItemView, record: ItemScoreRecord) -> None:
        """Show the new score at once, then store it (the day's assessment starts from what is shown); ctrl+z puts the earlier one back."""
        if self.assessment is None:
            return
        group_id, today, snapshot, before = self.group_id, self.imr.today(), self.assessment.snapshot(), view.record
        self.show_score(view.item.id, record)
        what = _("item {number}: {score}").format(number=view.item.number, score="–" if record.score is None else record.score)
        self.write(lambda store: store.fidelity.save_item(group_id, today, record, snapshot), what=what)
        self.changed(what, lambda store: store.fidelity.save_item(group_id, today, before, snapshot), lambda: self.shown_back(view.item.id, before))
        self.load()

    def shown_back(self, item_id: str, record: ItemScoreRecord) -> None:
        """After ctrl+z: the earlier score at once, then the assessment read again (after the undo is stored)."""
        self.show_score(item_id, record)
        self.load()

    def show_score(self, item_id: str, record: ItemScoreRecord) -> None:
        self.query_one("#fidelity-items", DataTable).update_cell(item_id, "score", "–" if record.score is None else str(record.score))

    def save_details(self, group_id: int, today: dt.date, snapshot: list[ItemScoreRecord], details: tuple[str, str, str]) -> None:
        rater_1, rater_2, note = details
        self.write(lambda store: store.fidelity.save_details(group_id, today, snapshot, rater_1=rater_1, rater_2=rater_2, note=note), what=_("the raters and the note"))
        self.load()

    def action_print(self) -> None:
        from imr_tui.screens.print_preview import PrintPreviewScreen, fidelity_job

        self.app.push_screen(PrintPreviewScreen(fidelity_job(self.group_id, self.group_name, self.imr.settings.language, len(self.imr.curriculum.modules), self.imr.today())))


def _row(view: ItemView) -> tuple[str | Text, ...]:
    score = Text("–" if view.score is None else str(view.score), style="bold" if view.score is not None else "dim")
    return (str(view.item.number), str(view.item.title), score, change_label(view.change), source_label(view.source), view.evidence)
