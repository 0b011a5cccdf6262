"""What the store counts for a group's fidelity, on a group built from nothing, and assessments kept per day."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlmodel import select

from imr_tui.fidelity.assessment import assess
from imr_tui.fidelity.loader import load_fidelity_scale
from imr_tui.models import (
    CourseGroup,
    Enrolment,
    GroupSession,
    Participant,
    RecoveryGoal,
    ServicePlanSection,
    ServicePlanShare,
    ServicePlanVersion,
    Step,
    StepFollowUp,
)  # fmt: skip
from imr_tui.store import open_store
from imr_tui.store.fidelity_records import ItemScoreRecord

TODAY = dt.date(2026, 11, 24)
MODULES = ("recovery-strategies", "practical-facts", "stress-vulnerability")


def build_group(store, *, people: int, weeks: int, held: int) -> tuple[int, list[int], list[int]]:
    """A weekly group of `people`, `weeks` sessions over three modules, the first `held` of them held."""
    start = TODAY - dt.timedelta(weeks=held)
    with store.database.transaction() as session:
        group = CourseGroup(name="Prøvegruppa", start_date=start)
        session.add(group)
        session.flush()
        rows = [
            GroupSession(group_id=group.id, date=start + dt.timedelta(weeks=week), start_time=dt.time(10), module_id=MODULES[week % 3],
                         status="held" if week < held else "planned")
            for week in range(weeks)
        ]  # fmt: skip
        rows.append(GroupSession(group_id=group.id, date=start, start_time=dt.time(12), status="cancelled", module_id="medication"))
        persons = [Participant(name=f"Prøve Person {n}") for n in range(people)]
        session.add_all(rows + persons)
        session.flush()
        session.add_all(Enrolment(group_id=group.id, participant_id=p.id, joined_on=start) for p in persons)
        return group.id, [row.id for row in rows[:held]], [p.id for p in persons]


@pytest.fixture
def store(tmp_path):
    opened = open_store(str(tmp_path / "imr.sqlite"))
    yield opened
    opened.close()


def scored(store, group_id: int, today: dt.date = TODAY):
    return assess(store, load_fidelity_scale(), 11, group_id, "Prøvegruppa", today)


def test_a_group_of_eight_scores_five_and_of_nine_less_on_group_size(store) -> None:
    eight, _held, _people = build_group(store, people=8, weeks=4, held=2)
    nine, _held, _people = build_group(store, people=9, weeks=4, held=2)
    assert scored(store, eight).view("group-size").score == 5
    assert scored(store, nine).view("group-size").score == 4


def test_someone_who_left_is_not_counted(store) -> None:
    group_id, _held, people = build_group(store, people=9, weeks=4, held=2)
    with store.database.transaction() as session:
        enrolment = session.exec(select(Enrolment).where(Enrolment.participant_id == people[0])).one()
        enrolment.left_on = TODAY - dt.timedelta(days=1)
    assert store.fidelity.facts(group_id, TODAY).active_participants == 8


def test_programme_length_counts_weeks_with_a_session_and_comprehensiveness_the_modules(store) -> None:
    group_id, _held, _people = build_group(store, people=6, weeks=26, held=10)
    facts = store.fidelity.facts(group_id, TODAY)
    assert facts.programme_weeks == 26  # the cancelled session is not counted
    assert facts.module_ids == frozenset(MODULES)  # nor its module
    result = scored(store, group_id)
    assert result.view("programme-length").score == 5
    assert result.view("comprehensiveness").score == 1
    shorter, _held, _people = build_group(store, people=6, weeks=25, held=10)
    assert scored(store, shorter).view("programme-length").score == 4


def test_handouts_count_the_held_sessions_whose_agenda_was_printed(store) -> None:
    group_id, held, people = build_group(store, people=4, weeks=12, held=10)
    for session_id in held[:9]:
        store.fidelity.record_print("agenda", session_id=session_id)
    store.fidelity.record_print("agenda", session_id=held[0])  # printed twice: one session
    store.fidelity.record_print("goals", participant_id=people[0])
    result = scored(store, group_id).view("handouts")
    assert result.score == 5  # 9 of 10 is 90 %
    assert result.evidence.startswith("9 av 10 holdte samlinger") and "1 av 4 deltakere" in result.evidence
    store.fidelity.record_print("agenda", session_id=held[9])
    facts = store.fidelity.facts(group_id, TODAY)
    assert facts.sessions_with_agenda == 10 and facts.people_with_goal_page == 1


def test_goal_setting_and_follow_up_from_goals_and_steps(store) -> None:
    group_id, held, people = build_group(store, people=4, weeks=8, held=4)
    with store.database.transaction() as session:
        session.add_all(RecoveryGoal(participant_id=p, text="Å få en jobb", set_on=TODAY) for p in people[:3])
        session.add(RecoveryGoal(participant_id=people[3], text="   ", set_on=TODAY))  # no words yet
        step = Step(participant_id=people[0], text="Ringe NAV")
        session.add(step)
        session.flush()
        session.add_all(StepFollowUp(step_id=step.id, session_id=s, result="done") for s in held[:3])
    result = scored(store, group_id)
    assert result.view("goal-setting").evidence == "3 av 4 deltakere har et recoverymål med egne ord"
    assert result.view("goal-setting").score == 4  # 75 %
    assert result.view("goal-follow-up").score == 4  # 3 of 4 held sessions


def test_significant_others_from_shared_plans_and_personal_contacts(store) -> None:
    group_id, _held, people = build_group(store, people=4, weeks=4, held=2)
    contacts = [{"name": "Mor", "relation": "mor", "phone": "", "network": "personal"}]
    professional = [{"name": "Fastlegen", "relation": "", "phone": "", "network": "professional"}]
    with store.database.transaction() as session:
        version = ServicePlanVersion(participant_id=people[0], number=1, finished_on=TODAY, review_on=TODAY, content=json.dumps({"contacts": contacts}))
        session.add(version)
        session.add(ServicePlanSection(participant_id=people[1], section_id="contacts", content=json.dumps(professional)))
        session.flush()
        session.add(ServicePlanShare(participant_id=people[2], version_id=version.id, person="Bror", shared_on=TODAY, consent=True))
        session.add(ServicePlanShare(participant_id=people[3], version_id=version.id, person="Nabo", shared_on=TODAY, consent=False))
    assert store.fidelity.facts(group_id, TODAY).people_with_network == 2  # a named relative; a consented share
    assert scored(store, group_id).view("significant-others").score == 4  # 50 %


def test_an_assessment_is_kept_per_day_and_the_next_shows_the_change(store) -> None:
    group_id, _held, _people = build_group(store, people=6, weeks=4, held=2)
    first = scored(store, group_id)
    store.fidelity.save_item(group_id, TODAY, ItemScoreRecord("motivation", "team", 3, None, 3, 4), first.snapshot())
    store.fidelity.save_details(group_id, TODAY, first.snapshot(), rater_1="Terapeut A", rater_2="Terapeut B", note="Første runde")
    later = TODAY + dt.timedelta(days=90)
    carried = scored(store, group_id, later)
    assert carried.view("motivation").score == 3  # the team's rating holds until the team rates again
    assert carried.stored is None and carried.previous.assessed_on == TODAY
    store.fidelity.save_item(group_id, later, ItemScoreRecord("motivation", "team", 5), carried.snapshot())
    again = scored(store, group_id, later)
    assert again.view("motivation").change == 2
    assert again.view("group-size").change == 0
    days = [a.assessed_on for a in store.fidelity.assessments(group_id)]
    assert days == [TODAY, later]
    assert store.fidelity.assessments(group_id)[0].rater_1 == "Terapeut A"


def test_a_database_at_schema_0005_is_backed_up_and_gains_the_fidelity_tables(tmp_path) -> None:
    from sqlalchemy import create_engine, inspect

    from imr_tui.store import schema

    path = tmp_path / "imr.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    schema.upgrade(engine, "0005")
    assert "fidelity_assessment" not in inspect(engine).get_table_names()
    engine.dispose()
    upgraded = open_store(str(path))
    tables = set(inspect(upgraded.database.engine).get_table_names())
    upgraded.close()
    assert {"fidelity_assessment", "fidelity_item_score", "handout_print"} <= tables
    assert list(tmp_path.glob("imr.sqlite.schema-0005.*.bak"))
