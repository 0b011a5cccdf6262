"""Where the server listens and the addresses a browser may reach it by.

Loopback only unless a public https URL is given: that URL is the reverse proxy which adds TLS
and the service's own login in front of the server.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

from imr_tui.errors import BadInputError
from imr_tui.i18n import _

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class ServeAddress:
    host: str
    port: int
    public_url: str | None = None

    @classmethod
    def checked(cls, host: str, port: int, public_url: str | None) -> ServeAddress:
        """The address, or BadInputError naming the option and what is allowed."""
        if not 1 <= port <= 65535:
            raise BadInputError(_("--port {port}: choose a port from 1 to 65535").format(port=port))
        if public_url is not None:
            parts = urlsplit(public_url)
            if parts.scheme != "https" or not parts.hostname or parts.query or parts.fragment or not _valid_port(parts):
                raise BadInputError(
                    _("--public-url {url}: give the https address of the reverse proxy, such as https://imr.example.org").format(url=public_url)
                )
            public_url = public_url.rstrip("/")
        elif not is_loopback(host):
            raise BadInputError(
                _("--host {host}: serving beyond this machine needs --public-url https://... (a reverse proxy with TLS and your service's login)").format(host=host)
            )
        return cls(host, port, public_url)

    @property
    def local_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def url(self) -> str:
        """The address to open: the public URL when there is one."""
        return self.public_url or self.local_url

    @property
    def allowed_hosts(self) -> frozenset[str]:
        """Host headers accepted: on a loopback server its own address (127.0.0.2 is loopback too) and the
        loopback names; and the public URL's host."""
        hosts = {f"{name}:{self.port}" for name in LOOPBACK_NAMES} | {urlsplit(self.local_url).netloc} if is_loopback(self.host) else set()
        if self.public_url:
            hosts.add(_public_netloc(self.public_url))
        return frozenset(hosts)

    @property
    def allowed_origins(self) -> frozenset[str]:
        """The pages that may open a session: this server's own, under the names it answers to."""
        origins = {f"http://{host}" for host in self.allowed_hosts if self.public_url is None or host != _public_netloc(self.public_url)}
        if self.public_url:
            origins.add(f"https://{_public_netloc(self.public_url)}")
        return frozenset(origins)


def _valid_port(parts) -> bool:  # type: ignore[no-untyped-def]
    try:
        return parts.port is None or parts.port > 0
    except ValueError:
        return False


def _public_netloc(url: str) -> str:
    parts = urlsplit(url)
    host = f"[{parts.hostname}]" if ":" in (parts.hostname or "") else (parts.hostname or "")
    return host if parts.port in (None, 443) else f"{host}:{parts.port}"
