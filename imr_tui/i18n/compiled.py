"""Reading a language's compiled catalogue (.mo) with the standard library's `gettext`.

A wheel carries the .mo files compiled at build time. In a source tree they are compiled
beside the .po files the first time a .po file is newer or the set of files has changed,
so a translator's edit shows at the next start. Reading a .mo costs about 3 ms; parsing
every .po file with Babel about 40 ms, which is what happens only where the .mo cannot be
written (a read-only install whose .mo is missing or stale).
"""

from __future__ import annotations

import gettext
import struct
from pathlib import Path

from imr_tui.i18n.compile import compile_language, mo_path, sources_key

Messages = dict[str, "str | tuple[str, ...]"]


def load(folder: Path, code: str) -> Messages:
    """Every translation of the language whose .po files are in `folder`."""
    po_files = sorted(folder.glob("*.po"))
    mo = mo_path(folder)
    translations = _read(mo) if _newer_than_sources(mo, po_files) else None
    if translations is None or translations.info().get("project-id-version") != f"imr-tui {sources_key(po_files)}":
        try:
            compile_language(po_files, code, mo)
        except OSError:
            return _read_po_files(po_files, code)
        translations = _read(mo)
        if translations is None:
            return _read_po_files(po_files, code)
    return _messages(translations)


def _newer_than_sources(mo: Path, po_files: list[Path]) -> bool:
    try:
        compiled = mo.stat().st_mtime_ns
    except OSError:
        return False
    return all(path.stat().st_mtime_ns <= compiled for path in po_files)


def _read(mo: Path) -> gettext.GNUTranslations | None:
    try:
        with mo.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    except (OSError, ValueError, LookupError, struct.error):  # missing, half-written or not a .mo
        return None


def _messages(translations: gettext.GNUTranslations) -> Messages:
    """The catalogue as a plain dict: a message -> its text, a plural message -> its forms."""
    messages: Messages = {}
    plurals: dict[str, dict[int, str]] = {}
    for key, text in translations._catalog.items():  # type: ignore[attr-defined]  # the parsed .mo: gettext keeps it here, and offers no public way to list it
        if isinstance(key, tuple):
            plurals.setdefault(key[0], {})[key[1]] = text
        elif key:
            messages[key] = text
    for message, forms in plurals.items():
        messages[message] = tuple(forms[index] for index in sorted(forms))
    return messages


def _read_po_files(po_files: list[Path], code: str) -> Messages:
    from babel.messages.pofile import read_po

    messages: Messages = {}
    for po_file in po_files:
        with po_file.open("rb") as handle:
            for message in read_po(handle, locale=code):
                if not message.id or message.fuzzy:
                    continue
                if isinstance(message.id, tuple):
                    forms = tuple(message.string or ())
                    if forms and all(forms):
                        messages[message.id[0]] = forms
                elif isinstance(message.string, str) and message.string:
                    messages[str(message.id)] = message.string
    return messages
