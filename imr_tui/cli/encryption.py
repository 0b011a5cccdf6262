"""`imr-tui encrypt -o FILE`: an encrypted copy of a plain SQLite database, to put in its place."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from imr_tui.cli.common import DbOption, guarded, settings_for
from imr_tui.cli.output import echo
from imr_tui.errors import BadInputError, UserError
from imr_tui.i18n import _


@guarded
def encrypt(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("-o", "--output", help=_("The encrypted copy to write (a new file)."), show_default=False)],
    db: DbOption = None,
) -> None:
    """Copy the SQLite database into a new file encrypted with the passphrase in IMR_TUI_DB_KEY."""
    settings = settings_for(ctx, database=db)
    from imr_tui.store.encryption import KEY_VARIABLE, encrypt_copy, passphrase
    from imr_tui.store.location import SQLITE_HEADER, resolve_location

    key = passphrase()
    if key is None:
        raise BadInputError(_("set {variable} to the passphrase first (it is read from the environment only)").format(variable=KEY_VARIABLE))
    source = resolve_location(settings.database).path
    if source is None or not source.exists():
        raise BadInputError(_("--db: encryption is for a SQLite file that exists; PostgreSQL encrypts on the server"))
    target = output.expanduser().absolute()
    if target.exists():
        raise BadInputError(_("-o: {path} exists already; give a new file").format(path=target))
    if not target.parent.is_dir():
        raise BadInputError(_("-o: the folder {folder} does not exist").format(folder=target.parent))
    with source.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise UserError(_("{path} is encrypted already, or not an imr-tui database").format(path=source))
    from imr_tui.safe_output import write_with

    write_with(target, lambda temporary: encrypt_copy(source, temporary, key))
    echo(_("Encrypted copy written to {path}. Check that it opens (imr-tui db check --db {path}), then put it in place of {source} and delete the plain file.").format(path=target, source=source))
