"""A private cache of the validated curriculum, so a start does not parse the YAML again.

Parsing and validating with line numbers costs about 120 ms at every start; the cache
is used only while the file, the app version and the curriculum model are unchanged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from imr_tui import __version__, cached_file
from imr_tui.curriculum import model
from imr_tui.curriculum.model import Curriculum


def _cache_file(path: Path) -> Path:
    stat = path.stat()
    model_source = Path(model.__file__).read_bytes()
    parts = [str(path.resolve()), str(stat.st_mtime_ns), str(stat.st_size), __version__, hashlib.sha256(model_source).hexdigest()]
    return cached_file.cache_path("curriculum", parts)


def cached(path: Path, load: Callable[[Path], Curriculum]) -> Curriculum:
    """The curriculum from the cache if it is current, else from `load` (which validates)."""
    try:
        cache = _cache_file(path)
    except OSError:
        return load(path)  # the loader reports a file it cannot read with the right words
    curriculum = cached_file.read(cache, Curriculum)
    if curriculum is None:
        curriculum = load(path)
        cached_file.write(cache, "curriculum", curriculum)
    return curriculum
