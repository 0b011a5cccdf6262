"""`imr-tui` with no command: start the app without building the command tree.

Typer, Click and the registration of every command take longer to import than the app needs
for its first frame, and a bare start uses none of them. Only a command line made of the app's
own options, each well formed, is started here; anything else (a command, --help, an unknown
option, an option without its value) goes to Typer, which says what is wrong as it always has.
Failures are reported as `guarded` reports them: one line on stderr, the same exit codes.
"""

from __future__ import annotations

import sys
from pathlib import Path

VALUE_OPTIONS = ("--db", "--lang", "--curriculum")
FLAGS = ("--debug", "--version")


def app_options(argv: list[str]) -> dict[str, str | bool] | None:
    """The app's own options as given, or None when Typer must read this command line."""
    options: dict[str, str | bool] = {}
    index = 0
    while index < len(argv):
        argument = argv[index]
        name, equals, value = argument.partition("=")
        if name in VALUE_OPTIONS:
            if not equals:
                if index + 1 >= len(argv) or argv[index + 1].startswith("-"):
                    return None  # Click says the value is missing (or takes the option as the value: its call)
                index += 1
                value = argv[index]
            options[name] = value  # the last one counts, as with Click
        elif argument in FLAGS:
            options[argument] = True
        else:
            return None
        index += 1
    return options


def command_named(argv: list[str]) -> str | None:
    """The command a command line names (`group` in `imr-tui --db x group list`), if any."""
    index = 0
    while index < len(argv):
        argument = argv[index]
        if argument in VALUE_OPTIONS:
            index += 2
            continue
        if argument == "--":
            return argv[index + 1] if index + 1 < len(argv) else None
        if not argument.startswith("-"):
            return argument
        index += 1
    return None


def launch(options: dict[str, str | bool]) -> int:
    """Start the app as the root command would; the exit code."""
    from imr_tui import __version__

    if options.get("--version"):
        print(f"imr-tui {__version__}")
        return 0
    debug = bool(options.get("--debug"))
    from imr_tui.cli.failures import unexpected
    from imr_tui.errors import UserError

    try:
        _start(options, debug)
    except UserError as error:
        print(f"imr-tui: {error.message}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("Aborted!", file=sys.stderr)  # what Click says
        return 1
    except Exception:
        if debug:
            raise
        print(unexpected(sys.exc_info()[1]), file=sys.stderr)
        return 1
    return 0


def _start(options: dict[str, str | bool], debug: bool) -> None:
    from imr_tui.config import load_settings
    from imr_tui.i18n import set_language
    from imr_tui.logging_setup import configure_logging

    configure_logging(debug)
    curriculum = options.get("--curriculum")
    settings = load_settings(
        database=options.get("--db"), language=options.get("--lang"), curriculum=Path(str(curriculum)) if curriculum is not None else None
    )
    set_language(settings.language)
    from imr_tui.factory import make_app

    make_app(settings).run()
