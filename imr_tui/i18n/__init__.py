"""The translation layer: every string a user reads passes through here.

Messages are written in English in the code (`_("Today")`) and translated from the
gettext catalogues in `locales/<lang>/*.po`. English is the source language, so it
needs no catalogue; bokmål (`nb`) is the default language of the app.
"""

from imr_tui.i18n.catalogue import (
    DEFAULT_LANGUAGE,
    LANGUAGE_NAMES,
    LANGUAGES,
    N_,
    UnknownLanguageError,
    _,
    current_language,
    ngettext,
    set_language,
    use_language,
)
from imr_tui.i18n.formatting import (
    format_date,
    format_input_date,
    format_long_date,
    format_short_date,
    format_time,
    format_weekday,
)
from imr_tui.i18n.text import Localized

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGE_NAMES",
    "LANGUAGES",
    "Localized",
    "N_",
    "UnknownLanguageError",
    "_",
    "current_language",
    "format_date",
    "format_input_date",
    "format_long_date",
    "format_short_date",
    "format_time",
    "format_weekday",
    "ngettext",
    "set_language",
    "use_language",
]
