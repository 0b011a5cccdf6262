"""Small pickled caches in the user's private cache folder, so a start does not read its sources again.

A cache file's name carries a key made from what it was built from; another key means
another file, and writing a new one removes the old ones of the same kind.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


def cache_path(kind: str, parts: list[str]) -> Path:
    """The file for `kind` built from `parts` (paths, times, sizes, versions)."""
    from platformdirs import user_cache_path

    key = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]
    return user_cache_path("imr-tui", appauthor=False) / f"{kind}-{key}.pickle"


def read(path: Path, expected: type[T]) -> T | None:
    """What the file holds, or None when it is missing, unreadable or of another kind."""
    try:
        with path.open("rb") as handle:
            value = pickle.load(handle)  # our own file in the user's private cache folder
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError, KeyError, IndexError):
        return None  # no cache yet, one from another version, or one a full disk cut short
    return value if isinstance(value, expected) else None


def write(path: Path, kind: str, value: object) -> None:
    """Owner-only, replacing the older files of `kind`; a cache that cannot be written is only slower."""
    from imr_tui.errors import UserError
    from imr_tui.paths import make_private_dir
    from imr_tui.safe_output import write_private

    try:
        make_private_dir(path.parent)
        for old in path.parent.glob(f"{kind}-*.pickle"):
            old.unlink(missing_ok=True)
        write_private(path, pickle.dumps(value))  # whole or not at all
    except (OSError, UserError) as error:
        log.info("%s cache not written: %s", kind, type(error).__name__)
