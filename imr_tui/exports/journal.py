"""Journal drafts as text files, one per participant, to paste into the patient record."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from imr_tui.curriculum import Curriculum
from imr_tui.exports.file_names import person_file_stem
from imr_tui.printing.output import write_private
from imr_tui.review.journal import draft_note, other_participants_named


@dataclass(frozen=True)
class JournalFile:
    path: Path
    others_named: tuple[str, ...]
    """Other participants the note names: it should be about its own person only."""


def write_journal_notes(store, curriculum: Curriculum, session_id: int, folder: Path) -> list[JournalFile]:
    """The therapist's edited note where there is one, else a fresh draft."""
    overview = store.sessions.overview(session_id)
    edited = store.journal.edited(session_id)
    everyone = list(overview.participants)
    written = []
    for person in everyone:
        text = edited.get(person.id) or draft_note(overview, person, curriculum)
        path = folder / f"{overview.session.date.isoformat()}-{person_file_stem(person.id, person.name)}.txt"
        write_private(path, text.encode("utf-8"))
        written.append(JournalFile(path, tuple(other_participants_named(text, person, everyone))))
    return written
