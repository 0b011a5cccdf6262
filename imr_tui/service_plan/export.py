"""A service plan as plain data for scripts (`imr-tui service-plan P --json`) and as lines of text."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from imr_tui.i18n import _, format_short_date
from imr_tui.service_plan.content import Contact, SectionValue, value_lines
from imr_tui.service_plan.revision_dates import RevisionDue, review_state
from imr_tui.service_plan.template import ServicePlanTemplate
from imr_tui.store.service_plan_records import ServicePlanRecord, ServicePlanVersionRecord


def _plain(value: SectionValue) -> Any:
    return value if isinstance(value, str) else [asdict(item) if isinstance(item, Contact) else item for item in value]


def plan_as_data(plan: ServicePlanRecord, today: dt.date) -> dict[str, Any]:
    current = plan.current
    return {
        "participant": {"id": plan.participant.id, "name": plan.participant.name},
        "language": plan.language,
        "current_version": current.number if current else None,
        "review_on": current.review_on.isoformat() if current else None,
        "review": review_state(current.review_on if current else None, today).value,
        "unfinished_changes": plan.has_unfinished_changes,
        "versions": [
            {
                "number": version.number,
                "finished_on": version.finished_on.isoformat(),
                "review_on": version.review_on.isoformat(),
                "made_by": version.made_by,
                "based_on": version.based_on,
                "sections": {key: _plain(value) for key, value in version.content.items()},
                "shared_with": [
                    {"person": s.person, "relation": s.relation, "shared_on": s.shared_on.isoformat(), "how": s.method, "consent": s.consent}
                    for s in plan.shares_of(version.number)
                ],
            }
            for version in plan.versions
        ],
    }


def review_label(state: RevisionDue) -> str:
    return {
        RevisionDue.NONE: "",
        RevisionDue.LATER: "",
        RevisionDue.DUE: _("due for review"),
        RevisionDue.OVERDUE: _("overdue for review"),
    }[state]


def version_line(version: ServicePlanVersionRecord) -> str:
    """`Version 2, 20.08.2026, Jonas Hagerup · review by 20.11.2026`."""
    parts = [_("Version {number}, {date}").format(number=version.number, date=format_short_date(version.finished_on))]
    if version.made_by:
        parts[0] += ", " + version.made_by
    if version.based_on is not None and version.based_on != version.number - 1:
        parts.append(_("started from version {number}").format(number=version.based_on))
    parts.append(_("review by {date}").format(date=format_short_date(version.review_on)))
    return " · ".join(parts)


def plan_lines(template: ServicePlanTemplate, version: ServicePlanVersionRecord) -> list[tuple[str, list[str]]]:
    """(section title, its lines) for each section with something in it, in the template's order."""
    return [
        (str(section.title), lines)
        for section in template.sections
        if (lines := value_lines(version.content.get(section.id, "")))
    ]
