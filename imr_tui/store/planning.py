"""Setting up a course: groups, who leads them, and archiving them when they are over."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func
from sqlmodel import Session, col, select

from imr_tui.curriculum import Curriculum
from imr_tui.domain.schedule_records import GroupListItem, GroupSettings, PlanChange, TherapistRecord
from imr_tui.errors import BadInputError
from imr_tui.i18n import _, format_short_date
from imr_tui.models import Cadence, CourseGroup, Enrolment, GroupSession, GroupStatus, GroupTherapist, SessionStatus, Therapist, TherapistRole
from imr_tui.models.base import utc_now
from imr_tui.planning.drafts import GroupDraft, check_group_draft, minimum_session_minutes
from imr_tui.planning.fields import InvalidField
from imr_tui.store.database import Database
from imr_tui.store.plan_rows import group_rows, regenerate
from imr_tui.store.versions import fetch, writing

LEADING_ROLES = (TherapistRole.LEAD, TherapistRole.CO_LEAD)
SLOTS = (("lead", TherapistRole.LEAD), ("co_lead", TherapistRole.CO_LEAD), ("co_therapist", TherapistRole.CO_THERAPIST))


class PlanningService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def groups(self, include_archived: bool = False) -> list[GroupListItem]:
        """Every group for the groups screen, in four queries."""
        with self.database.reading() as session:
            query = select(CourseGroup).order_by(col(CourseGroup.archived_at).is_not(None), CourseGroup.start_date.desc(), CourseGroup.name)
            if not include_archived:
                query = query.where(col(CourseGroup.archived_at).is_(None))
            groups = session.exec(query).all()
            leaders: dict[int, list[str]] = {}
            for group_id, name in session.exec(
                select(GroupTherapist.group_id, Therapist.name).join(Therapist, col(Therapist.id) == GroupTherapist.therapist_id).order_by(GroupTherapist.id)
            ).all():
                leaders.setdefault(group_id, []).append(name)
            active = dict(session.exec(select(Enrolment.group_id, func.count()).where(col(Enrolment.left_on).is_(None)).group_by(Enrolment.group_id)).all())
            sessions = dict(
                session.exec(
                    select(GroupSession.group_id, func.count())
                    .where(col(GroupSession.participant_id).is_(None), GroupSession.status != SessionStatus.CANCELLED)
                    .group_by(GroupSession.group_id)
                ).all()
            )
        return [
            GroupListItem(
                id=g.id, version=g.version, name=g.name, location=g.location, status=g.status, cadence=g.cadence,
                weekdays=tuple(int(day) for day in g.weekdays.split(",") if day), start_date=g.start_date, end_date=g.end_date,
                therapists=tuple(leaders.get(g.id, ())), active_participants=active.get(g.id, 0), sessions=sessions.get(g.id, 0),
                archived=g.archived_at is not None,
            )  # fmt: skip
            for g in groups
        ]

    def group_settings(self, group_id: int) -> GroupSettings:
        with self.database.reading() as session:
            group = fetch(session, CourseGroup, group_id, None, _("no group has the id {id}").format(id=group_id))
            roles = {role: therapist_id for therapist_id, role in session.exec(select(GroupTherapist.therapist_id, GroupTherapist.role).where(GroupTherapist.group_id == group_id)).all()}
            rows = group_rows(session, group_id)
        draft = GroupDraft(
            name=group.name, location=group.location, start_date=group.start_date, end_date=group.end_date,
            start_time=group.start_time, session_minutes=group.session_minutes, cadence=Cadence(group.cadence),
            weekdays=tuple(int(day) for day in group.weekdays.split(",") if day),
            dates=tuple(row.date for row in rows if row.status != SessionStatus.CANCELLED),
            lead_id=roles.get(TherapistRole.LEAD), co_lead_id=roles.get(TherapistRole.CO_LEAD),
            co_therapist_id=roles.get(TherapistRole.CO_THERAPIST), status=GroupStatus(group.status),
            language=group.language,
        )  # fmt: skip
        return GroupSettings(id=group.id, version=group.version, draft=draft, has_sessions=bool(rows))

    def create_group(self, draft: GroupDraft, curriculum: Curriculum) -> tuple[int, PlanChange]:
        """A new group with its therapists and its sessions planned from the cadence, in one transaction."""
        check_group_draft(draft, minimum_session_minutes(curriculum))
        with writing(self.database) as session:
            self._check_therapists_exist(session, draft)
            group = CourseGroup(name=draft.name.strip(), start_date=draft.start_date)
            _apply(group, draft)
            session.add(group)
            session.flush()
            self._set_therapists(session, group.id, draft)
            change = regenerate(session, group, curriculum, draft.start_date, draft.dates)
            return group.id, change

    def update_group(self, group_id: int, version: int, draft: GroupDraft, curriculum: Curriculum, *, today: dt.date, replan: bool = False) -> PlanChange:
        """Save the form; planned sessions at the old time follow a new time, and `replan` lays the plan out again from today."""
        check_group_draft(draft, minimum_session_minutes(curriculum))
        with writing(self.database) as session:
            group = fetch(session, CourseGroup, group_id, version, _("no group has the id {id}").format(id=group_id))
            self._check_therapists_exist(session, draft)
            self._refuse_leaving_sessions_unled(session, group_id, draft, today)
            follow = []
            if (draft.start_time, draft.session_minutes) != (group.start_time, group.session_minutes):
                # Sessions moved by hand to another time keep it; the rest follow the group.
                follow = [
                    row for row in group_rows(session, group_id)
                    if row.status == SessionStatus.PLANNED and row.date >= today and (row.start_time, row.minutes) == (group.start_time, group.session_minutes)
                ]  # fmt: skip
            for row in follow:
                row.start_time, row.minutes = draft.start_time, draft.session_minutes
                session.add(row)
            _apply(group, draft)
            group.updated_at = utc_now()
            session.add(group)
            self._set_therapists(session, group_id, draft)
            session.flush()
            if replan:
                return regenerate(session, group, curriculum, max(today, draft.start_date), draft.dates)
            return PlanChange(changed_sessions=len(follow))

    def archive_group(self, group_id: int, version: int) -> None:
        """Hide a finished group from the lists; it stays whole and can be restored."""
        with writing(self.database) as session:
            group = fetch(session, CourseGroup, group_id, version, _("no group has the id {id}").format(id=group_id))
            if group.status != GroupStatus.FINISHED:
                raise BadInputError(_("only a finished group can be archived; set its status to finished first"))
            group.archived_at = utc_now()
            session.add(group)

    def unarchive_group(self, group_id: int, version: int) -> None:
        with writing(self.database) as session:
            group = fetch(session, CourseGroup, group_id, version, _("no group has the id {id}").format(id=group_id))
            group.archived_at = None
            session.add(group)

    def group_version(self, group_id: int) -> int:
        with self.database.reading() as session:
            return fetch(session, CourseGroup, group_id, None, _("no group has the id {id}").format(id=group_id)).version

    def therapists(self) -> list[TherapistRecord]:
        with self.database.reading() as session:
            rows = session.exec(select(Therapist).where(col(Therapist.active).is_(True)).order_by(Therapist.name)).all()
        return [TherapistRecord(id=row.id, name=row.name) for row in rows]

    def add_therapist(self, name: str) -> TherapistRecord:
        """A therapist by name; a former participant who becomes a co-therapist is added the same way."""
        name = " ".join(name.split())
        if not name:
            raise InvalidField("therapist_name", _("write the therapist's name"))
        with writing(self.database) as session:
            same = session.exec(select(Therapist).where(func.lower(Therapist.name) == name.lower(), col(Therapist.active).is_(True))).first()
            if same is not None:
                return TherapistRecord(id=same.id, name=same.name)
            therapist = Therapist(name=name)
            session.add(therapist)
            session.flush()
            return TherapistRecord(id=therapist.id, name=therapist.name)

    def remove_therapist(self, group_id: int, therapist_id: int, today: dt.date) -> None:
        """Take a therapist off a group; refused while they lead the group's coming sessions."""
        with writing(self.database) as session:
            link = session.exec(select(GroupTherapist).where(GroupTherapist.group_id == group_id, GroupTherapist.therapist_id == therapist_id)).first()
            if link is None:
                raise BadInputError(_("the therapist is not one of the group's therapists"))
            if link.role in LEADING_ROLES:
                _refuse_if_sessions_ahead(session, group_id, session.get(Therapist, therapist_id).name, today, "lead")
            session.delete(link)

    @staticmethod
    def _check_therapists_exist(session: Session, draft: GroupDraft) -> None:
        for field, therapist_id in (("lead", draft.lead_id), ("co_lead", draft.co_lead_id), ("co_therapist", draft.co_therapist_id)):
            if therapist_id is not None and session.get(Therapist, therapist_id) is None:
                raise InvalidField(field, _("that therapist no longer exists; choose another"))

    @staticmethod
    def _refuse_leaving_sessions_unled(session: Session, group_id: int, draft: GroupDraft, today: dt.date) -> None:
        """A leading therapist may be replaced, but not removed while sessions lie ahead."""
        new_leaders = {draft.lead_id, draft.co_lead_id} - {None}
        current = session.exec(
            select(GroupTherapist.role, Therapist.name, Therapist.id)
            .join(Therapist, col(Therapist.id) == GroupTherapist.therapist_id)
            .where(GroupTherapist.group_id == group_id, col(GroupTherapist.role).in_(LEADING_ROLES))
        ).all()
        for role, name, therapist_id in current:
            field = "lead" if role == TherapistRole.LEAD else "co_lead"
            slot_emptied = (draft.lead_id if role == TherapistRole.LEAD else draft.co_lead_id) is None
            if slot_emptied and therapist_id not in new_leaders:
                _refuse_if_sessions_ahead(session, group_id, name, today, field)

    @staticmethod
    def _set_therapists(session: Session, group_id: int, draft: GroupDraft) -> None:
        links = {link.therapist_id: link for link in session.exec(select(GroupTherapist).where(GroupTherapist.group_id == group_id)).all()}
        wanted = {therapist_id: role for field, role in SLOTS if (therapist_id := getattr(draft, f"{field}_id")) is not None}
        for therapist_id, link in links.items():
            if therapist_id not in wanted:
                session.delete(link)
            elif link.role != wanted[therapist_id]:
                link.role = wanted[therapist_id]
                session.add(link)
        session.flush()
        for therapist_id, role in wanted.items():
            if therapist_id not in links:
                session.add(GroupTherapist(group_id=group_id, therapist_id=therapist_id, role=role))


def _refuse_if_sessions_ahead(session: Session, group_id: int, name: str, today: dt.date, field: str) -> None:
    ahead = session.exec(
        select(func.count(), func.min(GroupSession.date)).where(
            GroupSession.group_id == group_id, GroupSession.status == SessionStatus.PLANNED, GroupSession.date >= today
        )
    ).one()
    if ahead[0]:
        raise InvalidField(
            field,
            _("{name} leads the group's {count} planned sessions from {date}; choose another therapist in their place").format(
                name=name, count=ahead[0], date=format_short_date(ahead[1])
            ),
        )


def _apply(group: CourseGroup, draft: GroupDraft) -> None:
    group.name = draft.name.strip()
    group.location = draft.location.strip()
    group.language = draft.language
    group.start_date, group.end_date = draft.start_date, draft.end_date
    group.start_time, group.session_minutes = draft.start_time, draft.session_minutes
    group.cadence = draft.cadence
    group.weekdays = ",".join(str(day) for day in sorted(draft.weekdays)) if draft.cadence in (Cadence.WEEKLY, Cadence.FORTNIGHTLY) else ""
    group.status = draft.status
