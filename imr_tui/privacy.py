"""What a shared screen may show of a person: their chosen alias, or their initials."""

from __future__ import annotations


def initials(name: str) -> str:
    return "".join(part[0] for part in name.split() if part).upper()


def shown_name(name: str, alias: str, presenting: bool) -> str:
    """The name for the therapist's own screen; the alias (or initials) when it is shared."""
    if not presenting:
        return name
    return alias or initials(name)
