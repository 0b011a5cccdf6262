"""Slips in planning taken back: ctrl+z on the plan, questions before what is unusual, and the
planning edges therapists hit (module 1 hours, namesakes, one therapist, an early end date).
What is stored is checked on a fresh connection to the same file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_planning_screens import TODAY, cursor_on, open_groups, open_plan, reopened, type_into
from textual.widgets import Checkbox, DataTable, Select, Static

from imr_tui.domain.vocabulary import SessionStatus
from imr_tui.screens.confirm import ConfirmScreen
from imr_tui.screens.enrolment_forms import EnrolmentFormScreen
from imr_tui.screens.form import FormField
from imr_tui.screens.group_form import GroupFormScreen
from imr_tui.screens.groups import GroupsScreen
from imr_tui.screens.schedule_dialogs import CancelSessionDialog, MoveSessionDialog

from settle import settle

SIZE = (100, 30)


def stored_plan(demo_path: Path, group: str = "Dagsgruppa"):
    store = reopened(demo_path)
    group_id, _name = store.groups.find(group)
    plan = {entry.id: entry for entry in store.schedule.plan(group_id).entries}
    audit = [entry.action for entry in store.audit.entries()]
    store.close()
    return plan, audit


def as_planned(plan: dict) -> dict:
    """What an undo must put back: every session's place, content and status (versions aside)."""
    return {i: (e.date, e.start_time, e.module_id, e.topic_id, e.status, e.cancel_reason) for i, e in plan.items()}


@pytest.mark.parametrize("shift", [True, False])
async def test_a_cancelled_session_comes_back_with_ctrl_z(make_app, demo_path: Path, shift: bool) -> None:
    before, _audit = stored_plan(demo_path)
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        entry = screen.highlighted()
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CancelSessionDialog)
        app.screen.query_one("#shift", Checkbox).value = shift
        await pilot.press(*"Syk", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen and screen.highlighted().status == SessionStatus.CANCELLED
        cancelled, _audit = stored_plan(demo_path)
        assert cancelled[entry.id].status == SessionStatus.CANCELLED
        following = next(e for e in screen.rows if (e.date, e.start_time) > (entry.date, entry.start_time))
        assert (cancelled[following.id].topic_id == entry.topic_id) == shift  # the content moved on, or stayed
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert any(notice.message.startswith("Undone: the session on") for notice in app._notifications)
        assert next(e for e in screen.rows if e.id == entry.id).status == SessionStatus.PLANNED
    after, _audit = stored_plan(demo_path)
    assert as_planned(after) == as_planned(before)


@pytest.mark.parametrize("shift", [True, False])
async def test_a_moved_session_goes_back_with_ctrl_z(make_app, demo_path: Path, shift: bool) -> None:
    before, _audit = stored_plan(demo_path)
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        entry = screen.highlighted()
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, MoveSessionDialog)
        app.screen.query_one("#shift", Checkbox).value = shift
        await type_into(pilot, "date", "5.12.2026")  # a Saturday: no session there
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        moved, _audit = stored_plan(demo_path)
        assert moved[entry.id].date == dt.date(2026, 12, 5)
        await pilot.press("ctrl+z")
        await settle(pilot)
    after, _audit = stored_plan(demo_path)
    assert as_planned(after) == as_planned(before)


