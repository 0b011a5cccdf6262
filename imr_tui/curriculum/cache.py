"""A private cache of the validated curriculum, so a start does not parse the YAML again.

Parsing and validating with line numbers costs about 120 ms at every start; the cache
is used only while the file, the app version and the curriculum model are unchanged.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from collections.abc import Callable
from pathlib import Path

from imr_tui import __version__
from imr_tui.curriculum import model
from imr_tui.curriculum.model import Curriculum

log = logging.getLogger(__name__)


def _key(path: Path) -> str:
    stat = path.stat()
    model_source = Path(model.__file__).read_bytes()
    parts = [str(path.resolve()), str(stat.st_mtime_ns), str(stat.st_size), __version__, hashlib.sha256(model_source).hexdigest()]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


def _cache_file(path: Path) -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("imr-tui", appauthor=False) / f"curriculum-{_key(path)}.pickle"


def cached(path: Path, load: Callable[[Path], Curriculum]) -> Curriculum:
    """The curriculum from the cache if it is current, else from `load` (which validates)."""
    try:
        cache = _cache_file(path)
        with cache.open("rb") as handle:
            curriculum = pickle.load(handle)  # our own file in the user's private cache folder
        if isinstance(curriculum, Curriculum):
            return curriculum
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
        pass  # no cache yet, or one from another version: read the file
    curriculum = load(path)
    try:
        from imr_tui.paths import create_private_file, make_private_dir

        cache = _cache_file(path)
        make_private_dir(cache.parent)
        for old in cache.parent.glob("curriculum-*.pickle"):
            old.unlink(missing_ok=True)
        create_private_file(cache)
        cache.write_bytes(pickle.dumps(curriculum))
    except OSError as error:
        log.info("curriculum cache not written: %s", type(error).__name__)
    return curriculum
