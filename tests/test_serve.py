"""`imr-tui serve` without a browser: who gets in, from where, how many, and what the page loads."""

from __future__ import annotations

import asyncio
import io
import json
import os
import re
import signal
import socket
import subprocess
from pathlib import Path

import aiohttp
import pytest
from textual_serve.download_manager import DownloadManager

from imr_tui.app import IMRApp
from imr_tui.errors import BadInputError
from imr_tui.serve.address import ServeAddress
from imr_tui.serve.server import AppProcess

from serve_helpers import IMR_TUI, ServedApp, app_processes


@pytest.fixture
def served(demo_path: Path, tmp_path: Path):
    server = ServedApp(demo_path, tmp_path)
    yield server
    assert server.stop() == 0


def signed_in() -> aiohttp.ClientSession:
    # unsafe=True: aiohttp keeps no cookies for an IP address (127.0.0.1) otherwise.
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


async def sign_in(http: aiohttp.ClientSession, server: ServedApp) -> None:
    async with http.get(server.login_url) as response:
        assert response.status == 200


def test_only_loopback_unless_a_public_https_url_is_given() -> None:
    assert ServeAddress.checked("127.0.0.1", 8000, None).url == "http://127.0.0.1:8000"
    assert ServeAddress.checked("::1", 8000, None).url == "http://[::1]:8000"
    with pytest.raises(BadInputError, match="--public-url"):
        ServeAddress.checked("0.0.0.0", 8000, None)
    with pytest.raises(BadInputError, match="https"):
        ServeAddress.checked("0.0.0.0", 8000, "http://imr.example.org")
    public = ServeAddress.checked("0.0.0.0", 8000, "https://imr.example.org/")
    assert public.url == "https://imr.example.org"
    assert public.allowed_origins == {"https://imr.example.org"}
    assert public.allowed_hosts == {"imr.example.org"}  # reached through the proxy only
    local = ServeAddress.checked("127.0.0.1", 8000, None)
    assert local.allowed_origins == {"http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000"}


