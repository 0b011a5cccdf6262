"""The attendance statuses as one table: code, symbol, words, key, and whether it counts as attended.

Every screen, document and rule reads the statuses from here, so a status is described once.
"""

from __future__ import annotations

from dataclasses import dataclass

from imr_tui.i18n.catalogue import N_, _


@dataclass(frozen=True)
class AttendanceKind:
    code: str
    """As stored in the attendance table."""
    symbol: str
    """Reads the same in every language; state never rests on colour alone."""
    label: str
    """With the symbol, marked for translation: "✓ present"."""
    short: str
    """For a narrow column, with the symbol: "✓ here"."""
    key: str
    """The key that marks it on the session screen."""
    attended: bool
    """Counts as having come (for rates and completion)."""

    def words(self, narrow: bool = False) -> str:
        return _(self.short if narrow else self.label)


ATTENDANCE_KINDS: tuple[AttendanceKind, ...] = (
    AttendanceKind("present", "✓", N_("✓ present"), N_("✓ here"), "1", True),
    AttendanceKind("late", "◔", N_("◔ late"), N_("◔ late"), "2", True),
    AttendanceKind("left_early", "◑", N_("◑ left early"), N_("◑ left"), "3", True),
    AttendanceKind("absent_notice", "○", N_("○ absent, with notice"), N_("○ notice"), "4", False),
    AttendanceKind("absent_no_notice", "✗", N_("✗ absent, no notice"), N_("✗ no notice"), "5", False),
)
BY_CODE = {kind.code: kind for kind in ATTENDANCE_KINDS}
ATTENDED = frozenset(kind.code for kind in ATTENDANCE_KINDS if kind.attended)
SYMBOLS = {kind.code: kind.symbol for kind in ATTENDANCE_KINDS}
NOT_MARKED_SYMBOL = "·"


def attendance_words(code: str | None, narrow: bool = False) -> str:
    kind = BY_CODE.get(code or "")
    if kind is None:
        return _("· not marked") if not narrow else NOT_MARKED_SYMBOL
    return kind.words(narrow)
