"""After the session: the register, journal notes, yearly figures and printing from the screens."""

from __future__ import annotations

from pypdf import PdfReader
from textual.widgets import DataTable, TextArea

from imr_tui.screens.journal import JournalScreen
from imr_tui.screens.print_preview import PrintPreviewScreen
from imr_tui.screens.register import FIXED_COLUMNS, RegisterScreen
from imr_tui.screens.session import SessionScreen
from imr_tui.screens.today import TodayScreen
from imr_tui.screens.yearly import YearlyScreen
from imr_tui.store import open_store

from conftest import TODAY
from settle import autosaved, settle

SIZE = (120, 40)




async def test_register_from_today_shows_rates_drift_and_who_left(make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RegisterScreen)
        grid = screen.query_one("#grid", DataTable)
        rows = {str(grid.get_row_at(i)[0]): [str(c) for c in grid.get_row_at(i)] for i in range(grid.row_count)}
        register = screen.register
        person = next(p for p in register.people if p.name == "Astrid Kvamme")
        rate = register.person_rate(person)
        assert rows["Astrid Kvamme"][1] == f"{round(rate * 100)}\xa0%"  # Norwegian puts a no-break space before %
        assert rows["Camilla Sæter"][2].startswith("⚠")  # the demo's drifting participant
        assert rows["Guro Lindgren"][2].startswith("sluttet")
        # The cursor starts on the latest held session.
        assert grid.cursor_coordinate.column == FIXED_COLUMNS + len(register.held()) - 1


async def test_the_register_takes_the_arrow_keys_as_soon_as_it_shows(make_app) -> None:
    # It opens while its data loads, when nothing on it can take the focus.
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        grid = app.screen.query_one("#grid", DataTable)
        column = grid.cursor_coordinate.column
        await pilot.press("left")
        await settle(pilot)
        assert app.focused is grid and grid.cursor_coordinate.column == column - 1


async def test_today_flags_groups_with_someone_drifting_away(make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert all(count == 1 for count in app.screen.drifting.values())
        cells = [str(cell) for row in range(2) for cell in app.screen.query_one("#groups", DataTable).get_row_at(row)]
        assert any("⚠ 1 losing touch" in cell for cell in cells)


async def test_today_shows_a_longer_drift_line_whole_even_when_drawn_before_the_table_measures(make_app) -> None:
    # The table widens a column only when idle; a row drawn in between must not stay cut.
    app = make_app("en")
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        table = screen.query_one("#groups", DataTable)
        screen.on_today_screen_flags_loaded(TodayScreen.FlagsLoaded({group.id: 12 for group in screen.groups}, screen.reviews))
        for y in range(table.size.height):
            table.render_line(y)  # a frame drawn now, before the table's idle measuring
        await settle(pilot)
        shown = "\n".join(strip.text for strip in (table.render_line(y) for y in range(table.size.height)))
        assert shown.count("⚠ 12 losing touch") == len(screen.groups)


async def test_correcting_attendance_from_the_register(make_app, demo_path) -> None:
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        register = app.screen.register
        last = register.held()[-1]
        first = register.people[0]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen) and app.screen.session_id == last.id
        await pilot.press("5")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.register.marks[(first.id, last.id)] == "absent_no_notice"
    store = open_store(str(demo_path))
    assert store.attendance.register(register.group_id).marks[(first.id, last.id)] == "absent_no_notice"
    store.close()


async def test_journal_notes_are_drafted_edited_kept_and_warn_about_other_names(make_app, demo_path) -> None:
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        session_id = app.screen.register.held()[-1].id
        await pilot.press("j")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        note = screen.query_one("#note", TextArea)
        assert note.text.startswith("IMR-gruppesamling") and "Oppmøte:" in note.text
        assert "Bjørn" not in note.text
        await pilot.press("enter")  # into the note
        note.move_cursor(note.document.end)
        await pilot.press(*" Snakket med Bjørn om turen.")
        await autosaved(pilot)
        warning = screen.query_one("#warning")
        assert warning.has_class("-shown") and "Bjørn Eliassen" in str(warning.render())
        await pilot.press("escape", "c")
        assert app.clipboard.endswith("Snakket med Bjørn om turen.")
        await pilot.press("down")  # the next person's draft does not carry the edit
        await pilot.pause()
        assert "Snakket med" not in screen.query_one("#note", TextArea).text
    store = open_store(str(demo_path))
    kept = store.journal.edited(session_id)
    store.close()
    assert len(kept) == 1 and next(iter(kept.values())).endswith("Snakket med Bjørn om turen.")


async def test_journal_in_presentation_mode_is_refused(make_app) -> None:
    app = make_app("nb", presentation_mode=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        grid = app.screen.query_one("#grid", DataTable)
        assert str(grid.get_row_at(0)[0]) == "AK"  # aliases on a shared screen
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, RegisterScreen)


async def test_yearly_figures_match_the_registers(make_app, demo_store) -> None:
    from imr_tui.review.yearly import yearly_rows

    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, YearlyScreen)
        total = next(row for row in screen.rows if row.group_name is None and row.year == 2026)
        groups = [row for row in screen.rows if row.group_name and row.year == 2026]
        assert total.sessions_held == sum(row.sessions_held for row in groups)
        held = sum(len(r.held()) for r in demo_store.attendance.all_registers())
        assert total.sessions_held == held
        assert total.started == 15  # everyone in the demo joined this year
        await pilot.press("c")
        lines = app.clipboard.splitlines()
        assert lines[0].split("\t")[:2] == ["Year", "Group"] and any("All groups" in line for line in lines)
    assert yearly_rows([], app.settings.review_rules()) == []


async def test_print_preview_then_a_one_page_pdf(make_app, isolated_user) -> None:
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, PrintPreviewScreen)
        preview = str(app.screen.query_one("#preview").render())
        assert "Hovedpunkter" in preview and "Astrid" not in preview
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    pdfs = list(isolated_user.rglob("agenda-*.pdf"))
    assert len(pdfs) == 1
    reader = PdfReader(pdfs[0])
    assert len(reader.pages) == 1 and "Dagsgruppa Solsiden" in reader.pages[0].extract_text()
    assert oct(pdfs[0].stat().st_mode & 0o777) == "0o600"


async def test_print_from_the_session_screen_with_names(make_app, isolated_user) -> None:
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        assert "Astrid Kvamme" in str(app.screen.query_one("#preview").render())
        await pilot.press("s")
        await settle(pilot)
    handout, sign_in = (page.extract_text() for page in PdfReader(next(isolated_user.rglob("agenda-*.pdf"))).pages)
    assert "Astrid Kvamme" not in handout and TODAY.strftime("%d") in handout
    assert "Astrid Kvamme" in sign_in and "Oppmøteliste" in sign_in, "the names on a sheet of their own"


