"""When another window saved the same section of a plan: both shown, the therapist chooses."""

from __future__ import annotations

from imr_tui.screens.conflict import KEEP_BOTH, KEEP_MINE, TAKE_THEIRS, ConflictScreen
from imr_tui.service_plan.content import Contact, SectionValue, value_lines


class SectionConflictScreen(ConflictScreen):
    """The same choice as for a text (mine, theirs, both); returns the choice, as a list cannot be joined as text."""

    def __init__(self, what: str, mine: SectionValue, theirs: SectionValue) -> None:
        super().__init__(what, "\n".join(value_lines(mine)), "\n".join(value_lines(theirs)))

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice if choice in (KEEP_MINE, TAKE_THEIRS, KEEP_BOTH) else None)


def merged(theirs: SectionValue, mine: SectionValue) -> SectionValue:
    """Theirs, then what only mine has: a text below theirs, list items theirs lacks."""
    if isinstance(theirs, str) or isinstance(mine, str):
        return "\n".join(part for part in (str(theirs).rstrip(), str(mine).strip()) if part)
    seen = {_key(item) for item in theirs}
    return (*theirs, *(item for item in mine if _key(item) not in seen))  # type: ignore[return-value]


def _key(item: str | Contact) -> str:
    return (item.name if isinstance(item, Contact) else item).casefold().strip()
