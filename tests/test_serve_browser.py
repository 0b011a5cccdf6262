"""`imr-tui serve` in a real Chromium (Debian's package, driven by Playwright from PyPI).

Skipped when Chromium or Playwright is missing, unless IMR_TUI_REQUIRE_BROWSER=1 (CI sets it),
so a CI without a browser fails instead of passing silently.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from serve_helpers import ServedApp, app_processes, build_demo

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ARTEFACTS = Path(__file__).parent / "artefacts"
# The page turns on xterm.js's screen-reader mode: the screen's rows are text in the page.
SCREEN_TEXT = "() => Array.from(document.querySelectorAll('.xterm-accessibility-tree > div'), row => row.textContent).join('\\n')"


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return "Debian's chromium package is not installed"
    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed"
    return None


pytestmark = [
    pytest.mark.slow,  # a real browser
    pytest.mark.skipif(
        _missing() is not None and os.environ.get("IMR_TUI_REQUIRE_BROWSER") != "1",
        reason=f"{_missing()} (CI installs it and sets IMR_TUI_REQUIRE_BROWSER=1)",
    ),
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.requested = []  # every request the page makes, WebSockets included
    page.problems = []  # console errors (a refused resource, a Content-Security-Policy violation) and script errors
    page.on("request", lambda request: page.requested.append(request.url))
    page.on("websocket", lambda websocket: page.requested.append(websocket.url))
    page.on("console", lambda message: message.type == "error" and page.problems.append(message.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    yield page
    context.close()


def wait_for_text(page, text: str, timeout: float = 30.0) -> None:
    if not eventually(lambda: text in page.evaluate(SCREEN_TEXT), timeout):
        raise AssertionError(f"{text!r} did not appear in the browser:\n{page.evaluate(SCREEN_TEXT)}")


def eventually(check, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def save_screenshot(page, name: str) -> Path:
    ARTEFACTS.mkdir(exist_ok=True)
    (ARTEFACTS / ".gitignore").write_text("*\n")  # test output, never committed
    path = ARTEFACTS / name
    page.screenshot(path=str(path))
    return path


def open_todays_session(page, unmarked: str = "ikke registrert") -> None:
    wait_for_text(page, "Ukesgruppa Nydal")
    page.focus(".xterm-helper-textarea")
    page.keyboard.press("Enter")  # today's session of the highlighted group
    wait_for_text(page, unmarked)


def _from_today_on(database: Path, query) -> list:
    """Rows on sessions from today on: the demo fills in only past ones, so these are the browser's."""
    from imr_tui.store import open_store

    store = open_store(str(database))
    try:
        with store.database.reading() as session:
            return list(session.exec(query))
    finally:
        store.close()


def marks_from_today_on(database: Path) -> list[str]:
    from sqlmodel import select

    from imr_tui.models import Attendance, GroupSession

    query = select(Attendance.status).join(GroupSession, GroupSession.id == Attendance.session_id).where(GroupSession.date >= dt.date.today())
    return sorted(str(status) for status in _from_today_on(database, query))


def notes_from_today_on(database: Path) -> list[str]:
    from sqlmodel import select

    from imr_tui.models import GroupSession

    query = select(GroupSession.notes).where(GroupSession.date >= dt.date.today(), GroupSession.notes != "")
    return [notes for notes in _from_today_on(database, query) if notes]


@pytest.mark.parametrize(
    ("language", "unmarked", "late"),
    [("nb", "ikke registrert", "kom for sent"), ("en", "not marked", "late")],
)
def test_attendance_taken_in_the_browser_is_stored_and_nothing_leaves_the_machine(
    page, tmp_path: Path, isolated_user: Path, language: str, unmarked: str, late: str
) -> None:
    database = tmp_path / "demo.sqlite"
    build_demo(database)
    server = ServedApp(database, tmp_path, language=language)
    try:
        page.goto(server.login_url)
        assert page.url == f"{server.base}/"  # the token is gone from the address bar
        open_todays_session(page, unmarked)
        page.keyboard.press("1")
        page.keyboard.press("2")
        wait_for_text(page, late)
        save_screenshot(page, f"serve-session-{language}.png")
        assert eventually(lambda: marks_from_today_on(database) == ["late", "present"])
        assert len(app_processes(database)) == 1  # the tab's own app process, on the same database
        page.keyboard.press("Control+q")
        page.wait_for_selector(".ended", state="visible")  # the page says the session ended ...
        assert eventually(lambda: app_processes(database) == [])  # ... and its app process ends
    finally:
        assert server.stop() == 0
    assert app_processes(database) == []  # stopping the server ends the sessions' processes
    kept = [path for path in isolated_user.rglob("*") if path.is_file() and server.token in path.read_text(errors="ignore")]
    assert kept == []  # the token is in no log or other file
    assert page.requested and all(urlsplit(url).hostname == "127.0.0.1" for url in page.requested), page.requested
    assert any(url.startswith("ws://127.0.0.1") for url in page.requested)
    assert page.problems == []


def test_the_page_without_the_token_is_refused(page, demo_path: Path, tmp_path: Path) -> None:
    server = ServedApp(demo_path, tmp_path)
    try:
        response = page.goto(server.base + "/")
        assert response is not None and response.status == 403
        assert "Ingen tilgang" in page.inner_text("h1")
        assert not any("/ws" in url for url in page.requested)  # no app process was started
    finally:
        assert server.stop() == 0


def test_two_tabs_run_two_app_processes_that_never_overwrite_each_other(browser, tmp_path: Path) -> None:
    database = tmp_path / "demo.sqlite"
    build_demo(database)
    server = ServedApp(database, tmp_path)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        first, second = context.new_page(), context.new_page()
        first.goto(server.login_url)
        second.goto(server.base + "/")  # signed in by the first tab's cookie
        for tab in (first, second):
            open_todays_session(tab)
        assert len(app_processes(database)) == 2
        for tab in (first, second):
            tab.keyboard.press("N")  # the session notes; the footer then shows only what the text field offers
            assert eventually(lambda tab=tab: "12345" not in tab.evaluate(SCREEN_TEXT).splitlines()[-1])
        first.keyboard.type("Skrevet av Ingrid")
        assert eventually(lambda: notes_from_today_on(database) == ["Skrevet av Ingrid"])
        second.keyboard.type("Skrevet av Jonas")
        wait_for_text(second, "ble endret i et annet vindu mens du skrev")
        assert notes_from_today_on(database) == ["Skrevet av Ingrid"]
        second.keyboard.press("Control+b")  # keep both: theirs, then mine
        assert eventually(lambda: notes_from_today_on(database) == ["Skrevet av Ingrid\nSkrevet av Jonas"])
    finally:
        context.close()
        assert server.stop() == 0
