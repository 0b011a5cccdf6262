"""`imr-tui db upgrade` and `imr-tui db check`."""

from __future__ import annotations

import typer

from imr_tui.cli.common import DbOption, guarded, settings_for
from imr_tui.errors import UserError
from imr_tui.i18n import _

app = typer.Typer(no_args_is_help=True)


@app.command("upgrade", help=_("Bring the database to the newest schema (after a backup)."))
@guarded
def upgrade(ctx: typer.Context, db: DbOption = None) -> None:
    from imr_tui.store import open_store
    from imr_tui.store.schema import SCHEMA_HEAD

    settings = settings_for(ctx, database=db)
    store = open_store(settings.database, upgrade=True)
    typer.echo(_("{where}: schema {schema}, up to date").format(where=store.location, schema=SCHEMA_HEAD))
    store.close()


@app.command("check", help=_("Check the database's integrity and schema version."))
@guarded
def check(ctx: typer.Context, db: DbOption = None) -> None:
    from imr_tui.store import open_store

    settings = settings_for(ctx, database=db)
    store = open_store(settings.database, upgrade=False)
    report = store.maintenance.check()
    store.close()
    typer.echo(_("Database: {where}").format(where=report.location))
    typer.echo(_("Schema: {schema}").format(schema=report.schema))
    typer.echo(_("Contents: {groups} groups, {participants} participants, {sessions} sessions").format(groups=report.groups, participants=report.participants, sessions=report.sessions))
    if report.demo:
        typer.echo(_("This is a demo database with fictional people."))
    if not report.integrity_ok:
        raise UserError(_("integrity check failed: {detail}").format(detail=report.integrity_detail))
    typer.echo(_("Integrity: ok"))
