"""The libraries' own words (Textual's palette and keys, Typer's help and errors) in the reader's language."""

from __future__ import annotations

import html
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

SIZE = (120, 36)

# Texts Textual and Typer write in English; none may show through in bokmål or nynorsk.
ENGLISH_LIBRARY_TEXTS = [
    "Copy selected text", "Cursor down", "Cursor up", "Focus Next", "Focus Previous", "Page Left", "Page Right",
    "Dismiss menu", "Show menu", "No matches found", "Search for commands", "Search for themes", "Exit the command palette",
    "Press button", "Toggle", "palette", "Change theme", "Screenshot", "Show keys", "Maximize", "Quit the app", "Scroll",
]


def shown(app) -> str:
    """All the text on the screen as a reader sees it."""
    svg = app.export_screenshot().split("</style>", 1)[-1]
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


def english_in(text: str) -> list[str]:
    return [word for word in ENGLISH_LIBRARY_TEXTS if word in text]


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def palette_shows(pilot, search: str, wanted: str) -> str:
    """Type a search into the open palette and wait (a bounded number of frames) for `wanted`."""
    await pilot.press(*search)
    for _frame in range(100):
        await pilot.pause(0.02)  # the palette searches in a worker and says "no matches" after a short countdown
        text = shown(pilot.app)
        if wanted in text:
            return text
    return text


# Each main screen from Today: its key, and a word that shows it opened.
SCREENS = {
    "nb": [("enter", "Oppmøte"), ("r", "Oppmøteprotokoll"), ("g", "Mål"), ("s", "Serviceplaner"), ("l", "Plan:"), ("G", "Grupper"), ("y", "Tall for året"), ("f1", "Hjelp")],
    "nn": [("enter", "Oppmøte"), ("r", "Oppmøteprotokoll"), ("g", "Mål"), ("s", "Serviceplanar"), ("l", "Plan:"), ("G", "Grupper"), ("y", "Tal for året"), ("f1", "Hjelp")],
}


@pytest.mark.parametrize("language", ["nb", "nn"])
async def test_no_english_library_words_on_the_main_screens(make_app, language: str) -> None:
    app = make_app(language)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert english_in(shown(app)) == []
        for key, opened in SCREENS[language]:
            await pilot.press(key)
            await settle(pilot)
            text = shown(app)
            assert opened in text, key
            assert english_in(text) == [], key
            await pilot.press("escape")
            await settle(pilot)


async def test_the_palette_offers_the_therapists_commands_only_in_bokmaal(make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        text = shown(app)
        assert "Søk etter kommandoer" in text and {"Avslutt", "Hjelp", "Presentasjon", "Bytt fargetema"} <= set(re.findall(r"\w[\w ]*\w", text))
        assert english_in(text) == []
        for search in ("cop", "cursor", "focus", "page"):  # Textual's own key commands are not offered
            text = await palette_shows(pilot, search, "Ingen treff")
            assert "Ingen treff" in text and english_in(text) == [], search
            await pilot.press(*["backspace"] * len(search))
        text = await palette_shows(pilot, "tema", "Bytt fargetema")
        assert "Bytt fargetema" in text
        await pilot.press("enter")
        await settle(pilot)
        assert "Søk etter fargetema" in shown(app)


async def test_an_open_dropdown_says_how_to_close_it_in_bokmaal(make_app) -> None:
    from textual.widgets import Select

    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("G", "n")  # the groups, a new group
        await settle(pilot)
        app.screen.query_one("#status", Select).focus()
        await pilot.press("enter")
        await settle(pilot)
        text = shown(app)
        assert "Lukk menyen" in text and english_in(text) == []


def test_help_and_usage_errors_in_bokmaal() -> None:
    from imr_tui.cli.root import cli

    runner = CliRunner()
    help_text = runner.invoke(cli, ["group", "show", "--help"], prog_name="imr-tui").output
    assert "Bruk: imr-tui group show [VALG]" in help_text
    assert "Valg" in help_text and "Vis denne hjelpen og avslutt." in help_text and "<tekst>" in help_text
    assert not {"Usage:", "Options", "Show this message and exit."} & set(re.findall(r"Usage:|Options|Show this message and exit\.", help_text))
    top = runner.invoke(cli, ["--help"], prog_name="imr-tui").output
    assert "Kommandoer" in top and "KOMMANDO [ARGUMENTER]" in top
    result = runner.invoke(cli, ["group", "show", "--bogus"], prog_name="imr-tui")
    assert result.exit_code == 2
    # One line, in bokmål, with where to look.
    assert result.output == "imr-tui: Ukjent valg: --bogus; se: imr-tui group show -h\n"
    assert "No such option" not in result.output and "Try '" not in result.output
    missing = runner.invoke(cli, ["group", "show"], prog_name="imr-tui")
    assert "Argumentet 'group' mangler; se: imr-tui group show -h" in missing.output


def test_english_help_stays_english() -> None:
    from imr_tui.cli.root import cli
    result = CliRunner().invoke(cli, ["--lang", "en", "group", "show", "--bogus"], prog_name="imr-tui")
    assert result.output == "imr-tui: No such option: --bogus; see: imr-tui group show -h\n"


def test_an_unknown_option_in_a_real_run_answers_in_bokmaal(tmp_path) -> None:
    run = subprocess.run(
        [sys.executable, "-c", "from imr_tui.cli import main; main()", "group", "show", "--bogus"],
        capture_output=True, text=True, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "IMR_TUI_LANG": "nb", "COLUMNS": "100"},
    )
    assert run.returncode == 2
    assert "Ukjent valg: --bogus" in run.stderr and "Traceback" not in run.stderr


def test_translating_typer_does_not_load_its_help_printer_at_start() -> None:
    """typer.rich_utils (Rich's Markdown, ~30 ms) is patched when Typer imports it for help or an error, not before."""
    probe = "import sys, imr_tui.cli.root; print('typer.rich_utils' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"
