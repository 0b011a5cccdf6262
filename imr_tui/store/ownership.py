"""Telling imr-tui's own SQLite files from everyone else's, by reading them only.

Ours carry an application id in the SQLite header (`PRAGMA application_id`, set when the
store opens). Files made before the marker are recognised by the tables every imr-tui
schema has had, and get the marker the next time they open. An Alembic version alone
proves nothing: many applications use Alembic.
"""

from __future__ import annotations

import enum
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from imr_tui.store.location import SQLITE_HEADER

APPLICATION_ID = 0x494D5254  # "IMRT"
# Every imr-tui schema since the first has had these: how a file from before the marker is known.
LEGACY_TABLES = frozenset({"store_info", "course_group", "alembic_version"})
_HEADER_BYTES = 100


class Kind(enum.Enum):
    NEW = "new"  # missing, empty, or a SQLite file without any table
    OURS = "ours"
    FOREIGN = "foreign"  # a sound SQLite database of another application
    DAMAGED = "damaged"  # a SQLite header, but the file cannot be read as a database
    NOT_SQLITE = "not-sqlite"  # not a SQLite file at all (or an encrypted one)


@dataclass(frozen=True)
class FileFacts:
    kind: Kind
    revision: str | None = None
    """The stored schema version, for a file of ours."""
    reason: str = ""
    """What SQLite said about a damaged file."""


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """A `file:` URI for SQLite that opens `path` read-only; `?` and `#` in names are escaped."""
    return f"file:{quote(str(path))}?{'immutable=1' if immutable else 'mode=ro'}"


def inspect_file(path: Path) -> FileFacts:
    """What `path` is, found without writing anything to it."""
    try:
        with path.open("rb") as handle:
            header = handle.read(_HEADER_BYTES)
    except FileNotFoundError:
        return FileFacts(Kind.NEW)
    if not header:
        return FileFacts(Kind.NEW)
    if not header.startswith(SQLITE_HEADER):
        return FileFacts(Kind.NOT_SQLITE)
    if len(header) < _HEADER_BYTES:
        return FileFacts(Kind.DAMAGED, reason="file is not a database")
    marked = int.from_bytes(header[68:72], "big")
    if marked not in (0, APPLICATION_ID):
        return FileFacts(Kind.FOREIGN)
    rollback_journal = header[18] == 1  # a WAL file needs its -wal read, and so a normal read-only open
    try:
        with sidecars_left_as_found(path):
            connection = sqlite3.connect(read_only_uri(path, immutable=rollback_journal), uri=True)
            try:
                tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                revision = None
                if "alembic_version" in tables:
                    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                    revision = str(row[0]) if row else None
            finally:
                connection.close()
    except sqlite3.DatabaseError as error:
        return FileFacts(Kind.DAMAGED, reason=str(error).splitlines()[0] if str(error) else type(error).__name__)
    if marked == APPLICATION_ID or LEGACY_TABLES <= tables:
        return FileFacts(Kind.OURS, revision=revision)
    if not tables:
        return FileFacts(Kind.NEW)
    return FileFacts(Kind.FOREIGN)


class sidecars_left_as_found:
    """Removes the `-wal` and `-shm` files a read-only look at a WAL database leaves behind.

    Only ones that were not there before and hold nothing: another program's open WAL is never touched.
    """

    def __init__(self, path: Path) -> None:
        self.sidecars = [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm")]
        self.before = [sidecar.exists() for sidecar in self.sidecars]

    def __enter__(self) -> None:
        return None

    def __exit__(self, *_exc: object) -> None:
        wal, shm = self.sidecars
        if self.before == [False, False] and (not wal.exists() or wal.stat().st_size == 0):
            wal.unlink(missing_ok=True)
            shm.unlink(missing_ok=True)


def stamp(dbapi_connection: sqlite3.Connection) -> None:
    """Mark an open database of ours (a no-op when it carries the marker already)."""
    if dbapi_connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        dbapi_connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
