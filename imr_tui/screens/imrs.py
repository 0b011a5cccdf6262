"""One person's IMR Scale over time: by item and the mean, both versions side by side, and the change since the start."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Static

from imr_tui.i18n import N_, _, format_short_date
from imr_tui.i18n.goal_labels import version_mark
from imr_tui.imrs.scale import ImrsScale
from imr_tui.imrs.scoring import VersionSummary, summarise
from imr_tui.screens.base import BaseModal, BaseScreen
from imr_tui.store.goal_records import ImrsRatingRecord, ParticipantRef
from imr_tui.widgets.imrs_chart import change_summary, mean_chart
from imr_tui.widgets.imrs_table import ImrsTable

RATERS = ("participant", "clinician")


class ImrsScreen(BaseScreen):
    CSS_PATH = "imrs.tcss"
    HELP_TEXT = N_(
        "**The IMR Scale** has 15 items, each rated from 1 to 5 (5 is best), by the participant and by a clinician: "
        "at the start of the course, during it and at the end.\n\n"
        "The table shows every rating by item, the participant's version and the clinician's side by side, with a small "
        "chart of each item and the change since the start. The mean leaves out items marked not applicable.\n\n"
        "**n** enters a new rating; **left** and **right** choose a rating, **e** (or enter) changes it, **delete** removes it."
    )
    BINDINGS = [
        Binding("n", "new_rating", N_("New rating"), id="imrs.new"),
        Binding("e", "edit_rating", N_("Change rating"), id="imrs.edit"),
        Binding("delete", "delete_rating", N_("Delete rating"), id="imrs.delete"),
        Binding("escape", "app.pop_screen", N_("Back"), id="imrs.back"),
        Binding("f1", "app.help", N_("Help"), id="imrs.help", show=False),
    ]

    class Loaded(Message):
        def __init__(self, scale: ImrsScale, history: list[ImrsRatingRecord]) -> None:
            super().__init__()
            self.scale, self.history = scale, history

    def __init__(self, participant: ParticipantRef) -> None:
        super().__init__()
        self.participant = participant
        self.scale: ImrsScale | None = None
        self.history: list[ImrsRatingRecord] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"[b]{self.participant.name}[/b] · " + _("IMR Scale"), id="imrs-title")
        with VerticalScroll(id="imrs-body"):
            yield Static(id="imrs-summary")
            yield ImrsTable()
            yield Static(id="imrs-chart")
        yield Footer()

    def on_mount(self) -> None:
        self.loading = True
        self.load()

    def load(self) -> None:
        participant_id = self.participant.id

        def read(store):
            from imr_tui.imrs.loader import load_scale  # reads and checks data/imrs.yaml on first use

            return load_scale(), store.imrs.history(participant_id)

        def loaded(found) -> None:
            self.on_imrs_screen_loaded(self.Loaded(*found))

        self.read(read, loaded)

    def on_imrs_screen_loaded(self, message: Loaded) -> None:
        self.scale, self.history = message.scale, message.history
        versions = self.versions(message.scale)
        shown = [version for version in versions if version.ratings]
        if shown:
            legend = Text(_("{p}: the participant's own rating, {c}: the clinician's; n/a: not applicable, ·: not answered").format(
                p=version_mark("participant"), c=version_mark("clinician")), style="dim")  # fmt: skip
            self.query_one("#imrs-summary", Static).update(Group(*(change_summary(self.scale, version) for version in versions), *talk_about(self.scale, self.history), legend))
        else:
            self.query_one("#imrs-summary", Static).update(_("No ratings yet. Press n to enter the first one, marked start."))
        table = self.query_one(ImrsTable)
        table.display = bool(shown)
        table.show(self.scale, shown)
        self.query_one("#imrs-chart", Static).update(mean_chart(self.scale, shown) if shown else "")
        self.loading = False
        table.focus(scroll_visible=False)  # the summary above the table stays in view

    def versions(self, scale: ImrsScale) -> list[VersionSummary]:
        return [summarise(scale, self.history, rater) for rater in RATERS]

    def action_new_rating(self) -> None:
        from imr_tui.screens.imrs_entry import ImrsEntryScreen

        if self.scale is not None:
            screen = ImrsEntryScreen(self.scale, self.participant, None, self.history, self.imr.today())
            self.app.push_screen(screen, lambda _saved: self.load())

    @on(DataTable.ColumnSelected)
    def edit_chosen_rating(self) -> None:
        """Enter (or a click) on a rating's column changes that rating."""
        self.action_edit_rating()

    def action_edit_rating(self) -> None:
        from imr_tui.screens.imrs_entry import ImrsEntryScreen

        rating = self.highlighted_rating()
        if rating is None or self.scale is None:  # no scale read yet: no rating to choose either
            self.notify(_("Choose a rating with left and right, or press n for a new one."), severity="warning")
            return
        screen = ImrsEntryScreen(self.scale, self.participant, rating, self.history, self.imr.today())
        self.app.push_screen(screen, lambda _saved: self.load())

    def action_delete_rating(self) -> None:
        rating = self.highlighted_rating()
        if rating is None:
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.write(lambda store: store.imrs.delete_rating(rating.id), lambda _done: self.load(), what=_("the rating deleted"))
                self.notify(_("The rating was deleted."))

        question = _("Delete the rating of {date}? Its scores cannot be brought back.").format(date=format_short_date(rating.rated_on))
        self.app.push_screen(DeleteRatingScreen(question), answer)

    def highlighted_rating(self) -> ImrsRatingRecord | None:
        rating_id = self.query_one(ImrsTable).highlighted_rating() if self.scale else None
        return next((rating for rating in self.history if rating.id == rating_id), None)


def talk_about(scale: ImrsScale, history: list[ImrsRatingRecord]) -> list[Text]:
    """One line per item the two latest versions rate two or more apart: a topic for the next talk."""
    from imr_tui.imrs.differences import topics_to_talk_about

    return [
        Text(_("↔ To talk about: {number}. {label} (the participant {mine}, the clinician {theirs})").format(
            number=found.item.number, label=found.item.label, mine=found.participant, theirs=found.clinician), style="bold")  # fmt: skip
        for found in topics_to_talk_about(scale, history)
    ]


class DeleteRatingScreen(BaseModal[bool]):
    """A yes/no question before a rating is deleted: y, n or escape."""

    CSS_PATH = "imrs.tcss"
    BINDINGS = [
        Binding("y,j", "answer(True)", N_("Delete"), id="delete_rating.yes"),
        Binding("n,escape", "answer(False)", N_("Keep"), id="delete_rating.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="delete-box"):
            yield Static(self.question, id="delete-question")
            yield Static(_("y deletes it; n or escape keeps it."), classes="hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
