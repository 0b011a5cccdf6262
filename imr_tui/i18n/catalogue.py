"""Loading the catalogues and looking messages up in the active language."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from functools import cache
from pathlib import Path

LOCALES_DIR = Path(__file__).parent / "locales"
DEFAULT_LANGUAGE = "nb"
# Language code -> the Babel locale used for dates and numbers.
LANGUAGES: dict[str, str] = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}
# Each language in its own words, as a choice is shown to someone who may read only that one.
LANGUAGE_NAMES: dict[str, str] = {"nb": "Norsk bokmål", "nn": "Norsk nynorsk", "en": "English"}
SOURCE_LANGUAGE = "en"

_active = DEFAULT_LANGUAGE
"""The language of the screens: one for the whole process."""
_for_this_call: ContextVar[str | None] = ContextVar("imr_tui_language", default=None)
"""A document's or a message's own language, for the code that renders it (its thread or task) only."""


class UnknownLanguageError(ValueError):
    """A language code that the app has no catalogue for."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(code)


def set_language(code: str) -> None:
    """Make `code` the language of the screens and commands from now on.

    It also ends any per-call language (`use_language`) still set in this context: the reader's
    choice of language is the last word.
    """
    global _active
    _active = _checked(code)
    _for_this_call.set(None)


def _checked(code: str) -> str:
    code = code.strip().lower()
    if code not in LANGUAGES:
        raise UnknownLanguageError(code)
    return code


def current_language() -> str:
    return _for_this_call.get() or _active


@contextlib.contextmanager
def use_language(code: str) -> Iterator[None]:
    """Speak `code` in this block only, e.g. to print a handout in the group's language.

    A context variable, not the process-wide language: a handout rendered in a worker thread
    leaves the screens in their own language while they draw.
    """
    token = _for_this_call.set(_checked(code))
    try:
        yield
    finally:
        _for_this_call.reset(token)


@cache
def catalogue(code: str) -> dict[str, str | tuple[str, ...]]:
    """All translations of one language, merged from its .po files (read compiled, see compiled.py).

    The catalogues are split by area (one .po file per part of the app) so that they
    stay small and easy to review; a message id must not appear in two files.
    """
    if code == SOURCE_LANGUAGE:
        return {}
    from imr_tui.i18n.compiled import load

    return load(LOCALES_DIR / code, code)


def gettext(message: str, language: str | None = None) -> str:
    translated = catalogue(language or current_language()).get(message)
    return translated if isinstance(translated, str) else message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message that fits the number `n` (nb, nn and en share the rule n != 1)."""
    forms = catalogue(current_language()).get(singular)
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
