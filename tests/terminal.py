"""Running imr-tui in a real terminal (tmux) for tests that must kill it or time it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid

import pytest

IMR_TUI = f"{sys.executable} -c 'from imr_tui.cli import main; main()'"

needs_tmux = pytest.mark.skipif(
    shutil.which("tmux") is None and not os.environ.get("IMR_TUI_REQUIRE_TMUX"),
    reason="needs tmux to run the app in a real terminal (CI installs it and sets IMR_TUI_REQUIRE_TMUX)",
)


class Terminal:
    def __init__(self, command: str, env: dict[str, str], size: tuple[int, int] = (120, 40)) -> None:
        self.name = f"imr-test-{uuid.uuid4().hex[:8]}"
        self.socket = f"imr-test-{uuid.uuid4().hex[:8]}"
        exports = " ".join(f"{key}={value!r}" for key, value in env.items())
        self.tmux("new-session", "-d", "-s", self.name, "-x", str(size[0]), "-y", str(size[1]), f"exec env -i {exports} {command}")

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.05)
        raise AssertionError(f"{text!r} did not appear on screen:\n{self.screen()}")

    def press(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, *keys)

    def pid(self) -> int:
        return int(self.tmux("list-panes", "-t", self.name, "-F", "#{pane_pid}").strip())

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
