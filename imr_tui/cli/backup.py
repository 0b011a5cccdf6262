"""`imr-tui backup` and `imr-tui restore`: a copy made while the app runs (SQLite's online backup, or pg_dump), and a checked restore."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from imr_tui.cli.common import DbOption, guarded, settings_for
from imr_tui.cli.output import echo
from imr_tui.errors import BadInputError, UserError
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
    from imr_tui.safe_output import check_target, replacing

    backend = _backend(ctx, db)
    target = (output or backend.default_backup_path()).expanduser().absolute()
    check_target(target)  # a folder or a device first: "exists already" would not say what is wrong
    if target.exists():
        raise BadInputError(_("{path} exists already; choose another file").format(path=target))
    with replacing(target) as temporary:  # a full disk leaves no half backup that looks whole
        backend.backup(temporary)
        try:
            backend.check_backup(temporary)
        except BadInputError:  # the copy is as the database is: the database is damaged
            raise UserError(
                _("{where}: its copy failed the check, so the database is damaged; no backup was written; see what is wrong with: imr-tui db check").format(where=backend.location.display)
            ) from None
    echo(_("Backup written to {path}").format(path=target))


@guarded
def restore(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=_("The backup to restore."), show_default=False)],
    db: DbOption = None,
) -> None:
    backend = _backend(ctx, db)
    kept = backend.restore(file.expanduser().absolute())
    echo(_("Restored {backup} into {path}").format(backup=file, path=backend.location.display))
    if kept is not None:
        echo(_("The database it replaced is kept as {path}").format(path=kept))
