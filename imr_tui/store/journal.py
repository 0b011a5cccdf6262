"""The therapist's edited journal drafts, kept until they are copied into the record system."""

from __future__ import annotations

from sqlmodel import select

from imr_tui.models import JournalNote
from imr_tui.store.database import Database


class JournalService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def edited(self, session_id: int) -> dict[int, str]:
        """Participant id -> the edited note, for those edited so far."""
        with self.database.reading() as session:
            rows = session.exec(select(JournalNote).where(JournalNote.session_id == session_id)).all()
        return {row.participant_id: row.text for row in rows}

    def save(self, session_id: int, participant_id: int, text: str | None) -> None:
        """Keep an edited note; None goes back to the fresh draft."""
        with self.database.transaction() as session:
            row = session.exec(select(JournalNote).where(JournalNote.session_id == session_id, JournalNote.participant_id == participant_id)).first()
            if text is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(JournalNote(session_id=session_id, participant_id=participant_id, text=text))
            else:
                row.text = text
