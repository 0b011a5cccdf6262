"""The plain, read-only data of a participant's service plan: the draft, its versions, its sharing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from imr_tui.service_plan.content import SectionValue, ServicePlanContent, same_content
from imr_tui.service_plan.revision_dates import RevisionDue, review_state
from imr_tui.store.goal_records import ParticipantRef


@dataclass(frozen=True)
class DraftSection:
    section_id: str
    value: SectionValue
    stored: str
    """The JSON this window read: the next save is refused if another window changed it since."""


@dataclass(frozen=True)
class ServicePlanVersionRecord:
    id: int
    number: int
    finished_on: dt.date
    review_on: dt.date
    made_by: str
    based_on: int | None
    content: ServicePlanContent


@dataclass(frozen=True)
class ShareRecord:
    id: int
    version_number: int
    person: str
    relation: str
    shared_on: dt.date
    method: str
    consent: bool


@dataclass(frozen=True)
class ServicePlanRecord:
    participant: ParticipantRef
    language: str
    """The participant's chosen language: the plan is printed in it."""
    draft: dict[str, DraftSection]
    based_on: int | None
    """The version the draft was started from."""
    versions: tuple[ServicePlanVersionRecord, ...]
    """Oldest first."""
    shares: tuple[ShareRecord, ...]

    @property
    def current(self) -> ServicePlanVersionRecord | None:
        return self.versions[-1] if self.versions else None

    def version(self, number: int) -> ServicePlanVersionRecord | None:
        return next((version for version in self.versions if version.number == number), None)

    def draft_content(self) -> ServicePlanContent:
        return {section_id: section.value for section_id, section in self.draft.items()}

    @property
    def has_unfinished_changes(self) -> bool:
        """The draft says something the newest version does not (or there is no version yet)."""
        if not self.draft:
            return False
        base = self.current.content if self.current else {}
        return not same_content(self.draft_content(), base)

    def shares_of(self, number: int) -> tuple[ShareRecord, ...]:
        return tuple(share for share in self.shares if share.version_number == number)


@dataclass(frozen=True)
class ServicePlanStatus:
    """One participant's line in a group's list of plans."""

    participant: ParticipantRef
    latest: int | None
    """The newest version's number; None before the first is finished."""
    finished_on: dt.date | None
    review_on: dt.date | None
    has_changes: bool
    """A draft says something the newest version does not (or there is no version yet)."""
    review: RevisionDue


@dataclass(frozen=True)
class RevisionsDue:
    due: int = 0
    overdue: int = 0

    @property
    def total(self) -> int:
        return self.due + self.overdue


def status_of(participant: ParticipantRef, latest: ServicePlanVersionRecord | None, has_changes: bool, today: dt.date) -> ServicePlanStatus:
    review_on = latest.review_on if latest else None
    return ServicePlanStatus(participant, latest.number if latest else None, latest.finished_on if latest else None, review_on, has_changes, review_state(review_on, today))
