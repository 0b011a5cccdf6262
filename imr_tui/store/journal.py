"""The therapist's edited journal drafts, kept until they are copied into the record system."""

from __future__ import annotations

from sqlmodel import Session, select

from imr_tui.models import JournalNote
from imr_tui.store.database import Database
from imr_tui.store.session_edits import saving_text


class JournalService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def edited(self, session_id: int) -> dict[int, str]:
        """Participant id -> the edited note, for those edited so far."""
        with self.database.reading() as session:
            rows = session.exec(select(JournalNote).where(JournalNote.session_id == session_id)).all()
        return {row.participant_id: row.text for row in rows}

    def save(self, session_id: int, participant_id: int, text: str | None, based_on: str | None = None) -> None:
        """Keep an edited note; None goes back to the fresh draft.

        `based_on` is the edited note this window last read or wrote ("" for none; None: not
        checked). If another window changed the note since, EditConflict carries its text.
        """
        find = lambda session: _note(session, session_id, participant_id)
        with saving_text(self.database, find, "text", text or "", based_on) as (session, row):
            _write(session, row, session_id, participant_id, text)


def _note(session: Session, session_id: int, participant_id: int) -> JournalNote | None:
    return session.exec(select(JournalNote).where(JournalNote.session_id == session_id, JournalNote.participant_id == participant_id)).first()


def _write(session: Session, row: JournalNote | None, session_id: int, participant_id: int, text: str | None) -> None:
    if text is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(JournalNote(session_id=session_id, participant_id=participant_id, text=text))
    else:
        row.text = text
