"""What the commands share: options, settings, output, and one way to fail."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar

import typer

from imr_tui.config import Settings, load_settings
from imr_tui.errors import BadInputError, UserError, echoed
from imr_tui.i18n import _, set_language


@dataclass
class GlobalOptions:
    database: str | None = None
    language: str | None = None
    curriculum: Path | None = None
    debug: bool = False


DbOption = Annotated[str | None, typer.Option("--db", help=_("Database file or URL (also IMR_TUI_DB)."), show_default=False)]
LangOption = Annotated[str | None, typer.Option("--lang", help=_("Language: nb, nn or en (also IMR_TUI_LANG)."), show_default=False)]
MAX_ID = 2**63 - 1  # the largest id SQLite and PostgreSQL store: a longer number is a typing error
JsonOption = Annotated[bool, typer.Option("--json", help=_("Print JSON for scripts."))]


def settings_for(ctx: typer.Context, database: str | None = None, language: str | None = None) -> Settings:
    """The settings for this command: its own options over the global ones, file and environment."""
    options: GlobalOptions = ctx.find_root().obj or GlobalOptions()
    settings = load_settings(
        database=database or options.database, language=language or options.language, curriculum=options.curriculum
    )
    set_language(settings.language)
    return settings


def print_json(data: Any) -> None:
    from imr_tui.cli.output import inert_json

    typer.echo(inert_json(json.dumps(data, ensure_ascii=False, indent=2, default=str)))


_debug = False
P = ParamSpec("P")
R = TypeVar("R")


def enable_debug(on: bool) -> None:
    global _debug
    _debug = on


def guarded(command: Callable[P, R]) -> Callable[P, R]:
    """One clear line on stderr and an exit code instead of a traceback (unless --debug)."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except UserError as error:
            from imr_tui.cli.output import echo  # a message may quote a stored name

            echo(f"imr-tui: {error.message}", err=True)
            raise typer.Exit(error.exit_code) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as error:
            if (line := failure_line(error)) is not None and not _debug:
                typer.echo(f"imr-tui: {line.message}", err=True)
                raise typer.Exit(line.exit_code) from None
            if _debug:
                raise
            from imr_tui.cli.failures import unexpected

            typer.echo(unexpected(error), err=True)
            raise typer.Exit(1) from None

    return run


def failure_line(error: Exception) -> UserError | None:
    """The one line for a file or database that failed under a command, where no nearer code said more."""
    import sys

    # Only modules already imported: a command that never touched a database does not load them here.
    database_errors = tuple(sys.modules[name].DatabaseError for name in ("sqlalchemy.exc", "sqlite3") if name in sys.modules)
    if database_errors and isinstance(error, database_errors):
        from imr_tui.store.database import damaged_database_line

        return damaged_database_line(error)
    if isinstance(error, OSError):
        import errno

        from imr_tui.safe_output import os_failure

        where = Path(str(error.filename)) if error.filename else None
        if where is not None and error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS):
            return os_failure(where, error)
        return UserError(_("{path}: {reason}").format(path=where or "?", reason=error.strerror or type(error).__name__))
    if isinstance(error, MemoryError | RecursionError):
        return UserError(_("the input is too large or too deeply nested to read; nothing was changed"))
    return None


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(text: str, option: str) -> dt.date:
    """A date written YYYY-MM-DD; a clear message for another form or a day that does not exist."""
    text = text.strip()
    if not ISO_DATE.fullmatch(text):
        raise BadInputError(_("{option}: '{text}' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-24").format(option=option, text=echoed(text)))
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise BadInputError(_("{option}: there is no date {text} in the calendar").format(option=option, text=text)) from None
