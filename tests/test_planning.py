"""Planning a course: session dates around Norwegian holidays, the planning services, the schedule export."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from imr_tui.cli.root import cli
from imr_tui.domain.conflicts import ChangedElsewhere
from imr_tui.i18n import use_language
from imr_tui.models import Cadence, GroupStatus, SessionStatus
from imr_tui.planning.drafts import EnrolmentDraft, GroupDraft, group_draft_problems
from imr_tui.planning.fields import InvalidField, parse_date, parse_date_list, parse_minutes, parse_time
from imr_tui.planning.schedule import PlannedContent, closed_days, is_public_holiday, session_dates
from imr_tui.planning.shifting import Slot, carry_forward, keep_order_after_move

# Each test that opens the demo or an empty store runs on SQLite and on PostgreSQL.
pytestmark = pytest.mark.both_engines
D = dt.date


@pytest.fixture(autouse=True)
def english():
    """The messages are checked in English, the language they are written in."""
    with use_language("en"):
        yield


@pytest.fixture
def store(empty_target: str):
    from imr_tui.store import open_store

    store = open_store(empty_target)
    yield store
    store.close()


def draft(store, **changes) -> GroupDraft:
    """A weekly Thursday group led by two therapists, starting the week before Easter 2027."""
    if "lead_id" not in changes:
        changes["lead_id"] = store.planning.add_therapist("Anne Berg").id
        changes["co_lead_id"] = store.planning.add_therapist("Per Dahl").id
    values = dict(
        name="Torsdagsgruppa", location="Rom 4", start_date=D(2027, 3, 18), end_date=None, start_time=dt.time(10),
        session_minutes=60, cadence=Cadence.WEEKLY, weekdays=(4,),
    )  # fmt: skip
    values.update(changes)
    return GroupDraft(**values)


def group_dates(store, group_id: int) -> list[dt.date]:
    return [entry.date for entry in store.schedule.plan(group_id).entries if not entry.individual and entry.status != SessionStatus.CANCELLED]


def group_entries(store, group_id: int):
    return [entry for entry in store.schedule.plan(group_id).entries if not entry.individual]


# --- Dates around Norwegian public holidays -------------------------------------------------


def test_weekly_on_thursdays_skips_maundy_thursday_and_ascension_2027() -> None:
    dates = session_dates(D(2027, 3, 18), Cadence.WEEKLY, (4,), count=9)
    assert D(2027, 3, 25) not in dates and D(2027, 5, 6) not in dates
    assert dates == [D(2027, 3, 18), D(2027, 4, 1), D(2027, 4, 8), D(2027, 4, 15), D(2027, 4, 22), D(2027, 4, 29), D(2027, 5, 13), D(2027, 5, 20), D(2027, 5, 27)]


def test_daily_over_easter_2027_skips_maundy_thursday_good_friday_and_easter_monday() -> None:
    assert session_dates(D(2027, 3, 22), Cadence.WEEKDAYS, count=5) == [D(2027, 3, 22), D(2027, 3, 23), D(2027, 3, 24), D(2027, 3, 30), D(2027, 3, 31)]


def test_daily_over_christmas_meets_on_christmas_eve_which_is_no_public_holiday() -> None:
    assert not is_public_holiday(D(2026, 12, 24))
    assert is_public_holiday(D(2026, 12, 25)) and is_public_holiday(D(2026, 12, 26)) and is_public_holiday(D(2027, 1, 1))
    dates = session_dates(D(2026, 12, 21), Cadence.WEEKDAYS, count=9)
    assert dates == [D(2026, 12, 21), D(2026, 12, 22), D(2026, 12, 23), D(2026, 12, 24), D(2026, 12, 28), D(2026, 12, 29), D(2026, 12, 30), D(2026, 12, 31), D(2027, 1, 4)]


def test_weekly_on_mondays_skips_17_may_2027_which_is_also_whit_monday() -> None:
    assert D(2027, 5, 17).isoweekday() == 1
    assert session_dates(D(2027, 5, 3), Cadence.WEEKLY, (1,), count=3) == [D(2027, 5, 3), D(2027, 5, 10), D(2027, 5, 24)]


def test_daily_in_may_2027_skips_labour_day_ascension_and_17_may() -> None:
    dates = session_dates(D(2027, 5, 3), Cadence.WEEKDAYS, until=D(2027, 5, 21))
    assert D(2027, 5, 6) not in dates and D(2027, 5, 17) not in dates
    assert len(dates) == 13  # 15 weekdays less Ascension Day and Constitution Day


def test_every_other_week_keeps_its_weeks_when_extended_later() -> None:
    first = session_dates(D(2027, 1, 5), Cadence.FORTNIGHTLY, (2,), count=3)
    assert first == [D(2027, 1, 5), D(2027, 1, 19), D(2027, 2, 2)]
    later = session_dates(D(2027, 1, 6), Cadence.FORTNIGHTLY, (2,), count=1, anchor=D(2027, 1, 5))
    assert later == [D(2027, 1, 19)]


def test_closed_periods_are_skipped_like_holidays() -> None:
    closed = closed_days([(D(2027, 7, 1), D(2027, 7, 31))])
    dates = session_dates(D(2027, 6, 24), Cadence.WEEKLY, (4,), count=3, closed=closed)
    assert dates == [D(2027, 6, 24), D(2027, 8, 5), D(2027, 8, 12)]


# --- What a form accepts ---------------------------------------------------------------------


def test_a_date_that_does_not_exist_is_refused_with_what_is_allowed() -> None:
    with pytest.raises(InvalidField) as refused:
        parse_date("2026-02-30", "start_date")
    assert refused.value.field == "start_date" and "28" in refused.value.message
    assert parse_date("30.3.2027", "x") == D(2027, 3, 30) and parse_date("2027-03-30", "x") == D(2027, 3, 30)
    with pytest.raises(InvalidField, match="24.11.2026"):
        parse_date("next friday", "start_date")


def test_times_minutes_and_date_lists() -> None:
    assert parse_time("9.30", "t") == dt.time(9, 30)
    with pytest.raises(InvalidField):
        parse_time("25:00", "t")
    with pytest.raises(InvalidField, match="60"):
        parse_minutes("45", "session_minutes", 60)
    assert parse_date_list("14.1.2027, 7.1.2027 7.1.2027", "dates") == [D(2027, 1, 7), D(2027, 1, 14)]


def test_every_broken_rule_between_fields_is_reported_at_its_field(store, curriculum) -> None:
    bad = draft(store, start_date=D(2027, 3, 18), end_date=D(2027, 3, 1), weekdays=(), session_minutes=30, lead_id=None, co_lead_id=None)
    fields = {problem.field for problem in group_draft_problems(bad, 60)}
    assert fields == {"end_date", "weekdays", "session_minutes", "lead"}


def test_the_store_refuses_a_session_shorter_than_the_curriculum(store, curriculum) -> None:
    with pytest.raises(InvalidField) as refused:
        store.planning.create_group(draft(store, session_minutes=50), curriculum)
    assert refused.value.field == "session_minutes"


# --- Groups and therapists ------------------------------------------------------------------


def test_creating_a_group_plans_its_sessions_with_the_modules_in_order(store, curriculum) -> None:
    group_id, change = store.planning.create_group(draft(store), curriculum)
    entries = group_entries(store, group_id)
    assert change.added_sessions == len(entries) == sum(module.suggested_sessions for module in curriculum.group_modules())
    assert entries[0].date == D(2027, 3, 18) and entries[1].date == D(2027, 4, 1)
    first_group_module = curriculum.group_modules()[0]
    assert entries[0].module_id == first_group_module.id and entries[0].topic_id == first_group_module.topics[0].id
    assert [entry.module_id for entry in entries] == sorted((e.module_id for e in entries), key=lambda m: curriculum.module(m).number)


def test_a_group_with_an_end_date_meets_until_then(store, curriculum) -> None:
    group_id, _change = store.planning.create_group(draft(store, cadence=Cadence.WEEKDAYS, weekdays=(), start_date=D(2026, 12, 21), end_date=D(2027, 1, 8)), curriculum)
    assert group_dates(store, group_id) == session_dates(D(2026, 12, 21), Cadence.WEEKDAYS, until=D(2027, 1, 8))


def test_a_group_on_chosen_dates_meets_on_exactly_those(store, curriculum) -> None:
    dates = (D(2027, 1, 7), D(2027, 1, 21), D(2027, 2, 4))
    group_id, _change = store.planning.create_group(draft(store, cadence=Cadence.DATES, weekdays=(), start_date=D(2027, 1, 7), dates=dates), curriculum)
    assert tuple(group_dates(store, group_id)) == dates
    assert store.planning.group_settings(group_id).draft.dates == dates


def test_a_closed_period_for_all_groups_is_skipped(store, curriculum) -> None:
    store.schedule.add_closed_period(None, D(2027, 7, 1), D(2027, 7, 31), "Sommerstengt")
    group_id, _change = store.planning.create_group(draft(store), curriculum)
    assert not [day for day in group_dates(store, group_id) if day.month == 7 and day.year == 2027]


def test_an_edit_of_a_changed_group_is_refused(store, curriculum) -> None:
    group_id, _change = store.planning.create_group(draft(store), curriculum)
    settings = store.planning.group_settings(group_id)
    store.planning.update_group(group_id, settings.version, draft(store, name="Ny", lead_id=settings.draft.lead_id, co_lead_id=settings.draft.co_lead_id), curriculum, today=D(2026, 11, 24))
    with pytest.raises(ChangedElsewhere):
        store.planning.update_group(group_id, settings.version, settings.draft, curriculum, today=D(2026, 11, 24))
    assert store.planning.group_settings(group_id).draft.name == "Ny"


def test_a_new_start_time_moves_the_planned_sessions_with_it(store, curriculum) -> None:
    group_id, _change = store.planning.create_group(draft(store), curriculum)
    settings = store.planning.group_settings(group_id)
    from dataclasses import replace

    store.planning.update_group(group_id, settings.version, replace(settings.draft, start_time=dt.time(13, 30)), curriculum, today=D(2026, 11, 24))
    assert {entry.start_time for entry in group_entries(store, group_id)} == {dt.time(13, 30)}


def test_a_therapist_who_leads_coming_sessions_cannot_be_removed_but_can_be_replaced(store, curriculum) -> None:
    from dataclasses import replace

    group_id, _change = store.planning.create_group(draft(store), curriculum)
    settings = store.planning.group_settings(group_id)
    with pytest.raises(InvalidField, match="Per Dahl") as refused:
        store.planning.update_group(group_id, settings.version, replace(settings.draft, co_lead_id=None), curriculum, today=D(2026, 11, 24))
    assert refused.value.field == "co_lead"
    with pytest.raises(InvalidField):
        store.planning.remove_therapist(group_id, settings.draft.lead_id, D(2026, 11, 24))
    # A former participant becomes co-therapist; another therapist takes over from Per Dahl.
    peer = store.planning.add_therapist("Liv Årdal").id
    other = store.planning.add_therapist("Eva Moe").id
    store.planning.update_group(group_id, settings.version, replace(settings.draft, co_lead_id=other, co_therapist_id=peer), curriculum, today=D(2026, 11, 24))
    assert store.planning.group_settings(group_id).draft.co_therapist_id == peer
    store.planning.remove_therapist(group_id, peer, D(2026, 11, 24))  # a co-therapist leads nothing


def test_only_a_finished_group_is_archived_and_it_can_be_restored(store, curriculum) -> None:
    group_id, _change = store.planning.create_group(draft(store), curriculum)
    with pytest.raises(Exception, match="finished"):
        store.planning.archive_group(group_id, store.planning.group_version(group_id))
    settings = store.planning.group_settings(group_id)
    from dataclasses import replace

    store.planning.update_group(group_id, settings.version, replace(settings.draft, status=GroupStatus.FINISHED), curriculum, today=D(2026, 11, 24))
    store.planning.archive_group(group_id, store.planning.group_version(group_id))
    assert store.planning.groups() == [] and store.planning.groups(include_archived=True)[0].archived
    store.planning.unarchive_group(group_id, store.planning.group_version(group_id))
    assert [group.id for group in store.planning.groups()] == [group_id]


# --- Participants ---------------------------------------------------------------------------


def person(name: str, joined: dt.date = D(2027, 3, 1), **changes) -> EnrolmentDraft:
    return EnrolmentDraft(name=name, alias="".join(part[0] for part in name.split()), needs_pickup=False, joined_on=joined, **changes)


def test_enrolling_plans_module_1_meetings_outside_the_group_sessions(store, curriculum) -> None:
    group_id, _change = store.planning.create_group(draft(store), curriculum)
    result = store.enrolments.enrol(group_id, person("Kari Nordmann"), curriculum)
    meetings = [entry for entry in store.schedule.plan(group_id).entries if entry.individual]
    individual = next(module for module in curriculum.modules if module.individual)
    assert result.individual_meetings == len(meetings) == individual.suggested_sessions
    assert {entry.module_id for entry in meetings} == {individual.id} and {entry.participant_id for entry in meetings} == {result.participant_id}
    assert all(entry.start_time == dt.time(11, 0) for entry in meetings)  # after the group's hour
    assert meetings[0].participant_alias == "KN"


def test_more_than_eight_active_participants_is_warned_but_allowed(store, curriculum) -> None:
    group_id, _change = store.planning.create_group(draft(store), curriculum)
    results = [store.enrolments.enrol(group_id, person(f"Deltaker {n}")) for n in range(9)]
    assert not results[7].over_fidelity_size and results[7].active_participants == 8
    assert results[8].over_fidelity_size and results[8].active_participants == 9


def test_leaving_and_rejoining_keeps_the_history(store, curriculum) -> None:
    group_id, _change = store.planning.create_group(draft(store), curriculum)
    first = store.enrolments.enrol(group_id, person("Ola Nordmann", decision_reference="2027/114"), curriculum)
    with pytest.raises(InvalidField, match="already has a place"):
        store.enrolments.enrol(group_id, person("Ola Nordmann", D(2027, 4, 1), participant_id=first.participant_id))
    record = store.enrolments.enrolments(group_id)[0]
    cancelled = store.enrolments.leave(record.id, record.version, D(2027, 3, 20), "Flyttet")
    assert cancelled == 1  # the module 1 meeting on Monday 22 March; those before stay
    store.enrolments.enrol(group_id, person("Ola Nordmann", D(2027, 9, 2), participant_id=first.participant_id), curriculum, record.participant.version)
    periods = store.enrolments.enrolments(group_id)
    assert [(p.joined_on, p.left_on, p.leave_reason) for p in periods] == [(D(2027, 9, 2), None, ""), (D(2027, 3, 1), D(2027, 3, 20), "Flyttet")]
    assert periods[1].decision_reference == "2027/114"
    assert len({p.participant.id for p in periods}) == 1


# --- Cancelling and moving ------------------------------------------------------------------


def slot(n: int, module: str, day: int) -> Slot:
    return Slot(n, D(2027, 4, day), dt.time(10), PlannedContent(module, None))


def test_carry_forward_moves_each_content_one_session_on() -> None:
    changes, overflow = carry_forward(PlannedContent("a", None), [slot(2, "b", 8), slot(3, "c", 15)])
    assert changes == {2: PlannedContent("a", None), 3: PlannedContent("b", None)} and overflow == PlannedContent("c", None)


def test_moving_a_session_past_others_keeps_the_content_in_order() -> None:
    slots = [slot(1, "a", 1), slot(2, "b", 8), slot(3, "c", 15)]
    assert keep_order_after_move(slots, 1, D(2027, 4, 20), dt.time(10)) == {2: PlannedContent("a", None), 3: PlannedContent("b", None), 1: PlannedContent("c", None)}
    assert keep_order_after_move(slots, 1, D(2027, 4, 2), dt.time(10)) == {}


def test_cancelling_with_shift_moves_the_content_on_and_adds_a_session(store, curriculum) -> None:
    group_id, _change = store.planning.create_group(draft(store), curriculum)
    before = group_entries(store, group_id)
    change = store.schedule.cancel_session(before[1].id, before[1].version, "Terapeut syk", shift=True)
    after = group_entries(store, group_id)
    assert change.added_sessions == 1 and len(after) == len(before) + 1
    assert after[1].status == SessionStatus.CANCELLED and after[1].cancel_reason == "Terapeut syk"
    assert [(e.module_id, e.topic_id) for e in after[2:]] == [(e.module_id, e.topic_id) for e in before[1:]]
    assert after[-1].date == session_dates(before[-1].date + dt.timedelta(days=1), Cadence.WEEKLY, (4,), count=1)[0]


def test_cancelling_without_shift_leaves_the_plan_alone(store, curriculum) -> None:
    group_id, _change = store.planning.create_group(draft(store), curriculum)
    before = group_entries(store, group_id)
    store.schedule.cancel_session(before[1].id, before[1].version, "", shift=False)
    after = group_entries(store, group_id)
    assert [(e.date, e.module_id, e.topic_id) for e in after] == [(e.date, e.module_id, e.topic_id) for e in before]
    store.schedule.reinstate_session(after[1].id, after[1].version)
    assert group_entries(store, group_id)[1].status == SessionStatus.PLANNED


def test_moving_a_session_without_shift_takes_its_content_along(store, curriculum) -> None:
    group_id, _change = store.planning.create_group(draft(store), curriculum)
    first, second, third = group_entries(store, group_id)[:3]
    store.schedule.move_session(first.id, first.version, D(2027, 4, 9), dt.time(12), shift=False)
    ordered = group_entries(store, group_id)
    assert [e.id for e in ordered[:3]] == [second.id, third.id, first.id]
    assert [e.topic_id for e in ordered[:3]] == [second.topic_id, third.topic_id, first.topic_id]
    assert (ordered[2].date, ordered[2].start_time) == (D(2027, 4, 9), dt.time(12))


def test_moving_a_session_with_shift_keeps_the_curriculum_order(store, curriculum) -> None:
    group_id, _change = store.planning.create_group(draft(store), curriculum)
    first, second, third = group_entries(store, group_id)[:3]
    store.schedule.move_session(first.id, first.version, D(2027, 4, 9), dt.time(12), shift=True)
    ordered = group_entries(store, group_id)
    assert [e.id for e in ordered[:3]] == [second.id, third.id, first.id]
    assert [e.topic_id for e in ordered[:3]] == [first.topic_id, second.topic_id, third.topic_id]


def test_moving_onto_a_holiday_warns_and_onto_another_session_is_refused(store, curriculum) -> None:
    group_id, _change = store.planning.create_group(draft(store), curriculum)
    entries = group_entries(store, group_id)
    change = store.schedule.move_session(entries[0].id, entries[0].version, D(2027, 3, 25), dt.time(10), shift=False)
    assert change.warnings
    moved = group_entries(store, group_id)[0]
    with pytest.raises(InvalidField, match="already has a session"):
        store.schedule.move_session(moved.id, moved.version, entries[1].date, dt.time(10), shift=False)


def test_a_held_session_is_never_moved_cancelled_or_changed(demo_store, curriculum) -> None:
    group_id, _name = demo_store.groups.find("Nydal")
    held = next(entry for entry in group_entries(demo_store, group_id) if entry.status == SessionStatus.HELD)
    for attempt in (
        lambda: demo_store.schedule.move_session(held.id, held.version, D(2027, 1, 4), dt.time(13), shift=True),
        lambda: demo_store.schedule.cancel_session(held.id, held.version, "", shift=True),
        lambda: demo_store.schedule.set_content(held.id, held.version, None, None, curriculum),
    ):
        with pytest.raises(Exception, match="held"):
            attempt()
    assert next(e for e in group_entries(demo_store, group_id) if e.id == held.id) == held


def test_shifting_never_touches_held_sessions(demo_store, curriculum) -> None:
    group_id, _name = demo_store.groups.find("Nydal")
    before = group_entries(demo_store, group_id)
    upcoming = next(entry for entry in before if entry.status == SessionStatus.PLANNED)
    demo_store.schedule.cancel_session(upcoming.id, upcoming.version, "", shift=True)
    after = {entry.id: entry for entry in group_entries(demo_store, group_id)}
    assert all(after[e.id] == e for e in before if e.status == SessionStatus.HELD)


def test_planning_again_keeps_held_sessions_and_stale_edits_are_refused(demo_store, curriculum) -> None:
    group_id, _name = demo_store.groups.find("Nydal")
    before = group_entries(demo_store, group_id)
    stale = next(entry for entry in before if entry.status == SessionStatus.PLANNED)
    demo_store.schedule.set_content(stale.id, stale.version, None, None, curriculum)
    with pytest.raises(ChangedElsewhere):
        demo_store.schedule.set_content(stale.id, stale.version, "medication", None, curriculum)
    demo_store.schedule.generate_schedule(group_id, curriculum, D(2026, 11, 24))
    after = {entry.id: entry for entry in group_entries(demo_store, group_id)}
    assert all(after[e.id] == e for e in before if e.status == SessionStatus.HELD)


# --- The schedule on the command line, and as iCalendar --------------------------------------


def test_the_ics_file_has_one_event_per_session_in_oslo_time_and_no_names(demo_target: str, tmp_path: Path) -> None:
    import icalendar

    from imr_tui.store.demo.people import WEEKLY_GROUP_PEOPLE

    target = tmp_path / "plan.ics"
    result = CliRunner().invoke(cli, ["schedule", "Nydal", "--db", demo_target, "--ics", str(target), "--json", "--lang", "en"])
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)
    sessions = [s for s in plan["sessions"] if not s["individual"]]
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(sessions) == 50
    assert [event.start.date().isoformat() for event in events] == [s["date"] for s in sessions]
    assert {str(event.start.tzinfo) for event in events} == {"Europe/Oslo"} and calendar.walk("VTIMEZONE")
    assert events[0].start.hour == 13 and (events[0].end - events[0].start) == dt.timedelta(minutes=60)
    assert str(events[0]["SUMMARY"]).startswith("Ukesgruppa Nydal: 2.")
    text = target.read_bytes().decode()
    for name, _alias, _pickup in WEEKLY_GROUP_PEOPLE:
        assert name.split()[0] not in text and name.split()[-1] not in text


def test_schedule_prints_a_table_and_refuses_bad_input(demo_target: str, tmp_path: Path) -> None:
    runner = CliRunner()
    table = runner.invoke(cli, ["schedule", "Solsiden", "--db", demo_target, "--lang", "en"])
    assert table.exit_code == 0 and "Practical Facts" in table.stdout or "2." in table.stdout
    unknown = runner.invoke(cli, ["schedule", "Nowhere", "--db", demo_target])
    assert unknown.exit_code == 2 and "Nowhere" in unknown.stderr
    wrong_suffix = runner.invoke(cli, ["schedule", "Nydal", "--db", demo_target, "--ics", str(tmp_path / "plan.txt")])
    assert wrong_suffix.exit_code == 2 and ".ics" in wrong_suffix.stderr


def test_schedule_runs_as_a_real_command(demo_target: str) -> None:
    imr_tui = Path(sys.executable).with_name("imr-tui")
    command = [str(imr_tui)] if imr_tui.exists() else [sys.executable, "-c", "from imr_tui.cli import main; main()"]
    done = subprocess.run([*command, "schedule", "Nydal", "--json", "--db", demo_target], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["group"]["name"] == "Ukesgruppa Nydal" and data["sessions"][0]["date"] == "2026-06-23"
