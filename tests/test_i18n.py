"""Every message a user can read has a bokmål and an English text."""

from __future__ import annotations

import re
from collections import Counter

from babel.messages.pofile import read_po

from imr_tui.i18n import _, format_long_date, set_language, use_language
from imr_tui.i18n.catalogue import LOCALES_DIR, catalogue
from imr_tui.i18n.extract import messages_in_code

PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def test_every_message_in_the_code_has_a_bokmaal_translation() -> None:
    bokmaal = catalogue("nb")
    missing = [f"{places[0]}: {message!r}" for message, places in messages_in_code().items() if message not in bokmaal]
    assert not missing, "no bokmål text for:\n" + "\n".join(missing)


def test_every_message_has_english_text() -> None:
    # English is the source language: the message id itself, which must say something.
    assert all(message.strip() for message in messages_in_code())


def test_translations_keep_the_placeholders() -> None:
    for message, translated in catalogue("nb").items():
        if isinstance(translated, str):
            assert Counter(PLACEHOLDER.findall(message)) == Counter(PLACEHOLDER.findall(translated)), message


def test_no_message_is_translated_in_two_catalogues() -> None:
    seen: Counter[str] = Counter()
    for po_file in LOCALES_DIR.glob("nb/*.po"):
        with po_file.open("rb") as handle:
            seen.update(message.id for message in read_po(handle) if message.id)
    assert [message for message, count in seen.items() if count > 1] == []


def test_the_same_message_in_both_languages() -> None:
    set_language("en")
    assert _("Open session") == "Open session"
    set_language("nb")
    assert _("Open session") == "Åpne samling"
    with use_language("en"):
        assert _("Back") == "Back"
    assert _("Back") == "Tilbake"


def test_dates_follow_the_language() -> None:
    import datetime as dt

    day = dt.date(2026, 5, 17)
    assert format_long_date(day) == "søndag 17. mai 2026"
    with use_language("en"):
        assert format_long_date(day) == "Sunday 17 May 2026"


def test_no_literal_message_hides_inside_an_f_string() -> None:
    """Babel cannot see `_('...')` inside an f-string on Python 3.11, so its text would go untranslated unseen."""

    from imr_tui.i18n.extract import PACKAGE_DIR

    hidden = re.compile(r"""\{\s*(?:_|N_)\(\s*['"]""")
    found = [
        f"{path.relative_to(PACKAGE_DIR)}:{number}"
        for path in PACKAGE_DIR.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if hidden.search(line) and re.search(r"""\bf['"]""", line)
    ]
    assert found == []
