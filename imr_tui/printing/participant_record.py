"""Everything stored about one participant, on paper: the readable half of an access request.

Each table that holds the person's data becomes a section; a known table gets its own
title and field names, and a table added later still prints, under its own name. Short
rows (attendance, scores) are a table with one line each; rows with long texts (goals,
notes) are a card per row. It is written for the person to read: every value is a word
or a date in their language, a reference to another row shows what that row says (the
goal's words, the item's name), and no internal id is shown but the participant's own
number. The JSON file beside it has every field, ids included, for a computer.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from imr_tui.i18n import _, format_short_date, use_language
from imr_tui.i18n.catalogue import N_
from imr_tui.i18n.goal_labels import goal_label, outcome_label, step_label
from imr_tui.i18n.labels import attendance_label, audit_action_label
from imr_tui.imrs.scale import ImrsScale
from imr_tui.printing.long_text import split_text
from imr_tui.printing.page import Column, Page, Paragraph, Section, Table
from imr_tui.printing.record_names import ReferenceNames, date_time, shipped_scale, shipped_template
from imr_tui.service_plan.content import network_label
from imr_tui.service_plan.template import ServicePlanTemplate
from imr_tui.store.participant_data import ParticipantData

TABLE_TITLES = {
    "enrolment": N_("Enrolments in groups"),
    "attendance": N_("Attendance"),
    "group_session": N_("Individual meetings"),
    "recovery_goal": N_("Recovery goals"),
    "goal_revision": N_("Earlier wordings of goals"),
    "short_term_goal": N_("Short-term goals"),
    "step": N_("Steps"),
    "step_follow_up": N_("Follow-ups of steps"),
    "home_assignment": N_("Own home assignments"),
    "journal_note": N_("Journal note drafts"),
    "imrs_rating": N_("IMR Scale ratings"),
    "imrs_score": N_("IMR Scale scores"),
    "service_plan": N_("Service plan"),
    "service_plan_section": N_("Service plan draft"),
    "service_plan_version": N_("Service plan versions"),
    "service_plan_share": N_("Service plan shared with"),
    "form_draft": N_("Forms typed but not saved yet"),
}
"""Known tables in reading order; any other personal table follows under its own name."""

FIELD_NAMES = {
    "name": N_("Name"), "alias": N_("Alias on shared screens"), "needs_pickup": N_("Needs picking up"),
    "language": N_("Language"), "group_id": N_("Group"), "session_id": N_("Session"), "joined_on": N_("Joined"),
    "left_on": N_("Left"), "leave_reason": N_("Why they left"), "decision_reference": N_("Decision (vedtak)"),
    "status": N_("Status"), "picked_up": N_("Picked up"), "note": N_("Note"), "text": N_("Text"),
    "why": N_("Why it matters"), "set_on": N_("Set on"), "goal_id": N_("Recovery goal"), "target_date": N_("Target date"),
    "short_term_goal_id": N_("Short-term goal"), "set_in_session_id": N_("Set in session"), "due_session_id": N_("Due in session"),
    "due_date": N_("Due"), "step_id": N_("Step"), "result": N_("Result"), "replaced_on": N_("Until"), "date": N_("Date"),
    "start_time": N_("Time"), "notes": N_("Notes"), "home_assignment": N_("Home assignment"), "rated_on": N_("Rated on"),
    "rater": N_("Rated by"), "phase": N_("Phase"), "rating_id": N_("Rating"), "item_id": N_("Item"), "score": N_("Score"),
    "content": N_("Content"), "created_at": N_("Created"), "updated_at": N_("Last changed"),
    "form": N_("Form"), "field_values": N_("What was typed"),
    "based_on": N_("Based on version"), "section_id": N_("Section"), "number": N_("Version"), "finished_on": N_("Finished"),
    "review_on": N_("To be reviewed by"), "made_by": N_("Made with"), "version_id": N_("Version"), "person": N_("Shared with"),
    "relation": N_("Relation"), "shared_on": N_("Shared on"), "method": N_("How"), "consent": N_("Consent given"),
    "minutes": N_("Minutes"), "module_id": N_("Module"), "topic_id": N_("Topic"),
}  # fmt: skip
HIDDEN = {"id", "version", "participant_id", "position", "timer_state", "part_minutes", "made_by_id"}
"""Bookkeeping a reader has no use for on paper (the JSON file has every field)."""
SHORT_ROW = 60
"""Rows whose every value is at most this long, with few fields, print as one line each."""
VALUE_LABELS = {
    ("attendance", "status"): attendance_label,
    ("step", "status"): step_label,
    ("step_follow_up", "result"): outcome_label,
    ("recovery_goal", "status"): goal_label,
    ("short_term_goal", "status"): goal_label,
}


@dataclass(frozen=True)
class ParticipantRecordDocument:
    language: str
    data: ParticipantData
    access_log: list[dict[str, Any]]
    printed_on: dt.date
    scale: ImrsScale | None = None
    """The IMR Scale, for the items' names (default: the shipped scale)."""
    template: ServicePlanTemplate | None = None
    """The service plan template, for the sections' titles (default: the service's template)."""

    @cached_property
    def _names(self) -> ReferenceNames:
        with use_language(self.language):
            return ReferenceNames(self.data, self.scale or shipped_scale(), self.template or shipped_template(), self.language)

    def page(self) -> Page:
        with use_language(self.language):
            return Page(
                language=self.language,
                kicker=_("Everything stored about a participant"),
                title=self.data.name,
                details=(
                    _("Participant number {id} · printed {date}").format(id=self.data.participant_id, date=format_short_date(self.printed_on)),
                    _("Personal health data: give it only to the participant or whom they choose."),
                ),
                sections=(self._person(), *self._tables(), self._access_log()),
                metadata_title=" – ".join((_("Everything stored about a participant"), self.data.name)),
            )

    def _person(self) -> Section:
        person = self.data.participant
        rows = tuple((_field(key), self._value("participant", key, person[key])) for key in person if key not in HIDDEN)
        note = _("The JSON file written beside this one holds the same data with every field, for a computer to read.")
        return Section(_("The person"), (Table((Column(_("Field"), 0.34), Column(_("Value"), 0.66)), rows), Paragraph(note)))

    def _tables(self) -> list[Section]:
        known = [name for name in TABLE_TITLES if self.data.rows(name)]
        others = sorted(entry.table for entry in self.data.tables if entry.rows and entry.table not in TABLE_TITLES)
        return [self._table(name) for name in [*known, *others]]

    def _table(self, name: str) -> Section:
        rows = self.data.rows(name)
        fields = [key for key in rows[0] if key not in HIDDEN and key not in {"created_at", "updated_at"}]
        title = _(TABLE_TITLES[name]) if name in TABLE_TITLES else name.replace("_", " ").capitalize()
        values = [[self._value(name, key, row[key]) for key in fields] for row in rows]
        if len(fields) <= 5 and all(len(value) <= SHORT_ROW for line in values for value in line):
            columns = tuple(_columns([_field(key) for key in fields], values, 1.0))
            return Section(title, (Table(columns, tuple(tuple(line) for line in values)),))
        return Section(title, tuple(self._card(title, number, fields, line) for number, line in enumerate(values, start=1)))

    def _card(self, title: str, number: int, fields: list[str], values: list[str]) -> Table:
        """One row as a small table of its fields; the header counts the rows of the section."""
        lines: list[tuple[str, str]] = []
        for key, value in zip(fields, values, strict=False):
            if value:
                lines += [(_field(key) if index == 0 else "", piece) for index, piece in enumerate(split_text(value))]
        return Table((Column(f"{title} {number}", 0.3), Column("", 0.7)), tuple(lines) or (("", "–"),))

    def _access_log(self) -> Section:
        if not self.access_log:
            return Section(_("Access log"), (Paragraph(_("No access has been logged.")),))
        columns = (Column(_("When"), 0.24), Column(_("Who"), 0.22), Column(_("What"), 0.18), Column(_("Record"), 0.36))
        rows = tuple(_grouped_log(self.access_log))
        return Section(_("Access log"), (Paragraph(_("Who opened, changed or exported this record, and when; never what it said.")), Table(columns, rows)))

    def _value(self, table: str, key: str, value: Any) -> str:
        if value is None or value == "":
            return ""
        if (table, key) in VALUE_LABELS:
            return VALUE_LABELS[(table, key)](value)
        named = self._names.name(table, key, value)
        if named is not None:
            return named
        if key.endswith("session_id") and value in self.data.sessions:
            day, group = self.data.sessions[value]
            return f"{format_short_date(day)} {group}".strip()
        if key == "group_id" and value in self.data.groups:
            return self.data.groups[value]
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(value, dt.datetime):
            return date_time(value)
        if isinstance(value, dt.date):
            return format_short_date(value)
        if isinstance(value, dt.time):
            return value.strftime("%H:%M")
        return _readable(str(value), self._names.section_title)


