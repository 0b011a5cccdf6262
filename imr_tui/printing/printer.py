"""Sending a PDF to a printer with the system's own `lp` (CUPS)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import NoReturn

from imr_tui.errors import UserError
from imr_tui.i18n import _

TIMEOUT = 60  # seconds; lp only hands the job to the print service


def send_to_printer(path: Path, printer: str) -> str:
    """Queue `path` on `printer`; returns what lp reports (the job id). The file is always kept."""
    lp = shutil.which("lp")
    if lp is None:
        raise UserError(_("cannot print: the lp command is not installed; the PDF is kept at {path}").format(path=path))
    try:
        result = subprocess.run([lp, "-d", printer, str(path.absolute())], capture_output=True, text=True, timeout=TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as error:
        _failed(printer, path, str(error))
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip().splitlines()
        _failed(printer, path, output[-1] if output else f"lp: exit {result.returncode}")
    return result.stdout.strip()


def _failed(printer: str, path: Path, reason: str) -> NoReturn:
    raise UserError(
        _("the printer '{printer}' did not take the job ({reason}); the PDF is kept at {path}").format(
            printer=printer, reason=reason, path=path
        )
    )
