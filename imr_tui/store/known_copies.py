"""Copies of the store the app knows of, made before an erase: left as they are, but named.

An erase changes the live database only. Backups beside the database file (`imr-tui backup`,
the copy kept before an upgrade or a restore) and earlier exports of the person still hold
what was erased; the therapist is told which, so they can delete them or keep them safe.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

BACKUP_PATTERNS = ("{stem}-backup-*{suffix}", "{name}.schema-*.bak", "{name}.replaced.*.bak")
"""The names `imr-tui backup`, an upgrade and a restore give their copies (see store/backends/sqlite.py, restore.py)."""


@dataclass(frozen=True)
class KnownCopies:
    backups: tuple[Path, ...]
    """Backup files beside the database that still hold the person (or could not be read to tell)."""
    exports: tuple[dt.datetime, ...]
    """When the person's record was exported (`participant export`); the files are wherever they went."""


def backups_holding(database: Path, participant_id: int, name: str) -> tuple[Path, ...]:
    found: set[Path] = set()
    for pattern in BACKUP_PATTERNS:
        found.update(database.parent.glob(pattern.format(stem=database.stem, suffix=database.suffix, name=database.name)))
    return tuple(sorted(path for path in found if path.is_file() and _holds(path, participant_id, name)))


def _holds(backup: Path, participant_id: int, name: str) -> bool:
    from imr_tui.store.encryption import connect_file, database_errors

    try:
        connection = connect_file(f"file:{backup}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT name FROM participant WHERE id = ?", (participant_id,)).fetchone()
        finally:
            connection.close()
    except (*database_errors(), OSError):
        return True  # unreadable here (another passphrase, damaged): it may hold the person
    return row is not None and row[0] == name
