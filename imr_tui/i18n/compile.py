"""Compiling a language's .po files into the one .mo file the standard library's `gettext` reads.

Used at build time (`hatch_build.py` puts the .mo files into the wheel) and, in a source
tree, by `compiled.py` the first time a .po file is newer than its .mo. Needs only Babel
and the standard library, so the build hook can load it without importing the app.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path

DOMAIN = "imr-tui"


def mo_path(folder: Path) -> Path:
    """Where the compiled catalogue of the language whose .po files are in `folder` lives."""
    return folder / "LC_MESSAGES" / f"{DOMAIN}.mo"


def sources_key(po_files: list[Path]) -> str:
    """Which .po files went into a .mo (names and sizes): a file added or removed means compiling again."""
    listing = "\n".join(f"{path.name}:{path.stat().st_size}" for path in sorted(po_files))
    return f"{zlib.crc32(listing.encode()):08x}"  # cheap at every start; not a security check


def compile_language(po_files: list[Path], code: str, target: Path) -> None:
    """Merge the .po files of one language into `target` (.mo), written whole or not at all."""
    import tempfile

    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    merged = Catalog(locale=code, project=DOMAIN, version=sources_key(po_files), charset="utf-8")
    for po_file in sorted(po_files):
        with po_file.open("rb") as handle:
            for message in read_po(handle, locale=code):
                complete = all(message.string or ()) if isinstance(message.id, tuple) else bool(message.string)
                if message.id and complete and not message.fuzzy:
                    merged[message.id] = message
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=".imr-tui-", suffix=".mo")
    try:
        with os.fdopen(descriptor, "wb") as out:
            write_mo(out, merged)
        os.chmod(temporary, 0o644)  # translations, nothing personal: readable by every user of an install
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
