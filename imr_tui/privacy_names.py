"""Finding participants' names in free text, however they are typed.

A name counts as written when its full form, the first and last name, or the first name
with the initial of the last ("Kåre L.") appears as whole words, in any case, with or
without diacritics ("kare lunde", "KÅRE LUNDE"). Used to warn while the therapist types a
text the group sees, to show such text by alias on a shared screen or handout, to warn when
a journal note names someone else, and to find every mention when a person is erased.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from imr_tui.privacy import initials

LETTERS_OUTSIDE_UNICODE_FOLDING = {"ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i"}
"""Letters NFKD does not split into a base and a mark, folded as a Norwegian keyboard would type them."""


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    alias: str = ""

    @property
    def shown(self) -> str:
        """What a shared screen or handout shows instead of the name."""
        return self.alias.strip() or initials(self.name)


@dataclass(frozen=True)
class Mention:
    person: Person
    start: int
    end: int
    """The span in the original text."""


def fold(text: str) -> str:
    """Lower case, without diacritics: 'Kåre Ødegård' and 'kare odegard' fold alike."""
    return _folded(text)[0]


def _folded(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the index of the character it came from."""
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for piece in unicodedata.normalize("NFKD", char.casefold()):
            if unicodedata.combining(piece):
                continue
            piece = LETTERS_OUTSIDE_UNICODE_FOLDING.get(piece, piece)
            out.append(piece)
            origin.extend([index] * len(piece))
    return "".join(out), origin


def name_forms(name: str, first_name: bool = False) -> list[str]:
    """The folded forms of a name that count as writing it, longest first."""
    parts = fold(name).split()
    if not parts:
        return []
    forms = {" ".join(parts)}
    if len(parts) > 1:
        forms.add(f"{parts[0]} {parts[-1]}")
        forms.add(f"{parts[0]} {parts[-1][0]}")
    if first_name:
        forms.add(parts[0])
    return sorted(forms, key=len, reverse=True)


def _pattern(form: str) -> str:
    words = [re.escape(word) for word in form.split(" ")]
    if len(words) > 1 and len(words[-1]) == 1:
        words[-1] += r"\.?"  # "Kåre L." as well as "Kåre L"
    return r"\s+".join(words)


def find_mentions(text: str, people: Iterable[Person], first_name: bool = False, ignore: Iterable[str] = ()) -> list[Mention]:
    """Every place a person's name is written, left to right; a longer form wins over a shorter one.

    `ignore` are folded words that never count alone (the note's own person's names, shared by another)."""
    folded, origin = _folded(text)
    skipped = set(ignore)
    candidates = []
    for person in people:
        for form in name_forms(person.name, first_name):
            if form not in skipped and len(form) > 1:
                candidates.append((form, person))
    if not candidates or not folded:
        return []
    candidates.sort(key=lambda pair: len(pair[0]), reverse=True)
    owner = {}
    alternatives = []
    for number, (form, person) in enumerate(candidates):
        owner[f"n{number}"] = person
        alternatives.append(f"(?P<n{number}>{_pattern(form)})")
    # Whole words; a hyphen between letters joins them ("Anne" is not written in "Anne-Lise").
    regex = re.compile(r"(?<!\w)(?<!\w-)(?:" + "|".join(alternatives) + r")(?!\w|-\w)")
    found = []
    for match in regex.finditer(folded):
        group = match.lastgroup
        assert group is not None  # every alternative is a named group
        person = owner[group]
        start, end = origin[match.start()], origin[match.end() - 1] + 1
        if _stray_initial(text, start, end, match.group()):
            if not first_name:
                continue
            end = start + len(text[start:end].split()[0])  # "Kåre i dag": the first name alone is still written
        found.append(Mention(person, start, end))
    return found


def _stray_initial(text: str, start: int, end: int, folded_match: str) -> bool:
    """"Kåre i dag" is not "Kåre Isaksen": a lone lower-case letter without a full stop is a word."""
    last = folded_match.split()[-1]
    if len(last) != 1 or len(folded_match.split()) < 2:
        return False
    written = text[start:end].rstrip()
    return not written.endswith(".") and not written[-1:].isupper()


def named_people(text: str, people: Iterable[Person], first_name: bool = False, ignore: Iterable[str] = ()) -> list[Person]:
    """The people whose names the text writes, each once, in the order they first appear."""
    seen: dict[int, Person] = {}
    for mention in find_mentions(text, people, first_name, ignore):
        seen.setdefault(mention.person.id, mention.person)
    return list(seen.values())


def replace_names(text: str, people: Iterable[Person], replacement: Callable[[Person], str] = lambda person: person.shown) -> str:
    """The text with each name written in it replaced (by default by the person's alias or initials)."""
    pieces, last = [], 0
    for mention in find_mentions(text, people):
        pieces += [text[last:mention.start], replacement(mention.person)]
        last = mention.end
    return "".join(pieces) + text[last:]


__all__ = ["Mention", "Person", "find_mentions", "fold", "name_forms", "named_people", "replace_names"]
