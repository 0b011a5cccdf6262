"""What a plan section holds, as plain values, and its JSON form in the database.

A text section holds a string; a list section a tuple of strings; a contacts or numbers
section a tuple of `Contact`. Everything read from the database passes `normalise`, so
a value stored by an adapted template of another kind still opens instead of failing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any, cast

from imr_tui.i18n import _
from imr_tui.service_plan.template import SectionKind, SectionSpec, ServicePlanTemplate


class Network(StrEnum):
    PERSONAL = "personal"
    PROFESSIONAL = "professional"


@dataclass(frozen=True)
class Contact:
    name: str
    relation: str = ""
    phone: str = ""
    network: str = ""
    """personal or professional (contacts); empty for a crisis number."""

    @property
    def is_empty(self) -> bool:
        return not any(value.strip() for value in (self.name, self.relation, self.phone))


SectionValue = str | tuple[str, ...] | tuple[Contact, ...]
ServicePlanContent = dict[str, SectionValue]


def empty_value(kind: SectionKind) -> SectionValue:
    return "" if kind == SectionKind.TEXT else ()


def starting_value(section: SectionSpec, language: str) -> SectionValue:
    """A new plan's section: empty, or the template's items (crisis numbers) in the person's language."""
    if section.kind == SectionKind.NUMBERS:
        return tuple(Contact(item.name.get(language), phone=item.phone) for item in section.items)
    return empty_value(section.kind)


def normalise(kind: SectionKind, raw: Any) -> SectionValue:
    if kind == SectionKind.TEXT:
        if isinstance(raw, list):
            return "\n".join(str(item) for item in raw)
        return "" if raw is None else str(raw)
    items = raw if isinstance(raw, list | tuple) else ([raw] if raw else [])
    if kind == SectionKind.LIST:
        return tuple(item.name if isinstance(item, Contact) else (item.get("name", "") if isinstance(item, dict) else str(item)) for item in items)
    return tuple(_contact(item) for item in items)


def _contact(item: Any) -> Contact:
    if isinstance(item, Contact):
        return item
    if isinstance(item, dict):
        return Contact(*(str(item.get(key, "") or "") for key in ("name", "relation", "phone", "network")))
    return Contact(str(item))


def cleaned(value: SectionValue) -> SectionValue:
    """What is worth keeping in a finished version: no blank items, no spaces around the words."""
    if isinstance(value, str):
        return value.strip()
    kept = tuple(
        Contact(item.name.strip(), item.relation.strip(), item.phone.strip(), item.network) if isinstance(item, Contact) else item.strip()
        for item in value
        if not (item.is_empty if isinstance(item, Contact) else not item.strip())
    )
    return cast(SectionValue, kept)  # each item stays what it was, so the tuple stays of one kind


def same_content(first: ServicePlanContent, second: ServicePlanContent) -> bool:
    """Equal once blank items are left out: a new empty line is not an unfinished change."""
    for key in set(first) | set(second):
        one, other = first.get(key, ""), second.get(key, "")
        if not (is_blank(one) and is_blank(other)) and cleaned(one) != cleaned(other):
            return False
    return True


def to_json(value: SectionValue) -> str:
    plain = value if isinstance(value, str) else [asdict(item) if isinstance(item, Contact) else item for item in value]
    return json.dumps(plain, ensure_ascii=False, sort_keys=True)


def from_json(kind: SectionKind, text: str) -> SectionValue:
    try:
        return normalise(kind, json.loads(text) if text else None)
    except ValueError:
        return normalise(kind, text)  # not JSON: keep the words as they are


def content_to_json(content: ServicePlanContent) -> str:
    return json.dumps({key: json.loads(to_json(value)) for key, value in content.items()}, ensure_ascii=False, sort_keys=True)


def content_from_json(template: ServicePlanTemplate, text: str) -> ServicePlanContent:
    """A finished version's content; sections the template does not know are kept as lists of text."""
    try:
        raw = json.loads(text or "{}")
    except ValueError:
        raw = {}
    content: ServicePlanContent = {}
    for section_id, value in (raw if isinstance(raw, dict) else {}).items():
        section = template.section(section_id)
        content[section_id] = normalise(section.kind if section else _guess_kind(value), value)
    return content


def _guess_kind(value: Any) -> SectionKind:
    if isinstance(value, str):
        return SectionKind.TEXT
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return SectionKind.CONTACTS
    return SectionKind.LIST


def is_blank(value: str | Sequence[str | Contact]) -> bool:
    if isinstance(value, str):
        return not value.strip()
    return all((item.is_empty if isinstance(item, Contact) else not item.strip()) for item in value)


def network_label(network: str) -> str:
    if network == Network.PERSONAL:
        return _("personal")
    if network == Network.PROFESSIONAL:
        return _("professional")
    return ""


def item_text(item: str | Contact) -> str:
    """One item as a line of text: `Kari Nordmann (sister, personal): 900 00 000`."""
    if isinstance(item, str):
        return item
    about = ", ".join(filter(None, (item.relation, network_label(item.network))))
    line = item.name + (f" ({about})" if about else "")
    return f"{line}: {item.phone}" if item.phone else line


def value_lines(value: SectionValue) -> list[str]:
    """A section as lines of text (for a comparison, the conflict view or the command line)."""
    if isinstance(value, str):
        return [line for line in value.splitlines() if line.strip()]
    return [item_text(item) for item in value if not (item.is_empty if isinstance(item, Contact) else not item.strip())]
