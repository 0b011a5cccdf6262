"""Under a text the group sees (the home assignment): a line that says which participants it names."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widgets import Static

from imr_tui.i18n import _
from imr_tui.privacy_names import Person, named_people, replace_names


def people_of(participants: Iterable) -> list[Person]:
    """Plain records with an id, name and alias (SessionParticipant) as the matcher's people."""
    return [Person(person.id, person.name, person.alias) for person in participants]


def shared_text(text: str, participants: Iterable) -> str:
    """The text as a shared screen or handout shows it: each name by the person's alias or initials."""
    return replace_names(text, people_of(participants))


class NameWarning(Static):
    """Empty until the text names someone; never shown on a shared screen, since it names them."""

    DEFAULT_CSS = """
    NameWarning { color: $text-warning; display: none; }
    NameWarning.-shown { display: block; }
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)  # names are typed text, never markup

    def check(self, text: str, participants: Iterable, presenting: bool = False) -> list[Person]:
        named = [] if presenting else named_people(text, people_of(participants))
        if named:
            names = ", ".join(_("{name} (shown as {alias})").format(name=person.name, alias=person.shown) for person in named)
            self.update(_("⚠ The group sees this text, and it names {names}. Write the alias instead.").format(names=names))
        self.set_class(bool(named), "-shown")
        return named
