"""The files the page loads, all from this machine: textual-serve's own, and ours.

Only the files named here are served (no folder listings, no image the page does not use).
textual.js is served with xterm.js's screen-reader mode on, which puts the screen's text in
the page for screen readers (and for the browser tests to read).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from aiohttp import web

from imr_tui.errors import UserError
from imr_tui.i18n import _

# The terminal's options in textual-serve 1.x's textual.js; a newer bundle must be checked again.
TERMINAL_OPTIONS = b"allowProposedApi:!0,"
SCREEN_READER_MODE = b"allowProposedApi:!0,screenReaderMode:!0,"


@dataclass(frozen=True)
class Asset:
    body: bytes
    content_type: str


def _textual_serve_static() -> Path:
    return Path(str(files("textual_serve"))) / "static"


def _ours(name: str) -> bytes:
    return (Path(__file__).parent / "static" / name).read_bytes()


@cache
def assets() -> dict[str, Asset]:
    """Path under /static/ to what is served there."""
    package = _textual_serve_static()
    script = (package / "js" / "textual.js").read_bytes()
    if script.count(TERMINAL_OPTIONS) != 1:
        raise UserError(_("The installed textual-serve is a version imr-tui does not know; install textual-serve 1.1"))
    return {
        "textual.js": Asset(script.replace(TERMINAL_OPTIONS, SCREEN_READER_MODE), "text/javascript"),
        "xterm.css": Asset((package / "css" / "xterm.css").read_bytes(), "text/css"),
        "fonts/RobotoMono.ttf": Asset((package / "fonts" / "RobotoMono-VariableFont_wght.ttf").read_bytes(), "font/ttf"),
        "page.css": Asset(_ours("page.css"), "text/css"),
        "page.js": Asset(_ours("page.js"), "text/javascript"),
    }


async def handle_static(request: web.Request) -> web.Response:
    asset = assets().get(request.match_info["name"])
    if asset is None:
        raise web.HTTPNotFound()
    response = web.Response(body=asset.body, content_type=asset.content_type)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "no-cache"
    return response
