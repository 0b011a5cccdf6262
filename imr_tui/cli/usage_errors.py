"""A usage error (an unknown option, a missing argument) as one line in the reader's language.

Typer draws these as a five-line box with the usage above it; a therapist needs the
problem and where to look, on one line, as every other imr-tui error is given.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperGroup

from imr_tui.errors import echoed
from imr_tui.i18n import _

MESSAGE_LIMIT = 200  # Click repeats what was typed: a pasted paragraph stays off the line


class OneLineUsageErrors(TyperGroup):
    """The root command: runs as Typer does, but prints a usage error with `usage_error_line`."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None, standalone_mode: bool = True, windows_expand_args: bool = True, **extra: Any) -> Any:
        from typer._click.exceptions import ClickException, UsageError
        from typer.exceptions import Abort

        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, windows_expand_args=windows_expand_args, **extra)
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, windows_expand_args=windows_expand_args, **extra)
        except UsageError as error:
            typer.echo(usage_error_line(error), err=True)
            sys.exit(error.exit_code)
        except ClickException as error:
            error.show()
            sys.exit(error.exit_code)
        except Abort:
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


def usage_error_line(error: Any) -> str:
    """`imr-tui: Missing argument 'GROUP'; see: imr-tui group show -h`."""
    below_root = error.ctx.command_path.split(" ")[1:] if error.ctx is not None else []
    command = " ".join(["imr-tui", *below_root])  # the name a user types, whatever the runner called it
    from imr_tui.i18n.typer_texts import translate_error

    message = echoed(translate_error(error.format_message()), MESSAGE_LIMIT).rstrip(".")
    return _("imr-tui: {message}; see: {command} -h").format(message=message, command=command)
