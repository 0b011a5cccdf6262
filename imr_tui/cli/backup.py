"""`imr-tui backup` and `imr-tui restore`: copies of the SQLite database, safe while the app runs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from imr_tui.cli.common import DbOption, guarded, settings_for
from imr_tui.errors import BadInputError
from imr_tui.i18n import _


def _sqlite_path(ctx: typer.Context, db: str | None) -> Path:
    from imr_tui.store.location import resolve_location

    location = resolve_location(settings_for(ctx, database=db).database)
    if location.path is None:
        raise BadInputError(_("backup and restore work on a SQLite file; for a server database use its own dump tools"))
    return location.path


@guarded
def backup(
    ctx: typer.Context,
    output: Annotated[Path | None, typer.Option("-o", "--output", help=_("The backup file (default: beside the database, with the date)."), show_default=False)] = None,
    db: DbOption = None,
) -> None:
    from imr_tui.store import open_store
    from imr_tui.store.backup import backup_sqlite
    from imr_tui.store.restore import check_backup

    source = _sqlite_path(ctx, db)
    if not source.exists():
        raise BadInputError(_("{path}: there is no database to back up").format(path=source))
    open_store(str(source), upgrade=False).close()  # refuses a file that is not an imr-tui database
    target = output or source.with_name(f"{source.stem}-backup-{dt.datetime.now():%Y%m%d-%H%M%S}{source.suffix}")
    if target.exists():
        raise BadInputError(_("{path} exists already; choose another file").format(path=target))
    backup_sqlite(source, target)
    check_backup(target)
    typer.echo(_("Backup written to {path}").format(path=target))


@guarded
def restore(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=_("The backup to restore."), show_default=False)],
    db: DbOption = None,
) -> None:
    from imr_tui.store.restore import restore_sqlite

    target = _sqlite_path(ctx, db)
    kept = restore_sqlite(file, target)
    typer.echo(_("Restored {backup} into {path}").format(backup=file, path=target))
    if kept is not None:
        typer.echo(_("The database it replaced is kept as {path}").format(path=kept))
