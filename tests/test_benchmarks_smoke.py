"""The benchmarks still run: the generator writes what it reports, and a quick run measures everything.

The first-screen and memory measurements need tmux; without it they are reported as not
measured and the rest is still checked.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select, text
from sqlmodel import SQLModel

pytestmark = pytest.mark.slow  # builds benchmark databases and times real runs

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def run_script(script: str, *arguments: str, timeout: float) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, str(BENCHMARKS / script), *arguments], capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stderr
    return result


def rows_in(path: Path, tables: list[str]) -> dict[str, int]:
    from imr_tui.store import open_store

    store = open_store(str(path))
    try:
        with store.database.engine.connect() as connection:
            return {name: connection.execute(select(func.count()).select_from(SQLModel.metadata.tables[name])).scalar_one() for name in tables}
    finally:
        store.close()


def test_generator_writes_the_rows_it_reports(tmp_path: Path) -> None:
    path = tmp_path / "one-year.sqlite"
    report = json.loads(run_script("generate.py", "--db", str(path), "--years", "1", "--seed", "3", "--today", "2026-11-24", "--json", timeout=120).stdout)
    assert report["counts"] == rows_in(path, list(report["counts"]))
    assert report["counts"]["course_group"] == 40
    assert all(count > 0 for count in report["counts"].values())
    assert report["counts"]["service_plan_version"] >= report["counts"]["service_plan"] > 0


def test_generator_is_reproducible_from_the_seed(tmp_path: Path) -> None:
    paths = [tmp_path / "first.sqlite", tmp_path / "second.sqlite"]
    for path in paths:
        run_script("generate.py", "--db", str(path), "--years", "1", "--seed", "5", "--today", "2026-11-24", timeout=120)
    first, second = (all_rows(path) for path in paths)
    assert first == second


def all_rows(path: Path) -> dict[str, list[tuple]]:
    from imr_tui.store import open_store

    store = open_store(str(path))
    try:
        with store.database.engine.connect() as connection:
            names = inspect(connection).get_table_names()
            return {name: [tuple(row) for row in connection.execute(text(f'SELECT * FROM "{name}" ORDER BY 1'))] for name in names}
    finally:
        store.close()


def test_generator_refuses_a_database_it_did_not_make(tmp_path: Path, demo_path: Path) -> None:
    result = subprocess.run([sys.executable, str(BENCHMARKS / "generate.py"), "--db", str(demo_path), "--replace"], capture_output=True, text=True)
    assert result.returncode != 0
    assert "not a benchmark database" in result.stderr


@pytest.fixture(scope="module")
def quick_results(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("bench") / "results.json"
    run_script("run.py", "--quick", "--out", str(out), timeout=300)
    return json.loads(out.read_text(encoding="utf-8"))


def test_quick_run_has_equal_query_counts(quick_results: dict) -> None:
    for screen in ("today", "session", "register", "goals", "service_plan"):
        counts = quick_results["query_counts"][screen]
        assert counts["demo"] == counts["large"] > 0
        assert counts["equal"] is True
        for database in ("demo", "large"):
            assert quick_results["data_load_ms"][screen][database]["median"] > 0


def test_quick_run_times_the_command_line_and_print_agenda(quick_results: dict) -> None:
    assert_measured(quick_results["command_line"], {"python", "version", "group_list", "print_agenda"})


def test_quick_run_times_the_first_screen_and_memory_where_tmux_is(quick_results: dict) -> None:
    if shutil.which("tmux") is None:
        for section in ("first_screen", "first_frame", "first_screen_cpu", "peak_memory"):
            assert quick_results[section]["available"] is False
            assert "tmux" in quick_results[section]["reason"]
        return
    for section in ("first_screen", "first_frame", "first_screen_cpu", "peak_memory"):
        assert_measured(quick_results[section], {"bare", "empty", "demo", "large"})


def test_quick_run_times_attendance_key_presses_where_tmux_is(quick_results: dict) -> None:
    key_press = quick_results["key_press"]
    if shutil.which("tmux") is None:
        assert key_press["available"] is False
        return
    assert_measured(key_press, {"bare", "attendance", "bare_first", "attendance_first"})
    attendance = key_press["results"]["attendance"]
    assert key_press["difference_ms"] == pytest.approx(attendance["median"] - key_press["results"]["bare"]["median"], abs=0.2)


def test_quick_run_reports_every_target(quick_results: dict) -> None:
    names = [target["name"] for target in quick_results["targets"]]
    assert len(names) == 7
    assert any("key press" in name for name in names)
    assert any("First frame" in name for name in names) and any("print agenda" in name for name in names)


def assert_measured(section: dict, keys: set[str]) -> None:
    assert section["available"] is True
    assert set(section["results"]) == keys
    for result in section["results"].values():
        assert result["runs"] and all(value > 0 for value in result["runs"])
        assert result["min"] > 0 and result["median"] > 0 and result["max"] > 0
        assert result["ratio"] > 0
