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
from harness.keypress import Presses, attendance_presses, attendance_session, bare_presses
from harness.queries import SCREENS, measure_loads
from harness.report import markdown, write_into_readme
from harness.stats import ratio, summary
from harness.terminal import Terminal, tmux_available

HERE = Path(__file__).resolve().parent
FIRST_SCREEN_TARGET = 1.3
FIRST_FRAME_TARGET = 1.1
MEMORY_TARGET = 1.5
COMMAND_TARGET = 25
"""`group list` and `print agenda` against `python -c pass`: a command imports only what it uses."""
FRAME_MS = 1000 / 60
"""One frame at Textual's default 60 frames a second: the key-press target's margin."""


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
        results["environment"]["terminal"], sections = _terminal_sections(databases, env, imr_tui, repeat, work)
        results |= sections
        _progress("timing attendance key presses in tmux")
        results["key_press"] = _key_press_section(databases["large"], env, imr_tui, repeat, work, today)
        _progress("timing command-line runs")
        results["command_line"] = _command_section(databases["large"], env, imr_tui, repeat, work)
    results["environment"]["load_average"]["end"] = _load_average()
    results["targets"] = _targets(results)
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
            "load_average": {"start": _load_average(), "end": None},
        },
        "databases": {
            key: {"label": db.label, "ready_text": db.ready_text, "counts": db.counts, "build_seconds": db.build_seconds}
            for key, db in databases.items()
        },
    }  # fmt: skip


def _query_sections(databases: dict[str, MeasuredDatabase], today: dt.date, repeat: int) -> dict:
    loads = {key: measure_loads(databases[key].path, today, repeat) for key in ("demo", "large")}
    counts, times = {}, {}
    for screen in SCREENS:
        demo, large = loads["demo"][screen]["statements"], loads["large"][screen]["statements"]
        counts[screen] = {"demo": demo, "large": large, "equal": demo == large}
        times[screen] = {key: loads[key][screen]["ms"] for key in loads}
    return {"query_counts": counts, "data_load_ms": times}


def _terminal_sections(
    databases: dict[str, MeasuredDatabase], env: dict[str, str], imr_tui: str, repeat: int, folder: Path
) -> tuple[str | None, dict[str, dict]]:
    """The terminal used, and from the same launches: first screen, first frame, CPU time and peak memory."""
    if not tmux_available():
        missing = {"available": False, "reason": "tmux is not installed; only the first-screen and memory measurements need it"}
        return None, dict.fromkeys(("first_screen", "first_frame", "first_screen_cpu", "peak_memory"), missing)
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
    sections = {
        "first_screen": _compared({key: [launch.seconds * 1000 for launch in runs] for key, runs in launches.items()}, apps, "bare"),
        "first_frame": _compared({key: [launch.first_frame_seconds * 1000 for launch in runs] for key, runs in launches.items()}, apps, "bare"),
    }
    if any(launch.peak_rss_kib is None or launch.cpu_seconds is None for runs in launches.values() for launch in runs):
        sections["first_screen_cpu"] = sections["peak_memory"] = {"available": False, "reason": "no /proc to read from"}
    else:
        sections["first_screen_cpu"] = _compared({key: [launch.cpu_seconds * 1000 for launch in runs] for key, runs in launches.items()}, apps, "bare")
        sections["peak_memory"] = _compared({key: [launch.peak_rss_kib / 1024 for launch in runs] for key, runs in launches.items()}, apps, "bare")
    return description, sections


