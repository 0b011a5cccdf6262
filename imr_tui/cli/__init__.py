"""The `imr-tui` command. Chooses the language before the command texts are built."""

from __future__ import annotations

import os
import sys


def _language_from(argv: list[str]) -> str | None:
    for index, argument in enumerate(argv):
        if argument == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if argument.startswith("--lang="):
            return argument.split("=", 1)[1]
    return os.environ.get("IMR_TUI_LANG")


def main() -> None:
    os.umask(0o077)  # every file imr-tui makes (database, backups, exports) is the owner's only
    from imr_tui.i18n import UnknownLanguageError, set_language

    try:
        set_language(_language_from(sys.argv[1:]) or _configured_language())
    except UnknownLanguageError:
        pass  # reported with the allowed values once the options are parsed
    from imr_tui.cli.launch import app_options, command_named, launch

    options = app_options(sys.argv[1:])
    if options is not None:  # no command: the app starts without Typer and the command tree
        sys.exit(launch(options))
    from imr_tui.cli.output import inert_library_logs
    from imr_tui.cli.root import COMMANDS, build

    inert_library_logs()  # a command's PDF library warnings reach the terminal escaped
    name = command_named(sys.argv[1:])
    # A command builds only its own branch of the tree; help and mistakes get the whole of it.
    cli = build(only=name if name in COMMANDS else None)
    cli(prog_name="imr-tui")


def _configured_language() -> str:
    from imr_tui.config import load_settings
    from imr_tui.errors import UserError

    try:
        return load_settings().language
    except UserError:
        return "nb"
