"""The service plan: the template as data, revisions, the comparison, sharing, the printed plan, the commands."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from imr_tui.cli.root import cli
from imr_tui.i18n import use_language
from imr_tui.planning.fields import InvalidField
from imr_tui.service_plan import check_template, load_template
from imr_tui.service_plan.compare import Changed, compare_plans
from imr_tui.service_plan.content import Contact
from imr_tui.service_plan.revision_dates import RevisionDue, months_later, review_state
from imr_tui.store import open_store
from imr_tui.store.service_plans import SectionConflict

from conftest import TODAY
from service_plan_data import FIRST, new_person, plan_with_two_versions, write_sections

DAY = dt.date(2026, 6, 1)


# The template


def test_the_shipped_template_has_every_section_the_practice_asks_for() -> None:
    template = load_template()
    kinds = {section.id: section.kind for section in template.sections}
    for section_id in ("triggers", "warning-signs", "what-i-do", "others-do", "others-do-not", "treatment-wanted", "treatment-not-wanted", "practical"):
        assert kinds[section_id] == "list"
    assert kinds["contacts"] == "contacts" and kinds["crisis-numbers"] == "numbers"
    assert template.review_months == 3
    assert [item.phone for item in template.section("crisis-numbers").items] == ["113", "116 117", "116 123"]


def test_an_adapted_template_names_each_problem_by_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "our-plan.yaml"
    path.write_text(
        "format: 1\nname: {nb: Kriseplan, en: Crisis plan}\nreview_months: 30\nsections:\n"
        "  - id: signs\n    kind: list\n    title: {nb: Tegn, en: Signs}\n"
        "  - id: signs\n    kind: table\n    title: {en: Signs}\n",
        encoding="utf-8",
    )
    with use_language("en"):
        template, problems = check_template(path)
    assert template is None
    lines = [str(problem) for problem in problems]
    assert f"{path}:3: review_months: must be from 1 to 24 months, not 30" in lines
    assert any(line.startswith(f"{path}:8: sections[1].id: the section id 'signs' is already used on line 5") for line in lines)
    assert any(line.startswith(f"{path}:9: sections[1].kind: unknown kind 'table'; choose one of: text, list, contacts, numbers") for line in lines)
    assert any(line.startswith(f"{path}:10: sections[1].title.nb:") for line in lines)


def test_an_adapted_template_is_used_for_a_new_plan(tmp_path: Path, demo_store) -> None:
    path = tmp_path / "ours.yaml"
    path.write_text(
        "format: 1\nname: {nb: Min plan, en: My plan}\nreview_months: 6\nsections:\n"
        "  - id: about-me\n    kind: text\n    title: {nb: Om meg, en: About me}\n"
        "  - id: numbers\n    kind: numbers\n    title: {nb: Numre, en: Numbers}\n"
        "    items:\n      - name: {nb: Kommunens krisetelefon, en: The municipality's crisis line}\n        phone: '800 00 000'\n",
        encoding="utf-8",
    )
    template = load_template(path)
    person = new_person(demo_store, language="en")
    plan = demo_store.service_plans.open_draft(person, template)
    assert plan.draft["about-me"].value == ""
    assert plan.draft["numbers"].value == (Contact("The municipality's crisis line", phone="800 00 000"),)


# Revisions and the comparison


@pytest.mark.both_engines
def test_two_revisions_and_what_changed_between_them(demo_store) -> None:
    person = new_person(demo_store)
    plan_with_two_versions(demo_store, person, DAY)
    template = load_template()
    plan = demo_store.service_plans.plan(person, template)
    assert [(v.number, v.finished_on, v.based_on) for v in plan.versions] == [(1, DAY, None), (2, DAY + dt.timedelta(days=30), 1)]
    assert plan.version(1).content["triggers"] == FIRST["triggers"]
    changes = {change.section_id: change for change in compare_plans(template, plan.version(1).content, plan.version(2).content)}
    assert set(changes) == {"triggers", "contacts", "practical"}  # warning signs are the same
    assert changes["triggers"].changed == (Changed("Too little sleep", "Too little sleep for three nights"),)
    assert changes["triggers"].removed == ("Arguments at work",) and changes["triggers"].added == ("Moving house",)
    assert changes["contacts"].changed == (Changed("Siri Testesen (sister, privat): 900 00 001", "Siri Testesen (sister, privat): 900 00 009"),)
    assert changes["contacts"].removed == ("Dr. Berg (GP, profesjonelt): 22 00 00 00",)
    assert changes["contacts"].added == ("Home care (municipality, profesjonelt): 23 00 00 00",)
    assert changes["practical"].removed == ("Feed the cat",) and not changes["practical"].added


def test_a_new_revision_can_start_from_an_earlier_version(demo_store) -> None:
    person = new_person(demo_store)
    plan_with_two_versions(demo_store, person, DAY)
    template = load_template()
    demo_store.service_plans.start_from(person, template, 1)
    plan = demo_store.service_plans.plan(person, template)
    assert plan.draft["triggers"].value == FIRST["triggers"] and plan.based_on == 1
    assert plan.has_unfinished_changes  # version 1's words differ from the newest version
    version = demo_store.service_plans.finish_revision(person, template, made_by_id=None, finished_on=DAY + dt.timedelta(days=60), review_on=DAY + dt.timedelta(days=150))
    assert (version.number, version.based_on) == (3, 1)


def test_finishing_needs_words_and_a_review_date_after_the_day(demo_store) -> None:
    from imr_tui.errors import UserError

    person = new_person(demo_store)
    template = load_template()
    demo_store.service_plans.open_draft(person, template)
    with pytest.raises(UserError, match="fortsatt tom"):  # the template's crisis numbers alone are not a plan
        demo_store.service_plans.finish_revision(person, template, made_by_id=None, finished_on=DAY, review_on=months_later(DAY, 3))
    write_sections(demo_store, person, {"triggers": ("Winter",)})
    with pytest.raises(InvalidField) as refused:
        demo_store.service_plans.finish_revision(person, template, made_by_id=None, finished_on=DAY, review_on=DAY)
    assert refused.value.field == "review_on"


@pytest.mark.both_engines
def test_a_second_window_never_overwrites_a_section_silently(demo_target: str) -> None:
    template = load_template()
    first, second = open_store(demo_target), open_store(demo_target)
    try:
        person = new_person(first)
        read_by_first = first.service_plans.open_draft(person, template).draft["triggers"].stored
        read_by_second = second.service_plans.open_draft(person, template).draft["triggers"].stored
        first.service_plans.save_section(person, "triggers", ("Written in the first window",), read_by_first)
        with pytest.raises(SectionConflict) as conflict:
            second.service_plans.save_section(person, "triggers", ("Written in the second window",), read_by_second)
        assert json.loads(conflict.value.stored) == ["Written in the first window"]
        assert second.service_plans.plan(person, template).draft["triggers"].value == ("Written in the first window",)
        # Having seen it, the second window may save its choice.
        second.service_plans.save_section(person, "triggers", ("Written in the first window", "Written in the second window"), conflict.value.stored)
    finally:
        first.close()
        second.close()


def test_review_dates_and_the_state_of_a_review() -> None:
    assert months_later(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    assert months_later(dt.date(2026, 1, 15), 3) == dt.date(2026, 4, 15)
    today = dt.date(2026, 11, 24)
    assert review_state(None, today) == RevisionDue.NONE
    assert review_state(today - dt.timedelta(days=1), today) == RevisionDue.OVERDUE
    assert review_state(today + dt.timedelta(days=14), today) == RevisionDue.DUE
    assert review_state(today + dt.timedelta(days=15), today) == RevisionDue.LATER


def test_the_demo_has_plans_due_and_overdue_for_review(demo_store) -> None:
    groups = {name: demo_store.groups.find(name)[0] for name in ("Solsiden", "Nydal")}
    counts = demo_store.service_plans.reviews_by_group(list(groups.values()), TODAY.date())
    assert (counts[groups["Solsiden"]].overdue, counts[groups["Nydal"]].due) == (1, 1)
    rows = {row.participant.name: row for row in demo_store.service_plans.group_statuses(groups["Solsiden"], TODAY.date(), load_template())}
    assert rows["Astrid Kvamme"].latest == 2 and rows["Astrid Kvamme"].review == RevisionDue.OVERDUE
    assert rows["Camilla Sæter"].latest is None and not rows["Camilla Sæter"].has_changes
    assert rows["Bjørn Eliassen"].has_changes and not rows["Astrid Kvamme"].has_changes


# Sharing


def test_sharing_is_recorded_per_version_only_with_consent(demo_store) -> None:
    person = new_person(demo_store)
    plan_with_two_versions(demo_store, person, DAY)
    plans = demo_store.service_plans
    with pytest.raises(InvalidField) as refused:
        plans.record_share(person, 2, person="Siri Testesen", relation="sister", shared_on=DAY, method="printed", consent=False)
    assert refused.value.field == "share_consent"
    with pytest.raises(InvalidField):
        plans.record_share(person, 2, person="  ", relation="", shared_on=DAY, method="printed", consent=True)
    plans.record_share(person, 2, person="Siri  Testesen", relation="sister", shared_on=DAY, method="printed", consent=True)
    plans.record_share(person, 1, person="Dr. Berg", relation="GP", shared_on=DAY, method="pdf", consent=True)
    plan = plans.plan(person, load_template())
    assert [(s.person, s.relation, s.method, s.consent) for s in plan.shares_of(2)] == [("Siri Testesen", "sister", "printed", True)]
    assert [s.person for s in plan.shares_of(1)] == ["Dr. Berg"]


# The printed plan


def _pdf_text(path: Path) -> tuple[list[str], list[tuple[float, float]]]:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return [page.extract_text() for page in reader.pages], [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]


A4 = (595, 842)


def test_the_printed_plan_shows_version_review_sections_and_who_has_it(demo_target: str, tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    result = CliRunner().invoke(cli, ["print", "service-plan", "Astrid", "--db", demo_target, "-o", str(out)])
    assert result.exit_code == 0, result.output
    pages, sizes = _pdf_text(out)
    assert set(sizes) == {A4}
    text = " ".join(" ".join(page.split()) for page in pages)
    for expected in ("SERVICEPLAN", "Astrid Kvamme", "Versjon 2", "Revideres innen", "Mine tidlige varseltegn",
                     "Jeg slutter å svare på telefonen", "Siri Kvamme", "900 11 222", "Versjon 2 er delt med samtykke", "116 123"):  # fmt: skip
        assert expected in text, expected
    first = " ".join(pages[0].split())
    assert "Krisenumre" in first and "116 123" in first and "Hvem som skal kontaktes" in first, "crisis numbers and contacts on the first sheet"
    assert first.index("Krisenumre") < first.index("Hvem som skal kontaktes") < first.index("Mine tidlige varseltegn")
    assert out.stat().st_mode & 0o077 == 0


def test_an_earlier_version_prints_in_english_and_as_markdown_and_html(demo_target: str, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["print", "service-plan", "Astrid", "--version", "1", "--lang", "en", "--db", demo_target, "-o", str(tmp_path / "v1.md")])
    assert result.exit_code == 0, result.output
    markdown = (tmp_path / "v1.md").read_text(encoding="utf-8")
    assert "Version 1" in markdown and "What can set off a relapse" in markdown and "For lite søvn flere netter på rad" in markdown
    assert "Fastlege Nilsen" in markdown and "Store endringer" not in markdown  # only version 2 says that
    result = runner.invoke(cli, ["print", "service-plan", "Astrid", "--db", demo_target, "-o", str(tmp_path / "plan.html")])
    assert result.exit_code == 0 and "Mine tidlige varseltegn" in (tmp_path / "plan.html").read_text(encoding="utf-8")


def test_the_plan_prints_in_the_participants_own_language(demo_target: str, tmp_path: Path) -> None:
    store = open_store(demo_target)
    try:
        person = new_person(store, name="Sam Example", language="en")
        write_sections(store, person, {"triggers": ("Long nights",)})
        store.service_plans.finish_revision(person, load_template(), made_by_id=None, finished_on=DAY, review_on=months_later(DAY, 3))
    finally:
        store.close()
    result = CliRunner().invoke(cli, ["print", "service-plan", "Sam Example", "--db", demo_target, "-o", str(tmp_path / "sam.md")])  # the app speaks bokmål
    assert result.exit_code == 0, result.output
    page = (tmp_path / "sam.md").read_text(encoding="utf-8")
    assert "What can set off a relapse" in page and "Version 1" in page and "Long nights" in page


def test_a_long_plan_runs_onto_more_a4_sheets_without_losing_a_word(demo_store, tmp_path: Path) -> None:
    from imr_tui.printing import render
    from imr_tui.printing.service_plan import ServicePlanDocument

    person = new_person(demo_store, language="en")
    long_list = tuple(f"Warning sign number {n}: a longer sentence in the person's own words about what happens" for n in range(60))
    write_sections(demo_store, person, {"warning-signs": long_list, "triggers": ("Winter",)})
    template = load_template()
    demo_store.service_plans.finish_revision(person, template, made_by_id=None, finished_on=DAY, review_on=months_later(DAY, 3))
    plan = demo_store.service_plans.plan(person, template)
    render(ServicePlanDocument("en", template, plan, plan.current, DAY), tmp_path / "long.pdf")
    pages, sizes = _pdf_text(tmp_path / "long.pdf")
    assert len(pages) >= 2 and set(sizes) == {A4}
    text = " ".join(" ".join(page.split()) for page in pages)
    assert all(f"Warning sign number {n}: a longer sentence in the person's own words about what happens" in text for n in range(60))
    assert f"page 2 of {len(pages)}" in text and "side" not in text
    assert all("Service plan · Siri Testesen · version 1" in page for page in pages[1:]), "the title on top of every later sheet"


# The commands


def test_the_plan_and_its_history_on_the_command_line(demo_target: str) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["service-plan", "Astrid", "--db", demo_target, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["participant"]["name"] == "Astrid Kvamme" and data["current_version"] == 2 and data["review"] == "overdue"
    assert [v["number"] for v in data["versions"]] == [1, 2]
    assert data["versions"][1]["shared_with"][0] == {"person": "Siri Kvamme", "relation": "søster", "shared_on": data["versions"][1]["shared_with"][0]["shared_on"], "how": "printed", "consent": True}
    assert data["versions"][1]["sections"]["contacts"][2]["name"] == "Tone Berg"
    result = runner.invoke(cli, ["service-plan", "Astrid", "--db", demo_target, "--lang", "en"])
    assert result.exit_code == 0
    assert "Version 2" in result.output and "OVERDUE FOR REVIEW" in result.output and "My early warning signs" in result.output


def test_bad_input_gets_one_line_and_exit_2(demo_target: str, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["print", "service-plan", "Astrid", "--version", "9", "--db", demo_target, "--lang", "en", "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 2 and "has no version 9; its versions: 1, 2" in result.output
    result = runner.invoke(cli, ["print", "service-plan", "Camilla", "--db", demo_target, "--lang", "en", "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 1 and "no finished service plan yet" in result.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nname: {nb: X, en: X}\nreview_months: 3\nsections: []\n", encoding="utf-8")
    result = runner.invoke(cli, ["service-plan", "--check", "--template", str(bad), "--lang", "en"])
    assert result.exit_code == 2 and f"{bad}:4: sections: the plan needs at least one section" in result.output


def test_service_plan_in_a_real_process(demo_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", "from imr_tui.cli import main; main()", "service-plan", "Hanne", "--db", str(demo_path), "--lang", "en"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Version 2" in done.stdout and "DUE FOR REVIEW" in done.stdout and "Vanne plantene" in done.stdout


def test_migration_0004_goes_down_and_up_again(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect

    from imr_tui.store.schema import MIGRATIONS_DIR

    store = open_store(str(tmp_path / "imr.sqlite"))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    for target in ("0003", "0004"):
        with store.database.engine.begin() as connection:
            config.attributes["connection"] = connection
            (command.downgrade if target == "0003" else command.upgrade)(config, target)
        tables = set(inspect(store.database.engine).get_table_names())
        assert ("service_plan_version" in tables) == (target == "0004")
    foreign = {fk["referred_table"] for fk in inspect(store.database.engine).get_foreign_keys("service_plan_share")}
    assert foreign == {"participant", "service_plan_version"}
    store.close()