async def test_planned_again_is_undone_and_an_undo_never_overwrites_another_window(make_app, demo_path: Path) -> None:
    app = make_app("en")
    group_id, _name = app.store.groups.find("Dagsgruppa")
    first = next(e for e in app.store.schedule.plan(group_id).entries if e.date == TODAY and not e.individual)
    app.store.schedule.cancel_session(first.id, first.version, "Stengt", shift=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        assert screen.highlighted().id == first.id
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        planned, _audit = stored_plan(demo_path)
        assert planned[first.id].status == SessionStatus.PLANNED
        await pilot.press("ctrl+z")
        await settle(pilot)
        cancelled, _audit = stored_plan(demo_path)
        assert (cancelled[first.id].status, cancelled[first.id].cancel_reason) == (SessionStatus.CANCELLED, "Stengt")
        # Planned again, then changed by another window: ctrl+z leaves the other window's work.
        await pilot.press("c", "y")
        await settle(pilot)
        other = reopened(demo_path)
        stored = next(e for e in other.schedule.plan(group_id).entries if e.id == first.id)
        other.schedule.move_session(first.id, stored.version, stored.date, dt.time(13, 0), shift=False)
        other.close()
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert any("Not undone" in notice.message for notice in app._notifications)
    after, _audit = stored_plan(demo_path)
    assert (after[first.id].status, after[first.id].start_time) == (SessionStatus.PLANNED, dt.time(13, 0))


async def test_a_held_session_is_reopened_after_a_question_and_the_audit_trail_keeps_it(make_app, demo_path: Path) -> None:
    app = make_app("nb")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        screen.query_one("#plan", DataTable).move_cursor(row=0)
        held = screen.highlighted()
        assert held.status == SessionStatus.HELD
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen) and "tilbake til planlagt" in app.screen.question
        await pilot.press("escape")  # escape is no
        await settle(pilot)
        assert stored_plan(demo_path)[0][held.id].status == SessionStatus.HELD
        await pilot.press("o", "y")
        await settle(pilot)
        assert screen.highlighted().status == SessionStatus.PLANNED
        plan, audit = stored_plan(demo_path)
        assert plan[held.id].status == SessionStatus.PLANNED and "reopen" in audit
        await pilot.press("ctrl+z")
        await settle(pilot)
    plan, _audit = stored_plan(demo_path)
    assert plan[held.id].status == SessionStatus.HELD


async def test_a_held_session_with_journal_notes_stays_held(make_app, demo_path: Path) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        screen.query_one("#plan", DataTable).move_cursor(row=0)
        held = screen.highlighted()
        overview = app.store.sessions.overview(held.id)
        app.store.journal.save(held.id, overview.participants[0].id, "Deltok aktivt.")
        await pilot.press("o", "y")
        await settle(pilot)
        assert any(notice.severity == "warning" and "journal notes" in notice.message for notice in app._notifications)
        assert screen.highlighted().status == SessionStatus.HELD
    assert stored_plan(demo_path)[0][held.id].status == SessionStatus.HELD


async def test_no_to_cancelling_or_to_leaving_stores_nothing_and_keeps_the_form(make_app, demo_path: Path) -> None:
    before, _audit = stored_plan(demo_path)
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await pilot.press("c")
        await settle(pilot)
        dialog = app.screen
        await pilot.press(*"Syk", "ctrl+s")
        await settle(pilot)
        assert "Cancel the session" in app.screen.question
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is dialog and "Nothing was saved" in str(dialog.query_one("#form-message", Static).content)
        await pilot.press("escape", "escape")
        await settle(pilot)
        groups = await open_groups(pilot)
        cursor_on(groups, "group-list", "Nydal")
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
    assert as_planned(stored_plan(demo_path)[0]) == as_planned(before)
    store = reopened(demo_path)
    group_id, _name = store.groups.find("Nydal")
    assert sum(1 for record in store.enrolments.enrolments(group_id) if record.left_on is not None) == 1  # the demo's own
    store.close()


# --- Planning edges -------------------------------------------------------------------------


def test_module_1_meetings_of_nine_participants_get_nine_different_slots(demo_store, curriculum) -> None:
    from imr_tui.domain.vocabulary import Cadence
    from imr_tui.planning.drafts import EnrolmentDraft, GroupDraft

    draft = GroupDraft(name="Ni på en gang", location="", start_date=dt.date(2027, 1, 5), end_date=None, start_time=dt.time(10, 0),
                       session_minutes=60, cadence=Cadence.WEEKLY, weekdays=(2,), lead_id=demo_store.planning.therapists()[0].id)  # fmt: skip
    group_id, _change = demo_store.planning.create_group(draft, curriculum)
    for number in range(9):
        demo_store.enrolments.enrol(group_id, EnrolmentDraft(name=f"Deltaker {number}", alias=f"D{number}", needs_pickup=False, joined_on=dt.date(2027, 1, 5)), curriculum)
    meetings = [e for e in demo_store.schedule.plan(group_id).entries if e.individual]
    starts = [dt.datetime.combine(e.date, e.start_time) for e in meetings]
    assert len(set(starts)) == len(starts)  # no two at the same hour
    spans = sorted((start, start + dt.timedelta(minutes=e.minutes)) for start, e in zip(starts, meetings))
    assert all(ends <= next_start for (_s, ends), (next_start, _e) in zip(spans, spans[1:]))  # nor overlapping
    firsts = sorted(min(s for s, e in zip(starts, meetings) if e.participant_id == person) for person in {e.participant_id for e in meetings})
    assert len(firsts) == 9 and firsts[0] == dt.datetime(2027, 1, 5, 11, 0)  # the first right after the group
    assert all(first.time() >= dt.time(11, 0) and (first + dt.timedelta(minutes=curriculum.structure.individual_minutes)).time() <= dt.time(16, 0) for first in firsts)


