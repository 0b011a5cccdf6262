"""Participants and their places in groups: enrol, leave, rejoin with the history kept."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import func
from sqlmodel import Session, col, or_, select

from imr_tui.curriculum import Curriculum
from imr_tui.domain.schedule_records import EnrolmentRecord, EnrolResult, Namesake, ParticipantRecord
from imr_tui.errors import BadInputError
from imr_tui.i18n import _, format_short_date
from imr_tui.models import CourseGroup, Enrolment, GroupSession, Participant, SessionStatus
from imr_tui.planning.drafts import EnrolmentDraft, check_enrolment_draft
from imr_tui.planning.fields import InvalidField
from imr_tui.store.database import Database
from imr_tui.store.plan_rows import add_individual_meetings
from imr_tui.store.versions import fetch, writing


def _same_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def _participant(row: Participant) -> ParticipantRecord:
    return ParticipantRecord(id=row.id, version=row.version, name=row.name, alias=row.alias, needs_pickup=row.needs_pickup)


class EnrolmentService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def enrolments(self, group_id: int) -> list[EnrolmentRecord]:
        """Everyone who has been in the group, one line per period: the active first, then by name."""
        with self.database.reading() as session:
            rows = session.exec(
                select(Enrolment, Participant).join(Participant, col(Participant.id) == Enrolment.participant_id).where(Enrolment.group_id == group_id)
            ).all()
        records = [
            EnrolmentRecord(
                id=e.id, version=e.version, participant=_participant(p), joined_on=e.joined_on, left_on=e.left_on,
                leave_reason=e.leave_reason, decision_reference=e.decision_reference,
            )  # fmt: skip
            for e, p in rows
        ]
        return sorted(records, key=lambda r: (not r.active, r.participant.name.casefold(), r.joined_on))

    def participants(self) -> list[ParticipantRecord]:
        """Everyone in the register, to enrol someone who is already known."""
        with self.database.reading() as session:
            return [_participant(row) for row in session.exec(select(Participant).order_by(Participant.name)).all()]

    def namesakes(self, name: str) -> list[Namesake]:
        """Everyone stored under `name` (case and spacing aside), with their groups: before a second one is made."""
        wanted = _same_name(name)
        if not wanted:
            return []
        with self.database.reading() as session:
            people = [row for row in session.exec(select(Participant).order_by(Participant.id)).all() if _same_name(row.name) == wanted]
            if not people:
                return []
            groups = session.exec(
                select(Enrolment.participant_id, CourseGroup.name).join(CourseGroup, col(CourseGroup.id) == Enrolment.group_id)
                .where(col(Enrolment.participant_id).in_([person.id for person in people])).order_by(Enrolment.joined_on)
            ).all()  # fmt: skip
        return [Namesake(_participant(person), tuple(dict.fromkeys(group for owner, group in groups if owner == person.id))) for person in people]

    def enrol(self, group_id: int, draft: EnrolmentDraft, curriculum: Curriculum | None = None, participant_version: int | None = None) -> EnrolResult:
        """Add the person if new (or update them), give them a place, and plan their module 1 meetings.

        Refused while they already have a place in the group over the same days; a
        person who left and comes back gets a new enrolment, so the old one stays.
        """
        check_enrolment_draft(draft)
        with writing(self.database) as session:
            group = fetch(session, CourseGroup, group_id, None, _("no group has the id {id}").format(id=group_id))
            person = self._person(session, draft, participant_version)
            overlapping = session.exec(
                select(Enrolment).where(
                    Enrolment.group_id == group_id, Enrolment.participant_id == person.id,
                    or_(col(Enrolment.left_on).is_(None), col(Enrolment.left_on) > draft.joined_on),
                )  # fmt: skip
            ).first()
            if overlapping is not None:
                raise InvalidField("joined_on", _("{name} already has a place in this group from {date}; register that they left before enrolling them again").format(
                    name=person.name, date=format_short_date(overlapping.joined_on)))  # fmt: skip
            enrolment = Enrolment(group_id=group_id, participant_id=person.id, joined_on=draft.joined_on, decision_reference=draft.decision_reference.strip())
            session.add(enrolment)
            session.flush()
            meetings = add_individual_meetings(session, group, person.id, curriculum, draft.joined_on) if curriculum else 0
            active = session.exec(select(func.count()).select_from(Enrolment).where(Enrolment.group_id == group_id, col(Enrolment.left_on).is_(None))).one()
            return EnrolResult(enrolment_id=enrolment.id, participant_id=person.id, active_participants=active, individual_meetings=meetings)

    def update_enrolment(self, enrolment_id: int, version: int, draft: EnrolmentDraft, participant_version: int) -> None:
        check_enrolment_draft(draft)
        with writing(self.database) as session:
            enrolment = fetch(session, Enrolment, enrolment_id, version, _("that enrolment no longer exists"))
            if enrolment.left_on is not None and draft.joined_on >= enrolment.left_on:
                raise InvalidField("joined_on", _("the joining date must come before the date they left, {date}").format(date=format_short_date(enrolment.left_on)))
            self._person(session, replace(draft, participant_id=enrolment.participant_id), participant_version)
            enrolment.joined_on = draft.joined_on
            enrolment.decision_reference = draft.decision_reference.strip()
            session.add(enrolment)

    def leave(self, enrolment_id: int, version: int, left_on: dt.date, reason: str) -> int:
        """Record that someone left; their planned module 1 meetings from that day are cancelled.

        Returns how many meetings were cancelled.
        """
        with writing(self.database) as session:
            enrolment = fetch(session, Enrolment, enrolment_id, version, _("that enrolment no longer exists"))
            if enrolment.left_on is not None:
                raise BadInputError(_("they already left on {date}").format(date=format_short_date(enrolment.left_on)))
            if left_on < enrolment.joined_on:
                raise InvalidField("left_on", _("the date they left cannot be before they joined, {date}").format(date=format_short_date(enrolment.joined_on)))
            enrolment.left_on, enrolment.leave_reason = left_on, reason.strip()
            session.add(enrolment)
            meetings = session.exec(
                select(GroupSession).where(
                    GroupSession.group_id == enrolment.group_id, GroupSession.participant_id == enrolment.participant_id,
                    GroupSession.status == SessionStatus.PLANNED, GroupSession.date >= left_on,
                )  # fmt: skip
            ).all()
            for meeting in meetings:
                meeting.status, meeting.cancel_reason = SessionStatus.CANCELLED, _("left the group")
                session.add(meeting)
            return len(meetings)

    @staticmethod
    def _person(session: Session, draft: EnrolmentDraft, version: int | None) -> Participant:
        """The participant the draft names, updated with what was typed; or a new one."""
        if draft.participant_id is None:
            person = Participant(name=draft.name.strip(), alias=draft.alias.strip(), needs_pickup=draft.needs_pickup)
        else:
            person = fetch(session, Participant, draft.participant_id, version, _("that participant no longer exists"))
            person.name, person.alias, person.needs_pickup = draft.name.strip(), draft.alias.strip(), draft.needs_pickup
        session.add(person)
        session.flush()
        return person
