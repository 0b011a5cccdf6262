"""Every message a user can read has a bokmål, a nynorsk and an English text."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from babel.messages.pofile import read_po

from imr_tui.i18n import _, format_long_date, format_weekday, set_language, use_language
from imr_tui.i18n.catalogue import LOCALES_DIR, catalogue
from imr_tui.i18n.extract import messages_in_code

PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def test_every_message_in_the_code_has_a_bokmaal_translation() -> None:
    bokmaal = catalogue("nb")
    missing = [f"{places[0]}: {message!r}" for message, places in messages_in_code().items() if message not in bokmaal]
    assert not missing, "no bokmål text for:\n" + "\n".join(missing)


def test_every_message_in_the_code_has_a_nynorsk_translation() -> None:
    nynorsk = catalogue("nn")
    missing = [f"{places[0]}: {message!r}" for message, places in messages_in_code().items() if message not in nynorsk]
    assert not missing, "no nynorsk text for:\n" + "\n".join(missing)


def test_each_bokmaal_catalogue_has_its_nynorsk_twin_with_the_same_messages() -> None:
    """One nynorsk file per bokmål file: a message added in bokmål shows here until it is in nynorsk too."""
    bokmaal = sorted(path.name for path in LOCALES_DIR.glob("nb/*.po"))
    assert sorted(path.name for path in LOCALES_DIR.glob("nn/*.po")) == bokmaal
    for name in bokmaal:
        ids = [{message.id for message in read_po((LOCALES_DIR / code / name).open("rb")) if message.id} for code in ("nb", "nn")]
        assert ids[0] == ids[1], f"{name}: only in bokmål {sorted(map(str, ids[0] - ids[1]))[:5]}, only in nynorsk {sorted(map(str, ids[1] - ids[0]))[:5]}"


def test_every_message_has_english_text() -> None:
    # English is the source language: the message id itself, which must say something.
    assert all(message.strip() for message in messages_in_code())


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_translations_keep_the_placeholders(language: str) -> None:
    for message, translated in catalogue(language).items():
        if isinstance(translated, str):
            assert Counter(PLACEHOLDER.findall(message)) == Counter(PLACEHOLDER.findall(translated)), message


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_no_message_is_translated_in_two_catalogues(language: str) -> None:
    seen: Counter[str] = Counter()
    for po_file in LOCALES_DIR.glob(f"{language}/*.po"):
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
    with use_language("nn"):
        assert _("Open session") == "Opne samling"
        assert _("Participants") == "Deltakarar"


def test_dates_follow_the_language() -> None:
    import datetime as dt

    day = dt.date(2026, 5, 17)
    assert format_long_date(day) == "søndag 17. mai 2026"
    with use_language("en"):
        assert format_long_date(day) == "Sunday 17 May 2026"
    with use_language("nn"):
        assert format_long_date(day) == "søndag 17. mai 2026"
        assert format_weekday(dt.date(2026, 11, 24)) == "tysdag"


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


def test_two_handouts_in_two_languages_leave_the_screens_in_theirs(demo_store, curriculum) -> None:
    """Rendering runs in threads with a language of its own; the screens' language never moves."""
    import threading

    from test_printing import expected_session

    from imr_tui.printing import agenda_as_text, agenda_document

    session = expected_session(demo_store, curriculum)[0]
    set_language("nb")
    stop = threading.Event()
    texts: dict[str, list[str]] = {"en": [], "nb": []}

    def render(language: str) -> None:
        while not stop.is_set() and len(texts[language]) < 15:
            with use_language(language):
                document = agenda_document(demo_store, curriculum, session.id, show_group_name=False)
            texts[language].append(agenda_as_text(document))

    threads = [threading.Thread(target=render, args=(language,)) for language in ("en", "nb")]
    for thread in threads:
        thread.start()
    seen_on_screen = set()
    while any(thread.is_alive() for thread in threads):
        seen_on_screen.add(_("Undo"))  # what the UI thread draws meanwhile
    stop.set()
    assert seen_on_screen == {"Angre"}
    assert all("Key points" in text for text in texts["en"]) and len(texts["en"]) == 15
    assert all("Hovedpunkter" in text and "Key points" not in text for text in texts["nb"]) and len(texts["nb"]) == 15
