"""`imr-tui fidelity` and `imr-tui print fidelity`: through Typer's runner, a real subprocess, and the PDF read back."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from imr_tui.cli.root import cli
from imr_tui.store import open_store

runner = CliRunner()
IMR_TUI = [sys.executable, "-c", "from imr_tui.cli import main; main()"]
ITEM_KEYS = {"number", "id", "title", "score", "source", "evidence"}


def run(*args: str):
    return runner.invoke(cli, list(args), catch_exceptions=False, env={"COLUMNS": "160"})


def participant_names(target: str, group: str) -> list[str]:
    store = open_store(target)
    try:
        group_id, _name = store.groups.find(group)
        return [person.name for person in store.groups.detail(group_id).participants]
    finally:
        store.close()


def test_fidelity_json_has_exactly_the_promised_shape(demo_path: Path) -> None:
    result = run("--lang", "en", "fidelity", "Ukesgruppa", "--json", "--db", str(demo_path))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"group", "assessed_on", "items", "mean", "band"}
    assert data["group"] == "Ukesgruppa Nydal"
    assert dt.date.fromisoformat(data["assessed_on"])
    assert [item["number"] for item in data["items"]] == list(range(1, 14))
    assert all(set(item) == ITEM_KEYS for item in data["items"])
    by_id = {item["id"]: item for item in data["items"]}
    assert by_id["group-size"] == {
        "number": 1, "id": "group-size", "title": "Number of people in the group", "score": 5, "source": "data",
        "evidence": "Active participants now: 7",
    }  # fmt: skip
    assert by_id["goal-setting"]["evidence"] == "7 of 7 participants have a recovery goal in their own words"
    assert all(item["source"] == "data" and item["score"] in range(1, 6) for item in data["items"][:7])
    assert all(item["source"] == "team" and item["score"] is None for item in data["items"][7:])
    assert data["mean"] is None and data["band"] is None  # six items not rated yet


def test_the_team_ratings_give_the_mean_and_band(demo_path: Path) -> None:
    from imr_tui.fidelity.assessment import assess
    from imr_tui.fidelity.loader import load_fidelity_scale
    from imr_tui.store.fidelity_records import ItemScoreRecord

    store = open_store(str(demo_path))
    group_id, name = store.groups.find("Ukesgruppa")
    today = dt.date.today()
    for item_id in ("motivation", "education", "cognitive-behavioural", "coping-skills", "relapse-prevention", "medication-tailoring"):
        current = assess(store, load_fidelity_scale(), 11, group_id, name, today)
        store.fidelity.save_item(group_id, today, ItemScoreRecord(item_id, "team", 5), current.snapshot())
    store.close()
    data = json.loads(run("fidelity", str(group_id), "--json", "--db", str(demo_path)).stdout)
    scores = [item["score"] for item in data["items"]]
    assert None not in scores
    assert data["mean"] == round(sum(scores) / 13, 2)
    assert data["band"] == ("high" if data["mean"] >= 4 else "moderate" if data["mean"] >= 3 else "low")


def test_an_unknown_group_is_exit_2_with_one_line(demo_path: Path) -> None:
    result = run("fidelity", "Zorro", "--db", str(demo_path))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "Zorro" in result.stderr
    assert run("fidelity", "--db", str(demo_path)).exit_code == 2


def test_the_table_in_bokmaal(demo_path: Path) -> None:
    result = run("fidelity", "Dagsgruppa", "--db", str(demo_path))
    assert result.exit_code == 0
    assert "Antall deltakere i gruppa" in result.stdout and "Aktive deltakere nå: 6" in result.stdout
    assert "7 av 13 punkter skåret" in result.stdout


def test_check_the_scale_file(tmp_path: Path) -> None:
    assert run("fidelity", "--check").exit_code == 0
    bad = tmp_path / "fidelity.yaml"
    bad.write_text("format: 1\nname:\n  nb: Skala\n  en: Scale\nitems: []\n", encoding="utf-8")
    result = run("--lang", "en", "fidelity", "--check", str(bad))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{bad}:5: items: ")


def test_a_real_subprocess_prints_json(demo_path: Path) -> None:
    done = subprocess.run([*IMR_TUI, "fidelity", "Dagsgruppa", "--json", "--db", str(demo_path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["items"][0]["evidence"] == "Aktive deltakere nå: 6"
    unknown = subprocess.run([*IMR_TUI, "fidelity", "Zorro", "--db", str(demo_path)], capture_output=True, text=True, timeout=60)
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr


def test_a_real_subprocess_prints_the_report(demo_path: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    path = tmp_path / "report.pdf"
    done = subprocess.run([*IMR_TUI, "print", "fidelity", "Dagsgruppa", "-o", str(path), "--db", str(demo_path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Dagsgruppa Solsiden" in PdfReader(path).pages[0].extract_text()


def smallest_type(reader) -> float:
    sizes: list[float] = []

    def visit(text, _cm, tm, _font, size) -> None:
        if text.strip():
            sizes.append(size * max(abs(tm[0]), abs(tm[3])) if tm[0] or tm[3] else size)

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return min(sizes)


def test_print_fidelity_pdf_has_every_item_no_names_and_readable_type(demo_path: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    path = tmp_path / "fidelitet.pdf"
    result = run("print", "fidelity", "Ukesgruppa", "-o", str(path), "--db", str(demo_path))
    assert result.exit_code == 0, result.output
    reader = PdfReader(path)
    text = " ".join(page.extract_text() for page in reader.pages)
    flat = re.sub(r"\s+", " ", text)
    assert len(reader.pages) == 2
    assert "Ukesgruppa Nydal" in flat and "EGENVURDERING AV IMR-FIDELITET" in flat
    from imr_tui.fidelity.loader import load_fidelity_scale

    for item in load_fidelity_scale().items:
        assert item.title.nb.split()[0] in flat, item.title.nb
    for name in participant_names(str(demo_path), "Ukesgruppa"):
        for part in name.split():
            assert part not in flat, part
    assert smallest_type(reader) >= 8
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_printing_an_agenda_from_the_command_line_counts_as_a_handout(demo_path: Path, tmp_path: Path) -> None:
    before = json.loads(run("--lang", "en", "fidelity", "Ukesgruppa", "--json", "--db", str(demo_path)).stdout)["items"][3]["evidence"]
    assert before.startswith("0 of 22 held sessions")
    store = open_store(str(demo_path))
    group_id, _name = store.groups.find("Ukesgruppa")
    held = [s for s in store.groups.detail(group_id).sessions if s.status == "held"]
    store.close()
    result = run("print", "agenda", "Ukesgruppa", "--session", str(held[-1].id), "-o", str(tmp_path / "a.pdf"), "--db", str(demo_path))
    assert result.exit_code == 0, result.output
    after = json.loads(run("--lang", "en", "fidelity", "Ukesgruppa", "--json", "--db", str(demo_path)).stdout)["items"][3]["evidence"]
    assert after.startswith("1 of 22 held sessions had their agenda printed")


def test_printing_a_goal_page_counts_for_the_group(demo_path: Path, tmp_path: Path) -> None:
    evidence = lambda: json.loads(run("--lang", "en", "fidelity", "Ukesgruppa", "--json", "--db", str(demo_path)).stdout)["items"][3]["evidence"]
    assert evidence().endswith("goal pages printed for 0 of 7 participants")
    person = participant_names(str(demo_path), "Ukesgruppa")[0]
    assert run("print", "goals", person, "-o", str(tmp_path / "mål.pdf"), "--db", str(demo_path)).exit_code == 0
    assert evidence().endswith("goal pages printed for 1 of 7 participants")


def test_print_fidelity_as_markdown_and_a_wrong_suffix(demo_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "fidelity.md"
    assert run("--lang", "en", "print", "fidelity", "Dagsgruppa", "-o", str(path), "--db", str(demo_path)).exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert "Number of people in the group" in text and "Fitting medication into daily life" in text
    wrong = run("print", "fidelity", "Dagsgruppa", "-o", str(tmp_path / "fidelity.docx"), "--db", str(demo_path))
    assert wrong.exit_code == 2 and ".docx" in wrong.stderr
