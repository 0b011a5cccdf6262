"""Build a large, realistic benchmark database from a seed: years of a busy IMR service.

    python benchmarks/generate.py --db /tmp/ten-years.sqlite [--years 10] [--seed 1]
    python benchmarks/generate.py --db /tmp/empty.sqlite --empty

All people are fictional.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

SKIPPED: dict[str, str] = {}


def generate(db: Path, *, years: int = 10, seed: int = 1, today: dt.date | None = None, empty: bool = False, replace: bool = False) -> dict:
    """Create the database at `db` and return what was written: row counts and seconds taken."""
    from dataset.service import build_service
    from dataset.tables import Tables
    from dataset.writer import mark_as_benchmark, write

    from imr_tui.curriculum.loader import load_curriculum
    from imr_tui.store import open_store

    today = today or dt.date.today()
    started = time.perf_counter()
    _clear(db, replace)
    store = open_store(str(db))
    try:
        if empty:
            tables = Tables()
            with store.database.transaction() as session:
                mark_as_benchmark(session.connection())
        else:
            tables = build_service(load_curriculum(), today, years, seed)
            built = time.perf_counter()
            write(store, tables)
    finally:
        store.close()
    finished = time.perf_counter()
    return {
        "db": str(db), "years": 0 if empty else years, "seed": seed, "today": today.isoformat(),
        "counts": tables.counts(), "skipped": SKIPPED, "seconds": round(finished - started, 3),
        "insert_seconds": 0.0 if empty else round(finished - built, 3),
    }  # fmt: skip


def _clear(db: Path, replace: bool) -> None:
    """Refuse to write over anything but an earlier benchmark database."""
    if not db.exists() or db.stat().st_size == 0:
        return
    from dataset.writer import is_benchmark_file

    ours = is_benchmark_file(db.resolve())
    if not (replace and ours):
        hint = "use --replace" if ours else "it is not a benchmark database; choose another path"
        raise SystemExit(f"generate.py: {db} exists; {hint}")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)


def _print(report: dict) -> None:
    what = "an empty database" if report["years"] == 0 else f"{report['years']} years of a busy service (seed {report['seed']}, today {report['today']})"
    print(f"{what}: {report['db']}")
    for table, count in report["counts"].items():
        print(f"  {table:<20} {count:>8,}")
    for table, reason in report["skipped"].items():
        print(f"  {table:<20} skipped: {reason}")
    print(f"built in {report['seconds']:.1f} s (bulk insert {report['insert_seconds']:.1f} s)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="the SQLite file to create")
    parser.add_argument("--years", type=int, default=10, help="years of history (about 40 groups a year)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=dt.date.fromisoformat, help="the day the history leads up to (default: today)")
    parser.add_argument("--empty", action="store_true", help="an empty database, schema only")
    parser.add_argument("--replace", action="store_true", help="replace an earlier benchmark database at --db")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    if args.years < 1:
        parser.error("--years must be 1 or more")
    report = generate(args.db.expanduser().resolve(), years=args.years, seed=args.seed, today=args.today, empty=args.empty, replace=args.replace)
    if args.json:
        json.dump(report, sys.stdout, indent=2)
        print()
    else:
        _print(report)


if __name__ == "__main__":
    main()
