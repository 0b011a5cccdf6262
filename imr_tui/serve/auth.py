"""Who may use the server: the printed token once, then an HttpOnly session cookie.

Every request, the WebSocket and the static files included, must carry the cookie (or the
token, on the first visit). The WebSocket must also come from one of the server's own pages:
without that check any web site open in the therapist's browser could drive a session.
"""

from __future__ import annotations

import hmac
import logging
import secrets
from collections.abc import Awaitable, Callable

from aiohttp import web

from imr_tui.serve.address import ServeAddress
from imr_tui.serve.pages import refused_page

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class Gate:
    """The token printed at start, the cookie it is exchanged for, and the checks on each request."""

    def __init__(self, address: ServeAddress, token: str | None = None) -> None:
        self.address = address
        self.token = token or secrets.token_urlsafe(32)
        self._session_secret = secrets.token_urlsafe(32)
        # Browsers share cookies between ports of one host: each server keeps its own.
        self.cookie_name = f"imr_tui_session_{address.port}"

    @property
    def login_url(self) -> str:
        return f"{self.address.url}/?token={self.token}"

    def _has_session(self, request: web.Request) -> bool:
        return _same(request.cookies.get(self.cookie_name, ""), self._session_secret)

    def _token_matches(self, given: str) -> bool:
        return _same(given, self.token)

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.host.lower() not in self.address.allowed_hosts:
            log.warning("refused a request for another host name")
            return refused_page(421)
        given = request.query.get("token")
        if given is not None and request.path == "/":
            if not self._token_matches(given):
                log.warning("refused a wrong token")
                return refused_page(403)
            return self._exchange(request)
        if not self._has_session(request):
            return refused_page(403)
        if request.path == "/ws" and request.headers.get("Origin") not in self.address.allowed_origins:
            log.warning("refused a WebSocket from another site")
            return refused_page(403)
        return await handler(request)

    def _exchange(self, request: web.Request) -> web.StreamResponse:
        """The token for a cookie, then the same page without the token in its address."""
        rest = request.rel_url.query.copy()  # the same query; aiohttp types `request.query` without copy()
        rest.popall("token")
        location = "./" + (f"?{request.rel_url.with_query(rest).query_string}" if rest else "")
        response = web.Response(status=303, headers={"Location": location})
        response.set_cookie(
            self.cookie_name, self._session_secret,
            httponly=True, samesite="Strict", secure=self.address.public_url is not None, path="/",
        )  # fmt: skip
        log.info("a browser signed in with the token")
        return response


def _same(given: str, expected: str) -> bool:
    """Compared in constant time; as bytes, since any text may arrive (compare_digest refuses non-ASCII str)."""
    return hmac.compare_digest(given.encode(), expected.encode())
