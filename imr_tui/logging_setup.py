"""The app's log: a private file in the user's log folder.

What is logged: timings, counts, ids and error types. Never names, notes, goals or other
text a therapist typed; those are health data and stay in the database.
"""

from __future__ import annotations

import logging
from pathlib import Path

from imr_tui.paths import APP_NAME, create_private_file, make_private_dir


def log_file() -> Path:
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False) / "imr-tui.log"


def configure_logging(debug: bool = False) -> Path:
    path = log_file()
    make_private_dir(path.parent)
    create_private_file(path)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("imr_tui")
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    return path
