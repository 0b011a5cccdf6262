"""Copies of a SQLite database made with SQLite's online backup (safe while it is in use)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from imr_tui.paths import create_private_file


def backup_sqlite(source: Path, target: Path) -> Path:
    create_private_file(target)
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)
    origin.close()
    copy.close()
    return target


def backup_before_upgrade(source: Path, revision: str, now: dt.datetime | None = None) -> Path:
    """`imr.sqlite` -> `imr.sqlite.schema-0001.20261123-0930.bak` beside it."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return backup_sqlite(source, source.with_name(f"{source.name}.schema-{revision}.{stamp}.bak"))
