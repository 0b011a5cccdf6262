"""Loading the catalogues and looking messages up in the active language."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from functools import cache
from pathlib import Path

LOCALES_DIR = Path(__file__).parent / "locales"
DEFAULT_LANGUAGE = "nb"
# Language code -> the Babel locale used for dates and numbers.
LANGUAGES: dict[str, str] = {"nb": "nb_NO", "en": "en_GB"}
# Each language in its own words, as a choice is shown to someone who may read only that one.
LANGUAGE_NAMES: dict[str, str] = {"nb": "Norsk bokmål", "en": "English"}
SOURCE_LANGUAGE = "en"

_active = DEFAULT_LANGUAGE


class UnknownLanguageError(ValueError):
    """A language code that the app has no catalogue for."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(code)


def set_language(code: str) -> None:
    """Make `code` the language of every message from now on."""
    global _active
    code = code.strip().lower()
    if code not in LANGUAGES:
        raise UnknownLanguageError(code)
    _active = code


def current_language() -> str:
    return _active


@contextlib.contextmanager
def use_language(code: str) -> Iterator[None]:
    """Temporarily switch language, e.g. to print a handout in the group's language."""
    previous = _active
    set_language(code)
    try:
        yield
    finally:
        set_language(previous)


@cache
def catalogue(code: str) -> dict[str, str | tuple[str, ...]]:
    """All translations of one language, merged from its .po files.

    The catalogues are split by area (one .po file per part of the app) so that they
    stay small and easy to review; a message id must not appear in two files.
    """
    if code == SOURCE_LANGUAGE:
        return {}
    from imr_tui.i18n.cache import cached

    return cached(code, sorted((LOCALES_DIR / code).glob("*.po")), _read_po_files)


def _read_po_files(files: list[Path]) -> dict[str, str | tuple[str, ...]]:
    from babel.messages.pofile import read_po  # ~40 ms for all files: cached between starts (see cache.py)

    messages: dict[str, str | tuple[str, ...]] = {}
    for po_file in files:
        with po_file.open("rb") as handle:
            for message in read_po(handle, locale=LANGUAGES[po_file.parent.name]):
                if not message.id or message.fuzzy:
                    continue
                if isinstance(message.id, tuple):
                    if all(message.string):
                        messages[message.id[0]] = tuple(message.string)
                elif message.string:
                    messages[message.id] = message.string
    return messages


def gettext(message: str, language: str | None = None) -> str:
    translated = catalogue(language or _active).get(message)
    return translated if isinstance(translated, str) else message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message that fits the number `n` (nb and en share the rule n != 1)."""
    forms = catalogue(_active).get(singular)
    if isinstance(forms, tuple):
        return forms[0 if n == 1 else 1]
    return singular if n == 1 else plural


def _(message: str) -> str:
    """Translate `message` into the active language."""
    return gettext(message)


def N_(message: str) -> str:
    """Mark a message for translation without translating it yet.

    For strings defined when a module is imported (binding labels, column titles):
    they are translated with `_()` where they are shown, in the language active then.
    """
    return message