def _grouped_log(entries: list[dict[str, Any]]) -> list[tuple[str, str, str, str]]:
    """One line per minute, person, action and kind of record, with how many: a long history stays short on paper."""
    lines: list[tuple[str, str, str, str]] = []
    count = 0
    for entry in entries:
        line = (date_time(dt.datetime.fromisoformat(entry["at"])), entry["actor"], audit_action_label(entry["action"]), _table_title(entry["table"]))
        if lines and lines[-1][:3] == line[:3] and lines[-1][3].rsplit(" (", 1)[0] == line[3]:
            count += 1
        else:
            count = 1
            lines.append(line)
        lines[-1] = (*line[:3], line[3] if count == 1 else f"{line[3]} ({count})")
    return lines


def _table_title(table: str) -> str:
    if table == "participant":
        return _("The person")
    return _(TABLE_TITLES[table]) if table in TABLE_TITLES else table.replace("_", " ").capitalize()


def _columns(titles: list[str], values: list[list[str]], share: float) -> list[Column]:
    """Columns as wide as their longest value or title needs, together `share` of the line."""
    needs = [max([len(title) // 2 + 4, *(len(line[index]) + 2 for line in values)]) for index, title in enumerate(titles)]
    return [Column(title, share * need / sum(needs)) for title, need in zip(titles, needs, strict=False)]


def _readable(text: str, section_title=str) -> str:
    """A section stored as JSON (a service plan's) as lines a person can read; other text as it is."""
    if not text.startswith(("{", "[", '"')):
        return text
    try:
        value = json.loads(text)
    except ValueError:
        return text
    return _flatten(value, section_title)


def _flatten(value: Any, section_title=str, nested: bool = False) -> str:
    if isinstance(value, dict):
        filled = {key: item for key, item in value.items() if item not in ("", [], {}, None)}
        if nested:  # a contact in a list: its values in a row, the network in words
            return ", ".join(network_label(item) or str(item) if key == "network" else _flatten(item, section_title, True) for key, item in filled.items())
        return "\n".join(f"{section_title(key)}: {_flatten(item, section_title, True)}" for key, item in filled.items())
    if isinstance(value, list):
        return "; ".join(_flatten(item, section_title, True) for item in value)
    return str(value)


def _field(key: str) -> str:
    return _(FIELD_NAMES[key]) if key in FIELD_NAMES else key.replace("_", " ").capitalize()
