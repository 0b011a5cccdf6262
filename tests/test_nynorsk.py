"""Nynorsk throughout (messages, curriculum, IMR Scale, service plan), and a bokmål-only curriculum."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from textual.widgets import DataTable, Static

from imr_tui.curriculum.loader import SOURCE_TREE_CURRICULUM, load_curriculum
from imr_tui.i18n import use_language

SIZE = (120, 36)


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def cell_texts(table: DataTable) -> list[str]:
    return [str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)]


def test_the_shipped_data_speaks_nynorsk() -> None:
    from imr_tui.imrs.loader import load_scale
    from imr_tui.service_plan.loader import load_template

    curriculum = load_curriculum()
    with use_language("nn"):
        assert curriculum.module("medication").title.get() == "Effektiv bruk av medisinar"
        assert str(curriculum.structure.parts[0].title) == "Uformell velkomst og det som hastar"
        assert load_scale().items[0].label.get() == "Framgang mot eigne mål"
        assert load_template().name.get() == "Serviceplan"
        assert load_template().sections[0].title.get() == "Slik er eg når eg har det bra"


# Fidelity texts that are written the same in bokmål and nynorsk.
SAME_IN_BOTH = {"Oppfølging av mål og steg", "Arbeid med motivasjon"}


def test_the_fidelity_scale_speaks_nynorsk() -> None:
    from imr_tui.fidelity.loader import load_fidelity_scale

    scale = load_fidelity_scale()
    texts = [(f"item {item.number}", item.title) for item in scale.items]
    texts += [(f"item {item.number} score {score}", meaning) for item in scale.items for score, meaning in item.scores.items()]
    assert len(texts) == 13 * 6
    with use_language("nn"):
        assert scale.items[0].title.get() == "Talet på deltakarar i gruppa"
        assert scale.item("relapse-prevention").scores[3].get() == "Nokre lagar ein plan med varselteikn"
        for where, text in texts:
            assert text.nn is not None, f"{where} has no nynorsk: {text.nb}"
            assert text.get() == text.nn, where
            assert text.nn != text.nb or text.nn in SAME_IN_BOTH, f"{where} reads as bokmål: {text.nn}"


async def test_today_in_nynorsk(make_app) -> None:
    app = make_app("nn")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "tysdag 24.11.2026" in str(app.screen.query_one("#today-date", Static).render())
        cells = cell_texts(app.screen.query_one("#groups", DataTable))
        assert "I dag 13:00" in cells and any("Byggje sosial støtte" in cell for cell in cells)
        assert app.screen.active_bindings["enter"].binding.description == "Opne samling"
        assert app.sub_title.startswith("tysdag 24. november 2026")


def bokmaal_only(tmp_path: Path) -> Path:
    """The shipped curriculum as a Norwegian service might adapt it: bokmål lines only."""
    text = SOURCE_TREE_CURRICULUM.read_text(encoding="utf-8")
    only_nb = re.sub(r"^\s*(nn|en): .*\n", "", text, flags=re.MULTILINE)
    assert "en: " not in only_nb and "nn: " not in only_nb
    path = tmp_path / "vår-læreplan.yaml"
    path.write_text(only_nb, encoding="utf-8")
    return path


def test_a_bokmaal_only_curriculum_loads_and_falls_back_to_bokmaal(tmp_path: Path) -> None:
    curriculum = load_curriculum(bokmaal_only(tmp_path))
    with use_language("en"):
        assert curriculum.module("medication").title.get() == "Effektiv bruk av medisiner"
    with use_language("nn"):
        assert curriculum.module("medication").title.get() == "Effektiv bruk av medisiner"


async def test_the_english_ui_shows_a_bokmaal_only_curriculum_in_bokmaal(make_app, tmp_path: Path) -> None:
    app = make_app("en", curriculum=bokmaal_only(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        cells = cell_texts(app.screen.query_one("#groups", DataTable))
        assert "Today 13:00" in cells  # the app's own words in English
        assert any("Bygge sosial støtte" in cell for cell in cells)  # the service's words in bokmål


def test_the_bokmaal_only_curriculum_passes_the_check_in_a_real_run(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-c", "from imr_tui.cli import main; main()", "--lang", "nn", "curriculum", "check", str(bokmaal_only(tmp_path))],
        capture_output=True, text=True, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 0, run.stderr
    assert "OK: 11 modular, 47 emne, 8 delar i samlinga" in run.stdout


def test_the_agenda_handout_in_nynorsk(tmp_path: Path, demo_path: Path, demo_store, curriculum) -> None:
    import datetime as dt

    from pypdf import PdfReader
    from typer.testing import CliRunner

    from imr_tui.cli.root import cli

    group_id, _name = demo_store.groups.find("Ukesgruppa Nydal")
    session = demo_store.sessions.for_group(group_id, dt.date(2026, 11, 24), on=dt.date(2026, 11, 24))
    out = tmp_path / "agenda-nn.pdf"
    result = CliRunner().invoke(cli, ["print", "agenda", "Ukesgruppa Nydal", "--db", str(demo_path), "--date", "2026-11-24", "-o", str(out), "--lang", "nn"])
    assert result.exit_code == 0, result.output
    assert "Agendaen er lagra i" in result.stdout
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    with use_language("nn"):
        module_title = curriculum.module(session.module_id).title.get()
    for fact in ("AGENDA FOR SAMLINGA", "Hovudpunkt", "Steget mitt til neste gong", "Heimeoppgåve", "Tysdag 24. november 2026", module_title):
        assert fact in text, fact
    assert "Hovedpunkter" not in text and "Key points" not in text
