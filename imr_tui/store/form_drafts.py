"""Form drafts: what a form holds that is not saved yet, kept in the store until saved or closed.

Also takes in, once, the drafts an older version kept as JSON files in the state folder, and
deletes those files: nothing personal stays outside the database.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

from sqlmodel import select

from imr_tui.models.base import utc_now
from imr_tui.models.form_draft import FormDraft
from imr_tui.store.database import Database

log = logging.getLogger(__name__)

DraftValues = dict[str, str | int | bool | None]


class FormDraftService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def load(self, form: str) -> DraftValues | None:
        with self.database.reading() as session:
            row = session.exec(select(FormDraft).where(FormDraft.form == form)).first()
        return _values(row.field_values) if row else None

    def save(self, form: str, values: DraftValues, participant_id: int | None = None) -> None:
        """Keep what is typed in `form`; `participant_id` is the person it is about, if any."""
        text = json.dumps(values, ensure_ascii=False)
        with self.database.transaction() as session:
            if participant_id is not None and _erased(session, participant_id):
                return  # erased meanwhile (a window left open): the draft must not bring them back
            row = session.exec(select(FormDraft).where(FormDraft.form == form)).first()
            if row is None:
                session.add(FormDraft(form=form, participant_id=participant_id, field_values=text))
            elif row.field_values != text or row.participant_id != participant_id:
                row.field_values, row.participant_id, row.updated_at = text, participant_id, utc_now()

    def discard(self, form: str) -> None:
        with self.database.transaction() as session:
            row = session.exec(select(FormDraft).where(FormDraft.form == form)).first()
            if row is not None:
                session.delete(row)

    def import_files(self, location: str, folder: Path) -> int:
        """Take in the JSON drafts an older version kept for this database, then delete the files.

        A file holds `{"key": "<database>|<form>", "values": {...}}`; files of other databases stay
        for them, unreadable ones (half-written by a crash) are deleted, as they would never load."""
        if not folder.is_dir():
            return 0
        taken = 0
        for path in sorted(folder.glob("*.json")):
            stored = _read(path)
            key = stored.get("key") if stored else None
            if isinstance(key, str) and not key.startswith(f"{location}|"):
                continue
            if isinstance(key, str) and isinstance(stored.get("values"), dict):
                form = key.split("|", 1)[1]
                if self.load(form) is None:
                    self.save(form, stored["values"], self._participant_of(form))
                    taken += 1
            path.unlink(missing_ok=True)
        if taken:
            log.info("took %d form drafts from files into the database", taken)
        return taken


    def _participant_of(self, form: str) -> int | None:
        """The person an older version's form name is about: `group-3-person-5`, `group-3-enrolment-12`, `leave-12`."""
        from imr_tui.models.participant import Enrolment

        match = FORM_ABOUT_A_PERSON.search(form)
        if match is None:
            return None
        if match["kind"] == "person":
            return int(match["id"])
        with self.database.reading() as session:
            enrolment = session.get(Enrolment, int(match["id"]))
        return enrolment.participant_id if enrolment else None


FORM_ABOUT_A_PERSON = re.compile(r"(?:^|-)(?P<kind>person|enrolment|leave)-(?P<id>\d+)$")


def _erased(session: Any, participant_id: int) -> bool:
    from imr_tui.domain.vocabulary import AuditAction
    from imr_tui.models.audit import AuditEvent
    from imr_tui.models.participant import Participant

    if session.get(Participant, participant_id) is None:
        return True
    erase = select(AuditEvent.id).where(AuditEvent.participant_id == participant_id, AuditEvent.action == str(AuditAction.ERASE))
    return session.exec(erase).first() is not None


def _read(path: Path) -> dict[str, Any] | None:
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stored if isinstance(stored, dict) else None


def _values(text: str) -> DraftValues | None:
    try:
        values = json.loads(text)
    except ValueError:
        return None
    return values if isinstance(values, dict) else None
