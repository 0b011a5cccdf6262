"""Launching an app in a real terminal (tmux) and timing how long until its screen shows a text.

Each measurement runs in its own tmux session on a private tmux server (its own socket in
the harness's temporary folder, no user config). The server is kept running between sessions, because one that exits when
its last session ends can refuse the next client while it shuts down; it is killed at the end. The clock starts just before
`tmux new-session` and stops at the first `capture-pane` that contains the text.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

POLL_SECONDS = 0.01
TIMEOUT_SECONDS = 60.0


@dataclass(frozen=True)
class Launch:
    seconds: float
    peak_rss_kib: int | None
    """VmHWM of the app's process when its screen showed the text; None without /proc."""


def tmux_available() -> bool:
    return shutil.which("tmux") is not None


class Terminal:
    def __init__(self, env: dict[str, str], folder: Path, width: int = 120, height: int = 36) -> None:
        self.env = env
        self.size = (width, height)
        self.socket = str(folder / "tmux.sock")
        self.count = 0
        # remain-on-exit keeps the screen of an app that crashed, so the error can be shown.
        self._tmux("start-server", ";", "set-option", "-g", "exit-empty", "off", ";", "set-option", "-g", "remain-on-exit", "on")

    @property
    def description(self) -> str:
        version = subprocess.run(["tmux", "-V"], capture_output=True, text=True).stdout.strip()
        return f"{version}, {self.size[0]}x{self.size[1]}"

    def launch(self, command: list[str], ready_text: str) -> Launch:
        """Start `command`, wait until `ready_text` is on screen, note its peak memory, end it."""
        self.count += 1
        session = f"run{self.count}"
        settings = [option for key in ("HOME", "LANG", "LC_ALL", "IMR_TUI_LANG") for option in ("-e", f"{key}={self.env[key]}")]
        settings += [option for key, value in self.env.items() if key.startswith("XDG_") for option in ("-e", f"{key}={value}")]
        started = time.perf_counter()
        self._tmux("new-session", "-d", "-s", session, "-x", str(self.size[0]), "-y", str(self.size[1]), *settings, "--", *command)
        try:
            seconds = self._wait_for(session, ready_text, started)
            return Launch(seconds, peak_rss_kib(self._pane_pid(session)))
        finally:
            self._tmux("kill-session", "-t", session, check=False)

    def close(self) -> None:
        self._tmux("kill-server", check=False)

    def _wait_for(self, session: str, text: str, started: float) -> float:
        screen, polls = "", 0
        while time.perf_counter() - started < TIMEOUT_SECONDS:
            screen = self._tmux("capture-pane", "-p", "-t", session, check=False).stdout
            if text in screen:
                return time.perf_counter() - started
            polls += 1
            if polls % 10 == 0 and self._tmux("display-message", "-p", "-t", session, "#{pane_dead}").stdout.strip() == "1":
                last_screen = self._tmux("capture-pane", "-p", "-t", session, check=False).stdout.strip()
                raise RuntimeError(f"the app ended before '{text}' appeared; its screen:\n{last_screen}")
            time.sleep(POLL_SECONDS)
        raise TimeoutError(f"'{text}' did not appear within {TIMEOUT_SECONDS:.0f} s; the screen showed:\n{screen.strip()}")

    def _pane_pid(self, session: str) -> int:
        return int(self._tmux("list-panes", "-t", session, "-F", "#{pane_pid}").stdout.split()[0])

    def _tmux(self, *arguments: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        # -u: the screen holds Norwegian letters; -f /dev/null: the user's tmux.conf stays out.
        result = subprocess.run(["tmux", "-u", "-S", self.socket, "-f", "/dev/null", *arguments], env=self.env, capture_output=True, text=True)
        if check and result.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(arguments[:1])} failed: {result.stderr.strip()}")
        return result


def peak_rss_kib(pid: int) -> int | None:
    """The largest VmHWM among `pid` and its descendants (the pane may hold a shell around the app)."""
    highest = None
    for process in _with_descendants(pid):
        try:
            for line in Path(f"/proc/{process}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    highest = max(highest or 0, int(line.split()[1]))
        except OSError:
            continue
    return highest


def _with_descendants(pid: int) -> list[int]:
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        try:
            queue += [int(child) for child in Path(f"/proc/{current}/task/{current}/children").read_text().split()]
        except OSError:
            continue
    return found
