"""A throwaway PostgreSQL server for the tests: loopback only, a free port, a temp folder.

The server refuses to run as root, so under root the cluster is made and run by the
`postgres` user in a folder that user owns. The superuser `postgres` may connect without a
password (trust, 127.0.0.1 only) to make and drop databases; the app connects as `imr`
with a password (scram), as a service's shared database would be set up.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

APP_ROLE = "imr"
APP_PASSWORD = "imr-test-pw"
ADMIN_ROLE = "postgres"
# Settings that make a test server quick; it holds nothing worth keeping after a crash.
FAST_SETTINGS = ("fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=100")


def find_bin_dir() -> Path | None:
    """The newest /usr/lib/postgresql/<version>/bin that has initdb (or IMR_TUI_PG_BIN); None when not installed."""
    if os.environ.get("IMR_TUI_PG_BIN"):  # another layout (Fedora, Homebrew): the folder with initdb and pg_ctl
        chosen = Path(os.environ["IMR_TUI_PG_BIN"])
        return chosen if (chosen / "initdb").exists() else None
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda path: int(Path(path).parent.parent.name))
    return Path(found[-1]).parent if found else None


def free_port() -> int:
    with contextlib.closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


OWNER_FILE = "owner.pid"


def stop_orphans(bin_dir: Path) -> None:
    """Stop the servers of earlier test runs that were killed before they could stop them."""
    for owner in Path(tempfile.gettempdir()).glob(f"imr-pg-*/{OWNER_FILE}"):
        if not _running(int(owner.read_text() or 0)):
            server = PgServer.__new__(PgServer)
            server.bin_dir, server.root, server.data = bin_dir, owner.parent, owner.parent / "data"
            server._as_postgres = os.geteuid() == 0
            server.stop()


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return pid > 0


class PgServer:
    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="imr-pg-"))
        self.data = self.root / "data"
        self._as_postgres = os.geteuid() == 0
        self._counter = 0

    # -- life cycle ---------------------------------------------------------------------
    def start(self) -> PgServer:
        stop_orphans(self.bin_dir)
        (self.root / OWNER_FILE).write_text(str(os.getpid()))
        if self._as_postgres:
            shutil.chown(self.root, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-U", ADMIN_ROLE, "-E", "UTF8", "--locale=C.UTF-8", "-A", "trust")
        (self.data / "pg_hba.conf").write_text(
            "# TCP on loopback only: the admin without a password, every other role with one.\n"
            f"host all {ADMIN_ROLE} 127.0.0.1/32 trust\n"
            "host all all 127.0.0.1/32 scram-sha-256\n"
        )
        self.resume()
        self.admin(f"CREATE ROLE {APP_ROLE} LOGIN CREATEDB PASSWORD '{APP_PASSWORD}'")
        return self

    def pause(self) -> None:
        """Stop the server at once, as a crash or a restart would, keeping its data for `resume()`."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def resume(self) -> None:
        options = " ".join(f"-c {setting}" for setting in (
            "listen_addresses=127.0.0.1", f"port={self.port}", f"unix_socket_directories={self.root}", *FAST_SETTINGS))  # fmt: skip
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-o", options, "-w", "start")

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def _run(self, program: str, *arguments: str) -> None:
        command = [str(self.bin_dir / program), *arguments]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=self.root, timeout=120)

    # -- databases ------------------------------------------------------------------------
    def url(self, database: str, *, user: str = APP_ROLE, password: str | None = APP_PASSWORD) -> str:
        """A SQLAlchemy URL for imr-tui's `--db`."""
        secret = f":{password}" if password is not None else ""
        return f"postgresql+psycopg://{user}{secret}@127.0.0.1:{self.port}/{database}"

    def admin(self, *statements: str, database: str = "postgres") -> list[tuple]:
        """Run statements as the superuser, outside a transaction; the last one's rows."""
        import psycopg

        rows: list[tuple] = []
        with psycopg.connect(host="127.0.0.1", port=self.port, user=ADMIN_ROLE, dbname=database, autocommit=True) as connection:
            for statement in statements:
                cursor = connection.execute(statement)
                rows = cursor.fetchall() if cursor.description else []
        return rows

    def create_database(self, *, template: str | None = None, prefix: str = "test") -> str:
        """A new database owned by the app role (a copy of `template` if given); its name."""
        self._counter += 1
        name = f"{prefix}_{os.getpid()}_{self._counter}"
        copy = f" TEMPLATE {template}" if template else ""
        self.admin(f"CREATE DATABASE {name} OWNER {APP_ROLE}{copy}")
        return name

    def drop_database(self, name: str) -> None:
        self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
