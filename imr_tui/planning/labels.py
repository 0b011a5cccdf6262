"""Words for the planning values (group status, cadence, session status), with symbols too.

Shared by the screens and the command line, so both say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from imr_tui.i18n import N_, _, ngettext
from imr_tui.i18n.catalogue import LANGUAGES, current_language

if TYPE_CHECKING:
    from imr_tui.curriculum import Curriculum
    from imr_tui.domain.schedule_records import PlanChange

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


def weekday_names(width: Literal["abbreviated", "narrow", "short", "wide"] = "abbreviated") -> list[str]:
    """Monday first, in the active language."""
    from babel.dates import get_day_names

    names = get_day_names(width, locale=LANGUAGES[current_language()])
    return [names[index] for index in range(7)]


def meets_parts(cadence: str, weekdays: Iterable[int]) -> tuple[str, str]:
    """How often a group meets, as a reader says it: ('every Tuesday and Thursday', ''), ('every other Friday', '')."""
    from babel.lists import format_list

    names = weekday_names("wide")
    days = format_list([names[day - 1] for day in sorted(weekdays)], locale=LANGUAGES[current_language()])
    if cadence == "weekdays":
        return _("every weekday"), ""
    if cadence == "weekly":
        return _("every {days}").format(days=days), ""
    if cadence == "fortnightly":
        return _("every other {days}").format(days=days), ""
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


def cut_modules_warning(module_ids: Iterable[str], curriculum: Curriculum) -> str:
    """'The end date leaves no room for: 10. …, 11. …', in curriculum order."""
    titles = [f"{module.number}. {module.title}" for module_id in module_ids if (module := curriculum.module(module_id)) is not None]
    return _("⚠ The end date leaves no room for all of the course; these modules will not fit, or not whole: {modules}").format(modules="; ".join(titles))
