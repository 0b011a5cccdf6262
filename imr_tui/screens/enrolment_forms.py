"""Enrolling a participant (new, known, or coming back), editing the enrolment, and leaving."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Checkbox, Footer, Input, Select, Static

from imr_tui.curriculum import Curriculum
from imr_tui.domain.schedule_records import EnrolmentRecord, Namesake, ParticipantRecord
from imr_tui.gateway.client import StoreClient
from imr_tui.i18n import _, format_long_date, ngettext
from imr_tui.planning.drafts import EnrolmentDraft, check_enrolment_draft
from imr_tui.planning.fields import InvalidField, format_date_input, parse_date
from imr_tui.screens.form import FieldProblems, FieldReader, FormField, FormModal, value_of
from imr_tui.widgets.tick_box import TickBox

NEW_PERSON = 0


def _same_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def namesake_warning(namesakes: list[Namesake]) -> str:
    """'Siri Holm is already stored (Dagsgruppa, Nydal)' for each, so the therapist sees who it is."""
    people = [
        f"{one.participant.name} ({', '.join(one.groups)})" if one.groups else _("{name} (in no group)").format(name=one.participant.name)
        for one in namesakes
    ]
    return ngettext("Already stored: {people}. Is this the same person?", "Already stored: {people}. Is this one of them?", len(namesakes)).format(people="; ".join(people))


class EnrolmentFormScreen(FormModal):
    """New enrolment (`record` None) or an edit of one; `people` are those who can be enrolled."""

    CSS_PATH = "forms.tcss"

    def __init__(
        self, group_id: int, curriculum: Curriculum, today: dt.date, people: list[ParticipantRecord],
        record: EnrolmentRecord | None = None, person: ParticipantRecord | None = None,
    ) -> None:  # fmt: skip
        super().__init__()
        self.group_id, self.curriculum, self.today = group_id, curriculum, today
        self.people = {known.id: known for known in people}
        self.record = record
        self.person = record.participant if record else person
        self._namesakes_told: str | None = None
        """The name whose namesakes were shown: a second ctrl+s with it makes the new person."""

    def draft_name(self) -> str:
        which = f"enrolment-{self.record.id}" if self.record else f"person-{self.person.id}" if self.person else "new"
        return f"group-{self.group_id}-{which}"

    def draft_participant_id(self) -> int | None:
        return self.person.id if self.person else None

    def compose(self) -> ComposeResult:
        person, record = self.person, self.record
        with Vertical(classes="form-box"):
            yield Static(_("Edit enrolment") if record else _("Enrol a participant"), classes="form-title")
            if record is None:
                options = [(_("New participant"), NEW_PERSON), *((known.name, known.id) for known in self.people.values())]
                yield FormField(_("Who"), Select(options, value=person.id if person else NEW_PERSON, allow_blank=False, id="person", compact=True), name="person")
            yield FormField(_("Name"), Input(person.name if person else "", id="name", compact=True), name="name")
            yield FormField(_("Alias or initials"), Input(person.alias if person else "", id="alias", placeholder=_("shown when the screen is shared"), compact=True), name="alias")
            yield FormField("", TickBox(_("Needs pick-up"), person.needs_pickup if person else False, id="needs_pickup", compact=True), name="needs_pickup")
            yield FormField(_("Joined"), Input(format_date_input(record.joined_on if record else self.today), id="joined_on", compact=True), name="joined_on")
            yield FormField(_("Decision (vedtak)"), Input(record.decision_reference if record else "", id="decision_reference", placeholder=_("optional reference"), compact=True), name="decision_reference")
            yield from self.compose_buttons()
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Select.Changed, "#person")
    def fill_in_person(self, event: Select.Changed) -> None:
        """A known person's details are filled in; choosing 'new' keeps what was typed."""
        known = self.people.get(event.value) if isinstance(event.value, int) else None  # the options are ids (0: new)
        if known is not None:
            self.query_one("#name", Input).value = known.name
            self.query_one("#alias", Input).value = known.alias
            self.query_one("#needs_pickup", Checkbox).value = known.needs_pickup

    def field_checks(self):
        return {"joined_on": lambda text: parse_date(text, "joined_on")}

    def read_fields(self) -> tuple[EnrolmentDraft, int | None]:
        reader = FieldReader()
        joined_on = reader.read(parse_date, self.query_one("#joined_on", Input).value, "joined_on")
        reader.done()
        assert joined_on is not None, "done() raised if the date did not parse"
        chosen = self.people.get(value_of(self.query_one("#person", Select))) if self.record is None else self.record.participant
        draft = EnrolmentDraft(
            name=self.query_one("#name", Input).value, alias=self.query_one("#alias", Input).value,
            needs_pickup=self.query_one("#needs_pickup", Checkbox).value, joined_on=joined_on,
            decision_reference=self.query_one("#decision_reference", Input).value,
            participant_id=chosen.id if chosen else None,
        )  # fmt: skip
        try:
            check_enrolment_draft(draft)
        except InvalidField as problem:
            raise FieldProblems([problem]) from None
        return draft, chosen.version if chosen else None

    def submit(self, values: tuple[EnrolmentDraft, int | None]) -> None:
        """A new person whose name is already stored: say who that is (and their groups) before a second one is made."""
        draft = values[0]
        if self.record is not None or draft.participant_id is not None or _same_name(draft.name) == self._namesakes_told:
            super().submit(values)
            return
        name = draft.name

        def checked(namesakes: list[Namesake]) -> None:
            if not namesakes:
                super(EnrolmentFormScreen, self).submit(values)
                return
            self._namesakes_told = _same_name(name)
            self.query_one("#field-name", FormField).show_error(namesake_warning(namesakes))
            self.say(_("Nothing was saved yet. Choose them under Who, or press ctrl+s again to add a new person of the same name."))

        # `read` is this form's reading of its fields: the store's reading by its class.
        StoreClient.read(self, lambda store: store.enrolments.namesakes(name), checked)

    def save(self, values: tuple[EnrolmentDraft, int | None]):
        draft, participant_version = values
        if participant_version is not None:
            participant_version = self.version_of("participant", participant_version)
        group_id, curriculum = self.group_id, self.curriculum
        if self.record is None:
            return lambda store: store.enrolments.enrol(group_id, draft, curriculum, participant_version)
        enrolment_id, version = self.record.id, self.version_of("enrolment", self.record.version)

        def update(store) -> bool:
            store.enrolments.update_enrolment(enrolment_id, version, draft, participant_version)
            return True

        return update


