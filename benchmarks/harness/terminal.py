"""Launching an app in a real terminal (tmux) and timing how long until its screen shows a text.

Each measurement runs in its own tmux session on a private tmux server (its own socket in
the harness's temporary folder, no user config). The server is kept running between sessions, because one that exits when
its last session ends can refuse the next client while it shuts down; it is killed at the end. The clock starts just before
`tmux new-session` and stops at the first `capture-pane` that contains the text.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

POLL_SECONDS = 0.01
TIMEOUT_SECONDS = 60.0
SETTLED_SECONDS = 0.3
"""Peak memory is read once the screen has not changed for this long: work the app does just
after its first screen (a worker that adds to it) counts too."""


@dataclass(frozen=True)
class Launch:
    seconds: float
    first_frame_seconds: float
    """Until anything at all was drawn: the app's first frame, with or without its data."""
    peak_rss_kib: int | None
    cpu_seconds: float | None
    """CPU time (user and system) the app had used when its screen showed the text; None without /proc.
    Unlike the wall time, it hardly changes with other work on the machine."""
    """VmHWM of the app's process once its screen showed the text and settled; None without /proc."""


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
        with self.running(command, ready_text) as (_session, launch):
            return launch

    @contextmanager
    def running(self, command: list[str], ready_text: str) -> Iterator[tuple[str, Launch]]:
        """Start `command` and wait until `ready_text` is on screen; the app runs until the block ends."""
        self.count += 1
        session = f"run{self.count}"
        settings = [option for key in ("HOME", "LANG", "LC_ALL", "IMR_TUI_LANG") for option in ("-e", f"{key}={self.env[key]}")]
        settings += [option for key, value in self.env.items() if key.startswith("XDG_") for option in ("-e", f"{key}={value}")]
        started = time.perf_counter()
        self._tmux("new-session", "-d", "-s", session, "-x", str(self.size[0]), "-y", str(self.size[1]), *settings, "--", *command)
        try:
            first_frame: list[float] = []

            def ready(screen: str) -> bool:
                if not first_frame and screen.strip():
                    first_frame.append(time.perf_counter() - started)
                return ready_text in screen

            seconds = self._wait_for(session, ready, f"'{ready_text}'", started)
            cpu = cpu_seconds(self._pane_pid(session))
            self.wait_until_settled(session)
            yield session, Launch(seconds, first_frame[0], peak_rss_kib(self._pane_pid(session)), cpu)
        finally:
            self._tmux("kill-session", "-t", session, check=False)

    def press(self, session: str, key: str, shown: Callable[[str], bool], what: str) -> float:
        """Seconds from sending `key` until the screen satisfies `shown`."""
        started = time.perf_counter()
        self._tmux("send-keys", "-t", session, key)
        return self._wait_for(session, shown, what, started)

    def screen(self, session: str) -> str:
        return self._tmux("capture-pane", "-p", "-t", session, check=False).stdout

    def close(self) -> None:
        self._tmux("kill-server", check=False)

    def _wait_for(self, session: str, shown: Callable[[str], bool], what: str, started: float) -> float:
        screen, polls = "", 0
        while time.perf_counter() - started < TIMEOUT_SECONDS:
            screen = self.screen(session)
            if shown(screen):
                return time.perf_counter() - started
            polls += 1
            if polls % 10 == 0 and self._tmux("display-message", "-p", "-t", session, "#{pane_dead}").stdout.strip() == "1":
                raise RuntimeError(f"the app ended before {what} appeared; its screen:\n{self.screen(session).strip()}")
            time.sleep(POLL_SECONDS)
        raise TimeoutError(f"{what} did not appear within {TIMEOUT_SECONDS:.0f} s; the screen showed:\n{screen.strip()}")

    def wait_until_settled(self, session: str) -> None:
        """Until the screen has not changed for SETTLED_SECONDS (at most ten times that: a clock may tick)."""
        last, since = self.screen(session), time.perf_counter()
        give_up = since + 10 * SETTLED_SECONDS
        while time.perf_counter() - since < SETTLED_SECONDS and time.perf_counter() < give_up:
            time.sleep(POLL_SECONDS * 5)
            if (screen := self.screen(session)) != last:
                last, since = screen, time.perf_counter()

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


def cpu_seconds(pid: int) -> float | None:
    """User and system CPU time of `pid` and its descendants, from /proc/<pid>/stat."""
    ticks, found = 0, False
    for process in _with_descendants(pid):
        try:
            fields = Path(f"/proc/{process}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime and stime, fields 14 and 15 of stat
        found = True
    return ticks / os.sysconf("SC_CLK_TCK") if found else None


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
