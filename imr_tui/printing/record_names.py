"""What a participant's stored values stand for, in words, for the readable record.

A reference to another row becomes what that row says (a goal's words, an IMR Scale
item's name, a service plan section's title, a version's number); a code becomes a word
in the reader's language (the rater, the phase, the language, how a plan was shared).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from imr_tui.i18n import _, format_short_date
from imr_tui.i18n.goal_labels import PHASE_LABELS, RATER_LABELS
from imr_tui.imrs.scale import ImrsScale
from imr_tui.service_plan.template import ServicePlanTemplate
from imr_tui.store.participant_data import ParticipantData


def date_time(value: dt.datetime) -> str:
    local = value.astimezone()
    return f"{format_short_date(local.date())} {local:%H:%M}"


class ReferenceNames:
    """What a reference to another row stands for, in words: a goal's text, an item's name, a version's number."""

    def __init__(self, data: ParticipantData, scale: ImrsScale, template: ServicePlanTemplate, language: str) -> None:
        self.language = language
        self.scale = scale
        self.template = template
        self.goals = {row["id"]: row["text"] for row in data.rows("recovery_goal")}
        self.short_term = {row["id"]: row["text"] for row in data.rows("short_term_goal")}
        self.steps = {row["id"]: row["text"] for row in data.rows("step")}
        self.versions = {row["id"]: row["number"] for row in data.rows("service_plan_version")}
        self.ratings = {
            row["id"]: f"{format_short_date(row['rated_on'])} · {_rater(row['rater'])}" if isinstance(row["rated_on"], dt.date) else str(row["rated_on"])
            for row in data.rows("imrs_rating")
        }  # fmt: skip

    def name(self, table: str, key: str, value: Any) -> str | None:
        if key == "goal_id":
            return self.goals.get(value)
        if key == "short_term_goal_id":
            return self.short_term.get(value)
        if key == "step_id":
            return self.steps.get(value)
        if key == "rating_id":
            return self.ratings.get(value)
        if key == "version_id":
            return _("version {number}").format(number=self.versions[value]) if value in self.versions else None
        if key == "based_on" or (table == "service_plan_version" and key == "number"):
            return _("version {number}").format(number=value)
        if key == "item_id":
            item = self.scale.item(value)
            return f"{item.number}. {item.label.get(self.language)}" if item else None
        if key == "section_id":
            return self.section_title(value)
        if key == "rater":
            return _rater(value)
        if key == "phase" and value in PHASE_LABELS:
            return _(PHASE_LABELS[value])
        if key == "language":
            return {"nb": _("Norwegian bokmål"), "nn": _("Norwegian nynorsk"), "en": _("English")}.get(value)
        if key == "method":
            from imr_tui.printing.service_plan import share_method_label

            return share_method_label(value)
        return None

    def section_title(self, section_id: str) -> str:
        section = self.template.section(section_id)
        return str(section.title.get(self.language)) if section else section_id


def _rater(rater: str) -> str:
    return _(RATER_LABELS[rater]) if rater in RATER_LABELS else rater


def shipped_scale() -> ImrsScale:
    from imr_tui.imrs.loader import load_scale

    return load_scale()


def shipped_template() -> ServicePlanTemplate:
    from imr_tui.service_plan.loader import load_template

    return load_template()
