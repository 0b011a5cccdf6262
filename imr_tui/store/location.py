"""Turning what the user gave (`--db`) into a database location, and checking it first."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from imr_tui.errors import BadInputError, UserError
from imr_tui.i18n import _
from imr_tui.paths import create_private_file, default_database_path, make_private_dir

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class DatabaseLocation:
    url: str
    path: Path | None
    """The file, for SQLite; None for a server database."""

    @property
    def display(self) -> str:
        """Where the database is, without any password in the URL."""
        if self.path is not None:
            return str(self.path)
        from sqlalchemy.engine import make_url

        return make_url(self.url).render_as_string(hide_password=True)


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
        return DatabaseLocation(url=target, path=None)
    path = Path(target).expanduser().resolve()
    return DatabaseLocation(url=f"sqlite:///{path}", path=path)


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
        raise UserError(_("{path} is not an imr-tui database (not a SQLite file); nothing was changed").format(path=path))
