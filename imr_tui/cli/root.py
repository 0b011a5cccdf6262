"""The root command: starts the app; its subcommands are registered here.

`build()` makes the whole command tree (help, tests); `imr-tui COMMAND ...` builds only the
branch it names (`build(only=...)`): each command's module, and the types of its options, cost
time to register, and a command needs only its own.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from imr_tui import __version__
from imr_tui.cli.common import DbOption, GlobalOptions, LangOption, enable_debug, guarded, settings_for
from imr_tui.cli.output import echo
from imr_tui.cli.usage_errors import OneLineUsageErrors
from imr_tui.i18n import _
from imr_tui.i18n.typer_texts import install as install_typer_texts

install_typer_texts()  # Typer's own help and error words in the reader's language

def _show_version(value: bool) -> None:
    if value:
        echo(f"imr-tui {__version__}")
        raise typer.Exit()


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


def _demo(cli: typer.Typer) -> None:
    from imr_tui.cli import demo

    cli.command("demo", help=_("Build a demo database with fictional people, then start the app."))(guarded(demo.demo))


def _curriculum(cli: typer.Typer) -> None:
    from imr_tui.cli import curriculum

    cli.add_typer(curriculum.app, name="curriculum", help=_("Check a curriculum file."))


def _groups(cli: typer.Typer) -> None:
    from imr_tui.cli import groups

    cli.add_typer(groups.app, name="group", help=_("Groups, their therapists, participants and sessions."))


def _database(cli: typer.Typer) -> None:
    from imr_tui.cli import database

    cli.add_typer(database.app, name="db", help=_("Check or upgrade the database."))


def _schedule(cli: typer.Typer) -> None:
    from imr_tui.cli.schedule import schedule  # the plan of one group

    cli.command("schedule", help=_("The session plan of a group; --ics also writes it as an iCalendar file."))(guarded(schedule))


def _printing(cli: typer.Typer) -> None:
    from imr_tui.cli import fidelity, goals_printing, printing, service_plan

    if not getattr(printing.app, "imr_tui_complete", False):  # printing.app is one object: its commands only once
        printing.app.command("goals", help=_("A participant's goals, steps and IMR Scale on A4, on as many sheets as they need (personal: for them to keep or share)."))(goals_printing.print_goals)
        printing.app.command("service-plan", help=_("A participant's service plan on A4 (PDF, Markdown or HTML), in their language (personal: for whom they choose)."))(service_plan.print_service_plan)
        printing.app.command("fidelity", help=_("The group's fidelity self-assessment on A4 (PDF, Markdown or HTML) for supervision: no participant names."))(fidelity.print_fidelity)
        printing.app.imr_tui_complete = True  # type: ignore[attr-defined]  # a mark of our own on the one Typer object
    cli.add_typer(printing.app, name="print", help=_("Print handouts: the agenda of a session on one A4 page."))


def _export(cli: typer.Typer) -> None:
    from imr_tui.cli import review

    cli.add_typer(review.export_app, name="export", help=_("Export the attendance register as a spreadsheet."))


def _journal(cli: typer.Typer) -> None:
    from imr_tui.cli import review

    cli.command("journal", help=_("Draft journal notes of a held session, one text file per participant."))(review.journal)


def _backup(cli: typer.Typer) -> None:
    from imr_tui.cli import backup

    cli.command("backup", help=_("Copy the database to a backup file (safe while the app runs)."))(backup.backup)


def _restore(cli: typer.Typer) -> None:
    from imr_tui.cli import backup

    cli.command("restore", help=_("Put a backup back; the file is checked first and the replaced database kept."))(backup.restore)


def _goals(cli: typer.Typer) -> None:
    from imr_tui.cli import goals

    cli.command("goals", help=_("A participant's goals, steps, follow-ups and IMR Scale history."))(goals.goals)


def _imrs(cli: typer.Typer) -> None:
    from imr_tui.cli import imrs

    cli.add_typer(imrs.app, name="imrs", help=_("Check an IMR Scale file."))


def _service_plan(cli: typer.Typer) -> None:
    from imr_tui.cli import service_plan

    cli.command("service-plan", help=_("A participant's service plan and its versions; --check validates the template."))(service_plan.service_plan)


def _participant(cli: typer.Typer) -> None:
    from imr_tui.cli import participant

    cli.add_typer(participant.app, name="participant", help=_("Export everything stored about a participant, or erase it."))


def _audit(cli: typer.Typer) -> None:
    from imr_tui.cli import participant

    cli.command("audit", help=_("The audit trail: who changed which record, and when (never the content)."))(participant.audit)


def _encrypt(cli: typer.Typer) -> None:
    from imr_tui.cli.encryption import encrypt

    cli.command("encrypt", help=_("Write an encrypted copy of the SQLite database (passphrase in IMR_TUI_DB_KEY)."))(encrypt)


def _fidelity(cli: typer.Typer) -> None:
    from imr_tui.cli import fidelity

    cli.command("fidelity", help=_("The group's IMR fidelity self-assessment: 13 items, scored from the data and by the team; --check validates the scale file."))(fidelity.fidelity)


def _serve(cli: typer.Typer) -> None:
    from imr_tui.cli import serve

    cli.command("serve", help=_("Serve the app to a browser: on this machine, behind a token."))(serve.serve)


COMMANDS: dict[str, Callable[[typer.Typer], None]] = {
    "demo": _demo, "curriculum": _curriculum, "group": _groups, "db": _database, "schedule": _schedule,
    "print": _printing, "export": _export, "journal": _journal, "backup": _backup, "restore": _restore,
    "goals": _goals, "imrs": _imrs, "service-plan": _service_plan, "participant": _participant,
    "audit": _audit, "encrypt": _encrypt, "fidelity": _fidelity, "serve": _serve,
}  # fmt: skip
"""Each command's name and how it is registered, in the order `--help` lists them."""


def build(only: str | None = None) -> typer.Typer:
    """The command tree: every command, or with `only` (a name in COMMANDS) that one alone."""
    cli = typer.Typer(
        cls=OneLineUsageErrors,
        help=_("Illness Management & Recovery (IMR) courses: groups, sessions, attendance, goals."),
        pretty_exceptions_enable=False,
        no_args_is_help=False,
        add_completion=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    cli.callback(invoke_without_command=True)(start)
    for name, register in COMMANDS.items():
        if only is None or name == only:
            register(cli)
    return cli


def __getattr__(name: str) -> typer.Typer:
    """`cli`, the whole tree, made on first use (the tests and `imr-tui --help` use it)."""
    if name == "cli":
        globals()["cli"] = tree = build()
        return tree
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
