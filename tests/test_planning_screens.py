"""The planning screens driven with Pilot (what is shown, what is stored) and as pictures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Select, Static

from imr_tui.models import SessionStatus
from imr_tui.screens.confirm import ConfirmScreen
from imr_tui.screens.enrolment_forms import EnrolmentFormScreen
from imr_tui.screens.form import FormField
from imr_tui.screens.group_form import GroupFormScreen
from imr_tui.screens.groups import GroupsScreen
from imr_tui.screens.participants import ParticipantsScreen
from imr_tui.screens.schedule import ScheduleScreen
from imr_tui.screens.schedule_dialogs import CancelSessionDialog, MoveSessionDialog

from settle import settle

SIZE = (110, 32)
TODAY = dt.date(2026, 11, 24)




async def type_into(pilot, input_id: str, text: str) -> None:
    field = pilot.app.screen.query_one(f"#{input_id}", Input)
    field.focus()
    await pilot.press("home", "ctrl+k")  # clear what is there, as a therapist would
    await pilot.press(*text)


def reopened(demo_path: Path):
    """A fresh connection to the same file: what was really stored."""
    from imr_tui.store import open_store

    return open_store(str(demo_path))


async def open_groups(pilot) -> GroupsScreen:
    await settle(pilot)
    await pilot.press("G")
    await settle(pilot)
    assert isinstance(pilot.app.screen, GroupsScreen)
    return pilot.app.screen


def cursor_on(screen, table_id: str, name: str) -> None:
    table = screen.query_one(f"#{table_id}", DataTable)
    names = [str(table.get_row_at(row)[0]) for row in range(table.row_count)]
    table.move_cursor(row=next(index for index, cell in enumerate(names) if name in cell))


# --- Groups ---------------------------------------------------------------------------------


async def test_a_new_group_is_set_up_from_the_form_and_stored(make_app, demo_path: Path) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await open_groups(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, GroupFormScreen)
        await type_into(pilot, "name", "Torsdagsgruppa")
        await type_into(pilot, "location", "Rom 4")
        await type_into(pilot, "start_date", "18.3.2027")
        form.query_one("#weekday-4").focus()
        await pilot.press("space")
        await pilot.press("ctrl+t")
        await settle(pilot)
        await pilot.press(*"Kari Lund", "enter")
        await settle(pilot)
        assert form.query_one("#lead", Select).value is not Select.NULL
        form.query_one("#co_lead", Select).focus()
        await pilot.press("enter", "down", "enter")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, GroupsScreen)
        assert "Torsdagsgruppa" in str(app.screen.query_one("#group-list", DataTable).get_row_at(0)[0])
    store = reopened(demo_path)
    group = next(group for group in store.planning.groups() if group.name == "Torsdagsgruppa")
    settings = store.planning.group_settings(group.id)
    assert settings.draft.weekdays == (4,) and settings.draft.start_date == dt.date(2027, 3, 18)
    assert group.therapists[0] == "Kari Lund" and len(group.therapists) == 2
    dates = [entry.date for entry in store.schedule.plan(group.id).entries]
    assert dates[:2] == [dt.date(2027, 3, 18), dt.date(2027, 4, 1)]  # not Maundy Thursday
    store.close()


async def test_a_refused_value_is_shown_at_its_field_and_nothing_typed_is_lost(make_app, demo_path: Path) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await open_groups(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        await type_into(pilot, "name", "Ny gruppe")
        await type_into(pilot, "start_date", "2026-02-30")
        await type_into(pilot, "session_minutes", "45")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        start = form.query_one("#field-start_date", FormField)
        assert start.has_class("-invalid") and "28 days" in str(start.query_one(".field-error", Static).render())
        assert "60" in str(form.query_one("#field-session_minutes .field-error", Static).render())
        assert form.query_one("#field-weekdays", FormField).has_class("-invalid")
        assert form.query_one("#name", Input).value == "Ny gruppe"
        assert form.query_one("#start_date", Input).value == "2026-02-30"
        assert app.screen.focused is form.query_one("#start_date", Input)
    store = reopened(demo_path)
    assert "Ny gruppe" not in {group.name for group in store.planning.groups()}
    store.close()


async def test_archive_only_when_finished_then_show_and_restore(make_app, demo_path: Path) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_groups(pilot)
        cursor_on(screen, "group-list", "Nydal")
        await pilot.press("a")
        await settle(pilot)
        assert any("finished" in notice.message for notice in app._notifications)
        group = screen.highlighted()
        settings = app.store.planning.group_settings(group.id)
        from dataclasses import replace

        from imr_tui.models import GroupStatus

        app.store.planning.update_group(group.id, settings.version, replace(settings.draft, status=GroupStatus.FINISHED), app.curriculum, today=TODAY)
        screen.reload()
        await settle(pilot)
        cursor_on(screen, "group-list", "Nydal")
        await pilot.press("a")  # archiving asks first; n (or escape) leaves it
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen) and "Archive Ukesgruppa Nydal?" in app.screen.question
        await pilot.press("n")
        await settle(pilot)
        assert any("Nydal" in group.name for group in screen.groups)
        check = reopened(demo_path)
        assert "Ukesgruppa Nydal" in {group.name for group in check.planning.groups()}
        check.close()
        await pilot.press("a", "y")
        await settle(pilot)
        assert all("Nydal" not in group.name for group in screen.groups)
        check = reopened(demo_path)
        assert "Ukesgruppa Nydal" not in {group.name for group in check.planning.groups()}
        check.close()
        await pilot.press("v")
        await settle(pilot)
        cursor_on(screen, "group-list", "Nydal")
        await pilot.press("a")
        await settle(pilot)
    store = reopened(demo_path)
    assert "Ukesgruppa Nydal" in {group.name for group in store.planning.groups()}
    store.close()


# --- Participants ---------------------------------------------------------------------------


async def test_enrol_leave_and_rejoin_from_the_participants_screen(make_app, demo_path: Path) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        groups = await open_groups(pilot)
        cursor_on(groups, "group-list", "Nydal")
        await pilot.press("p")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ParticipantsScreen)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, EnrolmentFormScreen)
        await type_into(pilot, "name", "Siri Holm")
        await type_into(pilot, "alias", "SH")
        await type_into(pilot, "decision_reference", "2026/881")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        cursor_on(screen, "enrolment-list", "Siri Holm")
        await pilot.press("x")
        await settle(pilot)
        await type_into(pilot, "left_on", "1.12.2026")
        await type_into(pilot, "reason", "Fikk jobb")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen) and "Siri Holm left the group on" in app.screen.question
        await pilot.press("y")
        await settle(pilot)
        cursor_on(screen, "enrolment-list", "Siri Holm")
        await pilot.press("r")
        await settle(pilot)
        await type_into(pilot, "joined_on", "4.1.2027")
        await pilot.press("ctrl+s")
        await settle(pilot)
    store = reopened(demo_path)
    group_id, _name = store.groups.find("Nydal")
    periods = [record for record in store.enrolments.enrolments(group_id) if record.participant.name == "Siri Holm"]
    assert [(p.joined_on, p.left_on, p.leave_reason) for p in periods] == [
        (dt.date(2027, 1, 4), None, ""), (TODAY, dt.date(2026, 12, 1), "Fikk jobb"),
    ]  # fmt: skip
    assert periods[1].decision_reference == "2026/881" and periods[0].participant.alias == "SH"
    store.close()


async def test_a_ninth_active_participant_is_warned_about(make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        groups = await open_groups(pilot)
        cursor_on(groups, "group-list", "Nydal")
        await pilot.press("p")
        await settle(pilot)
        screen = app.screen
        for name in ("Siri Holm", "Tor Vik"):  # the demo group has seven active participants
            await pilot.press("n")
            await settle(pilot)
            await type_into(pilot, "name", name)
            await pilot.press("ctrl+s")
            await settle(pilot)
        summary = str(screen.query_one("#participants-summary", Static).render())
        assert "9 active participants" in summary and "⚠" in summary
        assert any(notice.severity == "warning" and "8 or fewer" in notice.message for notice in app._notifications)


# --- The schedule ---------------------------------------------------------------------------


async def open_plan(pilot, group: str = "Dagsgruppa") -> ScheduleScreen:
    await settle(pilot)
    today = pilot.app.screen
    table = today.query_one("#groups", DataTable)
    table.move_cursor(row=next(i for i, g in enumerate(today.groups) if group in g.name))
    await pilot.press("l")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ScheduleScreen)
    return pilot.app.screen


async def test_the_plan_opens_at_the_first_session_from_today(make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        assert screen.highlighted().date == TODAY
        await pilot.press("j")
        await settle(pilot)
        await type_into(pilot, "date", "2.1.2027")
        await pilot.press("enter")
        await settle(pilot)
        assert screen.highlighted().date == dt.date(2027, 1, 4)  # 1 January is a holiday, then the weekend
        shown = {str(screen.query_one("#plan", DataTable).get_row_at(row)[1]) for row in range(3)}
        assert shown <= {"Mon", "Tue", "Wed", "Thu", "Fri"}


async def test_cancel_with_shift_from_the_plan(make_app, demo_path: Path) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        before = [entry for entry in screen.rows if entry.date >= TODAY][:3]
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CancelSessionDialog)
        await pilot.press(*"Therapist ill")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen
    store = reopened(demo_path)
    group_id, _name = store.groups.find("Dagsgruppa")
    after = {entry.id: entry for entry in store.schedule.plan(group_id).entries}
    assert after[before[0].id].status == SessionStatus.CANCELLED and after[before[0].id].cancel_reason == "Therapist ill"
    assert after[before[1].id].topic_id == before[0].topic_id and after[before[2].id].topic_id == before[1].topic_id
    store.close()


async def test_move_from_the_plan_and_a_held_session_stays(make_app, demo_path: Path) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        planned = screen.highlighted()
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, MoveSessionDialog)
        await type_into(pilot, "time", "12:15")
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen.query_one("#plan", DataTable).move_cursor(row=0)
        held = screen.highlighted()
        assert held.status == SessionStatus.HELD
        await pilot.press("m")
        await settle(pilot)
        assert app.screen is screen
        assert any("never moved" in notice.message for notice in app._notifications)
    store = reopened(demo_path)
    group_id, _name = store.groups.find("Dagsgruppa")
    after = {entry.id: entry for entry in store.schedule.plan(group_id).entries}
    assert after[planned.id].start_time == dt.time(12, 15) and after[held.id] == held
    store.close()


async def test_every_plan_key_is_a_labelled_binding_with_an_id(make_app) -> None:
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        for key in ("c", "m", "e", "j", "i", "k"):
            binding = screen.active_bindings[key].binding
            assert binding.id and binding.id.startswith("schedule.") and binding.description
        assert screen.active_bindings["c"].binding.description == "Avlys"


# --- Pictures -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["nb", "en"])
def test_groups_screen(snap_compare, make_app, language: str) -> None:
    async def groups(pilot) -> None:
        await open_groups(pilot)

    assert snap_compare(make_app(language), terminal_size=SIZE, run_before=groups)


@pytest.mark.parametrize("language", ["nb", "en"])
def test_group_form(snap_compare, make_app, language: str) -> None:
    async def edit(pilot) -> None:
        await open_groups(pilot)
        await pilot.press("e")
        await settle(pilot)

    assert snap_compare(make_app(language), terminal_size=SIZE, run_before=edit)


@pytest.mark.parametrize("language", ["nb", "en"])
def test_schedule_screen(snap_compare, make_app, language: str) -> None:
    async def plan(pilot) -> None:
        await open_plan(pilot, "Nydal")

    assert snap_compare(make_app(language), terminal_size=SIZE, run_before=plan)


def test_schedule_screen_fits_100_by_30_in_bokmaal(snap_compare, make_app) -> None:
    """The plan in a small terminal: every column and, under it, the keys the footer has no room for."""

    async def plan(pilot) -> None:
        await open_plan(pilot)

    assert snap_compare(make_app("nb"), terminal_size=(100, 30), run_before=plan)


async def test_closed_days_added_from_the_plan_and_the_plan_laid_out_around_them(make_app, demo_path: Path) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        await pilot.press("k")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await type_into(pilot, "starts_on", "30.11.2026")
        await type_into(pilot, "ends_on", "4.12.2026")
        await type_into(pilot, "label", "Personalseminar")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen
    store = reopened(demo_path)
    group_id, _name = store.groups.find("Dagsgruppa")
    dates = {entry.date for entry in store.schedule.plan(group_id).entries if entry.status == SessionStatus.PLANNED}
    assert not {day for day in dates if dt.date(2026, 11, 30) <= day <= dt.date(2026, 12, 4)}
    assert [p.label for p in store.schedule.closed_periods(group_id)] == ["Personalseminar"]
    store.close()


async def test_module_and_topic_are_chosen_per_session_and_module_1_meetings_can_be_shown(make_app, demo_path: Path, curriculum) -> None:
    from imr_tui.planning.drafts import EnrolmentDraft

    app = make_app("en")
    group_id, _name = app.store.groups.find("Dagsgruppa")
    app.store.enrolments.enrol(group_id, EnrolmentDraft(name="Siri Holm", alias="SH", needs_pickup=False, joined_on=TODAY), curriculum)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        entry = screen.highlighted()
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        dialog.query_one("#module", Select).value = "healthy-lifestyle"
        await pilot.pause()
        dialog.query_one("#topic", Select).value = "sleep"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "1 module 1 meeting" not in str(screen.query_one("#plan-subtitle", Static).render())
        await pilot.press("i")
        await settle(pilot)
        modules = [str(screen.query_one("#plan", DataTable).get_row_at(row)[3]) for row in range(screen.query_one("#plan", DataTable).row_count)]
        assert any(module.startswith("SH · 1.") for module in modules)
    store = reopened(demo_path)
    stored = next(e for e in store.schedule.plan(group_id).entries if e.id == entry.id)
    assert (stored.module_id, stored.topic_id) == ("healthy-lifestyle", "sleep")
    store.close()