class LeaveFormScreen(FormModal):
    """When a participant left the group, and why (in a few words; never a diagnosis)."""

    CSS_PATH = "forms.tcss"
    STORED_NAMES = {"reason": "leave_reason"}

    def __init__(self, record: EnrolmentRecord, today: dt.date) -> None:
        super().__init__()
        self.record, self.today = record, today

    def draft_name(self) -> str:
        return f"leave-{self.record.id}"

    def draft_participant_id(self) -> int:
        return self.record.participant.id

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box narrow"):
            yield Static(_("{name} leaves the group").format(name=self.record.participant.name), classes="form-title")
            yield Static(_("The enrolment is kept: if they come back, enrol them again."), classes="form-hint")
            yield FormField(_("Left"), Input(format_date_input(self.today), id="left_on", compact=True), name="left_on")
            yield FormField(_("Reason"), Input(id="reason", placeholder=_("optional, in a few words"), compact=True), name="reason")
            yield from self.compose_buttons()
        yield Footer()

    def field_checks(self):
        return {"left_on": lambda text: parse_date(text, "left_on")}

    def read_fields(self) -> tuple[dt.date, str]:
        reader = FieldReader()
        left_on = reader.read(parse_date, self.query_one("#left_on", Input).value, "left_on")
        reader.done()
        assert left_on is not None, "done() raised if the date did not parse"
        return left_on, self.query_one("#reason", Input).value

    def confirm_question(self, values: tuple[dt.date, str]) -> str:
        return _("Register that {name} left the group on {date}? Their planned module 1 meetings from that day are cancelled.").format(
            name=self.record.participant.name, date=format_long_date(values[0]))  # fmt: skip

    def save(self, values: tuple[dt.date, str]):
        enrolment_id, version = self.record.id, self.version_of("enrolment", self.record.version)
        return lambda store: store.enrolments.leave(enrolment_id, version, *values)
