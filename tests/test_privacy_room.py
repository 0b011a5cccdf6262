"""What the group sees: a name typed into the home assignment is flagged while typing, shown by
alias on the shared screen (f5) and printed by alias on the agenda, unless names are asked for."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from textual.widgets import Static, TextArea
from typer.testing import CliRunner

from imr_tui.cli.root import cli
from imr_tui.models import Participant
from imr_tui.privacy_names import Person, find_mentions, named_people, replace_names
from imr_tui.screens.print_preview import PrintPreviewScreen
from imr_tui.screens.session import SessionScreen
from imr_tui.widgets.attendance_list import AttendanceList
from imr_tui.widgets.name_warning import NameWarning

from conftest import TODAY
from session_data import group_with_session_today

SIZE = (120, 40)
# The name in four forms, none as stored: upper case, first name and initial, without diacritics.
TYPED = "KÅRE LUNDE og Berit T. leder runden; dina odegard og kåre lunde tar med kaffe"
NAMES = ("Kåre Lunde", "Berit Testesen", "Dina Ødegård")


def test_a_name_is_found_in_any_case_with_or_without_diacritics() -> None:
    people = [Person(1, "Kåre Lunde", "Kåre L"), Person(2, "Dina Ødegård", ""), Person(3, "Kåre Isaksen", "")]
    assert replace_names("kare LUNDE, Dina Ø. og dina odegard", people) == "Kåre L, DØ og DØ"
    assert [m.person.id for m in find_mentions("Kåre i dag, Kåre I. i morgen", people)] == [3]  # "i" is a word, "I." an initial
    assert named_people("Kåre kom", people) == []  # a first name alone is the group's own business
    assert [p.id for p in named_people("Kåre kom", people, first_name=True)] == [1]


def with_names(demo_store, today) -> int:
    """Today's session of a test group, with three people whose names have diacritics or an initial."""
    session_id, people = group_with_session_today(demo_store, today, size=4)
    with demo_store.database.transaction() as session:
        session.get(Participant, people[0]).name, session.get(Participant, people[0]).alias = "Kåre Lunde", "Kåre L"
        session.get(Participant, people[3]).name, session.get(Participant, people[3]).alias = "Dina Ødegård", ""
    return session_id


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_home_assignment_warns_while_typed_and_shows_aliases_on_the_shared_screen(make_app, demo_store, isolated_user: Path) -> None:
    session_id = with_names(demo_store, TODAY.date())
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(SessionScreen(session_id))
        await settle(pilot)
        screen = app.screen
        warning = screen.query_one(NameWarning)
        assert not warning.display
        await pilot.press("a")  # the home assignment
        screen.query_one("#home_assignment", TextArea).insert(TYPED)
        await pilot.pause()
        shown = str(warning.render())
        assert warning.display and "Kåre Lunde (shown as Kåre L)" in shown and "Berit Testesen (shown as BT)" in shown
        assert "Dina Ødegård (shown as DØ)" in shown and "Aud" not in shown
        people = screen.query_one(AttendanceList)
        await pilot.press("escape", "h")  # back to the list; the first person is picked up
        assert "✓ picked up" in [str(cell) for cell in people.get_row_at(0)]

        await pilot.press("f5")
        await pilot.pause()
        assert not screen.query_one("#home_assignment", TextArea).display and not warning.display
        shared = str(screen.query_one("#home_assignment-shared", Static).render())
        assert shared == "Kåre L og BT leder runden; DØ og Kåre L tar med kaffe"
        assert [str(title) for title in (column.label for column in people.columns.values())] == ["Participant", "Attendance"]
        rows = [[str(cell) for cell in people.get_row_at(index)] for index in range(people.row_count)]
        assert rows[0][1] == "✓ marked" and ["Kåre L", "· not marked"] in rows and ["DØ", "· not marked"] in rows
        assert not any(name in str(rows) for name in NAMES)
        assert not any("pick" in cell for row in rows for cell in row)

        await pilot.press("p")  # the agenda as the group gets it
        await settle(pilot)
        assert isinstance(app.screen, PrintPreviewScreen)
        preview = str(app.screen.query_one("#preview").render())
        assert "BT leder runden" in preview and not any(name in preview for name in NAMES)
        await pilot.press("s")
        await settle(pilot)
    text = PdfReader(next(isolated_user.rglob("agenda-*.pdf"))).pages[0].extract_text()
    assert "DØ og Kåre L tar med kaffe" in " ".join(text.split())
    assert not any(name.casefold() in text.casefold() for name in NAMES) and "odegard" not in text


def test_the_printed_agenda_carries_aliases_unless_names_are_asked_for(demo_store, demo_path: Path, tmp_path: Path) -> None:
    session_id = with_names(demo_store, TODAY.date())
    demo_store.session_edits.save_text(session_id, "home_assignment", TYPED, based_on="")
    runner = CliRunner()
    for suffix in (".pdf", ".md", ".html"):
        out = tmp_path / f"agenda{suffix}"
        result = runner.invoke(cli, ["print", "agenda", "Testgruppa", "--db", str(demo_path), "--date", TODAY.date().isoformat(), "-o", str(out)])
        assert result.exit_code == 0, result.output
        text = PdfReader(out).pages[0].extract_text() if suffix == ".pdf" else out.read_text(encoding="utf-8")
        assert "Kåre L og BT" in " ".join(text.split()), suffix
        assert not any(name.casefold() in text.casefold() for name in ("Kåre Lunde", "Berit T", "dina odegard")), suffix
    named = tmp_path / "named.pdf"
    result = runner.invoke(cli, ["print", "agenda", "Testgruppa", "--db", str(demo_path), "--date", TODAY.date().isoformat(), "-o", str(named), "--with-names"])
    assert result.exit_code == 0 and "KÅRE LUNDE og Berit T." in " ".join(PdfReader(named).pages[0].extract_text().split())


async def test_the_register_on_a_shared_screen_shows_the_groups_figures_but_no_ones_own(make_app) -> None:
    from textual.widgets import DataTable

    from imr_tui.screens.register import RegisterScreen

    app = make_app("en", presentation_mode=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RegisterScreen)
        assert not screen.query_one("#grid", DataTable).display and not screen.query_one("#person-row").display
        assert "hidden in presentation mode" in str(screen.query_one("#register-hidden", Static).render())
        assert "mean attendance" in str(screen.query_one("#figures", Static).render())
        await pilot.press("f5")
        await pilot.pause()
        assert screen.query_one("#grid", DataTable).display and not screen.query_one("#register-hidden").display
