"""Words for goal, step and rating values, each with a symbol so state never rests on colour alone."""

from __future__ import annotations

from imr_tui.i18n.catalogue import N_, _
from imr_tui.i18n.labels import FOLLOW_UP_LABELS

SYMBOLS = {"done": "✓", "partly": "◑", "not_done": "✗", "planned": "·", "dropped": "–"}
"""The same in every language, and always shown with words somewhere near: never colour alone."""

STEP_LABELS = {
    "planned": N_("· planned"),
    **FOLLOW_UP_LABELS,
    "dropped": N_("– dropped"),
}
GOAL_LABELS = {
    "active": N_("○ working on it"),
    "achieved": N_("★ achieved"),
    "archived": N_("▫ archived"),
}
RATER_LABELS = {"participant": N_("Participant's own rating"), "clinician": N_("Clinician's rating")}
RATER_SHORT = {"participant": N_("Participant"), "clinician": N_("Clinician")}
PHASE_LABELS = {"start": N_("start"), "during": N_("during"), "end": N_("end")}


def step_label(status: str) -> str:
    return _(STEP_LABELS.get(status, STEP_LABELS["planned"]))


def step_symbol(status: str) -> str:
    return SYMBOLS.get(status, "·")


def goal_label(status: str) -> str:
    return _(GOAL_LABELS.get(status, GOAL_LABELS["active"]))


def outcome_label(result: str) -> str:
    """A follow-up's result; a note written without a result reads as "not followed up"."""
    return step_label(result) if result in STEP_LABELS and result != "planned" else _("· not followed up")


def quoted(text: str) -> str:
    """A person's own words in the quotation marks of the language (« » in Norwegian)."""
    return _("“{text}”").format(text=text)


def version_mark(rater: str) -> str:
    """The version's initial in the active language (D/K in bokmål, P/C in English), explained where it is used."""
    return _(RATER_SHORT[rater])[:1]
