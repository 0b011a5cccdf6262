"""The course schedule on paper, and the printer chosen in the settings."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_printing import A4, fake_lp, pdf_text, run
from test_review_screens import SIZE, settle

GROUP = "Dagsgruppa Solsiden"


def participant_names(store) -> list[str]:
    """Every demo participant's full name: none may appear on a handout."""
    groups = store.groups.overview(dt.date(2026, 11, 24))
    return [person.name for group in groups for person in store.groups.detail(group.id).participants]


def print_schedule(demo_path: Path, *args: str, env: dict[str, str] | None = None):
    return run("print", "schedule", GROUP, "--db", str(demo_path), *args, env=env)


def add_module_1_meeting(store, group_name: str) -> str:
    """A one-to-one meeting in the group's plan; returns the participant's name."""
    from sqlmodel import Session

    from imr_tui.models import GroupSession

    group_id, _name = store.groups.find(group_name)
    person = store.groups.detail(group_id).participants[0]
    with Session(store.database.engine) as session, session.begin():
        session.add(GroupSession(group_id=group_id, participant_id=person.id, date=dt.date(2026, 11, 25), start_time=dt.time(14, 0), module_id="recovery-strategies"))
    return person.name


def test_the_schedule_lists_every_group_session_on_a4_sheets_without_names(tmp_path: Path, demo_path: Path, demo_store, curriculum) -> None:
    individual_name = add_module_1_meeting(demo_store, GROUP)
    out = tmp_path / "plan.pdf"
    result = print_schedule(demo_path, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert str(out) in result.stdout
    reader, text = pdf_text(out)
    assert len(reader.pages) >= 2, "the demo's daily group has more sessions than one sheet holds"
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) == pytest.approx(A4, abs=0.1)
    group_id, _name = demo_store.groups.find(GROUP)
    plan = demo_store.schedule.plan(group_id)
    group_sessions = [entry for entry in plan.entries if not entry.individual]
    planned = [entry for entry in group_sessions if entry.module_id]
    unplanned = group_sessions[len(planned):]
    assert unplanned and all(not entry.module_id for entry in unplanned), "the demo ends with sessions whose topic is not chosen"
    for entry in planned:
        assert entry.date.strftime("%d.%m.%Y") in text
    assert " – " not in text.split("Emne", 1)[1], "no row of dashes for a session without a module"
    modules = {curriculum.module(entry.module_id).title for entry in group_sessions if entry.module_id}
    flat = " ".join(text.split())
    for title in modules:
        assert str(title) in flat
    assert "Bygge sosial støtte" in flat  # Norwegian letters survive the font
    assert f"Deretter {len(unplanned)} samlinger til, fram til {unplanned[-1].date.strftime('%d.%m.%Y')}" in flat
    assert f"side 1 av {len(reader.pages)}" in flat and f"side {len(reader.pages)} av {len(reader.pages)}" in flat
    for name in participant_names(demo_store):
        assert name not in text
    individual = [entry for entry in plan.entries if entry.individual]
    assert individual and individual_name not in text
    assert all(entry.participant_alias not in text.split() for entry in individual) and "14:00" not in text
    assert oct(out.stat().st_mode & 0o777) == "0o600"


def test_from_a_day_leaves_the_earlier_sessions_out(tmp_path: Path, demo_path: Path) -> None:
    out = tmp_path / "plan.md"
    result = print_schedule(demo_path, "--from", "2026-12-01", "-o", str(out), "--lang", "en")
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert "Course schedule" in text and "Tue 01/12/2026" in text
    assert "30/11/2026" not in text and "19/10/2026" not in text


def test_html_is_one_table_whose_headings_repeat_on_each_printed_sheet(tmp_path: Path, demo_path: Path) -> None:
    out = tmp_path / "plan.html"
    assert print_schedule(demo_path, "-o", str(out)).exit_code == 0
    html = out.read_text()
    assert html.count("<main>") == 1 and html.count("<thead>") == 1 and "table-header-group" in html
    assert "19.10.2026" in html and "Kursplan" in html


