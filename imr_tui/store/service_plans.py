"""A participant's service plan: the draft saved section by section, finished versions, sharing.

Each section of the draft is saved as typed with the rule every editor follows: the
window says what it last read, and a section another window changed since is never
overwritten (SectionConflict carries what is stored now, so the therapist can choose).
Every read takes a fixed number of queries, however many versions a plan has.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, col, select

from imr_tui.domain.conflicts import ChangedElsewhere, ChangedMeanwhile, EditConflict
from imr_tui.errors import BadInputError, UserError
from imr_tui.i18n import _
from imr_tui.models import Enrolment, GroupTherapist, Participant, ServicePlan, ServicePlanSection, ServicePlanShare, ServicePlanVersion, ShareMethod, Therapist
from imr_tui.models.base import utc_now
from imr_tui.planning.fields import InvalidField as FieldError
from imr_tui.service_plan.content import SectionValue, cleaned, content_from_json, content_to_json, empty_value, from_json, is_blank, same_content, starting_value, to_json
from imr_tui.service_plan.revision_dates import review_state
from imr_tui.service_plan.template import SectionKind, ServicePlanTemplate
from imr_tui.store.database import Database
from imr_tui.store.enrolled import enrolled_on, people_in_group
from imr_tui.store.goal_records import ParticipantRef
from imr_tui.store.service_plan_records import (
    DraftSection,
    RevisionsDue,
    ServicePlanRecord,
    ServicePlanStatus,
    ServicePlanVersionRecord,
    ShareRecord,
    status_of,
)


class SectionConflict(EditConflict):
    """Another window saved this section since this one read it; nothing was overwritten.

    `stored` is the section's JSON as it is now in the database.
    """


class ServicePlanService:
    def __init__(self, database: Database) -> None:
        self.database = database

    # Reading

    def plan(self, participant_id: int, template: ServicePlanTemplate) -> ServicePlanRecord:
        """The plan as stored; the draft is empty until the plan is first opened for writing."""
        with self.database.reading() as session:
            person = _person(session, participant_id)
            plan = _plan_row(session, participant_id)
            sections = session.exec(select(ServicePlanSection).where(ServicePlanSection.participant_id == participant_id)).all()
            versions = session.exec(select(ServicePlanVersion).where(ServicePlanVersion.participant_id == participant_id).order_by(ServicePlanVersion.number)).all()
            shares = session.exec(select(ServicePlanShare).where(ServicePlanShare.participant_id == participant_id).order_by(ServicePlanShare.shared_on, ServicePlanShare.id)).all()
        numbers = {version.id: version.number for version in versions}
        draft = {row.section_id: DraftSection(row.section_id, _section_value(template, row), row.content) for row in sections}
        return ServicePlanRecord(
            participant=ParticipantRef(person.id, person.name, person.alias),
            language=person.language,
            draft=draft,
            based_on=plan.based_on if plan else None,
            versions=tuple(_version_record(template, version) for version in versions),
            shares=tuple(ShareRecord(s.id, numbers[s.version_id], s.person, s.relation, s.shared_on, s.method, s.consent) for s in shares),
        )

    def group_statuses(self, group_id: int, on: dt.date, template: ServicePlanTemplate) -> list[ServicePlanStatus]:
        """Everyone enrolled in the group on `on`, with the state of their plan: three queries."""
        with self.database.reading() as session:
            people = session.exec(people_in_group(group_id, on)).unique().all()
            ids = [person.id for person in people]
            latest = _latest_versions(session, ids)
            drafts: dict[int, dict] = defaultdict(dict)
            for row in session.exec(select(ServicePlanSection).where(col(ServicePlanSection.participant_id).in_(ids))).all():
                drafts[row.participant_id][row.section_id] = _section_value(template, row)
        statuses = []
        for person in people:
            version = _version_record(template, latest[person.id]) if person.id in latest else None
            draft = drafts.get(person.id, {})
            changed = bool(draft) and not same_content(draft, version.content if version else {})
            statuses.append(status_of(ParticipantRef(person.id, person.name, person.alias), version, changed, on))
        return statuses

    def reviews_by_group(self, group_ids: list[int], today: dt.date) -> dict[int, RevisionsDue]:
        """Per group, how many active participants' plans are due or overdue for review: two queries."""
        with self.database.reading() as session:
            enrolled = session.exec(
                select(Enrolment.group_id, Enrolment.participant_id)
                .where(col(Enrolment.group_id).in_(group_ids), enrolled_on(today))
            ).all()
            # Each latest version's review date only: the plans' content is not read for a count.
            rows = session.exec(
                select(ServicePlanVersion.participant_id, ServicePlanVersion.review_on)
                .where(col(ServicePlanVersion.participant_id).in_(sorted({pid for _gid, pid in enrolled})))
                .order_by(ServicePlanVersion.number)
            ).all()
            review_on = dict(rows)  # the highest number last, so it is the one kept
        counts: dict[int, dict[str, int]] = defaultdict(lambda: {"due": 0, "overdue": 0})
        for group_id, participant_id in set(enrolled):
            if (due := review_on.get(participant_id)) is not None:
                state = review_state(due, today).value
                if state in ("due", "overdue"):
                    counts[group_id][state] += 1
        return {group_id: RevisionsDue(**count) for group_id, count in counts.items()}

    def suggested_author(self, participant_id: int) -> int | None:
        """The therapist who leads the person's newest group: who most often finishes the revision."""
        with self.database.reading() as session:
            return session.exec(
                select(GroupTherapist.therapist_id)
                .join(Enrolment, col(Enrolment.group_id) == GroupTherapist.group_id)
                .where(Enrolment.participant_id == participant_id)
                .order_by(col(Enrolment.joined_on).desc(), GroupTherapist.id)
                .limit(1)
            ).first()

    # Writing the draft

    def open_draft(self, participant_id: int, template: ServicePlanTemplate) -> ServicePlanRecord:
        """The plan, with a draft for every section of the template: the newest version's words, or a fresh start."""
        try:
            with self.database.transaction() as session:
                person = _person(session, participant_id)
                plan = _plan_row(session, participant_id)
                newest = None
                if plan is None:
                    newest = session.exec(select(ServicePlanVersion).where(ServicePlanVersion.participant_id == participant_id).order_by(col(ServicePlanVersion.number).desc()).limit(1)).first()
                    session.add(ServicePlan(participant_id=participant_id, based_on=newest.number if newest else None))
                base = content_from_json(template, newest.content) if newest else {}
                fresh = plan is None and newest is None
                present = set(session.exec(select(ServicePlanSection.section_id).where(ServicePlanSection.participant_id == participant_id)).all())
                for section in template.sections:
                    if section.id not in present:
                        value = base[section.id] if section.id in base else starting_value(section, person.language) if fresh else empty_value(section.kind)
                        session.add(ServicePlanSection(participant_id=participant_id, section_id=section.id, content=to_json(value)))
        except IntegrityError:
            pass  # another window opened the draft at the same moment: read theirs
        return self.plan(participant_id, template)

    def save_section(self, participant_id: int, section_id: str, value: SectionValue, based_on: str) -> str:
        """Save one section as typed unless another window changed it since `based_on`; returns what is stored."""
        new = to_json(value)
        try:
            with self.database.transaction() as session:
                row = _section_row(session, participant_id, section_id)
                if row is None:
                    session.add(ServicePlanSection(participant_id=participant_id, section_id=section_id, content=new))
                    return new
                if row.content not in (based_on, new):
                    raise SectionConflict(row.content)
                if row.content != new:
                    row.content, row.updated_at = new, utc_now()
                return new
        except (StaleDataError, IntegrityError):
            with self.database.reading() as session:
                row = _section_row(session, participant_id, section_id)
                stored = row.content if row else ""
            raise SectionConflict(stored) from None

    def put_section(self, participant_id: int, section_id: str, value: SectionValue, expected: str) -> str:
        """The section exactly as given (the undo of a removed or moved line), unless it is no
        longer `expected` (the JSON this window stored last): then ChangedMeanwhile."""
        try:
            return self.save_section(participant_id, section_id, value, expected)
        except SectionConflict:
            raise ChangedMeanwhile(_("the section was changed since")) from None

    def reopen_revision(self, participant_id: int, number: int) -> None:
        """Take back finishing version `number` (its undo): the draft stays as written, the version goes.

        Only while nothing depends on it: it is the newest, was never recorded as shared, and no
        later revision was started from another version; else ChangedMeanwhile.
        """
        with self.database.transaction() as session:
            version = session.exec(select(ServicePlanVersion).where(ServicePlanVersion.participant_id == participant_id, ServicePlanVersion.number == number)).first()
            if version is None:
                return  # already taken back
            plan = _plan_row(session, participant_id)
            newest = max(session.exec(select(ServicePlanVersion.number).where(ServicePlanVersion.participant_id == participant_id)).all())
            shared = session.exec(select(ServicePlanShare.id).where(ServicePlanShare.version_id == version.id)).first()
            if plan is None or plan.based_on != number or newest != number or shared is not None:
                raise ChangedMeanwhile(_("the version was shared or built on since"))
            plan.based_on, plan.updated_at = version.based_on, utc_now()
            session.delete(version)

    def start_from(self, participant_id: int, template: ServicePlanTemplate, number: int) -> None:
        """Replace the draft with version `number`'s words: the start of a new revision from an earlier one."""
        with self.database.transaction() as session:
            version = session.exec(select(ServicePlanVersion).where(ServicePlanVersion.participant_id == participant_id, ServicePlanVersion.number == number)).first()
            if version is None:
                raise BadInputError(_("the plan has no version {number}").format(number=number))
            content = content_from_json(template, version.content)
            plan = _plan_row(session, participant_id) or ServicePlan(participant_id=participant_id)
            plan.based_on, plan.updated_at = number, utc_now()
            session.add(plan)
            rows = {row.section_id: row for row in session.exec(select(ServicePlanSection).where(ServicePlanSection.participant_id == participant_id)).all()}
            for section in template.sections:
                value = content.get(section.id, empty_value(section.kind))
                row = rows.get(section.id) or ServicePlanSection(participant_id=participant_id, section_id=section.id)
                if row.content != to_json(value):
                    row.content, row.updated_at = to_json(value), utc_now()
                    session.add(row)

    # Finishing and sharing

    def finish_revision(self, participant_id: int, template: ServicePlanTemplate, *, made_by_id: int | None, finished_on: dt.date, review_on: dt.date) -> ServicePlanVersionRecord:
        """The draft as a new dated version, with who made it and when it is to be reviewed."""
        if review_on <= finished_on:
            raise FieldError("review_on", _("the review date must come after the day the revision is finished"))
        try:
            with self.database.transaction() as session:
                plan = _plan_row(session, participant_id)
                rows = session.exec(select(ServicePlanSection).where(ServicePlanSection.participant_id == participant_id)).all()
                content = {row.section_id: cleaned(_section_value(template, row)) for row in rows}
                if plan is None or all(is_blank(value) for key, value in content.items() if _counts(template, key)):
                    raise UserError(_("the plan is still empty: write at least one section before finishing the revision"))
                therapist = session.get(Therapist, made_by_id) if made_by_id is not None else None
                numbers = session.exec(select(ServicePlanVersion.number).where(ServicePlanVersion.participant_id == participant_id)).all()
                number = max(numbers, default=0) + 1
                version = ServicePlanVersion(
                    participant_id=participant_id, number=number, finished_on=finished_on, review_on=review_on,
                    made_by_id=therapist.id if therapist else None, made_by=therapist.name if therapist else "",
                    based_on=plan.based_on, content=content_to_json(content),
                )  # fmt: skip
                session.add(version)
                plan.based_on, plan.updated_at = number, utc_now()  # the version column refuses a second finish at the same moment
                session.flush()
                return _version_record(template, version)
        except (StaleDataError, IntegrityError):
            raise ChangedElsewhere() from None

    def record_share(self, participant_id: int, number: int, *, person: str, relation: str, shared_on: dt.date, method: str, consent: bool) -> ShareRecord:
        """Who got a copy of version `number`, how and when; only with the participant's consent."""
        person = " ".join(person.split())
        if not person:
            raise FieldError("share_person", _("write who got the plan"))
        if method not in set(ShareMethod):
            raise FieldError("share_method", _("choose how it was shared: printed, PDF or shown"))
        if not consent:
            raise FieldError("share_consent", _("the plan is shared only with the participant's consent: tick it when they have agreed"))
        with self.database.transaction() as session:
            version = session.exec(select(ServicePlanVersion).where(ServicePlanVersion.participant_id == participant_id, ServicePlanVersion.number == number)).first()
            if version is None:
                raise BadInputError(_("the plan has no version {number}").format(number=number))
            share = ServicePlanShare(participant_id=participant_id, version_id=version.id, person=person, relation=relation.strip(), shared_on=shared_on, method=method, consent=True)
            session.add(share)
            session.flush()
            return ShareRecord(share.id, number, share.person, share.relation, share.shared_on, share.method, share.consent)


