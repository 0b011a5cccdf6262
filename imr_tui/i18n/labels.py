"""Words for stored values, shown with a symbol too so state never rests on colour alone."""

from __future__ import annotations

from imr_tui.i18n.catalogue import N_, _


def attendance_label(status: str | None, narrow: bool = False) -> str:
    from imr_tui.domain.attendance import attendance_words

    return attendance_words(status, narrow)


FOLLOW_UP_LABELS = {
    "done": N_("✓ done"),
    "partly": N_("◑ partly"),
    "not_done": N_("✗ not done"),
}


def follow_up_label(result: str | None) -> str:
    return _(FOLLOW_UP_LABELS[result]) if result in FOLLOW_UP_LABELS else _("· not followed up")


def follow_up_symbol(result: str | None) -> str:
    """The first character of the label: a symbol that reads the same in every language."""
    return {"done": "✓", "partly": "◑", "not_done": "✗"}.get(result or "", "·")


AUDIT_ACTION_LABELS = {
    "create": N_("created"),
    "update": N_("changed"),
    "delete": N_("deleted"),
    "view": N_("opened"),
    "export": N_("exported"),
    "erase": N_("erased"),
}


def audit_action_label(action: str) -> str:
    """An audit trail entry's action in words; the stored code where there are none."""
    return _(AUDIT_ACTION_LABELS[action]) if action in AUDIT_ACTION_LABELS else action
