"""Entering an IMR Scale rating item by item, saved as it is typed.

A score outside the range (or "not applicable" on an item rated for everyone) is refused at
its field, with what is allowed; the typed value stays there to be corrected.
"""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Select, Static

from imr_tui.goals.fields import FieldError, day_input, parse_day, parse_score
from imr_tui.i18n import N_, _
from imr_tui.imrs.display import format_mean
from imr_tui.imrs.scale import ImrsItem, ImrsScale
from imr_tui.imrs.scoring import answered, mean
from imr_tui.screens.base import BaseModal
from imr_tui.i18n.goal_labels import PHASE_LABELS, RATER_LABELS
from imr_tui.store import Store
from imr_tui.store.goal_records import ImrsRatingRecord, ParticipantRef
from imr_tui.widgets.autosave import Autosaver


class ImrsEntryScreen(BaseModal[bool]):
    """Returns True when anything was saved."""

    CSS_PATH = "imrs_entry.tcss"
    BINDINGS = [Binding("escape", "close", N_("Close"), id="imrs_entry.close")]

    def __init__(self, store: Store, scale: ImrsScale, person: ParticipantRef, rating: ImrsRatingRecord | None,
                 history: list[ImrsRatingRecord], today: dt.date) -> None:  # fmt: skip
        super().__init__()
        self.store, self.scale, self.person, self.history = store, scale, person, history
        self.rating_id = rating.id if rating else None
        self.rater = rating.rater if rating else "participant"
        self.phase = rating.phase if rating else self.default_phase(self.rater)
        self.rated_on = rating.rated_on if rating else today
        self.scores: dict[str, int | None] = dict(rating.scores) if rating else {}
        self.saved = False
        self.warned = False
        self.autosaver = Autosaver(self)

    def default_phase(self, rater: str) -> str:
        """The first rating of a version marks the start; later ones are during the course."""
        return "during" if any(rating.rater == rater for rating in self.history) else "start"

    def compose(self) -> ComposeResult:
        with Vertical(id="imrs-entry-box"):
            title = _("New IMR Scale rating") if self.rating_id is None else _("IMR Scale rating")
            yield Static(f"{title} · {self.person.name}", id="imrs-entry-title")
            with Horizontal(id="imrs-entry-details"):
                yield Label(_("Date"))
                yield Input(day_input(self.rated_on), id="rated_on", placeholder=_("day.month.year"), compact=True)
                yield Select([(_(label), value) for value, label in RATER_LABELS.items()], value=self.rater, allow_blank=False, id="rater", compact=True)
                yield Select([(_(label), value) for value, label in PHASE_LABELS.items()], value=self.phase, allow_blank=False, id="phase", compact=True)
            yield Static(id="rated_on-error", classes="field-error")
            yield Static(_("Type {lowest} to {highest} for each item ({highest} is best); n where an item allows not applicable.").format(
                lowest=self.scale.lowest, highest=self.scale.highest), classes="hint")  # fmt: skip
            with VerticalScroll(id="imrs-items"):
                for item in self.scale.items:
                    yield from self.item_row(item)
            yield Static(id="imrs-entry-mean")
            yield Static(_("Saved as you type. Press escape to close."), classes="hint")

    def item_row(self, item: ImrsItem) -> ComposeResult:
        with Horizontal(classes="item-row"):
            yield Static(f"{item.number:>2}. {item.label}", classes="item-label")
            yield Input(self.score_text(item), id=f"item-{item.id}", classes="item-score", max_length=3, compact=True,
                        placeholder=f"{self.scale.lowest}–{self.scale.highest}")  # fmt: skip
            yield Static(self.item_hint(item), classes="item-hint")
        yield Static(id=f"item-{item.id}-error", classes="field-error")

    def score_text(self, item: ImrsItem) -> str:
        if item.id not in self.scores:
            return ""
        score = self.scores[item.id]
        return "n" if score is None else str(score)

    def item_hint(self, item: ImrsItem) -> str:
        hint = f"{self.scale.lowest} {item.low} · {self.scale.highest} {item.high}"
        if item.may_be_not_applicable and item.not_applicable_when:
            hint += " · " + _("n: not applicable {when}").format(when=item.not_applicable_when)
        return hint

    def on_mount(self) -> None:
        self.show_mean()
        self.query_one(f"#item-{self.scale.items[0].id}", Input).focus()

    def show_mean(self) -> None:
        rating = ImrsRatingRecord(0, self.rated_on, self.rater, self.phase, "", self.scores)
        self.query_one("#imrs-entry-mean", Static).update(
            _("Mean so far: {mean} ({answered} of {count} items answered)").format(
                mean=format_mean(mean(self.scale, rating)), answered=answered(self.scale, rating), count=len(self.scale.items)
            )
        )

    # Saving as typed

    @on(Input.Changed)
    def remember(self, event: Input.Changed) -> None:
        field = event.input.id
        self.autosaver.schedule(field, lambda: self.save(field))

    @on(Select.Changed)
    def choose(self, event: Select.Changed) -> None:
        value = str(event.value)
        if event.select.id == "rater" and value != self.rater:
            self.rater = value
            if self.rating_id is None:
                # Not saved yet: follow the version's own history (its first rating is the start).
                self.query_one("#phase", Select).value = self.default_phase(self.rater)
        elif event.select.id == "phase" and value != self.phase:
            self.phase = value
        else:
            return
        if self.rating_id is not None:
            self.store.imrs.set_details(self.rating_id, rater=self.rater, phase=self.phase)
            self.saved = True

    def save(self, field: str) -> None:
        try:
            if field == "rated_on":
                self.save_date()
            else:
                self.save_score(self.scale.item(field.removeprefix("item-")))
        except FieldError as problem:
            self.show_error(problem.field, problem.message)
            return
        self.clear_error(field)
        self.show_mean()

    def save_date(self) -> None:
        self.rated_on = parse_day(self.query_one("#rated_on", Input).value, "rated_on", required=True)
        self.clear_error("rated_on")
        if self.rating_id is None:
            self.store_scores()
        else:
            self.store.imrs.set_details(self.rating_id, rated_on=self.rated_on)
            self.saved = True

    def save_score(self, item: ImrsItem) -> None:
        text = self.query_one(f"#item-{item.id}", Input).value
        if not text.strip():
            self.scores.pop(item.id, None)
            if self.rating_id is not None:
                self.store.imrs.clear_score(self.rating_id, item.id)
            return
        self.scores[item.id] = parse_score(text, f"item-{item.id}", self.scale.lowest, self.scale.highest, item.may_be_not_applicable)
        if self.rating_id is None:
            self.save_date()  # a rating needs a real date before its scores are stored
        else:
            self.store.imrs.set_score(self.scale, self.rating_id, item.id, self.scores[item.id])
            self.saved = True

    def store_scores(self) -> None:
        """Create the rating once it has a score and a real date, with every score typed so far."""
        if not self.scores:
            return
        self.rating_id = self.store.imrs.add_rating(self.person.id, self.rated_on, self.rater, self.phase)
        for item_id, score in self.scores.items():
            self.store.imrs.set_score(self.scale, self.rating_id, item_id, score)
        self.saved = True

    def show_error(self, field: str, message: str) -> None:
        error = self.query_one(f"#{field}-error", Static)
        error.update("⚠ " + message)
        error.add_class("-shown")

    def clear_error(self, field: str) -> None:
        self.query_one(f"#{field}-error", Static).remove_class("-shown")

    def action_close(self) -> None:
        self.autosaver.flush()
        shown = list(self.query(".field-error.-shown"))
        if shown and not self.warned:
            self.warned = True
            self.notify(_("Not everything is saved: correct the marked field, or press escape again to close without it."), severity="warning")
            self.query_one(f"#{(shown[0].id or '').removesuffix('-error')}").focus()
            return
        self.dismiss(self.saved)

    def on_unmount(self) -> None:
        self.autosaver.flush()
