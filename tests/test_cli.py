"""The command line: through Typer's runner, and as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from imr_tui.cli.root import cli
from imr_tui.store.schema import SCHEMA_HEAD

runner = CliRunner()


def run(*args: str):
    return runner.invoke(cli, list(args), catch_exceptions=False, env={"COLUMNS": "160"})


def test_group_list_json_shows_both_demo_groups(demo_path: Path) -> None:
    result = run("group", "list", "--db", str(demo_path), "--json")
    assert result.exit_code == 0, result.output
    groups = {g["name"]: g for g in json.loads(result.stdout)}
    assert set(groups) == {"Dagsgruppa Solsiden", "Ukesgruppa Nydal"}
    weekly = groups["Ukesgruppa Nydal"]
    assert [t["name"] for t in weekly["therapists"]] == ["Marte Solum", "Even Bråthen"]
    assert weekly["next_session"]["start_time"] == "13:00"


def test_group_list_table_in_norwegian_and_english(demo_path: Path) -> None:
    norwegian = run("group", "list", "--db", str(demo_path))
    assert "Ledes av" in norwegian.stdout and "Ukesgruppa Nydal" in norwegian.stdout
    english = run("--lang", "en", "group", "list", "--db", str(demo_path))
    assert "Led by" in english.stdout


def test_group_show_by_part_of_the_name(demo_path: Path) -> None:
    result = run("group", "show", "solsiden", "--db", str(demo_path), "--json")
    assert result.exit_code == 0, result.output
    group = json.loads(result.stdout)
    assert group["name"] == "Dagsgruppa Solsiden"
    assert group["cadence"] == "weekdays"
    left = [p for p in group["participants"] if p["left_on"]]
    assert len(left) == 1 and left[0]["leave_reason"]
    assert {s["status"] for s in group["sessions"]} == {"held", "planned"}
    assert all(len(s["date"]) == 10 for s in group["sessions"])


def test_group_show_table(demo_path: Path) -> None:
    result = run("group", "show", "Ukesgruppa Nydal", "--db", str(demo_path))
    assert result.exit_code == 0
    assert "Hanne Myrvold" in result.stdout and "Samlinger:" in result.stdout


@pytest.mark.parametrize(
    ("name", "message"),
    [("Tirsdag", "ingen gruppe passer til «Tirsdag»"), ("gruppa", "passer til flere grupper")],
)
def test_group_show_bad_names_exit_2(demo_path: Path, name: str, message: str) -> None:
    result = run("group", "show", name, "--db", str(demo_path))
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_unknown_language_is_bad_input(demo_path: Path) -> None:
    result = run("--lang", "sv", "group", "list", "--db", str(demo_path))
    assert result.exit_code == 2
    assert "sv" in result.stderr and "nb, nn, en" in result.stderr


def test_database_in_a_missing_folder(tmp_path: Path) -> None:
    result = run("group", "list", "--db", str(tmp_path / "no" / "db.sqlite"))
    assert result.exit_code == 2
    assert "finnes ikke" in result.stderr


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("handleliste\n" * 100)
    result = run("db", "check", "--db", str(path))
    assert result.exit_code == 1
    assert "ikke en imr-tui-database" in result.stderr
    assert path.read_text() == "handleliste\n" * 100


def test_db_check_and_upgrade(demo_path: Path) -> None:
    check = run("db", "check", "--db", str(demo_path))
    assert check.exit_code == 0, check.output
    assert "Integritet: ok" in check.stdout and f"Skjema: {SCHEMA_HEAD}" in check.stdout and "demodatabase" in check.stdout
    upgrade = run("db", "upgrade", "--db", str(demo_path))
    assert upgrade.exit_code == 0 and SCHEMA_HEAD in upgrade.stdout


def test_demo_builds_a_demo_database_without_launching(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    result = run("demo", "--db", str(path), "--no-launch")
    assert result.exit_code == 0, result.output
    listed = json.loads(run("group", "list", "--db", str(path), "--json").stdout)
    assert len(listed) == 2
    again = run("demo", "--db", str(path), "--no-launch")  # an earlier demo is replaced
    assert again.exit_code == 0
    assert len(json.loads(run("group", "list", "--db", str(path), "--json").stdout)) == 2


def test_demo_never_overwrites_real_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "real.sqlite"
    assert run("db", "upgrade", "--db", str(real)).exit_code == 0  # a real, empty database
    refused = run("demo", "--db", str(real), "--no-launch")
    assert refused.exit_code == 2 and "ikke er demo" in refused.stderr
    monkeypatch.setenv("IMR_TUI_DB", str(real))
    configured = run("demo", "--db", str(real), "--no-launch")
    assert configured.exit_code == 2 and "ekte databasen" in configured.stderr


def test_curriculum_check_clean_file() -> None:
    result = run("curriculum", "check")
    assert result.exit_code == 0
    assert "OK: 11 moduler" in result.stdout


def test_curriculum_check_reports_each_problem_with_its_line(tmp_path: Path) -> None:
    from imr_tui.curriculum.loader import default_curriculum_path

    text = default_curriculum_path().read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("group_minutes: 20", "group_minutes: -20", 1), encoding="utf-8")
    line = next(number for number, content in enumerate(bad.read_text().splitlines(), 1) if "group_minutes: -20" in content)
    result = run("curriculum", "check", str(bad))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{bad}:{line}: session_structure.parts[")


def test_app_refuses_an_invalid_curriculum(tmp_path: Path, demo_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("modules: [\n", encoding="utf-8")
    result = run("--curriculum", str(bad), "--db", str(demo_path))
    assert result.exit_code == 2
    assert str(bad) in result.stderr and "Traceback" not in result.output


# A real process for each command: the installed entry point, its exit codes and streams.
IMR_TUI = [sys.executable, "-c", "from imr_tui.cli import main; main()"]


def subprocess_run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*IMR_TUI, *args], capture_output=True, text=True, timeout=60, env={**os.environ, **(env or {})})


def test_subprocess_demo_group_and_db_commands(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    demo = subprocess_run("demo", "--no-launch", "--db", str(path))
    assert demo.returncode == 0, demo.stderr
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    listed = subprocess_run("group", "list", "--json", env={"IMR_TUI_DB": str(path)})
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 2
    shown = subprocess_run("group", "show", "1", "--json", "--db", str(path))
    assert shown.returncode == 0 and json.loads(shown.stdout)["id"] == 1
    assert subprocess_run("db", "check", "--db", str(path)).returncode == 0
    assert subprocess_run("db", "upgrade", "--db", str(path)).returncode == 0


def test_subprocess_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    missing = subprocess_run("group", "list", "--db", str(tmp_path / "nope" / "x.sqlite"))
    assert missing.returncode == 2
    assert missing.stderr.count("\n") == 1 and "Traceback" not in missing.stderr
    english = subprocess_run("--lang", "en", "group", "show", "nobody", "--db", str(tmp_path / "x.sqlite"))
    assert english.returncode == 2 and "no group matches 'nobody'" in english.stderr


def test_subprocess_curriculum_check(tmp_path: Path) -> None:
    assert subprocess_run("curriculum", "check").returncode == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nmodules: {\n", encoding="utf-8")
    result = subprocess_run("curriculum", "check", str(bad))
    assert result.returncode == 2 and result.stderr.startswith(f"{bad}:")


def test_subprocess_help_in_english_with_lang() -> None:
    result = subprocess_run("--lang", "en", "--help")
    assert result.returncode == 0 and "Build a demo database" in result.stdout
    norwegian = subprocess_run("--help")
    assert "Lag en demodatabase" in norwegian.stdout
