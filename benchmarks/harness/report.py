"""The results as a Markdown table, and that table written into the README between markers."""

from __future__ import annotations

import re
from pathlib import Path

START, END = "<!-- results -->", "<!-- /results -->"


def markdown(results: dict) -> str:
    env = results["environment"]
    lines = [
        f"Measured {results['date']} with `{results['command']}`: medians of {_runs(results['repeat'])} (after one warm-up run each), "
        f"Python {env['python']}, Textual {env['textual']}, SQLAlchemy {env['sqlalchemy']}, {env['cpus']} CPUs, "
        f"terminal: {env['terminal'] or 'none (no tmux)'}, language {env['language']}{_load(env)}.",
        "",
        "| Measurement | Median | Min | Max | Ratio to baseline |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += _timing_rows("First screen with its data", results["first_screen"], "ms")
    lines += _timing_rows("First frame (anything drawn)", results["first_frame"], "ms")
    lines += _timing_rows("CPU time until the first screen with its data", results["first_screen_cpu"], "ms")
    lines += _timing_rows("Peak memory (VmHWM)", results["peak_memory"], "MiB")
    lines += _timing_rows("Key press", results["key_press"], "ms", baselines={"bare", "bare_first"})
    lines += _timing_rows("Command line", results["command_line"], "ms")
    lines += ["", "| Data load | Statements: demo | Statements: " + results["databases"]["large"]["label"] + " | Equal | Time: demo | Time: " + results["databases"]["large"]["label"] + " |", "|---|---:|---:|---|---:|---:|"]
    for name, label in LOADS:
        counts, times = results["query_counts"][name], results["data_load_ms"][name]
        lines.append(
            f"| {label} | {counts['demo']} | {counts['large']} | {'yes' if counts['equal'] else '**no**'} "
            f"| {times['demo']['median']} ms | {times['large']['median']} ms |"
        )
    lines += ["", "Targets:", ""]
    for target in results["targets"]:
        if target["met"] is None:
            lines.append(f"- {target['name']}: {target['target']}; not measured")
        else:
            lines.append(f"- {target['name']}: {target['target']}; measured {target['measured']}: {'met' if target['met'] else '**missed**'}")
    return "\n".join(lines)


LOADS = (
    ("today", "Today (`groups.today_overview`, `attendance.registers`)"),
    ("session", "Session screen (`sessions.overview`)"),
    ("register", "Register (`attendance.register`)"),
    ("goals", "Goals (`goals.group_overview`, `goals.participant_goals`)"),
    ("service_plan", "Service plan (`service_plans.group_statuses`, `service_plans.plan`)"),
)


def _load(env: dict) -> str:
    load = env.get("load_average") or {}
    if load.get("start") is None:
        return ""
    return f", load average {load['start']} at the start and {load['end']} at the end (other work on the machine)"


def _runs(count: int) -> str:
    return "1 run" if count == 1 else f"{count} runs"


def _timing_rows(title: str, section: dict, unit: str, baselines: set[str] | None = None) -> list[str]:
    if not section.get("available", True):
        return [f"| {title}: not measured ({section['reason']}) | | | | |"]
    rows = []
    for key, result in section["results"].items():
        baseline = " (baseline)" if key in (baselines or {section["baseline"]}) else ""
        rows.append(
            f"| {title}: {result['label']}{baseline} | {result['median']} {unit} | {result['min']} {unit} | {result['max']} {unit} "
            f"| {result['ratio']:.2f}× |"
        )
    return rows


def write_into_readme(readme: Path, table: str) -> None:
    text = readme.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"run.py: {readme} has no {START} … {END} markers")
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.DOTALL)
    readme.write_text(pattern.sub(lambda _match: f"{START}\n{table}\n{END}", text), encoding="utf-8")