def _key_press_section(large: MeasuredDatabase, env: dict[str, str], imr_tui: str, repeat: int, folder: Path, today: dt.date) -> dict:
    """Key press to change shown (and stored), launches alternating between the bare app and imr-tui."""
    if not tmux_available():
        return {"available": False, "reason": "tmux is not installed"}
    from bare_app import KEY_TEXT, READY_TEXT

    target = attendance_session(large.path, today)
    per_launch = target.unmarked_from_top  # the first press of each launch is reported on its own
    launches = -(-repeat // (per_launch - 1))
    bare, attendance = Presses([], []), Presses([], [])
    terminal = Terminal(env, folder)
    try:
        for _launch in range(launches):
            for measured, presses in (
                (bare, bare_presses(terminal, [sys.executable, str(HERE / "bare_app.py")], READY_TEXT, KEY_TEXT, per_launch)),
                (attendance, attendance_presses(terminal, imr_tui, target, folder / "key-press.sqlite", per_launch)),
            ):
                measured.first += presses.first
                measured.later += presses.later
    finally:
        terminal.close()
    results = {
        "bare": {"label": "bare Textual app: 1 changes its line", **summary(bare.later)},
        "attendance": {"label": f"attendance: 1 marks present, shown and stored ({large.label})", **summary(attendance.later)},
        "bare_first": {"label": "bare Textual app, first press after start", **summary(bare.first)},
        "attendance_first": {"label": "attendance, first press in the session screen", **summary(attendance.first)},
    }
    for key, baseline in (("bare", "bare"), ("attendance", "bare"), ("bare_first", "bare_first"), ("attendance_first", "bare_first")):
        results[key]["ratio"] = ratio(results[key], results[baseline])
    difference = round(results["attendance"]["median"] - results["bare"]["median"], 1)
    return {"available": True, "baseline": "bare", "results": results, "difference_ms": difference, "frame_ms": round(FRAME_MS, 1)}


def _command_section(large: MeasuredDatabase, env: dict[str, str], imr_tui: str, repeat: int, folder: Path) -> dict:
    agenda = folder / "agenda.pdf"
    commands = {
        "python": ("python -c pass", [sys.executable, "-c", "pass"]),
        "version": ("imr-tui --version", [imr_tui, "--version"]),
        "group_list": (f"imr-tui group list (--db {large.label})", [imr_tui, "group", "list", "--db", str(large.path)]),
        "print_agenda": (
            f"imr-tui print agenda GROUP -o agenda.pdf (--db {large.label})",
            [imr_tui, "print", "agenda", large.ready_text, "-o", str(agenda), "--db", str(large.path)],
        ),
    }
    timings: dict[str, list[float]] = {key: [] for key in commands}
    for run in range(repeat + 1):  # run 0 warms up
        for key, (_label, command) in commands.items():
            agenda.unlink(missing_ok=True)
            milliseconds = time_command(command, env)
            if run:
                timings[key].append(milliseconds)
    if not agenda.read_bytes().startswith(b"%PDF"):
        raise SystemExit(f"run.py: print agenda did not write a PDF to {agenda}")
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
    key_press = results["key_press"]
    name, target = f"Attendance key press to the change shown and stored ({label}) against the bare app's key press", f"within one frame ({FRAME_MS:.1f} ms)"
    if key_press["available"]:
        difference = key_press["difference_ms"]
        targets.append({"name": name, "target": target, "measured": f"{difference:+.1f} ms", "met": difference <= FRAME_MS})
    else:
        targets.append({"name": name, "target": target, "measured": None, "met": None})
    for section, limit, what in (("first_screen", FIRST_SCREEN_TARGET, "First screen"), ("first_frame", FIRST_FRAME_TARGET, "First frame"), ("peak_memory", MEMORY_TARGET, "Peak memory")):
        name, target = f"{what} on the {label} against the bare Textual app", f"at most {limit}×"
        if results[section]["available"]:
            measured = results[section]["results"]["large"]["ratio"]
            targets.append({"name": name, "target": target, "measured": f"{measured:.2f}×", "met": measured <= limit})
        else:
            targets.append({"name": name, "target": target, "measured": None, "met": None})
    for key, what in (("group_list", "imr-tui group list"), ("print_agenda", "imr-tui print agenda")):
        measured = results["command_line"]["results"][key]["ratio"]
        name = f"{what} on the {label} against python -c pass"
        targets.append({"name": name, "target": f"at most {COMMAND_TARGET}×", "measured": f"{measured:.1f}×", "met": measured <= COMMAND_TARGET})
    return targets


def _load_average() -> float | None:
    """The one-minute load average: how busy the machine was with other work."""
    return round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None


def _progress(message: str) -> None:
    print(f"run.py: {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
