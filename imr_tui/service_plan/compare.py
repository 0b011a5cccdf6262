"""What changed between two versions of a plan, section by section: items added, removed, changed.

A list item that was reworded counts as changed, not as one removed and one added: the
two are paired when they are alike enough. A contact is the same person when the name
is the same, whatever else changed. Items only moved in the list are not reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from imr_tui.service_plan.content import Contact, SectionValue, ServicePlanContent, item_text, value_lines
from imr_tui.service_plan.template import ServicePlanTemplate

ALIKE = 0.5
"""How alike two texts must be (0-1) to count as one item reworded."""


@dataclass(frozen=True)
class Changed:
    old: str
    new: str


@dataclass(frozen=True)
class SectionChanges:
    section_id: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[Changed, ...] = ()

    @property
    def any(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def compare_plans(template: ServicePlanTemplate, old: ServicePlanContent, new: ServicePlanContent) -> list[SectionChanges]:
    """Every section that differs, in the template's order (sections it does not know last)."""
    order = [section.id for section in template.sections]
    order += sorted((set(old) | set(new)) - set(order))
    changes = [compare_sections(section_id, old.get(section_id, ()), new.get(section_id, ())) for section_id in order]
    return [change for change in changes if change.any]


def compare_sections(section_id: str, old: SectionValue, new: SectionValue) -> SectionChanges:
    if isinstance(old, str) or isinstance(new, str):
        return _texts(section_id, "\n".join(value_lines(old)), "\n".join(value_lines(new)))
    if any(isinstance(item, Contact) for item in (*old, *new)):
        return _contacts(section_id, [c for c in old if isinstance(c, Contact) and not c.is_empty], [c for c in new if isinstance(c, Contact) and not c.is_empty])
    return _items(section_id, value_lines(old), value_lines(new))


def _texts(section_id: str, old: str, new: str) -> SectionChanges:
    if old == new:
        return SectionChanges(section_id)
    if not old:
        return SectionChanges(section_id, added=(new,))
    if not new:
        return SectionChanges(section_id, removed=(old,))
    return SectionChanges(section_id, changed=(Changed(old, new),))


def _items(section_id: str, old: list[str], new: list[str]) -> SectionChanges:
    removed = _missing_from(old, new)
    added = _missing_from(new, old)
    changed = []
    for before in list(removed):
        scores = [(SequenceMatcher(None, before.casefold(), after.casefold()).ratio(), index) for index, after in enumerate(added)]
        best = max(scores, default=(0.0, -1))
        if best[0] >= ALIKE:
            changed.append(Changed(before, added.pop(best[1])))
            removed.remove(before)
    return SectionChanges(section_id, tuple(added), tuple(removed), tuple(changed))


def _missing_from(items: list[str], other: list[str]) -> list[str]:
    """Items of `items` not in `other`, counting repeats."""
    left = list(other)
    missing = []
    for item in items:
        if item in left:
            left.remove(item)
        else:
            missing.append(item)
    return missing


def _contacts(section_id: str, old: list[Contact], new: list[Contact]) -> SectionChanges:
    def key(contact: Contact) -> str:
        return " ".join(contact.name.casefold().split())

    old_by_name = {key(contact): contact for contact in old}
    new_by_name = {key(contact): contact for contact in new}
    added = tuple(item_text(c) for c in new if key(c) not in old_by_name)
    removed = tuple(item_text(c) for c in old if key(c) not in new_by_name)
    changed = tuple(
        Changed(item_text(c), item_text(new_by_name[key(c)])) for c in old if key(c) in new_by_name and new_by_name[key(c)] != c
    )
    return SectionChanges(section_id, added, removed, changed)