async def test_a_new_person_with_a_stored_name_is_named_before_a_second_is_made(make_app, demo_path: Path) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        groups = await open_groups(pilot)
        cursor_on(groups, "group-list", "Nydal")
        await pilot.press("p")
        await settle(pilot)
        screen = app.screen
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EnrolmentFormScreen)
        await type_into(pilot, "name", "astrid  kvamme")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        field = form.query_one("#field-name", FormField)
        message = str(field.query_one(".field-error", Static).render())
        assert field.has_class("-invalid") and "Astrid Kvamme (Dagsgruppa" in message
        store = reopened(demo_path)
        assert sum(1 for person in store.enrolments.participants() if " ".join(person.name.split()).casefold() == "astrid kvamme") == 1
        store.close()
        await pilot.press("ctrl+s")  # yes, another person of that name
        await settle(pilot)
        assert app.screen is screen
    store = reopened(demo_path)
    assert sum(1 for person in store.enrolments.participants() if " ".join(person.name.split()).casefold() == "astrid kvamme") == 2
    store.close()


async def new_group(pilot, name: str, *, end_date: str = "", lead_only: bool = False) -> None:
    await open_groups(pilot)
    await pilot.press("n")
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, GroupFormScreen)
    await type_into(pilot, "name", name)
    await type_into(pilot, "start_date", "5.1.2027")
    if end_date:
        await type_into(pilot, "end_date", end_date)
    form.query_one("#weekday-2").focus()
    await pilot.press("space")
    therapists = [option for _label, option in form.query_one("#lead", Select)._options if option is not Select.NULL]
    form.query_one("#lead", Select).value = therapists[0]
    if not lead_only:
        form.query_one("#co_lead", Select).value = therapists[1]
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert isinstance(pilot.app.screen, GroupsScreen)


async def test_a_group_saved_with_one_therapist_is_warned_about(make_app) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await new_group(pilot, "Alene-gruppa", lead_only=True)
        assert any(notice.severity == "warning" and "IMR asks for two" in notice.message for notice in app._notifications)
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await new_group(pilot, "To-gruppa")
        assert not any("IMR asks for two" in notice.message for notice in app._notifications)


async def test_an_end_date_that_cuts_the_course_says_which_modules_will_not_fit(make_app, curriculum) -> None:
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        await new_group(pilot, "Kort kurs", end_date="30.3.2027")
        warning = next(notice.message for notice in app._notifications if "end date leaves no room" in notice.message)
        last = curriculum.group_modules()[-1]
        assert f"{last.number}. {last.title}" in warning
        assert f"{curriculum.group_modules()[0].number}. {curriculum.group_modules()[0].title}" not in warning


async def test_a_value_the_store_refuses_stays_in_its_field_until_corrected_and_escape_stores_nothing(make_app, demo_path: Path) -> None:
    before, _audit = stored_plan(demo_path)
    app = make_app("en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        await pilot.press("m")
        await settle(pilot)
        dialog = app.screen
        await type_into(pilot, "date", "7.12.2026")  # the group meets then already
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog
        field = dialog.query_one("#field-date", FormField)
        assert field.has_class("-invalid") and "already has a session" in str(field.query_one(".field-error", Static).render())
        await type_into(pilot, "time", "12:00")  # another field: the date's message stays
        assert field.has_class("-invalid") and dialog.query_one("#date").value == "7.12.2026"
        await type_into(pilot, "date", "5.12.2026")  # corrected: the message goes
        assert not field.has_class("-invalid")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
    assert as_planned(stored_plan(demo_path)[0]) == as_planned(before)


async def test_another_module_for_a_session_is_taken_back_with_ctrl_z(make_app, demo_path: Path) -> None:
    before, _audit = stored_plan(demo_path)
    app = make_app("en")
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
        assert (stored_plan(demo_path)[0][entry.id].module_id) == "healthy-lifestyle"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert next(e for e in screen.rows if e.id == entry.id).module_id == entry.module_id
    assert as_planned(stored_plan(demo_path)[0]) == as_planned(before)
