"""The root command: starts the app; its subcommands are registered here."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from imr_tui import __version__
from imr_tui.cli.common import DbOption, GlobalOptions, LangOption, enable_debug, guarded, settings_for
from imr_tui.i18n import _


cli = typer.Typer(
    help=_("Illness Management & Recovery (IMR) courses: groups, sessions, attendance, goals."),
    pretty_exceptions_enable=False,
    no_args_is_help=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"imr-tui {__version__}")
        raise typer.Exit()


@cli.callback(invoke_without_command=True)
@guarded
def start(
    ctx: typer.Context,
    db: DbOption = None,
    lang: LangOption = None,
    curriculum: Annotated[Path | None, typer.Option("--curriculum", help=_("A service's own curriculum file."), show_default=False)] = None,
    debug: Annotated[bool, typer.Option("--debug", help=_("Show the full details of an unexpected error."))] = False,
    version: Annotated[bool, typer.Option("--version", callback=_show_version, is_eager=True, help=_("Show the version."))] = False,
) -> None:
    """Start the app."""
    enable_debug(debug)
    from imr_tui.logging_setup import configure_logging

    configure_logging(debug)
    ctx.obj = GlobalOptions(database=db, language=lang, curriculum=curriculum, debug=debug)
    settings = settings_for(ctx)
    if ctx.invoked_subcommand is None:
        from imr_tui.factory import make_app

        make_app(settings).run()


def _register() -> None:
    from imr_tui.cli import curriculum, database, demo, groups, printing

    cli.command("demo", help=_("Build a demo database with fictional people, then start the app."))(guarded(demo.demo))
    cli.add_typer(curriculum.app, name="curriculum", help=_("Check a curriculum file."))
    cli.add_typer(groups.app, name="group", help=_("Groups, their therapists, participants and sessions."))
    cli.add_typer(database.app, name="db", help=_("Check or upgrade the database."))
    from imr_tui.cli.schedule import schedule  # noqa: E402  (the plan of one group)
    cli.command("schedule", help=_("The session plan of a group; --ics also writes it as an iCalendar file."))(guarded(schedule))
    cli.add_typer(printing.app, name="print", help=_("Print handouts: the agenda of a session on one A4 page."))
    from imr_tui.cli import review

    cli.add_typer(review.export_app, name="export", help=_("Export the attendance register as a spreadsheet."))
    cli.command("journal", help=_("Draft journal notes of a held session, one text file per participant."))(review.journal)
    from imr_tui.cli import backup

    cli.command("backup", help=_("Copy the database to a backup file (safe while the app runs)."))(backup.backup)
    cli.command("restore", help=_("Put a backup back; the file is checked first and the replaced database kept."))(backup.restore)
    from imr_tui.cli import goals, goals_printing, imrs

    cli.command("goals", help=_("A participant's goals, steps, follow-ups and IMR Scale history."))(goals.goals)
    printing.app.command("goals", help=_("A participant's goals, steps and IMR Scale on one A4 page (personal: for them to keep or share)."))(goals_printing.print_goals)
    cli.add_typer(imrs.app, name="imrs", help=_("Check an IMR Scale file."))
    from imr_tui.cli import service_plan

    cli.command("service-plan", help=_("A participant's service plan and its versions; --check validates the template."))(service_plan.service_plan)
    printing.app.command("service-plan", help=_("A participant's service plan on A4 (PDF, Markdown or HTML), in their language (personal: for whom they choose)."))(service_plan.print_service_plan)
    from imr_tui.cli import participant

    cli.add_typer(participant.app, name="participant", help=_("Export everything stored about a participant, or erase it."))
    cli.command("audit", help=_("The audit trail: who changed which record, and when (never the content)."))(participant.audit)
    from imr_tui.cli.encryption import encrypt

    cli.command("encrypt", help=_("Write an encrypted copy of the SQLite database (passphrase in IMR_TUI_DB_KEY)."))(encrypt)
    from imr_tui.cli import serve

    cli.command("serve", help=_("Serve the app to a browser: on this machine, behind a token."))(serve.serve)


_register()
