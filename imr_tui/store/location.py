"""Turning what the user gave (`--db`) into a database location, and checking it first."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from imr_tui.errors import BadInputError, UserError
from imr_tui.i18n import _
from imr_tui.paths import create_private_file, default_database_path, make_private_dir

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class DatabaseLocation:
    url: str = field(repr=False)  # may hold a password: never in a log or a traceback
    path: Path | None
    """The file, for SQLite; None for a server database."""

    @property
    def engine_name(self) -> str:
        """`sqlite`, `postgresql`, ...: the part of the URL before `+driver://`."""
        return self.url.split("://", 1)[0].split("+", 1)[0]

    @property
    def display(self) -> str:
        """Where the database is, without any password in the URL."""
        if self.path is not None:
            return str(self.path)
        return mask_password(self.url)


def mask_password(url: str) -> str:
    """`postgresql://imr:secret@host/db` -> `postgresql://imr:***@host/db`; works on malformed URLs too."""
    return _PASSWORD_IN_URL.sub(r"\1***@", url)


# scheme://user:password@ ; the password runs to the last @ before the host (it may hold @ itself)
_PASSWORD_IN_URL = re.compile(r"^([^:/]+://[^:/@]*:)(.*)@(?=[^@]*$)")
# A URL without a driver gets the one imr-tui installs (SQLAlchemy's default is psycopg2).
_DEFAULT_DRIVERS = {"postgresql": "postgresql+psycopg", "postgres": "postgresql+psycopg"}


def resolve_location(target: str | None) -> DatabaseLocation:
    """A path or SQLAlchemy URL; None means the default file in the user's data folder."""
    if target is None:
        path = default_database_path()
        make_private_dir(path.parent)
        return DatabaseLocation(url=f"sqlite:///{path}", path=path)
    if "://" in target:
        if target.startswith("sqlite:///") and target != "sqlite:///:memory:":
            path = Path(target.removeprefix("sqlite:///")).expanduser()
            return DatabaseLocation(url=f"sqlite:///{path.resolve()}", path=path.resolve())
        return DatabaseLocation(url=_server_url(target), path=None)
    path = Path(target).expanduser().resolve()
    return DatabaseLocation(url=f"sqlite:///{path}", path=path)


def _server_url(target: str) -> str:
    """The URL checked for form (not yet for a server): a clear error for a malformed one."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    scheme, rest = target.split("://", 1)
    target = f"{_DEFAULT_DRIVERS.get(scheme, scheme)}://{rest}"
    try:
        url = make_url(target)
    except (ArgumentError, ValueError):
        raise BadInputError(
            _("--db: '{target}' is not a valid database URL; write it as postgresql+psycopg://user:password@host:5432/database").format(target=mask_password(target))
        ) from None
    return url.render_as_string(hide_password=False)


def prepare_sqlite_file(path: Path) -> bool:
    """Check the file (or where it will be created) before SQLite touches it.

    Returns True when the file is new. Raises a clear error for a folder that is missing
    or read-only, and for a file that is not a SQLite database.
    """
    folder = path.parent
    if path.is_dir():
        raise BadInputError(_("{path} is a folder; give the path of a database file").format(path=path))
    if not folder.is_dir():
        raise BadInputError(_("the folder {folder} does not exist; create it first or choose another path").format(folder=folder))
    if path.exists():
        if not os.access(path, os.R_OK | os.W_OK):
            raise UserError(_("{path}: no permission to read and write the database file").format(path=path))
        check_sqlite_header(path)
        return path.stat().st_size == 0
    try:
        if not os.access(folder, os.W_OK | os.X_OK):
            raise PermissionError(folder)
        create_private_file(path)
    except OSError:
        raise UserError(_("cannot create a database in {folder}: the folder is not writable").format(folder=folder)) from None
    return True


def check_sqlite_header(path: Path) -> None:
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header and header != SQLITE_HEADER:
        from imr_tui.store.encryption import refuse_without_key  # an encrypted file has no plain header: it needs its key

        refuse_without_key(path)
