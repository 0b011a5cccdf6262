"""Entering an IMR Scale rating item by item.

A rating is stored once it is finished (every item answered, or marked not applicable where
the scale allows it), or when the therapist saves it as partial (ctrl+s): a partial rating is
shown as such and never counts for the change since the start or the chart. Until then what
is typed is kept as a draft, so escape loses nothing and stores nothing half-done.

A score outside the range (or "not applicable" on an item rated for everyone) is refused at
its field, with what is allowed; the typed value stays there, and in the draft, to be corrected.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Select, Static

from imr_tui.goals.fields import FieldError, date_placeholder, day_input, parse_day, parse_score
from imr_tui.i18n import N_, _
from imr_tui.i18n.goal_labels import PHASE_LABELS, RATER_LABELS
from imr_tui.imrs.display import format_mean
from imr_tui.imrs.scale import ImrsItem, ImrsScale
from imr_tui.imrs.scoring import answered, complete, mean
from imr_tui.screens.base import BaseModal
from imr_tui.store.goal_records import ImrsRatingRecord, ParticipantRef
from imr_tui.widgets.autosave import Autosaver

if TYPE_CHECKING:
    from imr_tui.store import Store
    from imr_tui.store.form_drafts import DraftValues

log = logging.getLogger(__name__)


def _draft_not_kept(error: BaseException) -> bool:
    log.warning("could not keep an IMR Scale draft: %s", type(error).__name__)  # a draft is a nicety: never more than a log line
    return True


class ImrsEntryScreen(BaseModal[bool]):
    """Returns True when anything was stored."""

    CSS_PATH = "imrs_entry.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save_partial", N_("Save as partial"), id="imrs_entry.partial"),
        Binding("escape", "close", N_("Close"), id="imrs_entry.close"),
        # Taken before the key reaches the field: "4", tab, "7" typed fast puts the 7 in the next item.
        Binding("tab", "app.focus_next", N_("Next item"), id="imrs_entry.next", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", N_("Previous item"), id="imrs_entry.previous", show=False, priority=True),
    ]

    def __init__(self, scale: ImrsScale, person: ParticipantRef, rating: ImrsRatingRecord | None,
                 history: list[ImrsRatingRecord], today: dt.date) -> None:  # fmt: skip
        super().__init__()
        self.scale, self.person, self.history = scale, person, history
        self.rating_ref: dict[str, int | None] = {"id": rating.id if rating else None}
        """The stored rating's id; filled in on the database thread by the write that makes it,
        so the writes after it (which run after it, in order) reach the same rating."""
        self.rater = rating.rater if rating else "participant"
        self.phase = rating.phase if rating else self.default_phase(self.rater)
        self.rated_on = rating.rated_on if rating else today
        self.scores: dict[str, int | None] = dict(rating.scores) if rating else {}
        self.partial_ok = rating is not None and not complete(scale, rating)
        """Stored before it was finished (or ctrl+s): from then on every change is stored as typed."""
        self.stored = rating is not None
        self.held = False
        """Changes on screen that are not stored (the rating is not finished): kept as a draft."""
        self.draft_key = self.key_for(rating.id if rating else None)
        self.saved = False
        self.warned = False
        self.autosaver = Autosaver(self)

    def key_for(self, rating_id: int | None) -> str:
        return f"imrs-{self.person.id}-{rating_id or 'new'}"

    def now_stored(self, _result: object = None) -> None:
        """The rating has its id: a draft kept from now on belongs to it, not to a new one."""
        if self.rating_ref["id"] is not None and self.draft_key == self.key_for(None):
            self.keep_draft(None)
            self.draft_key = self.key_for(self.rating_ref["id"])

    @property
    def rating_id(self) -> int | None:
        return self.rating_ref["id"] if self.stored else None

    def default_phase(self, rater: str) -> str:
        """The first rating of a version marks the start; later ones are during the course."""
        return "during" if any(rating.rater == rater for rating in self.history) else "start"

    def compose(self) -> ComposeResult:
        with Vertical(id="imrs-entry-box"):
            title = _("New IMR Scale rating") if not self.stored else _("IMR Scale rating")
            yield Static(f"{title} · {self.person.name}", id="imrs-entry-title")
            with Horizontal(id="imrs-entry-details"):
                yield Label(_("Date"))
                yield Input(day_input(self.rated_on), id="rated_on", placeholder=date_placeholder(), compact=True, select_on_focus=False)
                yield Select([(_(label), value) for value, label in RATER_LABELS.items()], value=self.rater, allow_blank=False, id="rater", compact=True)
                yield Select([(_(label), value) for value, label in PHASE_LABELS.items()], value=self.phase, allow_blank=False, id="phase", compact=True)
            yield Static(id="rated_on-error", classes="field-error")
            yield Static(_("Type {lowest} to {highest} for each item ({highest} is best); n where an item allows not applicable.").format(
                lowest=self.scale.lowest, highest=self.scale.highest), classes="hint")  # fmt: skip
            with VerticalScroll(id="imrs-items"):
                for item in self.scale.items:
                    yield from self.item_row(item)
            yield Static(id="imrs-entry-mean")
            yield Static(id="imrs-entry-state", classes="hint")

    def item_row(self, item: ImrsItem) -> ComposeResult:
        with Horizontal(classes="item-row"):
            yield Static(f"{item.number:>2}. {item.label}", classes="item-label")
            yield Input(self.score_text(item), id=f"item-{item.id}", classes="item-score", max_length=3, compact=True,
                        placeholder=f"{self.scale.lowest}–{self.scale.highest}", select_on_focus=False)  # fmt: skip
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
        self.restore_draft()
        self.show_mean()
        self.query_one(f"#item-{self.scale.items[0].id}", Input).focus()

    # The draft: what was typed and not stored, back when the form opens again

    def field_texts(self) -> dict[str, str]:
        texts = {widget.id: widget.value for widget in self.query(Input) if widget.id}
        return {**texts, "rater": self.rater, "phase": self.phase}

    def keep_draft(self, texts: dict[str, str] | None) -> None:
        """Keep what is typed and not stored (None drops it) in the store's form drafts, with the
        person, so it goes when they are erased; as the app's own request, so it lands after a close."""
        form, participant_id = self.draft_key, self.person.id
        values: DraftValues | None = None if texts is None else dict(texts)

        def write(store: Store) -> None:
            if values is None:
                store.form_drafts.discard(form)
            else:
                store.form_drafts.save(form, values, participant_id)

        self.gateway.write(self.app, write, failed=_draft_not_kept)

    def restore_draft(self) -> None:
        form, opened = self.draft_key, self.field_texts()
        self.read(lambda store: store.form_drafts.load(form), lambda draft: self.draft_found(draft, opened), failed=_draft_not_kept)

    def draft_found(self, draft: DraftValues | None, opened: dict[str, str]) -> None:
        if not draft or self.field_texts() != opened:
            return  # no draft, or typing began before it came: what is typed now wins
        with self.prevent(Input.Changed, Select.Changed):
            for name, value in draft.items():
                if name in ("rater", "phase"):
                    if value in (RATER_LABELS if name == "rater" else PHASE_LABELS):
                        setattr(self, name, value)
                        self.query_one(f"#{name}", Select).value = value
                elif found := self.query(f"#{name}"):
                    found.first(Input).value = str(value)
        for name in draft:
            if name not in ("rater", "phase") and self.query(f"#{name}"):
                self.read_field(name)  # a refused value comes back with its message
        self.held = True
        self.notify(_("What you typed before is back, not stored yet: finish every item, or ctrl+s to save it as partial."))
        self.show_mean()
        self.show_state()

    # What is typed

    @on(Input.Changed)
    def remember(self, event: Input.Changed) -> None:
        field = event.input.id
        if field is None:
            return  # every field of the form has an id
        self.autosaver.schedule(field, lambda: self.typed(field))

    @on(Select.Changed)
    def choose(self, event: Select.Changed) -> None:
        value = str(event.value)
        if event.select.id == "rater" and value != self.rater:
            self.rater = value
            if not self.stored:
                # Not stored yet: follow the version's own history (its first rating is the start).
                with self.prevent(Select.Changed):
                    self.query_one("#phase", Select).value = self.phase = self.default_phase(self.rater)
        elif event.select.id == "phase" and value != self.phase:
            self.phase = value
        else:
            return
        self.store_if_ready()

    def typed(self, field: str) -> None:
        if self.read_field(field):
            self.show_mean()
        self.store_if_ready()

    def read_field(self, field: str) -> bool:
        """Read one field into the rating; a refused value stays in its field, with its message."""
        try:
            if field == "rated_on":
                self.rated_on = parse_day(self.query_one("#rated_on", Input).value, "rated_on", required=True)
            else:
                item = self.scale.item(field.removeprefix("item-"))
                assert item is not None  # every score field is one of the scale's items
                self.read_score(item)
        except FieldError as problem:
            if field != "rated_on":
                self.scores.pop(field.removeprefix("item-"), None)  # not answered until it is corrected
            self.show_error(field, problem.message)
            self.show_mean()
            return False
        self.clear_error(field)
        return True

    def read_score(self, item: ImrsItem) -> None:
        text = self.query_one(f"#item-{item.id}", Input).value
        if not text.strip():
            self.scores.pop(item.id, None)
            return
        self.scores[item.id] = parse_score(text, f"item-{item.id}", self.scale.lowest, self.scale.highest, item.may_be_not_applicable)

    def show_mean(self) -> None:
        rating = ImrsRatingRecord(0, self.rated_on, self.rater, self.phase, "", self.scores)
        self.query_one("#imrs-entry-mean", Static).update(
            _("Mean so far: {mean} ({answered} of {count} items answered)").format(
                mean=format_mean(mean(self.scale, rating)), answered=answered(self.scale, rating), count=len(self.scale.items)
            )
        )

    def is_complete(self) -> bool:
        return complete(self.scale, ImrsRatingRecord(0, self.rated_on, self.rater, self.phase, "", self.scores))

    def show_state(self) -> None:
        if not self.held:
            text = _("Stored as partial: every change is saved as you type.") if self.partial_ok else _("Finished and stored: every change is saved as you type.")
            if not self.stored:
                text = _("Stored when every item is answered; ctrl+s saves it as partial before that.")
        else:
            left = len(self.scale.items) - answered(self.scale, ImrsRatingRecord(0, self.rated_on, self.rater, self.phase, "", self.scores))
            text = _("Not stored yet: {left} items to answer (or correct). Kept as a draft; ctrl+s saves it as partial.").format(left=left)
        self.query_one("#imrs-entry-state", Static).update(text)

    # Storing

    def store_if_ready(self, partial: bool = False) -> None:
        """Store the whole rating when it is finished, or partial when asked; otherwise hold it as a draft."""
        if self.query(".field-error.-shown") and not partial:
            ready = False  # a refused value waits to be corrected: the stored rating stays as it was
        else:
            ready = self.is_complete() or self.partial_ok or partial
        if not ready or self.query_one("#rated_on-error").has_class("-shown"):
            self.held = True
            self.keep_draft(self.field_texts())
            self.show_state()
            return
        if partial:
            self.partial_ok = True
        ref, scale, person = self.rating_ref, self.scale, self.person.id
        rated_on, rater, phase, scores = self.rated_on, self.rater, self.phase, dict(self.scores)

        def put(store) -> None:
            ref["id"] = store.imrs.put_rating(scale, ref["id"], person, rated_on, rater, phase, scores)

        self.write(put, self.now_stored, what=_("the IMR Scale rating"))
        self.stored = self.saved = True
        self.held = False
        self.keep_draft(None)
        self.show_state()

    def action_save_partial(self) -> None:
        self.autosaver.flush()
        if self.is_complete() and not self.query(".field-error.-shown"):
            self.store_if_ready()
            return
        if not self.scores:
            self.notify(_("Nothing to save yet: answer at least one item."), severity="warning")
            return
        self.store_if_ready(partial=True)
        self.notify(_("Saved as a partial rating: shown in the history, not counted in the change or the chart."))

    def show_error(self, field: str, message: str) -> None:
        error = self.query_one(f"#{field}-error", Static)
        error.update("⚠ " + message)
        error.add_class("-shown")
        self.held = True

    def clear_error(self, field: str) -> None:
        self.query_one(f"#{field}-error", Static).remove_class("-shown")

    def action_close(self) -> None:
        self.autosaver.flush()
        shown = list(self.query(".field-error.-shown"))
        if shown and not self.warned:
            self.warned = True
            self.notify(_("Not everything is saved: correct the marked field, or press escape again to close; what you typed is kept as a draft."), severity="warning")
            self.query_one(f"#{(shown[0].id or '').removesuffix('-error')}").focus()
            return
        self.after_saves(self.leave)

    def leave(self) -> None:
        """Close; what is on screen and not stored (unfinished, or a refused value) stays as a draft."""
        if self.held or self.query(".field-error.-shown"):
            self.keep_draft(self.field_texts())
            if self.held:
                self.notify(_("Not stored as a rating: it is not finished. What you typed is kept; open the rating again to go on."), severity="warning")
            else:
                self.notify(_("A refused value is kept, not stored: open the rating again to correct it."), severity="warning")
        self.dismiss(self.saved)

    def on_unmount(self) -> None:
        from textual.css.query import NoMatches

        try:
            self.autosaver.flush()
        except NoMatches:
            pass  # the app is closing: each change was kept as a draft as it was typed
