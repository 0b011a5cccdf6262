"""Putting a backup back: check it first, keep the database it replaces, then swap.

Nothing is replaced until the backup has proved to be a whole imr-tui database this
version can open; the replaced database is kept beside it, so a restore can be undone.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from imr_tui.errors import BadInputError
from imr_tui.i18n import _
from imr_tui.store.backup import backup_sqlite
from imr_tui.store.location import SQLITE_HEADER


def check_backup(path: Path) -> str:
    """The schema version of a usable backup; a clear error for anything else."""
    from imr_tui.store.schema import SCHEMA_HEAD, known_revisions

    if not path.is_file():
        raise BadInputError(_("{path}: no such backup file").format(path=path))
    from imr_tui.store.encryption import connect_file, database_errors, passphrase

    with path.open("rb") as handle:
        # An encrypted backup has no plain header; with the passphrase set, SQLCipher checks it below.
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER and passphrase() is None:
            raise BadInputError(_("{path} is not an imr-tui backup (not a SQLite file); nothing was changed").format(path=path))
    connection = connect_file(f"file:{path}?mode=ro", uri=True)
    try:
        if tuple(connection.execute("PRAGMA integrity_check").fetchone()) != ("ok",):
            raise BadInputError(_("{path} is damaged (its integrity check failed); nothing was changed").format(path=path))
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except database_errors() as error:
        raise BadInputError(_("{path} is damaged or not an imr-tui backup ({reason}); nothing was changed").format(path=path, reason=error)) from None
    finally:
        connection.close()
    if revision is None or revision[0] not in known_revisions():
        found = revision[0] if revision else "?"
        raise BadInputError(
            _("{path} was made by another version of imr-tui (schema {found}, this version knows up to {head}); nothing was changed").format(
                path=path, found=found, head=SCHEMA_HEAD
            )
        )
    return revision[0]


def restore_sqlite(backup: Path, database: Path, now: dt.datetime | None = None) -> Path | None:
    """Replace `database` with a checked copy of `backup`; returns where the old one was kept."""
    check_backup(backup)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    kept = None
    staged = database.with_name(f"{database.name}.restoring")
    backup_sqlite(backup, staged)  # a private copy next to the target, so the swap is one rename
    if database.exists():
        kept = backup_sqlite(database, database.with_name(f"{database.name}.replaced.{stamp}.bak"))
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    os.replace(staged, database)
    return kept
