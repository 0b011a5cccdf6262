"""Help to write a good step or short-term goal: is it specific, measurable, realistic, timed?

Only a hint shown while writing, never a rule: saving is never blocked. The checks look at
the words in both languages, because a person's words may not be in the app's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from imr_tui.i18n import N_

SPECIFIC_WORDS = 3
"""A step in three words or more usually says what will be done ("ringe NAV-veilederen" is two)."""

_NUMBER_WORDS = {
    # Not "en", "ett" or "to": in Norwegian and English they are mostly "a" and "to", not numbers.
    "én", "tre", "fire", "fem", "seks", "sju", "syv", "åtte", "ni", "ti", "tjue", "hver", "hvert", "daglig",
    "one", "once", "two", "twice", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "every", "each", "daily",
    "ganger", "gang", "times", "minutter", "minutes", "timer", "hours", "sider", "pages", "dager", "days", "kvelder", "evenings",
}  # fmt: skip
_TIME_WORDS = {
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "helga", "helgen", "morgen", "kveld", "kvelden",
    "formiddag", "ettermiddag", "uke", "uka", "uken", "innen", "før", "klokka", "kl", "neste", "frokost", "middag",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend", "tomorrow", "tonight",
    "morning", "evening", "afternoon", "week", "by", "before", "o'clock", "next", "breakfast", "dinner",
}  # fmt: skip
_WORD = re.compile(r"[\wæøåÆØÅ'’-]+")


@dataclass(frozen=True)
class Check:
    key: str
    label: str
    """Marked with N_(): translate with _() where shown."""
    met: bool | None
    """True or False when the words tell; None when only the person can judge (realistic)."""


def check_step(text: str, has_date: bool, short_term: bool = False) -> list[Check]:
    """The SMART questions for a step (or, with `short_term`, for a short-term goal)."""
    words = [word.casefold() for word in _WORD.findall(text)]
    realistic = N_("Realistic: within reach in a few weeks") if short_term else N_("Realistic: small enough to manage before the next session")
    return [
        Check("specific", N_("Specific: says what will be done"), len(words) >= SPECIFIC_WORDS),
        Check("measurable", N_("Measurable: says how much or how often"), any(word.isdigit() or word in _NUMBER_WORDS for word in words)),
        Check("realistic", realistic, None),
        Check("time", N_("Has a time: a date or a day"), has_date or any(word in _TIME_WORDS for word in words)),
    ]
