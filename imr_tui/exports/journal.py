"""Journal drafts as text files, one per participant, to paste into the patient record."""

from __future__ import annotations

from pathlib import Path

from imr_tui.curriculum import Curriculum
from imr_tui.printing.output import slug, write_private
from imr_tui.review.journal import draft_note


def write_journal_notes(store, curriculum: Curriculum, session_id: int, folder: Path) -> list[Path]:
    """The therapist's edited note where there is one, else a fresh draft."""
    overview = store.sessions.overview(session_id)
    edited = store.journal.edited(session_id)
    paths = []
    for person in overview.participants:
        text = edited.get(person.id) or draft_note(overview, person, curriculum)
        path = folder / f"{overview.session.date.isoformat()}-{slug(person.name)}.txt"
        write_private(path, text.encode("utf-8"))
        paths.append(path)
    return paths
