"""Copies of a SQLite database made with SQLite's online backup (safe while it is in use)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from imr_tui.paths import create_private_file


def backup_sqlite(source: Path, target: Path) -> Path:
    create_private_file(target)
    from imr_tui.store.encryption import connect_file

    with connect_file(source) as origin, connect_file(target) as copy:
        origin.backup(copy)
    origin.close()
    copy.close()
    return target


def newest_backup(database: Path) -> Path | None:
    """The newest backup beside `database` that `imr-tui backup` or an upgrade made, if any."""
    patterns = (f"{database.stem}-backup-*{database.suffix}", f"{database.name}.schema-*.bak")
    found = [path for pattern in patterns for path in database.parent.glob(pattern) if path.is_file()]
    return max(found, key=lambda path: path.stat().st_mtime, default=None)


def backup_before_upgrade(source: Path, revision: str, now: dt.datetime | None = None) -> Path:
    """`imr.sqlite` -> `imr.sqlite.schema-0001.20261123-0930.bak` beside it."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return backup_sqlite(source, source.with_name(f"{source.name}.schema-{revision}.{stamp}.bak"))
