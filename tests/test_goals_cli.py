"""`imr-tui goals`, `imr-tui print goals` and `imr-tui imrs check`: through Typer's runner and as real subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from imr_tui.cli.root import cli

runner = CliRunner()
IMR_TUI = [sys.executable, "-c", "from imr_tui.cli import main; main()"]


def run(*args: str):
    return runner.invoke(cli, list(args), catch_exceptions=False, env={"COLUMNS": "120"})


def test_goals_json_has_the_tree_follow_ups_revisions_and_imrs(demo_path: Path) -> None:
    result = run("goals", "Hanne", "--json", "--db", str(demo_path))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["participant"]["name"] == "Hanne Myrvold"
    (goal,) = data["goals"]
    assert goal["text"] == "Jeg vil flytte i egen leilighet"
    assert goal["earlier_wordings"][0]["text"] == "Jeg vil bli frisk"
    steps = goal["short_term_goals"][0]["steps"]
    assert [step["status"] for step in steps][-1] == "planned"
    followed = [f for step in steps for f in step["follow_ups"]]
    assert followed and all(f["date"] and f["result"] in {"done", "partly", "not_done"} for f in followed)
    assert data["effort"]["steps_tried"] == len(followed)
    imrs = data["imrs"]
    assert [(r["rater"], r["phase"]) for r in imrs["ratings"]] == [("participant", "start"), ("participant", "during"), ("participant", "during")]
    # By hand: the start sums to 35 over 15 items, the latest to 53 over 15.
    assert imrs["ratings"][0]["mean"] == round(35 / 15, 2) and imrs["ratings"][-1]["mean"] == round(53 / 15, 2)
    assert imrs["change_since_start"] == {"participant": round(18 / 15, 2), "clinician": None}
    assert imrs["item_change_since_start"]["participant"]["relapse-plan"] == 3


def test_goals_as_a_readable_tree_in_both_languages(demo_path: Path) -> None:
    norwegian = run("goals", "Astrid Kvamme", "--db", str(demo_path))
    assert norwegian.exit_code == 0
    assert "Recoverymål" in norwegian.stdout and "IMR-skalaen" in norwegian.stdout and "0,6 siden start" in norwegian.stdout
    english = run("--lang", "en", "goals", "1", "--db", str(demo_path))
    assert "Recovery goal" in english.stdout and "mean" in english.stdout


def test_an_ambiguous_or_unknown_person_exits_2_with_the_candidates(demo_path: Path) -> None:
    several = run("goals", "an", "--db", str(demo_path))
    assert several.exit_code == 2
    assert "Hanne Myrvold (id 8)" in several.stderr and "Janne Fjellheim" in several.stderr
    assert run("goals", "Zorro", "--db", str(demo_path)).exit_code == 2


def test_print_goals_makes_a_pdf_with_the_words_goals_first_and_the_next_step_last(demo_path: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    pdf = tmp_path / "hanne.pdf"
    result = run("print", "goals", "Hanne", "-o", str(pdf), "--db", str(demo_path))
    assert result.exit_code == 0, result.output
    reader = PdfReader(pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Jeg vil flytte i egen leilighet" in text and "Jeg vil bli frisk" in text and "IMR-skalaen" in text
    assert text.index("Jeg vil flytte i egen leilighet") < text.index("IMR-skalaen") < text.index("Mitt neste steg")
    assert oct(pdf.stat().st_mode & 0o777) == "0o600"
    markdown = tmp_path / "hanne.md"
    assert run("--lang", "en", "print", "goals", "8", "-o", str(markdown), "--db", str(demo_path)).exit_code == 0
    assert "# Hanne Myrvold" in markdown.read_text() and "My next step" in markdown.read_text()
    assert run("print", "goals", "Hanne", "-o", str(tmp_path / "x.docx"), "--db", str(demo_path)).exit_code == 2


def test_subprocess_goals_json_and_imrs_check(demo_path: Path, tmp_path: Path) -> None:
    env = {**os.environ, "IMR_TUI_DB": str(demo_path)}
    done = subprocess.run([*IMR_TUI, "goals", "Astrid", "--json"], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["participant"]["id"] == 1
    unknown = subprocess.run([*IMR_TUI, "goals", "Zorro"], capture_output=True, text=True, timeout=60, env=env)
    assert unknown.returncode == 2 and unknown.stderr.count("\n") == 1 and "Traceback" not in unknown.stderr
    assert subprocess.run([*IMR_TUI, "imrs", "check"], capture_output=True, text=True, timeout=60).returncode == 0
    broken = tmp_path / "imrs.yaml"
    broken.write_text("format: 1\nname: {nb: x, en: x}\nscoring: {lowest: 1, highest: 5}\nitems: []\n", encoding="utf-8")
    checked = subprocess.run([*IMR_TUI, "imrs", "check", str(broken)], capture_output=True, text=True, timeout=60)
    assert checked.returncode == 2 and f"{broken}:4: items:" in checked.stderr
