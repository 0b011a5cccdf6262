"""The web server: textual-serve's app processes behind our gate, page and session limit."""

from __future__ import annotations

import asyncio
import json
import logging
import shlex
import sys

from aiohttp import WSCloseCode, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from imr_tui.config import Settings
from imr_tui.i18n import _
from imr_tui.serve.address import ServeAddress
from imr_tui.serve.assets import handle_static
from imr_tui.serve.auth import Gate
from imr_tui.serve.pages import app_page, full_page

log = logging.getLogger(__name__)

# Each browser session runs the app the way the terminal does, in its own process.
APP_COMMAND = shlex.join([sys.executable, "-c", "from imr_tui.cli import main; main()"])
MAX_TERMINAL_SIZE = 500


class AppProcess(AppService):
    """One browser session's app process; it may not hand the browser files or links."""

    def __init__(self, command: str, environment: dict[str, str], **options) -> None:
        super().__init__(command, **options)
        self._environment = environment

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        # The database URL travels in the environment, where `ps` does not show a password.
        return {**super()._build_environment(width, height), **self._environment}

    async def run(self) -> None:
        try:
            await super().run()
        finally:
            await self.remote_close()  # an app that ended without saying so (a crash) ends its session too

    async def on_meta(self, data: bytes) -> None:
        kind = json.loads(data).get("type")
        if kind in ("deliver_file_start", "open_url"):
            log.warning("refused %s from a served app", kind)
            return
        await super().on_meta(data)

    async def on_packed(self, payload: bytes) -> None:
        log.warning("refused file data from a served app")


def app_environment(settings: Settings) -> dict[str, str]:
    environment = {"IMR_TUI_LANG": settings.language}
    if settings.database:
        environment["IMR_TUI_DB"] = settings.database
    if settings.curriculum:
        environment["IMR_TUI_CURRICULUM"] = str(settings.curriculum)
    return environment


class AppServer(Server):
    def __init__(self, settings: Settings, address: ServeAddress, gate: Gate | None = None) -> None:
        super().__init__(APP_COMMAND, host=address.host, port=address.port, title="IMR", public_url=address.url)
        self.address = address
        self.gate = gate or Gate(address)
        self.environment = app_environment(settings)
        self.max_sessions = settings.serve_max_sessions
        self.sessions: set[web.WebSocketResponse] = set()

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.gate.middleware])
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get("/static/{name:.+}", handle_static, name="static"),
            ]
        )
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    def serve(self, debug: bool = False) -> None:
        # No access log: the first request's address holds the token. aiohttp calls `print`
        # once it listens, so the link is shown only when it works.
        web.run_app(self._make_app(), host=self.host, port=self.port, access_log=None, print=lambda _banner: self.announce())

    async def on_startup(self, app: web.Application) -> None:
        """textual-serve prints its banner here; the link is printed once the port is open."""

    def announce(self) -> None:
        print(_("Open this link in your browser (it holds a secret token: whoever has it can open the app):"), flush=True)
        print(f"    {self.gate.login_url}", flush=True)
        print(_("At most {limit} sessions at once. Press ctrl+c to stop.").format(limit=self.max_sessions), flush=True)
        log.info("serving on %s, at most %d sessions", self.address.url, self.max_sessions)

    async def on_shutdown(self, app: web.Application) -> None:
        for websocket in list(self.sessions):
            await websocket.close(code=WSCloseCode.GOING_AWAY)

    def _full(self) -> bool:
        if len(self.sessions) >= self.max_sessions:
            log.warning("refused a session: all %d are in use", self.max_sessions)
            return True
        return False

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if self._full():
            return full_page(self.max_sessions)
        if self.address.public_url:
            websocket_url = "wss://" + self.address.public_url.split("://", 1)[1] + "/ws"
        else:
            websocket_url = f"ws://{request.host}/ws"
        return app_page(websocket_url, websocket_url.rsplit("/ws", 1)[0])

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]  # textual-serve's annotation is narrower than what aiohttp takes from a handler (a full page)
        if self._full():
            return full_page(self.max_sessions)
        width = min(to_int(request.query.get("width", "80"), 80), MAX_TERMINAL_SIZE)
        height = min(to_int(request.query.get("height", "24"), 24), MAX_TERMINAL_SIZE)
        websocket = web.WebSocketResponse(heartbeat=15)
        self.sessions.add(websocket)  # counted before the first await, so the limit holds
        try:
            await websocket.prepare(request)
            process = AppProcess(
                self.command, self.environment,
                write_bytes=websocket.send_bytes, write_str=websocket.send_str, close=websocket.close,
                download_manager=self.download_manager,
            )  # fmt: skip
            log.info("browser session started (%d of %d)", len(self.sessions), self.max_sessions)
            await process.start(max(width, 1), max(height, 1))
            try:
                await self._process_messages(websocket, process)
            finally:
                await process.stop()
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:
            log.error("browser session failed: %s", type(error).__name__)
        finally:
            self.sessions.discard(websocket)
            log.info("browser session ended (%d left)", len(self.sessions))
        return websocket


def serve(settings: Settings, address: ServeAddress) -> None:
    """Check the store, the curriculum and the page's files, then serve until ctrl+c."""
    from imr_tui.curriculum.loader import load_curriculum
    from imr_tui.errors import UserError
    from imr_tui.serve.assets import assets
    from imr_tui.store import open_store

    load_curriculum(settings.curriculum)
    open_store(settings.database).close()  # upgraded once here, not by the first sessions at once
    assets()
    try:
        AppServer(settings, address).serve()
    except OSError as error:
        raise UserError(_("cannot listen on {host}:{port}: {reason}").format(host=address.host, port=address.port, reason=error.strerror or error)) from None
