"""The HTML the server sends: the app page and the pages that say why a request was refused.

Everything a page loads comes from this server: the scripts and styles of textual-serve and its
font, served from the installed package. The Content-Security-Policy makes the browser refuse
anything else, so the page works with no network and tells no one that it was opened.
"""

from __future__ import annotations

from html import escape

from aiohttp import web

from imr_tui.i18n import _, current_language


def _policy(websocket_origin: str = "") -> str:
    return "; ".join([
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",  # xterm.js sizes the terminal with style elements it writes itself
        "font-src 'self'",
        "img-src 'self' data:",
        f"connect-src 'self' {websocket_origin}".strip(),
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ])  # fmt: skip


def _response(body: str, status: int = 200, websocket_origin: str = "") -> web.Response:
    response = web.Response(text=body, status=status, content_type="text/html", charset="utf-8")
    response.headers.update(
        {
            "Content-Security-Policy": _policy(websocket_origin),
            "Cache-Control": "no-store",
            "Referrer-Policy": "no-referrer",
            "X-Content-Type-Options": "nosniff",
            "X-Frame-Options": "DENY",
        }
    )
    return response


def _document(title: str, body: str, head: str = "") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{current_language()}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<title>{escape(title)}</title>\n<link rel="icon" href="data:,">\n{head}</head>\n'
        f"<body>\n{body}\n</body>\n</html>\n"
    )


# Pages that say no are read before any cookie exists, so they carry their own style.
NOTICE_STYLE = (
    "<style>body{margin:0;background:#0c181f;color:#f2f2f2;font-family:monospace;}"
    "main{max-width:40em;margin:20vh auto;padding:0 2em;line-height:1.5;}h1{font-size:1.4em;}</style>\n"
)


def _notice(title: str, text: str) -> str:
    return _document(title, f"<main><h1>{escape(title)}</h1><p>{escape(text)}</p></main>", NOTICE_STYLE)


def app_page(websocket_url: str, websocket_origin: str) -> web.Response:
    """The terminal, its font and scripts; textual.js connects to `websocket_url` on load."""
    head = (
        '<link rel="stylesheet" href="static/page.css">\n'
        '<link rel="preload" href="static/fonts/RobotoMono.ttf" as="font" type="font/ttf" crossorigin>\n'
        '<link rel="stylesheet" href="static/xterm.css">\n'
        '<script src="static/textual.js"></script>\n<script src="static/page.js"></script>\n'
    )
    body = (
        f'<div class="notice starting"><p>{escape(_("Starting IMR…"))}</p></div>\n'
        f'<div class="notice ended"><p>{escape(_("The session has ended. What was saved is kept."))}</p>'
        f'<button type="button" id="restart">{escape(_("Start again"))}</button></div>\n'
        f'<div id="terminal" class="textual-terminal" data-session-websocket-url="{escape(websocket_url)}" data-font-size="16"></div>'
    )
    return _response(_document("IMR", body, head), websocket_origin=websocket_origin)


def refused_page(status: int) -> web.Response:
    """Why the server said no, in the user's language, and what to do."""
    if status == 421:
        text = _("Open the app at the address imr-tui serve printed.")
    else:
        text = _("Open the link imr-tui serve printed when it started (it holds a token), in this browser.")
    return _response(_notice(_("No access"), text), status=status)


def full_page(limit: int) -> web.Response:
    """All sessions are in use: say how many and how to free one."""
    text = _("All {limit} sessions are in use. Close a browser tab with IMR open, then reload this page.").format(limit=limit)
    return _response(_notice(_("All sessions are in use"), text), status=503)