def test_a_printer_in_the_settings_gets_the_pdf(tmp_path: Path, demo_path: Path, isolated_user: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('printer = "kontoret"\n')
    bin_dir = fake_lp(tmp_path / "bin", 0, "request id is kontoret-7 (1 file(s))")
    env = {"IMR_TUI_CONFIG": str(config), "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    out = tmp_path / "plan.pdf"
    result = print_schedule(demo_path, "-o", str(out), env=env)
    assert result.exit_code == 0, result.output
    assert "kontoret-7" in result.stdout
    assert (bin_dir / "args").read_text().split() == ["-d", "kontoret", str(out)]
    # A Markdown file is not a job for lp: written, not printed.
    (bin_dir / "args").unlink()
    result = run("print", "agenda", "nydal", "--db", str(demo_path), "-o", str(tmp_path / "a.md"), env=env)
    assert result.exit_code == 0, result.output
    assert not (bin_dir / "args").exists()


def test_a_printer_setting_must_be_text(tmp_path: Path, demo_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("printer = 3\n")
    result = print_schedule(demo_path, env={"IMR_TUI_CONFIG": str(config)})
    assert result.exit_code == 2
    assert "printer" in result.stderr and "config.toml" in result.stderr


def test_subprocess_print_schedule(tmp_path: Path, demo_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", "from imr_tui.cli import main; main()", "print", "schedule", "solsiden", "--db", str(demo_path)],
        cwd=tmp_path, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    written = tmp_path / "schedule-dagsgruppa-solsiden.pdf"
    assert written.exists() and str(written) in result.stdout
    assert len(PdfReader(written).pages) >= 2


async def test_the_plan_screen_previews_and_saves_the_schedule(make_app, isolated_user: Path) -> None:
    from imr_tui.screens.print_preview import PrintPreviewScreen
    from imr_tui.screens.schedule import ScheduleScreen

    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, ScheduleScreen)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, PrintPreviewScreen)
        preview = str(app.screen.query_one("#preview").render())
        assert "KURSPLAN" in preview and "Effektiv bruk av medisiner" in preview
        assert "w oppmøteliste" not in str(app.screen.query_one(".hint").render())  # no sign-in list on a schedule
        await pilot.press("p")  # no printer set: the therapist is told how to set one
        await settle(pilot)
        assert any("Ingen skriver er valgt" in str(n.message) for n in app._notifications)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, ScheduleScreen)
    pdfs = list(isolated_user.rglob("schedule-*.pdf"))
    assert len(pdfs) == 1 and len(PdfReader(pdfs[0]).pages) >= 2


async def test_the_preview_prints_on_the_printer_from_the_settings(make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = fake_lp(tmp_path / "bin", 0, "request id is kontoret-9 (1 file(s))")
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    app = make_app("en", printer="kontoret")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")  # the next agenda of the highlighted group
        await settle(pilot)
        assert "p print on kontoret" in str(app.screen.query_one(".hint").render())
        await pilot.press("p")
        await settle(pilot)
        assert any("Sent to the printer kontoret" in str(n.message) for n in app._notifications)
    args = (bin_dir / "args").read_text().split()
    assert args[:2] == ["-d", "kontoret"] and Path(args[2]).name.startswith("agenda-") and Path(args[2]).exists()


def set_group_language(store, curriculum, group_name: str, language: str) -> None:
    from dataclasses import replace

    group_id, _name = store.groups.find(group_name)
    settings = store.planning.group_settings(group_id)
    store.planning.update_group(group_id, settings.version, replace(settings.draft, language=language), curriculum, today=dt.date(2026, 11, 24), replan=False)


def test_handouts_are_in_the_group_language_unless_lang_is_given(tmp_path: Path, demo_path: Path, demo_store, curriculum) -> None:
    set_group_language(demo_store, curriculum, "Ukesgruppa Nydal", "en")
    group_id, _name = demo_store.groups.find("Ukesgruppa Nydal")
    assert demo_store.planning.group_settings(group_id).draft.language == "en"

    result = run("print", "agenda", "nydal", "--db", str(demo_path), "--date", "2026-11-24", "-o", str(tmp_path / "a.md"))
    assert result.exit_code == 0, result.output
    assert "Agendaen er lagret i" in result.stdout  # messages stay in the therapist's own language
    page = (tmp_path / "a.md").read_text()
    assert "Key points" in page and "Hovedpunkter" not in page

    result = run("print", "agenda", "nydal", "--db", str(demo_path), "--date", "2026-11-24", "--lang", "nb", "-o", str(tmp_path / "b.md"))
    assert "Hovedpunkter" in (tmp_path / "b.md").read_text()

    assert run("print", "schedule", "nydal", "--db", str(demo_path), "-o", str(tmp_path / "s.md")).exit_code == 0
    assert "Course schedule" in (tmp_path / "s.md").read_text()


async def test_the_preview_shows_the_group_language(make_app, demo_store, curriculum) -> None:
    set_group_language(demo_store, curriculum, "Dagsgruppa Solsiden", "en")
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")  # the first group on Today: Dagsgruppa Solsiden
        await settle(pilot)
        preview = str(app.screen.query_one("#preview").render())
        assert "KEY POINTS" in preview.upper() and "Hovedpunkter" not in preview
        assert "s lagre som PDF" in str(app.screen.query_one(".hint").render())  # the screen stays in Norwegian
