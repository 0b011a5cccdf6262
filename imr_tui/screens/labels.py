"""Words for stored values, shown with a symbol too so state never rests on colour alone."""

from __future__ import annotations

from imr_tui.i18n import N_, _

ATTENDANCE_LABELS = {
    "present": N_("✓ present"),
    "late": N_("◔ late"),
    "left_early": N_("◑ left early"),
    "absent_notice": N_("○ absent, with notice"),
    "absent_no_notice": N_("✗ absent, no notice"),
}


def attendance_label(status: str | None) -> str:
    return _(ATTENDANCE_LABELS[status]) if status in ATTENDANCE_LABELS else _("· not marked")
