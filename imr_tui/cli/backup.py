"""`imr-tui backup` and `imr-tui restore`: a copy made while the app runs (SQLite's online backup, or pg_dump), and a checked restore."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from imr_tui.cli.common import DbOption, guarded, settings_for
from imr_tui.errors import BadInputError
from imr_tui.i18n import _


def _backend(ctx: typer.Context, db: str | None):
    from imr_tui.store.backends import backend_for
    from imr_tui.store.location import resolve_location

    return backend_for(resolve_location(settings_for(ctx, database=db).database))


@guarded
def backup(
    ctx: typer.Context,
    output: Annotated[Path | None, typer.Option("-o", "--output", help=_("The backup file (default: beside the database, with the date; for PostgreSQL a pg_dump file in the data folder)."), show_default=False)] = None,
    db: DbOption = None,
) -> None:
    backend = _backend(ctx, db)
    target = output or backend.default_backup_path()
    if target.exists():
        raise BadInputError(_("{path} exists already; choose another file").format(path=target))
    backend.backup(target)
    backend.check_backup(target)
    typer.echo(_("Backup written to {path}").format(path=target))


@guarded
def restore(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=_("The backup to restore."), show_default=False)],
    db: DbOption = None,
) -> None:
    backend = _backend(ctx, db)
    kept = backend.restore(file)
    typer.echo(_("Restored {backup} into {path}").format(backup=file, path=backend.location.display))
    if kept is not None:
        typer.echo(_("The database it replaced is kept as {path}").format(path=kept))
