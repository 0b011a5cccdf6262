"""Benchmarks: imr-tui's start, memory, queries and command-line runs, each against its floor.

    python benchmarks/run.py [--quick] [--repeat N] [--out benchmarks/results.json]

Everything is measured in one run, side by side, and reported as medians with min and max
and as ratios to the baseline measured in the same run. benchmarks/README.md explains each
measurement; a full run writes its table there.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from harness.commands import time_command
from harness.databases import MeasuredDatabase, prepare
from harness.environment import LANGUAGE, imr_tui_command, isolated_env
from harness.queries import measure_loads
from harness.report import markdown, write_into_readme
from harness.stats import ratio, summary
from harness.terminal import Terminal, tmux_available

HERE = Path(__file__).resolve().parent
FIRST_SCREEN_TARGET = 1.3
MEMORY_TARGET = 1.5
NOT_YET_MEASURED = {
    "attendance_key_press": "from pressing 1 (present) on the session screen to the row showing it, on the large database",
    "print_agenda": "`imr-tui print agenda GROUP -o agenda.pdf` against `python -c pass`",
}


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    args = _arguments(argv)
    repeat = args.repeat or (1 if args.quick else 7)
    years = args.years or (1 if args.quick else 10)
    # A quick run is a check, not a result to keep: by default its JSON goes to the temp folder.
    out = args.out or (Path(tempfile.gettempdir()) / "imr-tui-benchmarks-quick.json" if args.quick else HERE / "results.json")
    today = dt.date.today()
    with tempfile.TemporaryDirectory(prefix="imr-bench-") as folder:
        work = Path(folder)
        env = isolated_env(work / "home")
        imr_tui = imr_tui_command()
        _progress(f"building the databases ({years} years, seed {args.seed})")
        databases = prepare(work, env, imr_tui, years, args.seed, today)
        results = _header(argv, args.quick, repeat, databases)
        _progress("counting SQL statements")
        results.update(_query_sections(databases, today, repeat))
        _progress("timing the first screen in tmux")
        results["environment"]["terminal"], first_screen, memory = _terminal_sections(databases, env, imr_tui, repeat, work)
        results |= {"first_screen": first_screen, "peak_memory": memory}
        _progress("timing command-line runs")
        results["command_line"] = _command_section(databases["large"], env, imr_tui, repeat)
    results["targets"] = _targets(results)
    results["not_yet_measured"] = NOT_YET_MEASURED
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    table = markdown(results)
    print(table)
    if not (args.quick or args.no_readme):
        write_into_readme(HERE / "README.md", table)
    _progress(f"results: {out}")


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one year of data, one run each: a check that everything works")
    parser.add_argument("--repeat", type=int, help="measured runs of each kind (default 7; 1 with --quick)")
    parser.add_argument("--out", type=Path, help="where the JSON goes (default benchmarks/results.json; with --quick, the temp folder)")
    parser.add_argument("--years", type=int, help="history in the large database (default 10; 1 with --quick)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-readme", action="store_true", help="leave benchmarks/README.md as it is")
    args = parser.parse_args(argv)
    if args.repeat is not None and args.repeat < 1:
        parser.error("--repeat must be 1 or more")
    return args


def _header(argv: list[str], quick: bool, repeat: int, databases: dict[str, MeasuredDatabase]) -> dict:
    return {
        "date": dt.datetime.now().isoformat(timespec="minutes"),
        "command": shlex.join(["python", "benchmarks/run.py", *argv]),
        "quick": quick,
        "repeat": repeat,
        "environment": {
            "python": platform.python_version(), "textual": version("textual"), "sqlalchemy": version("sqlalchemy"),
            "platform": platform.platform(), "cpus": os.cpu_count(), "language": LANGUAGE, "terminal": None,
        },
        "databases": {
            key: {"label": db.label, "ready_text": db.ready_text, "counts": db.counts, "build_seconds": db.build_seconds}
            for key, db in databases.items()
        },
    }  # fmt: skip


def _query_sections(databases: dict[str, MeasuredDatabase], today: dt.date, repeat: int) -> dict:
    loads = {key: measure_loads(databases[key].path, today, repeat) for key in ("demo", "large")}
    counts, times = {}, {}
    for screen in ("today", "session"):
        demo, large = loads["demo"][screen]["statements"], loads["large"][screen]["statements"]
        counts[screen] = {"demo": demo, "large": large, "equal": demo == large}
        times[screen] = {key: loads[key][screen]["ms"] for key in loads}
    return {"query_counts": counts, "data_load_ms": times}


def _terminal_sections(
    databases: dict[str, MeasuredDatabase], env: dict[str, str], imr_tui: str, repeat: int, folder: Path
) -> tuple[str | None, dict, dict]:
    """The terminal used, the first-screen times and the peak memory of the same launches."""
    if not tmux_available():
        missing = {"available": False, "reason": "tmux is not installed; only the first-screen and memory measurements need it"}
        return None, missing, missing
    from bare_app import READY_TEXT

    apps = {"bare": ("bare Textual app", [sys.executable, str(HERE / "bare_app.py")], READY_TEXT)}
    apps |= {key: (db.label, [imr_tui, "--db", str(db.path)], db.ready_text) for key, db in databases.items()}
    launches: dict[str, list] = {key: [] for key in apps}
    terminal = Terminal(env, folder)
    try:
        description = terminal.description
        for run in range(repeat + 1):  # run 0 warms up the file cache and the .pyc files
            for key, (_label, command, ready_text) in apps.items():
                launch = terminal.launch(command, ready_text)
                if run:
                    launches[key].append(launch)
    finally:
        terminal.close()
    first_screen = _compared({key: [launch.seconds * 1000 for launch in runs] for key, runs in launches.items()}, apps, "bare")
    if any(launch.peak_rss_kib is None for runs in launches.values() for launch in runs):
        memory = {"available": False, "reason": "no /proc to read VmHWM from"}
    else:
        memory = _compared({key: [launch.peak_rss_kib / 1024 for launch in runs] for key, runs in launches.items()}, apps, "bare")
    return description, first_screen, memory


def _command_section(large: MeasuredDatabase, env: dict[str, str], imr_tui: str, repeat: int) -> dict:
    commands = {
        "python": ("python -c pass", [sys.executable, "-c", "pass"]),
        "version": ("imr-tui --version", [imr_tui, "--version"]),
        "group_list": (f"imr-tui group list (--db {large.label})", [imr_tui, "group", "list", "--db", str(large.path)]),
    }
    timings: dict[str, list[float]] = {key: [] for key in commands}
    for run in range(repeat + 1):  # run 0 warms up
        for key, (_label, command) in commands.items():
            milliseconds = time_command(command, env)
            if run:
                timings[key].append(milliseconds)
    return _compared(timings, commands, "python")


def _compared(values: dict[str, list[float]], labels: dict[str, tuple], baseline: str) -> dict:
    results = {key: {"label": labels[key][0], **summary(runs)} for key, runs in values.items()}
    for result in results.values():
        result["ratio"] = ratio(result, results[baseline])
    return {"available": True, "baseline": baseline, "results": results}


def _targets(results: dict) -> list[dict]:
    label = results["databases"]["large"]["label"]
    counts = results["query_counts"]
    targets = [
        {
            "name": f"SQL statements per data load, demo and {label}", "target": "equal",
            "measured": ", ".join(f"{screen} {c['demo']} and {c['large']}" for screen, c in counts.items()),
            "met": all(c["equal"] for c in counts.values()),
        }
    ]  # fmt: skip
    for section, limit, what in (("first_screen", FIRST_SCREEN_TARGET, "First screen"), ("peak_memory", MEMORY_TARGET, "Peak memory")):
        name, target = f"{what} on the {label} against the bare Textual app", f"at most {limit}×"
        if results[section]["available"]:
            measured = results[section]["results"]["large"]["ratio"]
            targets.append({"name": name, "target": target, "measured": f"{measured:.2f}×", "met": measured <= limit})
        else:
            targets.append({"name": name, "target": target, "measured": None, "met": None})
    return targets


def _progress(message: str) -> None:
    print(f"run.py: {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
