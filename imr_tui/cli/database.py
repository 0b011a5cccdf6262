"""`imr-tui db upgrade`, `imr-tui db check` and `imr-tui db copy`."""

from __future__ import annotations

from typing import Annotated

import typer

from imr_tui.cli.common import DbOption, guarded, settings_for
from imr_tui.cli.output import echo
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
    echo(_("{where}: schema {schema}, up to date").format(where=store.location, schema=SCHEMA_HEAD))
    store.close()


@app.command("check", help=_("Check the database's integrity and schema version."))
@guarded
def check(ctx: typer.Context, db: DbOption = None) -> None:
    from imr_tui.store import open_store

    settings = settings_for(ctx, database=db)
    store = open_store(settings.database, upgrade=False)
    report = store.maintenance.check()
    store.close()
    echo(_("Database: {where}").format(where=report.location))
    echo(_("Schema: {schema}").format(schema=report.schema))
    echo(_("Contents: {groups} groups, {participants} participants, {sessions} sessions").format(groups=report.groups, participants=report.participants, sessions=report.sessions))
    if report.demo:
        echo(_("This is a demo database with fictional people."))
    if not report.integrity_ok:
        from imr_tui.store.backup import newest_backup

        backup = newest_backup(store.database.location.path) if store.database.location.path else None
        raise UserError(
            _("integrity check failed: {detail}; the database is damaged: put the newest backup back with: imr-tui restore {backup} --db {where}").format(
                detail=report.integrity_detail, backup=backup or _("BACKUP"), where=report.location
            )
        )
    echo(_("Integrity: ok"))


@app.command("copy", help=_("Copy this database into an empty one (a SQLite file or a PostgreSQL URL), ids and audit trail included."))
@guarded
def copy(
    ctx: typer.Context,
    to: Annotated[str, typer.Option("--to", help=_("The empty database to copy into: a SQLite file path or a PostgreSQL URL."), show_default=False)],
    db: DbOption = None,
) -> None:
    from imr_tui.store.copy import copy_store
    from imr_tui.store.schema import SCHEMA_HEAD

    settings = settings_for(ctx, database=db)
    report = copy_store(settings.database, to)
    echo(_("Copied {source} into {target}:").format(source=report.source, target=report.target))
    width = max(len(name) for name in report.rows)
    for name, count in report.rows.items():
        echo(f"  {name:<{width}}  {count:>8}")
    echo(_("{rows} rows in {tables} tables, in one transaction; the copy is at schema {schema}.").format(rows=report.total, tables=len(report.rows), schema=SCHEMA_HEAD))
    if report.source_schema != SCHEMA_HEAD:
        echo(_("The source (schema {old}) was upgraded in a temporary copy only; the source itself was not changed.").format(old=report.source_schema))
    echo(_("Check it with: imr-tui db check --db {target}").format(target=report.target))
