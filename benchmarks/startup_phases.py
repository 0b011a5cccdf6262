"""Where imr-tui's start-up goes: the steps `imr-tui --db X` takes before the first screen, timed one by one.

    python benchmarks/startup_phases.py --db /tmp/ten-years.sqlite

The steps run one after the other, in the order the app needs them; in the app the first list
is read on the gateway's thread and the store opened in a thread once that list is on screen. Unlike a sampling profiler, this adds
no overhead to pure-Python work, so the milliseconds compare directly with run.py's. Also
prints the peak memory after each step. Textual's own start (shared with the bare app) and
filling the table are not included.
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
    parser.add_argument("--lang", default="nb", help="the app's language (default nb, the app's default)")
    args = parser.parse_args()
    started = last = time.perf_counter()

    def step(label: str) -> None:
        nonlocal last
        now = time.perf_counter()
        print(f"{(now - last) * 1000:7.1f} ms {peak_mib():6.1f} MiB  {label}")
        last = now

    import imr_tui.cli.launch

    step("import imr_tui.cli.launch: the bare start reads its own options, without Typer and the command tree")
    from imr_tui.config import load_settings
    from imr_tui.i18n import _, format_long_date, set_language

    set_language(args.lang)
    _("Today")
    settings = load_settings()
    from imr_tui.curriculum.loader import load_curriculum

    load_curriculum()
    step("translations, settings and load_curriculum() (each from its cache once it has been read)")
    import imr_tui.app
    import imr_tui.screens.today  # noqa: F401

    step("import imr_tui.app and the Today screen: Textual (the bare app pays this too)")
    today = dt.date.today()
    format_long_date(today)
    step("first format_long_date(): Babel's locale data, in IMRApp.on_mount")
    from imr_tui.store.first_reader import FirstReader

    reader = FirstReader(Path(args.db))
    groups = reader.today_overview(today)
    if groups is None:
        raise SystemExit(f"{args.db}: the first reader cannot read this file (encrypted, or not at the current schema)")
    reader.close()
    step("FirstReader.today_overview(today): the Today list from today_overview.sql with sqlite3 (the first screen's data)")
    from imr_tui.store import open_store

    store = open_store(args.db)
    step("open_store(): SQLAlchemy, SQLModel, the tables; engine and schema version check (in a thread, once the list is on screen)")
    from imr_tui.review.rules import drift

    rules = settings.review_rules()
    registers = store.attendance.registers([group.id for group in groups if group.next_session is not None])
    {group_id: sum(1 for person in register.people if drift(register, person, rules)) for group_id, register in registers.items()}
    step("store.attendance.registers() and drift: the flags, loaded once the list is on screen")
    if hasattr(store, "service_plans"):
        store.service_plans.reviews_by_group([group.id for group in groups], today)
        step("store.service_plans.reviews_by_group(): plans due for review, with the flags")
    print(f"{(last - started) * 1000:7.1f} ms in all")


if __name__ == "__main__":
    main()
