"""File names made from a person's name: readable in every script, and never the same for two people."""

from __future__ import annotations

import re
import unicodedata

LONGEST = 60
"""Characters of the name kept in a file name; the number before it tells people apart."""


def name_slug(text: str) -> str:
    """`Åse Berg-Li` -> `åse-berg-li`, `Олена Шевченко` -> `олена-шевченко`, `مريم حداد` -> `مريم-حداد`.

    Letters and digits of every script stay (a name in Cyrillic or Arabic is not emptied out);
    everything else, path separators and dots included, becomes one hyphen."""
    text = unicodedata.normalize("NFKC", text).casefold()
    kept = "".join(char if _letter_or_digit(char) else "-" for char in text)
    return re.sub(r"-+", "-", kept).strip("-")[:LONGEST].strip("-")


def _letter_or_digit(char: str) -> bool:
    # Marks (Arabic vowel signs, combining accents) belong to their letter.
    return unicodedata.category(char)[0] in "LNM"


def person_file_stem(person_id: int, name: str) -> str:
    """`12-astrid-kvamme`: the participant's number first, so no two people share a file."""
    slug = name_slug(name)
    return f"{person_id}-{slug}" if slug else str(person_id)
