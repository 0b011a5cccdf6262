"""Goals in the store: the verbs, the rules at the field, revisions, the text rule, bounded reads."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event, text

from imr_tui.domain.conflicts import EditConflict
from imr_tui.errors import BadInputError
from imr_tui.goals.fields import FieldError, parse_day
from imr_tui.goals.timeline import build_timeline
from imr_tui.store import open_store

from conftest import TODAY
from goal_data import person_in_a_group

# Each test that opens the demo or an empty store runs on SQLite and on PostgreSQL.
pytestmark = pytest.mark.both_engines

DAY = TODAY.date()


def test_goal_short_term_goal_and_step_lifecycle(demo_store) -> None:
    person, sessions = person_in_a_group(demo_store, DAY)
    edits = demo_store.goal_edits
    goal = edits.add_goal(person, "Jeg vil gå på kafé med en venn", "Jeg er mye alene", DAY - dt.timedelta(days=14))
    short = edits.add_short_term_goal(goal, "Bli kjent med noen", DAY + dt.timedelta(weeks=6))
    first = edits.add_step(person, short, "Gå på kafétreffet mandag", DAY + dt.timedelta(weeks=1))
    second = edits.add_step(person, short, "Si hei til én ny person")
    edits.set_status("step", first, "partly")
    edits.move("step", second, -1)
    edits.set_status("short_term", short, "achieved")

    tree = demo_store.goals.participant_goals(person, DAY)
    (recovery,) = tree.goals
    (short_term,) = recovery.short_term_goals
    assert (recovery.text, recovery.why, short_term.status) == ("Jeg vil gå på kafé med en venn", "Jeg er mye alene", "achieved")
    assert [step.text for step in short_term.steps] == ["Si hei til én ny person", "Gå på kafétreffet mandag"]
    assert short_term.steps[1].status == "partly"
    # A due date on a session day makes that session the step's due session.
    assert short_term.steps[1].due_session_id == sessions["next_week"]
    assert tree.next_session_on == DAY + dt.timedelta(weeks=1)


def test_archived_goals_stay_and_can_be_restored(demo_store) -> None:
    person, _sessions = person_in_a_group(demo_store, DAY)
    goal = demo_store.goal_edits.add_goal(person, "Flytte for meg selv", "", DAY)
    demo_store.goal_edits.set_status("goal", goal, "archived")
    assert demo_store.goals.participant_goals(person).goals[0].status == "archived"
    demo_store.goal_edits.set_status("goal", goal, "active")
    assert demo_store.goals.participant_goals(person).goals[0].status == "active"
    with pytest.raises(ValueError):
        demo_store.goal_edits.set_status("goal", goal, "finished")


def test_revising_keeps_the_earlier_wording(demo_store, demo_target) -> None:
    person, _sessions = person_in_a_group(demo_store, DAY)
    goal = demo_store.goal_edits.add_goal(person, "Bli frisk", "Lei av å ha det sånn", DAY - dt.timedelta(weeks=5))
    demo_store.goal_edits.revise_goal(goal, "Jeg vil ha en jobb jeg trives i", "Være til nytte", DAY, based_on="Bli frisk")
    fresh = open_store(demo_target)
    (recovery,) = fresh.goals.participant_goals(person).goals
    fresh.close()
    assert (recovery.text, recovery.why) == ("Jeg vil ha en jobb jeg trives i", "Være til nytte")
    assert [(r.text, r.why, r.replaced_on) for r in recovery.revisions] == [("Bli frisk", "Lei av å ha det sånn", DAY)]
    milestones = [m for day in build_timeline(demo_store.goals.participant_goals(person)) for m in day.milestones]
    assert [(m.kind, m.text) for m in milestones] == [("goal_set", "Bli frisk"), ("goal_revised", "Jeg vil ha en jobb jeg trives i")]


def test_an_empty_goal_or_step_is_refused_at_the_field(demo_store) -> None:
    person, _sessions = person_in_a_group(demo_store, DAY)
    with pytest.raises(FieldError, match="kan ikke være tomt") as refused:
        demo_store.goal_edits.add_goal(person, "   ", "", DAY)
    assert refused.value.field == "text"
    goal = demo_store.goal_edits.add_goal(person, "Sove bedre", "", DAY)
    with pytest.raises(FieldError):
        demo_store.goal_edits.save_text("goal", goal, "text", "", based_on="Sove bedre")
    assert demo_store.goals.participant_goals(person).goals[0].text == "Sove bedre"


def test_a_step_due_before_its_goal_was_set_is_refused(demo_store) -> None:
    person, _sessions = person_in_a_group(demo_store, DAY)
    goal = demo_store.goal_edits.add_goal(person, "Sove bedre", "", DAY)
    short = demo_store.goal_edits.add_short_term_goal(goal, "Fast døgnrytme")
    with pytest.raises(FieldError, match="målet ble satt 24.11.2026") as refused:
        demo_store.goal_edits.add_step(person, short, "Legge meg før midnatt", DAY - dt.timedelta(days=1))
    assert refused.value.field == "due_on"
    step = demo_store.goal_edits.add_step(person, short, "Legge meg før midnatt", DAY)
    with pytest.raises(FieldError):
        demo_store.goal_edits.set_due_date(step, DAY - dt.timedelta(days=3))
    with pytest.raises(FieldError):
        demo_store.goal_edits.set_target_date(short, DAY - dt.timedelta(days=3))


def test_dates_that_do_not_exist_are_refused_with_what_is_allowed() -> None:
    with pytest.raises(FieldError, match="30.02.2026 finnes ikke: den måneden har 28 dager"):
        parse_day("30.02.2026", "day")
    with pytest.raises(FieldError, match="månedene er 1 til 12"):
        parse_day("2026-13-01", "day")
    with pytest.raises(FieldError, match="skriv datoen som 24.11.2026"):
        parse_day("i morgen", "day")
    assert parse_day("1.12.2026", "day") == parse_day("2026-12-01", "day") == dt.date(2026, 12, 1)
    assert parse_day(" ", "day") is None


def test_another_windows_text_is_never_overwritten(demo_store, demo_target) -> None:
    person, _sessions = person_in_a_group(demo_store, DAY)
    goal = demo_store.goal_edits.add_goal(person, "Sove bedre", "", DAY)
    other_window = open_store(demo_target)
    other_window.goal_edits.save_text("goal", goal, "why", "Orke mer", based_on="")
    with pytest.raises(EditConflict) as conflict:
        demo_store.goal_edits.save_text("goal", goal, "why", "Ha energi", based_on="")
    assert conflict.value.stored == "Orke mer"
    with pytest.raises(EditConflict):
        demo_store.goal_edits.revise_goal(goal, "Nye ord", "", DAY, based_on="Gamle ord")
    other_window.close()
    assert demo_store.goals.participant_goals(person).goals[0].why == "Orke mer"


def test_finding_a_person_by_id_name_or_a_unique_part(demo_store) -> None:
    astrid = demo_store.goals.find_participant("astrid")
    assert astrid.name == "Astrid Kvamme"
    assert demo_store.goals.find_participant(str(astrid.id)) == astrid
    with pytest.raises(BadInputError, match="passer til flere deltakere: .*Astrid Kvamme \\(id 1\\)"):
        demo_store.goals.find_participant("a")
    with pytest.raises(BadInputError, match="ingen deltaker passer til «nobody»"):
        demo_store.goals.find_participant("nobody")


def test_the_group_overview_shows_each_current_step_and_last_result(demo_store) -> None:
    group_id, _name = demo_store.groups.find("Solsiden")
    rows = demo_store.goals.group_overview(group_id, DAY)
    astrid = next(row for row in rows if row.participant.name == "Astrid Kvamme")
    assert astrid.goal == "Jeg vil begynne å jobbe litt igjen"
    assert astrid.current_step == "Besøke arbeidstreningen en formiddag"
    assert astrid.last_result in {"done", "partly", "not_done"} and astrid.steps_tried == 2
    assert "Guro Lindgren" not in [row.participant.name for row in rows]  # left the group


def count_queries(store, read) -> int:
    statements: list[int] = []
    listener = lambda *args: statements.append(1)
    event.listen(store.database.engine, "before_cursor_execute", listener)
    read()
    event.remove(store.database.engine, "before_cursor_execute", listener)
    return len(statements)


def test_reads_take_the_same_number_of_queries_however_long_the_history(demo_store) -> None:
    person, _sessions = person_in_a_group(demo_store, DAY)
    goal = demo_store.goal_edits.add_goal(person, "Sove bedre", "", DAY)
    short = demo_store.goal_edits.add_short_term_goal(goal, "Fast døgnrytme")
    demo_store.goal_edits.add_step(person, short, "Steg 1")
    few = count_queries(demo_store, lambda: demo_store.goals.participant_goals(person, DAY))
    for number in range(2, 12):
        demo_store.goal_edits.add_step(person, short, f"Steg {number}")
        demo_store.goal_edits.revise_goal(goal, f"Sove bedre {number}", "", DAY, based_on=demo_store.goals.participant_goals(person).goals[0].text)
    many = count_queries(demo_store, lambda: demo_store.goals.participant_goals(person, DAY))
    assert few == many
    group_id, _name = demo_store.groups.find("Nydal")
    assert count_queries(demo_store, lambda: demo_store.goals.group_overview(group_id, DAY)) <= 6


def test_migration_0003_goes_down_and_up_again(tmp_path) -> None:
    from imr_tui.store.schema import upgrade

    store = open_store(str(tmp_path / "imr.sqlite"))
    engine = store.database.engine

    def tables() -> set[str]:
        with engine.connect() as connection:
            return {row[0] for row in connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))}

    assert {"goal_revision", "imrs_rating", "imrs_score"} <= tables()
    from alembic import command
    from alembic.config import Config

    from imr_tui.store.schema import MIGRATIONS_DIR

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
    assert not {"goal_revision", "imrs_rating", "imrs_score"} & tables()
    upgrade(engine)
    assert {"goal_revision", "imrs_rating", "imrs_score"} <= tables()
    store.close()
