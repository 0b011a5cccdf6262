"""Where imr-tui's start-up goes: the steps `imr-tui --db X` takes before the first screen, timed one by one.

    python benchmarks/startup_phases.py --db /tmp/ten-years.sqlite

Unlike a sampling profiler, this adds no overhead to pure-Python work (YAML parsing, imports),
so the milliseconds compare directly with run.py's. Also prints the peak memory after each step.
Textual's own start (shared with the bare app) is not included.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import time
from pathlib import Path


def peak_mib() -> float:
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    started = last = time.perf_counter()

    def step(label: str) -> None:
        nonlocal last
        now = time.perf_counter()
        print(f"{(now - last) * 1000:7.1f} ms {peak_mib():6.1f} MiB  {label}")
        last = now

    import imr_tui.cli.root  # noqa: F401

    step("import imr_tui.cli.root: typer, and the store (SQLAlchemy, SQLModel, models) through cli.demo")
    from imr_tui.i18n import format_long_date, set_language

    set_language("en")
    from imr_tui.curriculum.loader import load_curriculum

    load_curriculum()
    step("load_curriculum(): ruamel.yaml round-trip parse and checks")
    from imr_tui.store import open_store

    store = open_store(args.db)
    step("open_store(): engine and schema version check")
    import imr_tui.app  # noqa: F401
    import imr_tui.screens.today  # noqa: F401

    step("import imr_tui.app and the Today screen: Textual (the bare app pays this too)")
    today = dt.date.today()
    format_long_date(today)
    step("first format_long_date(): Babel's locale data, in IMRApp.on_mount")
    store.groups.overview(today)
    step("store.groups.overview(today), in the Today screen's worker")
    print(f"{(last - started) * 1000:7.1f} ms in all")


if __name__ == "__main__":
    main()
