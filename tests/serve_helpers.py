"""`imr-tui serve` as a real subprocess on a free port, for the serve tests."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

APP_CODE = "from imr_tui.cli import main; main()"
IMR_TUI = [sys.executable, "-c", APP_CODE]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ServedApp:
    """A running `imr-tui serve`; `login_url` is the link it printed, with its token.

    Its output goes to files (never a pipe nobody reads, which would stall the server).
    """

    def __init__(self, database: Path, folder: Path, *arguments: str, language: str = "nb") -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.output, self.errors = folder / "serve.out", folder / "serve.err"
        command = [*IMR_TUI, "serve", "--port", str(self.port), "--db", str(database), "--lang", language, *arguments]
        with self.output.open("w") as stdout, self.errors.open("w") as stderr:
            self.process = subprocess.Popen(command, stdout=stdout, stderr=stderr, env=dict(os.environ))
        self.login_url = self._wait_for_login_url()
        self.token = self.login_url.split("token=", 1)[1]

    def _wait_for_login_url(self, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            if found := re.search(r"https?://\S+\?token=\S+", self.output.read_text()):
                return found.group(0)
            time.sleep(0.05)
        self.stop()
        raise AssertionError(f"imr-tui serve printed no link:\n{self.output.read_text()}{self.errors.read_text()}")

    def stop(self) -> int:
        """Stops the server as a service manager would (SIGTERM); returns its exit code."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


def build_demo(database: Path) -> None:
    """The demo through the CLI, dated today: the served app runs on the real clock."""
    subprocess.run([*IMR_TUI, "demo", "--no-launch", "--db", str(database)], check=True, capture_output=True)


def app_processes(database: Path) -> list[int]:
    """The app processes a server started on `database` (the server hands the path over in IMR_TUI_DB)."""
    wanted = f"IMR_TUI_DB={database}".encode()
    found = []
    for process in Path("/proc").iterdir():
        try:
            if not process.name.isdigit() or wanted not in (process / "environ").read_bytes().split(b"\0"):
                continue
            arguments = (process / "cmdline").read_bytes().split(b"\0")
            if arguments[1:3] == [b"-c", APP_CODE.encode()]:  # the app itself, not the shell that started it
                found.append(int(process.name))
        except OSError:
            continue  # ended meanwhile, or not ours to read
    return found
