"""Creating or editing a group: where and when it meets, how often, and who leads it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Checkbox, Footer, Input, Select, Static
from textual.widgets.select import NoSelection

from imr_tui.curriculum import Curriculum
from imr_tui.domain.schedule_records import GroupSettings, PlanChange, TherapistRecord
from imr_tui.domain.vocabulary import Cadence, GroupStatus
from imr_tui.i18n import LANGUAGE_NAMES, N_, _, current_language
from imr_tui.planning.drafts import GroupDraft, group_draft_problems, minimum_session_minutes
from imr_tui.planning.fields import (
    date_list_example,
    format_date_input,
    format_time_input,
    parse_date,
    parse_date_list,
    parse_minutes,
    parse_optional_date,
    parse_time,
)
from imr_tui.planning.labels import CADENCES, GROUP_STATUS, weekday_names
from imr_tui.screens.form import FieldProblems, FieldReader, FormField, FormModal, value_of
from imr_tui.widgets.tick_box import TickBox

WEEKLY_CADENCES = (Cadence.WEEKLY, Cadence.FORTNIGHTLY)
RULE_INPUTS = {"end_date": {"start_date", "end_date"}, "dates": {"start_date", "end_date", "dates"}, "session_minutes": {"session_minutes"}}
"""The typed fields each rule between fields reads."""


@dataclass(frozen=True)
class GroupSaved:
    group_id: int
    created: bool
    change: PlanChange
    therapists: int = 2
    """How many therapists the group has now: IMR asks for two."""


def therapist_count(draft: GroupDraft) -> int:
    return len({draft.lead_id, draft.co_lead_id, draft.co_therapist_id} - {None})


class GroupFormScreen(FormModal):
    CSS_PATH = "forms.tcss"
    BINDINGS = [Binding("ctrl+t", "new_therapist", N_("New therapist"), id="group_form.new_therapist")]

    def __init__(self, curriculum: Curriculum, therapists: list[TherapistRecord], today: dt.date, settings: GroupSettings | None = None) -> None:
        super().__init__()
        self.curriculum = curriculum
        self.therapists = therapists
        self.today = today
        self.settings = settings
        self.minimum = minimum_session_minutes(curriculum)

    def draft_name(self) -> str:
        return f"group-{self.settings.id if self.settings else 'new'}"

    def compose(self) -> ComposeResult:
        draft = self.settings.draft if self.settings else None
        weekdays = set(draft.weekdays) if draft else set()
        with VerticalScroll(classes="form-box"):
            yield Static(_("Edit group") if draft else _("New group"), classes="form-title")
            yield FormField(_("Name"), Input(draft.name if draft else "", id="name", compact=True), name="name")
            yield FormField(_("Location"), Input(draft.location if draft else "", id="location", compact=True), name="location")
            yield FormField(_("Handouts in"), self._select("language", [(name, code) for code, name in LANGUAGE_NAMES.items()], draft.language if draft else current_language(), blank=False), name="language")
            yield FormField(_("Status"), self._select("status", [(_(label), status) for status, label in GROUP_STATUS.items()], draft.status if draft else GroupStatus.PLANNED, blank=False), name="status")
            yield FormField(_("Start date"), Input(format_date_input(draft.start_date if draft else self.today), id="start_date", compact=True), name="start_date")
            yield FormField(_("End date"), Input(format_date_input(draft.end_date if draft else None), id="end_date", placeholder=_("optional"), compact=True), name="end_date")
            yield FormField(_("Session starts at"), Input(format_time_input(draft.start_time if draft else dt.time(10, 0)), id="start_time", compact=True), name="start_time")
            yield FormField(_("Minutes per session"), Input(str(draft.session_minutes if draft else self.curriculum.structure.group_minutes), id="session_minutes", compact=True), name="session_minutes")
            yield FormField(_("Meets"), self._select("cadence", [(_(label), cadence) for cadence, label in CADENCES.items()], draft.cadence if draft else Cadence.WEEKLY, blank=False), name="cadence")
            yield FormField(
                _("Weekdays"),
                Horizontal(*(TickBox(name, day in weekdays, id=f"weekday-{day}", compact=True) for day, name in enumerate(weekday_names("short"), start=1)), id="weekdays"),
                name="weekdays",
            )
            dates = ", ".join(format_date_input(day) for day in draft.dates) if draft and draft.cadence == Cadence.DATES else ""
            yield FormField(_("Dates"), Input(dates, id="dates", placeholder=date_list_example() + ", …", compact=True), name="dates")
            yield FormField(_("Therapist"), self._therapist_select("lead", draft.lead_id if draft else None), name="lead")
            yield FormField(_("Second therapist"), self._therapist_select("co_lead", draft.co_lead_id if draft else None), name="co_lead")
            yield FormField(_("Co-therapist"), self._therapist_select("co_therapist", draft.co_therapist_id if draft else None), name="co_therapist")
            if self.settings:
                # Ticked for a group without sessions yet: saving then plans them.
                replan = TickBox(_("Lay out the plan again from today (held sessions stay)"), not self.settings.has_sessions, id="replan", compact=True)
                yield FormField("", replan, name="replan")
            yield from self.compose_buttons()
        yield Footer()

    def _select(self, select_id: str, options, value, blank: bool = True) -> Select:
        return Select(options, value=value, id=select_id, allow_blank=blank, compact=True, prompt=_("optional"))

    def _therapist_select(self, select_id: str, value: int | None) -> Select:
        options = [(therapist.name, therapist.id) for therapist in self.therapists]
        known = value is not None and any(therapist.id == value for therapist in self.therapists)
        return self._select(select_id, options, value if known else Select.NULL)

    def on_mount(self) -> None:
        self.show_cadence_fields()
        self.query_one("#name", Input).focus()

    @on(Select.Changed, "#cadence")
    def show_cadence_fields(self) -> None:
        cadence = self.query_one("#cadence", Select).value
        self.query_one("#field-weekdays").display = cadence in WEEKLY_CADENCES
        self.query_one("#field-dates").display = cadence == Cadence.DATES

    def field_checks(self):
        return {
            "start_date": lambda text: parse_date(text, "start_date"),
            "end_date": lambda text: parse_optional_date(text, "end_date"),
            "start_time": lambda text: parse_time(text, "start_time"),
            "session_minutes": lambda text: parse_minutes(text, "session_minutes", self.minimum),
            "dates": lambda text: parse_date_list(text, "dates") if self.query_one("#cadence", Select).value == Cadence.DATES else None,
        }

    def read_fields(self) -> tuple[GroupDraft, bool]:
        reader = FieldReader()
        text = {input.id: input.value for input in self.query(Input)}
        cadence = Cadence(value_of(self.query_one("#cadence", Select)))
        start_date = reader.read(parse_date, text["start_date"], "start_date")
        end_date = reader.read(parse_optional_date, text["end_date"], "end_date")
        start_time = reader.read(parse_time, text["start_time"], "start_time")
        minutes = reader.read(parse_minutes, text["session_minutes"], "session_minutes", self.minimum)
        dates = reader.read(parse_date_list, text["dates"], "dates") if cadence == Cadence.DATES else []
        # Stand-ins for values that did not parse, so the rules between fields are checked too
        # and every problem shows at once; a rule that involves a refused field is left out.
        draft = GroupDraft(
            name=text["name"], location=text["location"], start_date=start_date or self.today, end_date=end_date,
            start_time=start_time or dt.time(10, 0), session_minutes=minutes or self.minimum, cadence=cadence, dates=tuple(dates or ()),
            weekdays=tuple(day for day in range(1, 8) if self.query_one(f"#weekday-{day}", Checkbox).value) if cadence in WEEKLY_CADENCES else (),
            lead_id=self._chosen("lead"), co_lead_id=self._chosen("co_lead"), co_therapist_id=self._chosen("co_therapist"),
            status=GroupStatus(value_of(self.query_one("#status", Select))), language=str(self.query_one("#language", Select).value),
        )  # fmt: skip
        refused = {problem.field for problem in reader.problems}
        between = [problem for problem in group_draft_problems(draft, self.minimum) if not RULE_INPUTS.get(problem.field, set()) & refused]
        if reader.problems or between:
            raise FieldProblems(reader.problems + between)
        replan = bool(self.query("#replan") and self.query_one("#replan", Checkbox).value)
        return draft, replan

    def _chosen(self, select_id: str) -> int | None:
        value = self.query_one(f"#{select_id}", Select).value
        return None if isinstance(value, NoSelection) else int(value)

    def save(self, values: tuple[GroupDraft, bool]):
        (draft, replan), curriculum, today = values, self.curriculum, self.today
        if self.settings is None:

            def create(store) -> GroupSaved:
                group_id, change = store.planning.create_group(draft, curriculum)
                return GroupSaved(group_id, True, change, therapist_count(draft))

            return create
        group_id, version = self.settings.id, self.version_of("course_group", self.settings.version)

        def update(store) -> GroupSaved:
            change = store.planning.update_group(group_id, version, draft, curriculum, today=today, replan=replan)
            return GroupSaved(group_id, False, change, therapist_count(draft))

        return update

    def action_new_therapist(self) -> None:
        from imr_tui.screens.therapist_prompt import TherapistPrompt

        self.app.push_screen(TherapistPrompt(), self.add_therapist)

    def add_therapist(self, therapist: TherapistRecord | None) -> None:
        """Offer the new therapist in every therapist field and fill the first empty one."""
        if therapist is None:
            return
        if all(known.id != therapist.id for known in self.therapists):
            self.therapists = sorted([*self.therapists, therapist], key=lambda known: known.name.casefold())
        options = [(known.name, known.id) for known in self.therapists]
        slots = ("lead", "co_lead", "co_therapist")
        chosen = {select_id: self._chosen(select_id) for select_id in slots}
        empty = [select_id for select_id in slots if chosen[select_id] is None]
        target = empty[0] if empty and therapist.id not in chosen.values() else None
        for select_id in slots:
            select = self.query_one(f"#{select_id}", Select)
            select.set_options(options)
            value = therapist.id if select_id == target else chosen[select_id]
            if value is not None:
                select.value = value
