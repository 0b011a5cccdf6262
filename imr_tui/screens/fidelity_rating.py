"""Rating one fidelity item (two raters, the score they agree, a note; the reason when the data is overruled),
and naming the raters of the day's assessment."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label, Static

from imr_tui.fidelity.assessment import ItemView
from imr_tui.i18n import N_, _
from imr_tui.screens.base import BaseModal
from imr_tui.store.fidelity_records import ItemScoreRecord


def _score_input(score: int | None, input_id: str) -> Input:
    """A score field: one digit from 1 to 5, or empty."""
    return Input(_text(score), id=input_id, type="integer", restrict=r"[1-5]?")


class RateItemScreen(BaseModal[ItemScoreRecord | None]):
    CSS_PATH = "fidelity.tcss"
    BINDINGS = [
        Binding("ctrl+s", "keep", N_("Keep the rating"), id="fidelity_rate.keep", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="fidelity_rate.cancel"),
    ]

    def __init__(self, view: ItemView, score: int | None) -> None:
        super().__init__()
        self.view, self.score = view, score

    @property
    def from_data(self) -> bool:
        return self.view.item.rule is not None

    def compose(self) -> ComposeResult:
        record = self.view.record
        score = self.score if self.score is not None else record.score
        with Vertical(id="rate-box"):
            yield Static(f"[b]{self.view.item.number}. {self.view.item.title}[/b]", id="rate-title")
            if self.from_data:
                yield Static(_("The data gives {score}: {evidence}").format(score="–" if record.computed is None else record.computed, evidence=self.view.evidence), classes="hint")
            with Grid(id="rate-grid"):
                yield Label(_("Rater 1 (1-5)"))
                yield _score_input(record.rater_1_score, "rater-1")
                yield Label(_("Rater 2 (1-5)"))
                yield _score_input(record.rater_2_score, "rater-2")
                yield Label(_("Agreed score (1-5)"))
                yield _score_input(score, "consensus")
                if self.from_data:
                    yield Label(_("Why another score"))
                    yield Input(record.override_reason, id="reason")
                yield Label(_("Note"))
                yield Input(record.note, id="note")
            yield Static(_("ctrl+s keeps the rating · escape cancels"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#reason" if self.from_data and self.score is not None else "#rater-1", Input).focus()

    def action_keep(self) -> None:
        first, second, agreed = (_score(self.query_one(f"#{name}", Input).value) for name in ("rater-1", "rater-2", "consensus"))
        if agreed is None and first is not None and first == second:
            agreed = first  # both raters gave the same score: that is the consensus
        note = self.query_one("#note", Input).value.strip()
        record = self.view.record
        if not self.from_data:
            if agreed is None and (first or second):
                self.notify(_("Agreed score: give the score both raters agree on, 1 to 5"), severity="warning")
                self.query_one("#consensus", Input).focus()
                return
            self.dismiss(ItemScoreRecord(record.item_id, "team", agreed, None, first, second, "", note))
            return
        reason = self.query_one("#reason", Input).value.strip()
        if agreed is None or agreed == record.computed:
            self.dismiss(ItemScoreRecord(record.item_id, "data", record.computed, record.computed, first, second, "", note))
            return
        if not reason:
            self.notify(_("Why another score: say in a few words why the team sets another score than the data"), severity="warning")
            self.query_one("#reason", Input).focus()
            return
        self.dismiss(ItemScoreRecord(record.item_id, "team", agreed, record.computed, first, second, reason, note))

    def action_cancel(self) -> None:
        self.dismiss(None)


class AssessmentDetailsScreen(BaseModal[tuple[str, str, str] | None]):
    CSS_PATH = "fidelity.tcss"
    BINDINGS = [
        Binding("ctrl+s", "keep", N_("Keep"), id="fidelity_details.keep", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="fidelity_details.cancel"),
    ]

    def __init__(self, rater_1: str, rater_2: str, note: str) -> None:
        super().__init__()
        self.values = (rater_1, rater_2, note)

    def compose(self) -> ComposeResult:
        with Vertical(id="rate-box"):
            yield Static("[b]" + _("Raters and note") + "[/b]", id="rate-title")
            with Grid(id="rate-grid"):
                for label, name, value in zip((_("Rater 1"), _("Rater 2"), _("Note")), ("name-1", "name-2", "note"), self.values, strict=False):
                    yield Label(label)
                    yield Input(value, id=name)
            yield Static(_("ctrl+s keeps it · escape cancels · no participant names: the note is printed"), classes="hint")

    def action_keep(self) -> None:
        rater_1, rater_2, note = (self.query_one(f"#{name}", Input).value.strip() for name in ("name-1", "name-2", "note"))
        self.dismiss((rater_1, rater_2, note))

    def action_cancel(self) -> None:
        self.dismiss(None)


def _text(score: int | None) -> str:
    return "" if score is None else str(score)


def _score(text: str) -> int | None:
    return int(text) if text.strip().isdigit() and 1 <= int(text) <= 5 else None
