"""Where imr-tui keeps its files: owner-only folders in the user's data and config dirs."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "imr-tui"
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def config_file() -> Path:
    """The settings file; `IMR_TUI_CONFIG` points elsewhere (a service's shared settings)."""
    override = os.environ.get("IMR_TUI_CONFIG")
    return Path(override).expanduser() if override else config_dir() / "config.toml"


def default_database_path() -> Path:
    return data_dir() / "imr.sqlite"


def demo_database_path() -> Path:
    """The demo lives apart from the real database so it can never overwrite it."""
    return data_dir() / "demo.sqlite"


def make_private_dir(path: Path) -> Path:
    """Create `path` (and missing parents) readable by the owner only."""
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    os.chmod(path, PRIVATE_DIR_MODE)
    return path


def create_private_file(path: Path) -> None:
    """Create an empty file that only the owner can read, unless it exists already."""
    descriptor = os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE_MODE)
    os.close(descriptor)
    os.chmod(path, PRIVATE_FILE_MODE)