def test_the_session_limit_is_a_setting_of_one_or_more(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from imr_tui.config import load_settings

    config = tmp_path / "config.toml"
    monkeypatch.setenv("IMR_TUI_CONFIG", str(config))
    config.write_text("# nothing set: the default\n")
    assert load_settings().serve_max_sessions == 5
    config.write_text("serve_max_sessions = 0\n")
    with pytest.raises(BadInputError, match="serve_max_sessions"):
        load_settings()


def test_a_non_loopback_host_without_a_public_url_is_refused_in_one_line(tmp_path: Path) -> None:
    done = subprocess.run([*IMR_TUI, "serve", "--host", "0.0.0.0", "--lang", "en"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("imr-tui: --host 0.0.0.0: serving beyond this machine needs --public-url https://")


def test_a_port_in_use_is_one_clear_line_and_no_link(demo_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        command = [*IMR_TUI, "serve", "--port", str(port), "--db", str(demo_path), "--lang", "en"]
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr.startswith(f"imr-tui: cannot listen on 127.0.0.1:{port}") and done.stderr.count("\n") == 1
    assert "token=" not in done.stdout


async def test_every_route_refuses_a_request_without_the_token(served: ServedApp) -> None:
    async with aiohttp.ClientSession() as http:
        for path in ("/", "/static/textual.js", "/static/page.css", "/ws", f"/?token={served.token}x", "/?token=%C3%B8"):
            async with http.get(served.base + path) as response:
                assert response.status == 403, path
                assert "Ingen tilgang" in await response.text()


async def test_the_token_is_exchanged_for_a_strict_http_only_cookie_and_a_clean_address(served: ServedApp) -> None:
    async with signed_in() as http:
        async with http.get(served.login_url, allow_redirects=False) as response:
            assert response.status == 303
            assert response.headers["Location"] == "./"
            cookie = response.headers["Set-Cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Secure" not in cookie  # plain http on loopback
        async with http.get(served.base + "/") as page:
            assert page.status == 200
            body = await page.text()
            assert f'data-session-websocket-url="ws://127.0.0.1:{served.port}/ws"' in body
            assert "default-src 'none'" in page.headers["Content-Security-Policy"]


async def test_nothing_the_page_loads_points_to_another_machine(served: ServedApp) -> None:
    async with signed_in() as http:
        await sign_in(http, served)
        async with http.get(served.base + "/") as page:
            body = await page.text()
        loaded = re.findall(r'(?:src|href)="([^"]+)"', body)
        assert loaded and all(not re.match(r"\w+:", url) or url == "data:," for url in loaded), loaded
        for url in loaded:
            if url.startswith("static/"):
                async with http.get(f"{served.base}/{url}") as asset:
                    assert asset.status == 200, url
                    text = (await asset.read()).decode("utf-8", "replace")
                    assert "googleapis" not in text and "url(http" not in text, url


async def test_a_websocket_from_another_site_or_without_the_cookie_is_refused(served: ServedApp) -> None:
    async with signed_in() as http:
        await sign_in(http, served)
        for origin in ("https://evil.example", "null", f"http://127.0.0.1:{served.port + 1}"):
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(f"{served.base}/ws", origin=origin)
            assert refused.value.status == 403, origin
    async with aiohttp.ClientSession() as stranger:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await stranger.ws_connect(f"{served.base}/ws", origin=served.base)
        assert refused.value.status == 403


async def test_another_host_name_is_refused(served: ServedApp) -> None:
    # A page on a domain that resolves to 127.0.0.1 (DNS rebinding) sends its own host name.
    async with aiohttp.ClientSession() as http:
        async with http.get(served.login_url, headers={"Host": f"rebound.example:{served.port}"}, allow_redirects=False) as response:
            assert response.status == 421


async def test_a_session_past_the_limit_gets_a_clear_page(demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text("serve_max_sessions = 1\n")
    monkeypatch.setenv("IMR_TUI_CONFIG", str(config))
    server = ServedApp(demo_path, tmp_path)
    try:
        async with signed_in() as http:
            await sign_in(http, server)
            async with http.ws_connect(f"{server.base}/ws?width=100&height=30", origin=server.base) as session:
                first = await session.receive(timeout=30)
                assert first.type == aiohttp.WSMsgType.BINARY  # the app process draws its first screen
                async with http.get(server.base + "/") as full:
                    assert full.status == 503
                    assert "Alle 1 øktene er i bruk" in await full.text()
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    await http.ws_connect(f"{server.base}/ws", origin=server.base)
                assert refused.value.status == 503
                [app] = app_processes(demo_path)
                os.kill(app, signal.SIGKILL)  # an app that crashes ends its session and frees its place
                while (await session.receive(timeout=10)).type not in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                    pass
            for _attempt in range(100):  # the session is counted out once the server has closed it
                async with http.get(server.base + "/") as page:
                    if page.status == 200:
                        break
                await asyncio.sleep(0.1)
            assert page.status == 200
    finally:
        assert server.stop() == 0


async def test_behind_a_reverse_proxy_only_its_https_address_is_accepted(demo_path: Path, tmp_path: Path) -> None:
    server = ServedApp(demo_path, tmp_path, "--public-url", "https://imr.example.org")
    proxied = {"Host": "imr.example.org"}
    try:
        assert server.login_url.startswith("https://imr.example.org/?token=")
        async with signed_in() as http:
            local_login = f"{server.base}/?token={server.token}"
            async with http.get(local_login, headers=proxied, allow_redirects=False) as response:
                assert response.status == 303
                assert "Secure" in response.headers["Set-Cookie"]
                secret = response.cookies[f"imr_tui_session_{server.port}"].value
            cookie = {"Cookie": f"imr_tui_session_{server.port}={secret}"}
            async with http.get(server.base + "/", headers={**proxied, **cookie}) as page:
                assert 'data-session-websocket-url="wss://imr.example.org/ws"' in await page.text()
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(f"{server.base}/ws", origin="http://imr.example.org", headers={**proxied, **cookie})
            assert refused.value.status == 403  # the proxy's address without TLS
    finally:
        assert server.stop() == 0


async def test_a_served_app_process_cannot_hand_the_browser_files_or_links() -> None:
    sent: list[str] = []

    async def write_str(text: str) -> None:
        sent.append(text)

    async def ignore(*_args) -> None:
        return None

    process = AppProcess("true", {}, write_bytes=ignore, write_str=write_str, close=ignore, download_manager=DownloadManager())
    screenshot = {"type": "deliver_file_start", "key": "k1", "path": "/tmp/screen.svg", "open_method": "browser", "mime_type": "image/svg+xml", "encoding": "utf-8"}
    await process.on_meta(json.dumps(screenshot).encode())
    await process.on_meta(json.dumps({"type": "open_url", "url": "https://example.org", "new_tab": True}).encode())
    assert sent == []


async def test_the_app_offers_no_screenshot_and_refuses_downloads_in_a_browser(make_app, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(language="en")
    async with app.run_test() as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert titles and not any("screenshot" in str(title).lower() for title in titles)
        monkeypatch.setattr(IMRApp, "is_web", property(lambda self: True))
        assert app.deliver_text(io.StringIO("notes about a participant"), save_filename="notes.txt") is None
        assert app.deliver_screenshot() is None


def test_the_link_printed_for_any_loopback_address_is_one_the_server_answers() -> None:
    from urllib.parse import urlsplit

    from imr_tui.serve.address import ServeAddress

    for host in ("127.0.0.1", "127.0.0.2", "localhost", "::1"):
        address = ServeAddress.checked(host, 8765, None)
        assert urlsplit(address.url).netloc in address.allowed_hosts, host
        assert f"http://{urlsplit(address.url).netloc}" in address.allowed_origins, host
