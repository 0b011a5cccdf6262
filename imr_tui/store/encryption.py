"""Optional encryption at rest for the SQLite file, with SQLCipher and a passphrase.

Off by default. With `IMR_TUI_DB_KEY` set, the file is opened through SQLCipher
(`pip install 'imr-tui[encryption]'`, which brings `sqlcipher3-binary`), a new file is
created encrypted, and every page on disk is unreadable without the passphrase. The
passphrase is read from the environment only: never from the config file, never logged,
never shown in a message. An existing plain file is turned into an encrypted copy with
`encrypt_copy` (`imr-tui encrypt -o FILE`).
"""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType
from typing import Any

from imr_tui.errors import UserError
from imr_tui.i18n import _

KEY_VARIABLE = "IMR_TUI_DB_KEY"
EXTRA = "pip install 'imr-tui[encryption]'"


def passphrase() -> str | None:
    return os.environ.get(KEY_VARIABLE) or None


def refuse_without_key(path: Path) -> None:
    """For a file without SQLite's plain header: one clear line, unless a passphrase is set (SQLCipher then checks it)."""
    if passphrase() is None:
        raise UserError(
            _("{path} is not an imr-tui database (not a SQLite file), or it is encrypted and needs its passphrase in {variable}; nothing was changed").format(
                path=path, variable=KEY_VARIABLE
            )
        )


def engine_options(path: Path | None) -> dict[str, Any]:
    """Extra `create_engine` arguments: SQLCipher as the driver when a passphrase is set, else none."""
    key = passphrase()
    if key is None or path is None:
        return {}
    return {"module": _KeyedDriver(_sqlcipher(), key)}


def connect_file(database: str | Path, **options: Any) -> Any:
    """A DB-API connection to a SQLite file, through SQLCipher with the passphrase when one is set.

    Backups and restores use it, so an encrypted database's copies are encrypted with the same
    passphrase and a plain one's stay plain.
    """
    key = passphrase()
    if key is None:
        import sqlite3

        return sqlite3.connect(database, **options)
    return _KeyedDriver(_sqlcipher(), key).connect(str(database), **options)


def database_errors() -> tuple[type[Exception], ...]:
    """The errors a damaged or foreign file raises, from either driver."""
    import sqlite3

    return (sqlite3.DatabaseError, _sqlcipher().DatabaseError) if passphrase() else (sqlite3.DatabaseError,)


def _sqlcipher() -> ModuleType:
    try:
        import sqlcipher3  # ~5 ms; only when a passphrase is set
    except ModuleNotFoundError:
        raise UserError(_("{variable} is set, but encryption is not installed; run: {command}").format(variable=KEY_VARIABLE, command=EXTRA)) from None
    return sqlcipher3


def _key_pragma(key: str) -> str:
    return "PRAGMA key = '{}'".format(key.replace("'", "''"))


class _KeyedDriver:
    """The SQLCipher driver, giving the passphrase before anything else on every new connection."""

    def __init__(self, module: ModuleType, key: str) -> None:
        self._module = module
        self._key = key

    def __getattr__(self, name: str) -> Any:
        return getattr(self._module, name)

    def __repr__(self) -> str:  # the passphrase never shows in a log or a traceback
        return "<SQLCipher driver>"

    def connect(self, *args: Any, **kwargs: Any) -> Any:
        connection = self._module.connect(*args, **kwargs)
        connection.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not SQLCipher's log on stderr
        connection.execute(_key_pragma(self._key))
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except self._module.DatabaseError:
            connection.close()
            raise UserError(_("cannot open the encrypted database: the passphrase in {variable} is wrong, or the file is not an imr-tui database").format(variable=KEY_VARIABLE)) from None
        return connection


def encrypt_copy(source: Path, target: Path, key: str) -> Path:
    """Write an encrypted copy of the plain database `source` to the new file `target` (owner-only)."""
    sqlcipher = _sqlcipher()
    from imr_tui.paths import create_private_file

    create_private_file(target)
    connection = sqlcipher.connect(str(source))
    try:
        connection.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(target), key))
        connection.execute("SELECT sqlcipher_export('encrypted')")
        connection.execute("DETACH DATABASE encrypted")
    finally:
        connection.close()
    return target
