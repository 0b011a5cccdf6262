"""The environment every measured process runs in: the user's own folders and settings left out."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

LANGUAGE = "nb"
"""The app's default language: its start includes reading the bokmål translations, as a therapist's does."""


def on_screen(message: str, **values: object) -> str:
    """A message as the app shows it in LANGUAGE, to recognise its screens by."""
    from imr_tui.i18n.catalogue import gettext

    return gettext(message, LANGUAGE).format(**values)
XDG_FOLDERS = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")
DROPPED = ("IMR_TUI_DB", "IMR_TUI_CONFIG", "IMR_TUI_CURRICULUM", "TEXTUAL", "TEXTUAL_DEBUG", "TEXTUAL_LOG")


def isolated_env(home: Path) -> dict[str, str]:
    """Fresh XDG folders under `home`, one language, UTF-8 text; nothing from the user's config."""
    env = {key: value for key, value in os.environ.items() if key not in DROPPED and not key.startswith("XDG_")}
    env["HOME"] = str(home)
    for variable in XDG_FOLDERS:
        folder = home / variable.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[variable] = str(folder)
    env.update(IMR_TUI_LANG=LANGUAGE, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    return env


def imr_tui_command() -> str:
    """The `imr-tui` installed beside the running Python, as a user starts it."""
    beside = Path(sys.executable).parent / "imr-tui"
    found = str(beside) if beside.exists() else shutil.which("imr-tui")
    if found is None:
        raise SystemExit("run.py: imr-tui is not installed in this Python's environment (pip install -e .)")
    return found