def _counts(template: ServicePlanTemplate, section_id: str) -> bool:
    """Whether a section shows the plan has been written: the template's own crisis numbers alone do not."""
    section = template.section(section_id)
    return section is None or not section.items


def _person(session: Session, participant_id: int) -> Participant:
    person = session.get(Participant, participant_id)
    if person is None:
        raise BadInputError(_("no participant has the id {id}").format(id=participant_id))
    return person


def _plan_row(session: Session, participant_id: int) -> ServicePlan | None:
    return session.exec(select(ServicePlan).where(ServicePlan.participant_id == participant_id)).first()


def _section_row(session: Session, participant_id: int, section_id: str) -> ServicePlanSection | None:
    return session.exec(select(ServicePlanSection).where(ServicePlanSection.participant_id == participant_id, ServicePlanSection.section_id == section_id)).first()


def _section_value(template: ServicePlanTemplate, row: ServicePlanSection) -> SectionValue:
    section = template.section(row.section_id)
    return from_json(section.kind if section else SectionKind.LIST, row.content)


def _version_record(template: ServicePlanTemplate, version: ServicePlanVersion) -> ServicePlanVersionRecord:
    return ServicePlanVersionRecord(version.id, version.number, version.finished_on, version.review_on, version.made_by, version.based_on, content_from_json(template, version.content))


def _latest_versions(session: Session, participant_ids: list[int]) -> dict[int, ServicePlanVersion]:
    rows = session.exec(select(ServicePlanVersion).where(col(ServicePlanVersion.participant_id).in_(participant_ids)).order_by(ServicePlanVersion.number)).all()
    return {row.participant_id: row for row in rows}
