"""Finishing a revision of a service plan, and recording who got a copy, with the participant's consent.

Both save through the store gateway: what the store refuses comes back to the form's fields.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Checkbox, Footer, Input, Select, Static

from imr_tui.domain.schedule_records import TherapistRecord
from imr_tui.domain.vocabulary import ShareMethod
from imr_tui.goals.fields import day_input
from imr_tui.i18n import N_, _
from imr_tui.planning.fields import parse_date
from imr_tui.printing.service_plan import share_method_label
from imr_tui.screens.form import FieldReader, FormField, FormModal
from imr_tui.service_plan.revision_dates import months_later
from imr_tui.service_plan.template import ServicePlanTemplate

if TYPE_CHECKING:
    pass


class FinishRevisionDialog(FormModal):
    """Returns the new version (ServicePlanVersionRecord), or None."""

    CSS_PATH = "forms.tcss"
    BINDINGS = [Binding("ctrl+t", "new_therapist", N_("New therapist"), id="service_plan_finish.new_therapist")]

    def __init__(self, participant_id: int, template: ServicePlanTemplate) -> None:
        super().__init__()
        self.participant_id, self.template = participant_id, template

    def compose(self) -> ComposeResult:
        today = self.imr.today()
        self.options: list[tuple[str, int]] = []
        with Vertical(classes="form-box narrow"):
            yield Static(_("Finish this revision"), classes="form-title")
            yield Static(_("The plan as written now becomes a dated version. Later changes start the next revision."), classes="form-hint")
            yield FormField(_("Made by"), Select([], id="made_by", compact=True, prompt=_("choose the therapist")), name="made_by")
            yield FormField(_("Date"), Input(day_input(today), id="finished_on", compact=True, select_on_focus=False), name="finished_on")
            review = months_later(today, self.template.review_months)
            yield FormField(_("Review by"), Input(day_input(review), id="review_on", compact=True, select_on_focus=False), name="review_on")
            yield Static(_("Good practice: review the plan about every {months} months. ctrl+t adds a therapist.").format(months=self.template.review_months), classes="form-hint")
            yield from self.compose_buttons()
        yield Footer()

    def on_mount(self) -> None:
        participant_id = self.participant_id
        self.read(lambda store: (store.planning.therapists(), store.service_plans.suggested_author(participant_id)), self.show_therapists)

    def show_therapists(self, found) -> None:
        therapists, suggested = found
        select = self.query_one("#made_by", Select)
        chosen = select.value
        self.options = [(therapist.name, therapist.id) for therapist in therapists]
        select.set_options(self.options)
        if chosen is Select.NULL and any(t.id == suggested for t in therapists):
            select.value = suggested

    def read_fields(self) -> tuple[int | None, dt.date, dt.date]:
        reader = FieldReader()
        made_by = self.query_one("#made_by", Select).selection
        finished_on = reader.read(parse_date, self.query_one("#finished_on", Input).value, "finished_on")
        review_on = reader.read(parse_date, self.query_one("#review_on", Input).value, "review_on")
        reader.done()
        assert finished_on is not None and review_on is not None  # done() raised if either was refused
        return (None if made_by is None else int(made_by)), finished_on, review_on

    def save(self, values: tuple[int | None, dt.date, dt.date]):
        made_by, finished_on, review_on = values
        participant_id, template = self.participant_id, self.template
        return lambda store: store.service_plans.finish_revision(participant_id, template, made_by_id=made_by, finished_on=finished_on, review_on=review_on)

    def action_new_therapist(self) -> None:
        from imr_tui.screens.therapist_prompt import TherapistPrompt

        self.app.push_screen(TherapistPrompt(), self.add_therapist)

    def add_therapist(self, therapist: TherapistRecord | None) -> None:
        if therapist is None:
            return
        select = self.query_one("#made_by", Select)
        if all(known != therapist.id for _name, known in self.options):
            self.options = sorted([*self.options, (therapist.name, therapist.id)], key=lambda option: option[0].casefold())
        select.set_options(self.options)
        select.value = therapist.id


class ShareDialog(FormModal):
    """Records that one version was given to someone; returns the ShareRecord, or None."""

    CSS_PATH = "forms.tcss"

    def __init__(self, participant_id: int, number: int) -> None:
        super().__init__()
        self.participant_id, self.number = participant_id, number

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box narrow"):
            yield Static(_("Shared version {number} with…").format(number=self.number), classes="form-title")
            yield Static(_("The participant decides who gets the plan. Record each person it was given to."), classes="form-hint")
            yield FormField(_("Who"), Input(id="share_person", compact=True, placeholder=_("name"), select_on_focus=False), name="share_person")
            yield FormField(_("Relation"), Input(id="share_relation", compact=True, placeholder=_("e.g. sister, GP, home care"), select_on_focus=False), name="share_relation")
            yield FormField(_("Date"), Input(day_input(self.imr.today()), id="share_date", compact=True, select_on_focus=False), name="share_date")
            options = [(share_method_label(method), method.value) for method in ShareMethod]
            yield FormField(_("How"), Select(options, value=ShareMethod.PRINTED.value, allow_blank=False, id="share_method", compact=True), name="share_method")
            yield FormField(_("Consent"), Checkbox(_("The participant agreed that this person gets the plan"), id="share_consent", compact=True), name="share_consent")
            yield from self.compose_buttons()
        yield Footer()

    def read_fields(self) -> dict[str, object]:
        reader = FieldReader()
        shared_on = reader.read(parse_date, self.query_one("#share_date", Input).value, "share_date")
        reader.done()
        return {
            "person": self.query_one("#share_person", Input).value,
            "relation": self.query_one("#share_relation", Input).value,
            "shared_on": shared_on,
            "method": str(self.query_one("#share_method", Select).value),
            "consent": self.query_one("#share_consent", Checkbox).value,
        }

    def save(self, values: dict[str, object]):
        participant_id, number = self.participant_id, self.number
        return lambda store: store.service_plans.record_share(participant_id, number, **values)
