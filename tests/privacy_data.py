"""What the privacy tests share: the demo's people, a few notes written through the services,
and ways to look at what a database file holds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from imr_tui.store.demo.people import DAILY_GROUP_PEOPLE, WEEKLY_GROUP_PEOPLE

PEOPLE = [name for name, _alias, _pickup in DAILY_GROUP_PEOPLE + WEEKLY_GROUP_PEOPLE]
HANNE = "Hanne Myrvold"
HANNES_GOAL = "Jeg vil flytte i egen leilighet"
HANNES_NOTE = "Hanne fortalte om flyttingen og var spent på søknaden om kommunal bolig"
IVARS_NOTE = "Ivar var sliten i dag men ble med på rollespillet"
GROUP_NOTE = f"Gruppa jobbet godt; {HANNE} hjalp to andre med budsjettet"


def participant_id(path: Path, name: str) -> int:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT id FROM participant WHERE name = ?", (name,)).fetchone()[0]


def last_held_session(path: Path, name: str) -> int:
    """The latest group session the person has an attendance mark for."""
    with sqlite3.connect(path) as db:
        return db.execute(
            "SELECT a.session_id FROM attendance a JOIN participant p ON p.id = a.participant_id"
            " JOIN group_session s ON s.id = a.session_id WHERE p.name = ? ORDER BY s.date DESC LIMIT 1",
            (name,),
        ).fetchone()[0]


def write_notes(store, path: Path) -> None:
    """A journal note for Hanne and for Ivar, and group notes that name Hanne: all through the services."""
    hanne, ivar = participant_id(path, HANNE), participant_id(path, "Ivar Stensrud")
    session = last_held_session(path, HANNE)
    store.journal.save(session, hanne, HANNES_NOTE)
    store.journal.save(session, ivar, IVARS_NOTE)
    store.session_edits.save_text(session, "notes", GROUP_NOTE, based_on="")


def attendance_counts(path: Path) -> list[tuple]:
    """Marks per group, session and status: what the registers and yearly figures count."""
    with sqlite3.connect(path) as db:
        return db.execute(
            "SELECT s.group_id, a.session_id, a.status, a.picked_up, count(*) FROM attendance a"
            " JOIN group_session s ON s.id = a.session_id GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"
        ).fetchall()


def file_bytes(path: Path) -> bytes:
    """The database file with its write-ahead log and journal: everything on disk."""
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal"), Path(f"{path}-journal")) if p.exists())
