"""Words for the planning values (group status, cadence, session status), with symbols too.

Shared by the screens and the command line, so both say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from imr_tui.i18n import N_, _, ngettext
from imr_tui.i18n.catalogue import LANGUAGES, current_language

if TYPE_CHECKING:
    from imr_tui.store.planning_records import PlanChange

GROUP_STATUS = {
    "planned": N_("○ planned"),
    "running": N_("● running"),
    "finished": N_("✓ finished"),
}

CADENCES = {
    "weekdays": N_("Every weekday (Monday to Friday)"),
    "weekly": N_("On chosen weekdays every week"),
    "fortnightly": N_("On chosen weekdays every other week"),
    "dates": N_("On a list of dates"),
}

SESSION_STATUS = {
    "planned": N_("· planned"),
    "held": N_("✓ held"),
    "cancelled": N_("✗ cancelled"),
}


def group_status_label(status: str, archived: bool = False) -> str:
    label = _(GROUP_STATUS[status]) if status in GROUP_STATUS else status
    return _("{status}, archived").format(status=label) if archived else label


def session_status_label(status: str, reason: str = "") -> str:
    label = _(SESSION_STATUS[status]) if status in SESSION_STATUS else status
    return f"{label}: {reason}" if reason else label


def weekday_names(width: str = "abbreviated") -> list[str]:
    """Monday first, in the active language."""
    from babel.dates import get_day_names

    names = get_day_names(width, locale=LANGUAGES[current_language()])
    return [names[index] for index in range(7)]


def meets_parts(cadence: str, weekdays: Iterable[int]) -> tuple[str, str]:
    """How often a group meets, as the days and the rhythm: ('Tue, Thu', 'every other week')."""
    days = ", ".join(weekday_names()[day - 1] for day in sorted(weekdays))
    if cadence == "weekdays":
        return _("every weekday"), ""
    if cadence == "weekly":
        return days, _("every week")
    if cadence == "fortnightly":
        return days, _("every other week")
    return _("chosen dates"), ""


def meets_label(cadence: str, weekdays: Iterable[int]) -> str:
    return " ".join(part for part in meets_parts(cadence, weekdays) if part)


def plan_change_notice(change: PlanChange) -> str:
    """'12 sessions added, 2 removed' and any warnings, for a notification after an edit."""
    parts = []
    if change.added_sessions:
        parts.append(ngettext("{count} session added", "{count} sessions added", change.added_sessions).format(count=change.added_sessions))
    if change.removed_sessions:
        parts.append(ngettext("{count} session removed", "{count} sessions removed", change.removed_sessions).format(count=change.removed_sessions))
    if change.changed_sessions:
        parts.append(ngettext("{count} session changed", "{count} sessions changed", change.changed_sessions).format(count=change.changed_sessions))
    return "\n".join([", ".join(parts), *change.warnings]).strip()
