"""The first screen's data from the SQLite file with Python's own `sqlite3`, while the store opens.

Opening the store imports SQLAlchemy, SQLModel and the tables, which takes longer than the
whole of Textual's start. The Today list needs none of it: one statement
(`today_overview.sql`) on a read-only connection gives the same records. The gateway asks the
first reader only until the store is open, on its own thread (never the UI thread).

It answers only when the file is certainly the app's and up to date; otherwise (an encrypted
file, a new or older or newer schema, another application's file, anything unexpected) it
says None and the request waits for the store, which upgrades, refuses or explains as before.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from imr_tui.store import today_overview
from imr_tui.store.schema_head import SCHEMA_HEAD

if TYPE_CHECKING:
    from imr_tui.domain.records import GroupOverview
    from imr_tui.store.opening import StoreOpening

log = logging.getLogger(__name__)
BUSY_TIMEOUT_SECONDS = 5.0
CACHE_KIB = 256


class FirstReader:
    """A read-only look at a SQLite file, for the requests that offer an `early` call."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection: Any = None
        self._usable = True
        self._retired = False

    @classmethod
    def for_opening(cls, opening: StoreOpening) -> FirstReader | None:
        """A first reader for the store being opened, or None where it could not help."""
        from imr_tui.store.encryption import passphrase

        if opening.path is None or opening.new_file or passphrase() is not None:
            return None  # a server (its statement runs through the engine), a file to create, or SQLCipher's
        return cls(opening.path)

    def retire(self) -> None:
        """The store starts opening: from now on it answers.

        Opening reads the file's header with a plain open() and close(), and a close drops every
        POSIX lock this process holds on the file, the ones SQLite counts for a connection that
        is still open too. Another program would then take itself for the last one and delete
        the -wal file under the store's feet. So this reader holds no connection once the
        opening has begun.
        """
        self._retired = True

    def today_overview(self, today: dt.date) -> list[GroupOverview] | None:
        """What `store.groups.today_overview(today)` gives, or None when this reader cannot tell."""
        if self._retired:
            return None
        connection = self._connect()
        if connection is None:
            return None
        import sqlite3

        try:
            rows = connection.execute(today_overview.statement(), {"today": today.isoformat()}).fetchall()
        except sqlite3.Error as error:
            log.info("first reader: the store will answer instead (%s)", type(error).__name__)
            self._usable = False
            return None
        finally:
            self.close()  # no connection left open while the store opens (see retire)
        return today_overview.records(rows)

    def _connect(self) -> Any:
        if self._connection is not None or not self._usable:
            return self._connection
        import sqlite3

        self._usable = False
        try:
            # mode=ro: this connection can change nothing, not even the journal mode.
            connection = sqlite3.connect(f"file:{quote(str(self.path))}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS)
        except sqlite3.Error as error:
            log.info("first reader: cannot open the file (%s)", type(error).__name__)
            return None
        try:
            # The statement reads each page once: a small page cache keeps about 2 MiB off the first screen's peak.
            connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            version = connection.execute("SELECT version_num FROM alembic_version").fetchall() if "alembic_version" in tables else []
        except sqlite3.Error as error:
            log.info("first reader: the store will answer instead (%s)", type(error).__name__)
            connection.close()
            return None
        if version != [(SCHEMA_HEAD,)]:
            connection.close()  # empty, older, newer or not ours: the store decides what to do
            return None
        self._connection, self._usable = connection, True
        return connection

    def close(self) -> None:
        """On the thread that used it (SQLite connections belong to their thread)."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def read_today_overview(target: str | None, today: dt.date) -> list[GroupOverview] | None:
    """For a command that only lists the groups: the statement on a plain, up-to-date SQLite file, else None.

    None sends the command to the store as before, which creates, upgrades, refuses or explains.
    """
    from imr_tui.store.encryption import passphrase
    from imr_tui.store.location import resolve_location

    location = resolve_location(target)
    path = location.path
    if path is None or passphrase() is not None or not path.is_file() or path.stat().st_size == 0:
        return None
    from imr_tui.store.ownership import APPLICATION_ID, sidecars_left_as_found

    with path.open("rb") as handle:  # no connection is open yet in this process: the close drops no lock
        header = handle.read(72)
    if len(header) < 72 or int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        return None  # not marked as ours (yet): the store stamps, refuses or explains
    with sidecars_left_as_found(path):  # a damaged file keeps no -wal or -shm of this look
        reader = FirstReader(path)
        try:
            return reader.today_overview(today)
        finally:
            reader.close()
