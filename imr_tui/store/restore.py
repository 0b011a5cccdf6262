"""Putting a backup back: check it first, keep the database it replaces, then swap.

Nothing is replaced until the backup has proved to be a whole imr-tui database this
version can open; the replaced database is kept beside it, so a restore can be undone.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

from imr_tui.errors import BadInputError, UserError
from imr_tui.i18n import _
from imr_tui.paths import create_private_file
from imr_tui.store.backup import backup_sqlite
from imr_tui.store.location import SQLITE_HEADER
from imr_tui.store.ownership import Kind, inspect_file, read_only_uri, sidecars_left_as_found


def check_backup(path: Path) -> str:
    """The schema version of a usable backup; a clear error for anything else."""
    from imr_tui.store.schema import SCHEMA_HEAD, known_revisions

    if not path.is_file():
        raise BadInputError(_("{path}: no such backup file").format(path=path))
    from imr_tui.store.encryption import connect_file, database_errors, passphrase

    with path.open("rb") as handle:
        # An encrypted backup has no plain header; with the passphrase set, SQLCipher checks it below.
        plain = handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    if not plain and passphrase() is None:
        raise BadInputError(_("{path} is not an imr-tui backup (not a SQLite file); nothing was changed").format(path=path))
    if plain and inspect_file(path).kind is Kind.FOREIGN:
        raise BadInputError(_("{path} is not an imr-tui backup (another application's database); nothing was changed").format(path=path))
    with sidecars_left_as_found(path):
        connection = connect_file(read_only_uri(path), uri=True)
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
    """Replace `database` with a checked copy of `backup`; returns where the old one was kept.

    A damaged or unreadable database is what a restore is for: its bytes are kept aside as
    they are. Another application's sound database is never replaced.
    """
    from imr_tui.safe_output import check_target

    check_target(database, "--db")  # a folder or a device named as the database is never replaced
    target = inspect_file(database)
    if target.kind is Kind.FOREIGN:
        raise UserError(
            _("{path} belongs to another application (it is not an imr-tui database); restore never replaces it; nothing was changed").format(path=database)
        )
    check_backup(backup)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    kept = None
    staged = database.with_name(f"{database.name}.restoring")
    try:
        backup_sqlite(backup, staged)  # a private copy next to the target, so the swap is one rename
        if database.exists() and database.stat().st_size > 0:
            kept = database.with_name(f"{database.name}.replaced.{stamp}.bak")
            if target.kind is Kind.OURS:
                try:
                    backup_sqlite(database, kept)
                except sqlite3.DatabaseError:  # a damaged page: keep the bytes instead
                    _keep_bytes(database, kept)
            else:
                _keep_bytes(database, kept)
    except (OSError, sqlite3.DatabaseError) as error:  # a full disk: the database stays as it was
        from imr_tui.safe_output import os_failure

        staged.unlink(missing_ok=True)
        if kept is not None:
            kept.unlink(missing_ok=True)
        raise os_failure(database, error) from None
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    os.replace(staged, database)
    return kept


def _keep_bytes(database: Path, kept: Path) -> None:
    """An owner-only byte copy of the file (and its -wal, where there is one) as it is."""
    kept.unlink(missing_ok=True)
    create_private_file(kept)
    shutil.copyfile(database, kept)
    wal = Path(f"{database}-wal")
    if wal.exists():
        create_private_file(Path(f"{kept}-wal"))
        shutil.copyfile(wal, Path(f"{kept}-wal"))
