"""Printing the session agenda: one A4 page, the right facts, names only on a sign-in sheet of its own."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from imr_tui.cli.root import cli
from imr_tui.models import GroupSession

runner = CliRunner()

# The demo's weekly group meets on the fixed test day at 13:00.
GROUP = "Ukesgruppa Nydal"
DAY = "2026-11-24"
DEMO_NAMES = ("Hanne Myrvold", "Ivar Stensrud", "Janne Fjellheim", "Liv Årdal")
A4 = (595.28, 841.89)


def run(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(cli, list(args), catch_exceptions=False, env={"COLUMNS": "160", **(env or {})})


def print_agenda(demo_path: Path, *args: str, env: dict[str, str] | None = None):
    return run("print", "agenda", GROUP, "--db", str(demo_path), *args, env=env)


def pdf_text(path: Path) -> tuple[PdfReader, str]:
    reader = PdfReader(path)
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def assert_one_a4_page(reader: PdfReader) -> None:
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 1), round(float(box.height), 1)) == pytest.approx(A4, abs=0.1)


def expected_session(demo_store, curriculum):
    """The module and topic the demo plans for the weekly group on the test day."""
    import datetime as dt

    group_id, _name = demo_store.groups.find(GROUP)
    session = demo_store.sessions.for_group(group_id, dt.date.fromisoformat(DAY), on=dt.date.fromisoformat(DAY))
    return session, curriculum.module(session.module_id), curriculum.topic(session.module_id, session.topic_id)


def test_pdf_is_one_a4_page_with_the_facts_and_no_names(tmp_path: Path, demo_path: Path, demo_store, curriculum) -> None:
    _session, module, topic = expected_session(demo_store, curriculum)
    out = tmp_path / "agenda.pdf"
    result = print_agenda(demo_path, "--date", DAY, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert str(out) in result.stdout
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    reader, text = pdf_text(out)
    assert_one_a4_page(reader)
    for fact in (GROUP, module.title.nb, topic.title.nb, "13:00", "13:05", "13:55–14:00", "møterom", "Hjemmeoppgave", "Hovedpunkter", "Mitt steg til neste gang"):
        assert fact in text, fact
    assert topic.key_points[0].nb.split()[0] in text
    assert not any(name in text for name in DEMO_NAMES)


def test_pdf_embeds_its_fonts(tmp_path: Path, demo_path: Path) -> None:
    out = tmp_path / "agenda.pdf"
    assert print_agenda(demo_path, "--date", DAY, "-o", str(out)).exit_code == 0
    fonts = PdfReader(out).pages[0]["/Resources"]["/Font"]
    for font in fonts.values():
        descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "DejaVu" in descriptor["/FontName"] and "/FontFile2" in descriptor


def assert_handout_then_sign_in_sheet(reader: PdfReader) -> None:
    """Two A4 sheets: the handout without a name, then the sign-in sheet with every name."""
    assert len(reader.pages) == 2
    handout, sign_in = (page.extract_text() for page in reader.pages)
    assert not any(name in handout for name in DEMO_NAMES) and "Signatur" not in handout
    assert "Oppmøteliste" in sign_in and "Signatur" in sign_in and all(name in sign_in for name in DEMO_NAMES)
    assert "Hovedpunkter" not in sign_in


def test_with_names_puts_the_sign_in_list_on_a_sheet_of_its_own(tmp_path: Path, demo_path: Path) -> None:
    out = tmp_path / "names.pdf"
    assert print_agenda(demo_path, "--date", DAY, "-o", str(out), "--with-names").exit_code == 0
    reader, _text = pdf_text(out)
    assert_handout_then_sign_in_sheet(reader)


def test_no_group_name_leaves_it_off_every_format(tmp_path: Path, demo_path: Path) -> None:
    for suffix in (".pdf", ".md", ".html"):
        out = tmp_path / f"anonymous{suffix}"
        assert print_agenda(demo_path, "--date", DAY, "-o", str(out), "--no-group-name").exit_code == 0
        text = pdf_text(out)[1] if suffix == ".pdf" else out.read_text(encoding="utf-8")
        assert "Nydal helsehus" in text and "IMR-gruppe" in text
        assert GROUP not in text and "Ukesgruppa" not in text


def test_english_headings_with_lang_en(tmp_path: Path, demo_path: Path, demo_store, curriculum) -> None:
    _session, module, topic = expected_session(demo_store, curriculum)
    out = tmp_path / "agenda-en.pdf"
    result = print_agenda(demo_path, "--date", DAY, "-o", str(out), "--lang", "en")
    assert result.exit_code == 0 and "Agenda written to" in result.stdout
    text = pdf_text(out)[1]
    for fact in ("Key points", "My step until next time", "Home assignment", "Tuesday 24 November 2026", module.title.en, topic.title.en):
        assert fact in text, fact
    assert "Hovedpunkter" not in text


def test_markdown_and_html_carry_the_same_facts_without_names(tmp_path: Path, demo_path: Path, demo_store, curriculum) -> None:
    _session, module, topic = expected_session(demo_store, curriculum)
    for suffix in (".md", ".html"):
        out = tmp_path / f"agenda{suffix}"
        assert print_agenda(demo_path, "--date", DAY, "-o", str(out)).exit_code == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
        text = out.read_text(encoding="utf-8")
        for fact in (GROUP, "13:00–13:05", "møterom", "Hovedpunkter", "Mitt steg til neste gang", topic.key_points[-1].nb.split(",")[0]):
            assert fact in text, (suffix, fact)
        assert module.title.nb.split()[0] in text
        assert not any(name in text for name in DEMO_NAMES)
    html = (tmp_path / "agenda.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="nb">' in html and "@page" in html
    assert "http" not in html and "<link" not in html and "<script" not in html and "src=" not in html


def test_very_long_key_points_leave_some_out_and_say_so_rather_than_shrink(tmp_path: Path, demo_path: Path) -> None:
    import pdfplumber

    long_curriculum = curriculum_with_long_key_points(tmp_path)
    out = tmp_path / "long.pdf"
    result = run("--curriculum", str(long_curriculum), "print", "agenda", GROUP, "--db", str(demo_path), "--date", DAY, "-o", str(out), "--with-names")
    assert result.exit_code == 0, result.output
    reader, _text = pdf_text(out)
    assert_handout_then_sign_in_sheet(reader)
    handout = reader.pages[0].extract_text()
    assert "Hovedpunkter" in handout and "13:55" in handout and "1. Dette er et langt hovedpunkt" in handout
    assert "hovedpunkter til er utelatt for at agendaen skal få plass på ett ark" in " ".join(handout.split())
    with pdfplumber.open(out) as pdf:
        assert min(char["size"] for char in pdf.pages[0].chars) >= 9.0


def test_an_absurdly_long_page_keeps_to_one_sheet(tmp_path: Path, demo_store, curriculum) -> None:
    from dataclasses import replace

    from imr_tui.printing import agenda_document, render

    document = agenda_document(demo_store, curriculum, expected_session(demo_store, curriculum)[0].id)
    document = replace(document, key_points=tuple("Et svært langt hovedpunkt om hverdagen. " * 40 for _ in range(12)), home_assignment="Skriv ned dagen. " * 200)
    out = render(document, tmp_path / "absurd.pdf")
    reader, text = pdf_text(out)
    assert_one_a4_page(reader)
    assert "12 hovedpunkter til er utelatt" in " ".join(text.split()) and "…" in text and "Mitt steg til neste gang" in text


def test_the_session_minutes_set_by_the_therapist_give_the_clock_times(tmp_path: Path, demo_store, curriculum) -> None:
    from imr_tui.printing import agenda_as_text, agenda_document

    session, _module, _topic = expected_session(demo_store, curriculum)
    with demo_store.database.transaction() as db_session:
        db_session.get(GroupSession, session.id).part_minutes = '{"welcome": 10}'
    text = agenda_as_text(agenda_document(demo_store, curriculum, session.id))
    assert "13:00–13:10" in text and "13:10–13:15" in text
    assert not any(name in text for name in DEMO_NAMES)


def test_agenda_as_text_previews_the_page(demo_store, curriculum) -> None:
    from imr_tui.i18n import use_language
    from imr_tui.printing import agenda_as_text, agenda_document

    session, module, _topic = expected_session(demo_store, curriculum)
    with use_language("en"):
        document = agenda_document(demo_store, curriculum, session.id, show_group_name=False)
    text = agenda_as_text(document)  # printed in the document's language, whatever the screen's
    assert document.language == "en" and "IMR group" in text and GROUP not in text
    assert module.title.en in text and "Key points" in text and "13:32–13:52" in text


def test_default_file_is_a_pdf_in_the_current_folder(tmp_path: Path, demo_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = print_agenda(demo_path, "--date", DAY)
    assert result.exit_code == 0, result.output
    expected = tmp_path / f"agenda-ukesgruppa-nydal-{DAY}.pdf"
    assert expected.exists() and str(expected) in result.stdout
    assert_one_a4_page(PdfReader(expected))


def test_a_session_by_id_must_belong_to_the_group(tmp_path: Path, demo_path: Path, demo_store, curriculum) -> None:
    session, _module, _topic = expected_session(demo_store, curriculum)
    out = tmp_path / "by-id.md"
    assert print_agenda(demo_path, "--session", str(session.id), "-o", str(out)).exit_code == 0
    assert "13:00" in out.read_text(encoding="utf-8")
    other = demo_store.groups.detail(demo_store.groups.find("Solsiden")[0]).sessions[0].id
    result = print_agenda(demo_path, "--session", str(other), "-o", str(out))
    assert result.exit_code == 2 and "hører til en annen gruppe" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--date", "2026-02-30"), "datoen 2026-02-30 finnes ikke"),
        (("--date", "24.11.2026"), "skriv den som ÅÅÅÅ-MM-DD"),
        (("--date", "2026-11-25"), "ingen samling 2026-11-25"),
        (("--date", DAY, "--session", "1"), "enten --date eller --session"),
        (("-o", "agenda.docx"), ".pdf, .md, .html"),
        (("-o", "agenda.md", "--printer", "kontoret"), "--printer sender en PDF"),
    ],
)
def test_bad_input_exits_2_with_one_line(demo_path: Path, args: tuple[str, ...], message: str) -> None:
    result = print_agenda(demo_path, *args)
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


def test_a_missing_folder_exits_2(tmp_path: Path, demo_path: Path) -> None:
    result = print_agenda(demo_path, "--date", DAY, "-o", str(tmp_path / "no" / "agenda.pdf"))
    assert result.exit_code == 2 and "finnes ikke" in result.stderr


def test_without_lp_the_pdf_is_kept(tmp_path: Path, demo_path: Path) -> None:
    empty = tmp_path / "empty-path"
    empty.mkdir()
    out = tmp_path / "agenda.pdf"
    result = print_agenda(demo_path, "--date", DAY, "-o", str(out), "--printer", "nosuch", env={"PATH": str(empty)})
    assert result.exit_code == 1
    assert "lp er ikke installert" in result.stderr and str(out) in result.stderr
    assert result.stderr.count("\n") == 1
    assert_one_a4_page(PdfReader(out))


def fake_lp(folder: Path, exit_code: int, message: str) -> Path:
    """An `lp` that records its arguments and answers like CUPS does."""
    folder.mkdir()
    script = folder / "lp"
    stream = ">&2" if exit_code else ""
    script.write_text(f'#!/bin/sh\necho "$@" > "{folder}/args"\necho "{message}" {stream}\nexit {exit_code}\n')
    script.chmod(0o755)
    return folder


def test_a_printer_gets_the_pdf_through_lp(tmp_path: Path, demo_path: Path) -> None:
    bin_dir = fake_lp(tmp_path / "bin", 0, "request id is kontoret-42 (1 file(s))")
    out = tmp_path / "agenda.pdf"
    result = print_agenda(demo_path, "--date", DAY, "-o", str(out), "--printer", "kontoret", env={"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"})
    assert result.exit_code == 0, result.output
    assert "kontoret-42" in result.stdout
    assert (bin_dir / "args").read_text().split() == ["-d", "kontoret", str(out)]


def test_a_printer_that_refuses_the_job_exits_1_and_keeps_the_pdf(tmp_path: Path, demo_path: Path) -> None:
    bin_dir = fake_lp(tmp_path / "bin", 1, "lp: The printer or class does not exist.")
    out = tmp_path / "agenda.pdf"
    result = print_agenda(demo_path, "--date", DAY, "-o", str(out), "--printer", "nosuch", env={"PATH": str(bin_dir)})
    assert result.exit_code == 1
    assert "«nosuch» tok ikke imot jobben" in result.stderr and "does not exist" in result.stderr and str(out) in result.stderr
    assert out.exists()


def test_printing_imports_no_pdf_library_until_a_pdf_is_made() -> None:
    code = "import sys, imr_tui.printing, imr_tui.cli.root; print('fpdf' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr


def test_subprocess_print_agenda(tmp_path: Path, demo_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", "from imr_tui.cli import main; main()", "print", "agenda", "nydal", "--db", str(demo_path), "--date", DAY, "--with-names"],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    out = tmp_path / f"agenda-ukesgruppa-nydal-{DAY}.pdf"
    assert result.stdout.strip().endswith(str(out))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    reader, text = pdf_text(out)
    assert_handout_then_sign_in_sheet(reader)
    assert "13:00" in text
    bad = subprocess.run(
        [sys.executable, "-c", "from imr_tui.cli import main; main()", "print", "agenda", "nydal", "--db", str(demo_path), "--date", "2026-02-30"],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )  # fmt: skip
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr


def curriculum_with_long_key_points(tmp_path: Path) -> Path:
    """A copy of the shipped curriculum whose every topic has five key points of about 300 characters."""
    from ruamel.yaml import YAML

    from imr_tui.curriculum.loader import default_curriculum_path

    yaml = YAML()
    data = yaml.load(default_curriculum_path().read_text(encoding="utf-8"))
    sentence = "Dette er et langt hovedpunkt med æ, ø og å, skrevet for å prøve hvordan siden tåler mye tekst på én gang. "
    point = (sentence * 3)[:300].strip()
    for module in data["modules"]:
        for topic in module["topics"]:
            topic["key_points"] = [{"nb": f"{number}. {point}", "en": f"{number}. {point}"} for number in range(1, 6)]
    path = tmp_path / "long-curriculum.yaml"
    with path.open("w", encoding="utf-8") as file:
        yaml.dump(data, file)
    return path
