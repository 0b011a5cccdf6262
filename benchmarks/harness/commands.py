"""Wall time of a command-line run, from start to exit."""

from __future__ import annotations

import subprocess
import time


def time_command(command: list[str], env: dict[str, str]) -> float:
    """Milliseconds; the output goes nowhere, as when a script pipes it on."""
    started = time.perf_counter()
    finished = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = (time.perf_counter() - started) * 1000
    if finished.returncode != 0:
        raise SystemExit(f"run.py: {' '.join(command)} failed: {finished.stderr.strip()}")
    return elapsed
