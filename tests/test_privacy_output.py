"""What the commands write: journal files that never overwrite another person's, and stored
text that reaches the terminal inert, however it was typed."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

from test_cli import IMR_TUI, run

from imr_tui.cli.output import inert
from imr_tui.exports.file_names import name_slug
from imr_tui.models import Participant

from conftest import TODAY
from session_data import group_with_session_today

# Names that differ only in punctuation, and names in other scripts.
NAMES = ["Anne-Lise Berg", "Anne Lise Berg", "Олена Шевченко", "مريم حداد"]
HOSTILE = "Eva \x1b]0;pwned\x07\x1b[2J[red]Nord\u202e"


def renamed(store, names: list[str]) -> tuple[int, list[int]]:
    """A test group whose people carry `names`; its session a week ago is held."""
    session_id, people = group_with_session_today(store, TODAY.date(), size=len(names))
    with store.database.transaction() as session:
        for person_id, name in zip(people, names):
            session.get(Participant, person_id).name = name
    return session_id, people


def test_slugs_keep_the_letters_of_every_script() -> None:
    assert name_slug("Олена Шевченко") == "олена-шевченко"
    assert name_slug("مريم حداد") == "مريم-حداد"
    assert name_slug("../Kåre  L. Ødegård") == "kåre-l-ødegård"
    assert name_slug("!!!") == ""


def test_journal_files_for_lookalike_and_non_latin_names_never_collide(demo_store, demo_path: Path, tmp_path: Path) -> None:
    _today, people = renamed(demo_store, NAMES)
    held = (TODAY.date() - dt.timedelta(weeks=1)).isoformat()
    week_ago = TODAY.date() - dt.timedelta(weeks=1)
    held_id = demo_store.sessions.for_group(demo_store.groups.find("Testgruppa")[0], week_ago, on=week_ago).id
    notes = {
        people[0]: "Anne-Lise la fram planen sin.",
        people[1]: "Anne Lise hjalp olena shevchenko? Nei: hun hjalp ОЛЕНА ШЕВЧЕНКО med oppgaven.",
    }
    for person_id, text in notes.items():
        demo_store.journal.save(held_id, person_id, text)
    result = run("--lang", "en", "journal", "Testgruppa", "--date", held, "-o", str(tmp_path), "--db", str(demo_path))
    assert result.exit_code == 0, result.output
    files = sorted(path.name for path in tmp_path.glob("*.txt"))
    assert files == sorted(
        [f"{held}-{people[0]}-anne-lise-berg.txt", f"{held}-{people[1]}-anne-lise-berg.txt",
         f"{held}-{people[2]}-олена-шевченко.txt", f"{held}-{people[3]}-مريم-حداد.txt"]
    )  # fmt: skip
    for person_id, text in notes.items():  # each note in its own person's file, none overwritten
        assert (tmp_path / f"{held}-{person_id}-anne-lise-berg.txt").read_text(encoding="utf-8") == text
    warnings = [line for line in result.stderr.splitlines() if line.startswith("⚠")]
    assert len(warnings) == 1 and f"{people[1]}-anne-lise-berg.txt" in warnings[0] and "Олена Шевченко" in warnings[0]


def test_a_name_with_escape_sequences_is_shown_escaped_by_group_show(demo_store, demo_path: Path) -> None:
    renamed(demo_store, [HOSTILE, "Kari Nordmann"])
    result = run("--lang", "en", "group", "show", "Testgruppa", "--db", str(demo_path))
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\u202e" not in result.stdout
    assert r"Eva \x1b]0;pwned\x07\x1b[2J[red]Nord\u202e" in result.stdout  # as stored, markup and all
    as_json = run("group", "show", "Testgruppa", "--json", "--db", str(demo_path))
    assert HOSTILE in [person["name"] for person in json.loads(as_json.stdout)["participants"]]
    assert "\x1b" not in as_json.stdout and "\u202e" not in as_json.stdout


def test_goals_and_an_error_message_are_inert_too(demo_store, demo_path: Path) -> None:
    _session, people = renamed(demo_store, [HOSTILE])
    goals = run("--lang", "en", "goals", str(people[0]), "--db", str(demo_path))
    assert goals.exit_code == 0 and "\x1b" not in goals.stdout and r"\x1b]0;pwned" in goals.stdout
    missing = run("--lang", "en", "print", "service-plan", str(people[0]), "--db", str(demo_path))
    assert missing.exit_code == 1 and "\x1b" not in missing.stderr and r"\x1b]0;pwned" in missing.stderr


def test_group_show_in_a_real_process_writes_no_control_characters(demo_store, demo_path: Path) -> None:
    renamed(demo_store, [HOSTILE])
    shown = subprocess.run([*IMR_TUI, "--lang", "en", "group", "show", "Testgruppa", "--db", str(demo_path)], capture_output=True, timeout=60)
    assert shown.returncode == 0, shown.stderr
    assert b"\x1b" not in shown.stdout + shown.stderr and b"\x07" not in shown.stdout
    assert rb"\x1b]0;pwned\x07" in shown.stdout


def test_inert_leaves_ordinary_text_alone() -> None:
    assert inert("Kåre Lunde\tkom\nigjen – 😀") == "Kåre Lunde\tkom\nigjen – 😀"
    assert inert("\x1b[2J\x9b\u200f") == r"\x1b[2J\x9b\u200f"


def test_print_service_plan_in_a_real_process_keeps_the_terminal_inert(demo_store, demo_path: Path, tmp_path: Path) -> None:
    import sqlite3

    with sqlite3.connect(demo_path) as db:  # someone with a finished service plan
        plans = [row[0] for row in db.execute("SELECT DISTINCT participant_id FROM service_plan_version ORDER BY 1")]
    with demo_store.database.transaction() as session:
        session.get(Participant, plans[0]).name = HOSTILE
    out = tmp_path / "plan.pdf"
    printed = subprocess.run([*IMR_TUI, "--lang", "en", "print", "service-plan", str(plans[0]), "-o", str(out), "--db", str(demo_path)], capture_output=True, timeout=120)
    assert printed.returncode == 0, printed.stderr
    assert out.stat().st_size > 1000
    assert b"\x1b" not in printed.stdout + printed.stderr and b"\x07" not in printed.stdout + printed.stderr
