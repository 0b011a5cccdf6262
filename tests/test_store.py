"""The store on a real SQLite file: creation, safety checks, schema versions, queries."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import event, text

from imr_tui.errors import BadInputError, UserError
from imr_tui.store import open_store
from imr_tui.store.schema import SCHEMA_HEAD, known_revisions

from conftest import TODAY

# Each test that opens the demo or an empty store runs on SQLite and on PostgreSQL.
pytestmark = pytest.mark.both_engines


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_private_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "imr.sqlite"
    store = open_store(str(path))
    with store.database.reading() as session:
        assert session.exec(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.exec(text("PRAGMA foreign_keys")).scalar() == 1
    store.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_default_database_lives_in_a_private_data_folder(isolated_user: Path) -> None:
    store = open_store(None)
    path = Path(store.location)
    store.close()
    assert path.name == "imr.sqlite"
    assert str(path).startswith(str(isolated_user))
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_schema_head_constant_matches_the_newest_migration() -> None:
    assert known_revisions()[-1] == SCHEMA_HEAD


def test_reopening_keeps_the_data(demo_target: str) -> None:
    first = open_store(demo_target)
    count = len(first.groups.overview(TODAY.date()))
    first.close()
    again = open_store(demo_target)
    assert len(again.groups.overview(TODAY.date())) == count == 2
    again.close()


def test_a_newer_schema_is_refused_and_left_untouched(demo_path: Path) -> None:
    with sqlite3.connect(demo_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = digest(demo_path)
    with pytest.raises(UserError, match="nyere versjon av imr-tui"):
        open_store(str(demo_path))
    assert digest(demo_path) == before


def test_an_older_schema_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    # An empty schema-less file stands for the oldest version: upgrading it builds the
    # schema; a database at an older revision would be copied aside first.
    path = tmp_path / "imr.sqlite"
    sqlite3.connect(path).close()
    store = open_store(str(path))
    with store.database.reading() as session:
        assert session.exec(text("SELECT version_num FROM alembic_version")).scalar() == SCHEMA_HEAD
    store.close()


def test_a_file_that_is_not_sqlite_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("Dette er ikke en database\n" * 50)
    before = digest(path)
    with pytest.raises(UserError, match="ikke en imr-tui-database"):
        open_store(str(path))
    assert digest(path) == before


def test_a_truncated_database_is_refused_and_untouched(demo_path: Path, tmp_path: Path) -> None:
    truncated = tmp_path / "truncated.sqlite"
    truncated.write_bytes(demo_path.read_bytes()[:6000])
    before = digest(truncated)
    with pytest.raises(UserError, match="skadet"):
        open_store(str(truncated))
    assert digest(truncated) == before


def test_another_applications_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(UserError, match="et annet program"):
        open_store(str(path))
    assert path.read_bytes() == before  # not even the header's journal mode


def test_a_missing_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="finnes ikke"):
        open_store(str(tmp_path / "nowhere" / "imr.sqlite"))
    assert not (tmp_path / "nowhere").exists()


def test_a_folder_that_cannot_be_written_is_reported() -> None:
    with pytest.raises(UserError, match="/proc"):
        open_store("/proc/imr.sqlite")


def test_an_unusable_url_is_reported() -> None:
    with pytest.raises(BadInputError, match="--db"):
        open_store("nosuchdriver://somewhere/db")


def test_group_overview_shows_todays_session_first_and_leaders(demo_store) -> None:
    groups = {g.name: g for g in demo_store.groups.overview(TODAY.date())}
    weekly = groups["Ukesgruppa Nydal"]
    assert weekly.next_session.date == TODAY.date()
    assert [t.role for t in weekly.therapists] == ["lead", "co_lead"]
    daily = groups["Dagsgruppa Solsiden"]
    assert daily.next_session.date == TODAY.date()
    assert daily.active_participants == 6  # seven enrolled, one left
    assert daily.sessions_held > 20


def count_statements(store, call) -> int:
    statements = []

    def remember(*_args) -> None:
        statements.append(1)

    event.listen(store.database.engine, "before_cursor_execute", remember)
    try:
        call()
    finally:
        event.remove(store.database.engine, "before_cursor_execute", remember)
    return len(statements)


def test_overview_query_count_does_not_grow_with_the_data(tmp_path: Path, curriculum) -> None:
    from imr_tui.store.demo import build_demo

    small = open_store(str(tmp_path / "small.sqlite"))
    build_demo(small.database, curriculum, TODAY.date())
    large = open_store(str(tmp_path / "large.sqlite"))
    for seed in range(3):
        build_demo(large.database, curriculum, TODAY.date(), seed=seed)
    small_count = count_statements(small, lambda: small.groups.overview(TODAY.date()))
    large_count = count_statements(large, lambda: large.groups.overview(TODAY.date()))
    assert len(large.groups.overview(TODAY.date())) == 6
    assert small_count == large_count
    large_session = large.groups.overview(TODAY.date())[0].next_session.id
    small_session = small.groups.overview(TODAY.date())[0].next_session.id
    assert count_statements(large, lambda: large.sessions.overview(large_session)) == count_statements(
        small, lambda: small.sessions.overview(small_session)
    )
    small.close()
    large.close()


def test_find_group_by_id_name_or_unique_part(demo_store) -> None:
    group_id, name = demo_store.groups.find("nydal")
    assert name == "Ukesgruppa Nydal"
    assert demo_store.groups.find(str(group_id)) == (group_id, name)
    assert demo_store.groups.find("UKESGRUPPA NYDAL") == (group_id, name)


def test_find_group_reports_none_and_several(demo_store) -> None:
    with pytest.raises(BadInputError, match="ingen gruppe passer til «Tirsdag»"):
        demo_store.groups.find("Tirsdag")
    with pytest.raises(BadInputError, match="flere grupper") as error:
        demo_store.groups.find("gruppa")
    assert "Dagsgruppa Solsiden" in error.value.message and "Ukesgruppa Nydal" in error.value.message


def test_demo_has_what_a_therapist_would_try(demo_store) -> None:
    from sqlmodel import func, select

    from imr_tui.models import Attendance, Enrolment, Participant, Step, StepFollowUp, Therapist

    with demo_store.database.reading() as session:
        assert session.exec(select(func.count()).select_from(Therapist)).one() == 4
        people = session.exec(select(Participant)).all()
        assert any(p.needs_pickup for p in people)
        assert session.exec(select(func.count()).select_from(Enrolment).where(Enrolment.left_on.is_not(None))).one() == 2
        assert session.exec(select(func.count()).select_from(Attendance)).one() > 200
        assert session.exec(select(func.count()).select_from(StepFollowUp)).one() > 10
        assert session.exec(select(func.count()).select_from(Step).where(Step.status == "planned")).one() >= 12
    for group in demo_store.groups.overview(TODAY.date()):
        detail = demo_store.groups.detail(group.id)
        assert 6 <= len(detail.participants) <= 8
        assert len(detail.therapists) == 2
    assert demo_store.maintenance.is_demo()


def test_migrations_build_exactly_the_tables_the_models_declare(tmp_path: Path) -> None:
    """A model changed without a migration (or the reverse) fails here."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    store = open_store(str(tmp_path / "imr.sqlite"))
    with store.database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []
    store.close()


def test_backup_before_upgrade_is_a_private_readable_copy(demo_path: Path) -> None:
    import datetime as dt

    from imr_tui.store.backup import backup_before_upgrade

    copy = backup_before_upgrade(demo_path, "0001", now=dt.datetime(2026, 11, 24, 9, 30))
    assert copy.name == "demo.sqlite.schema-0001.20261124-093000.bak"
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    restored = open_store(str(copy))
    assert len(restored.groups.overview(TODAY.date())) == 2
    restored.close()


def test_session_for_group_on_a_date_or_the_next(demo_store) -> None:
    import datetime as dt

    group_id, _name = demo_store.groups.find("Solsiden")
    assert demo_store.sessions.for_group(group_id, TODAY.date()).date == TODAY.date()
    tomorrow = TODAY.date() + dt.timedelta(days=1)
    assert demo_store.sessions.for_group(group_id, TODAY.date(), on=tomorrow).date == tomorrow
    with pytest.raises(BadInputError, match="ingen samling 2026-11-28"):
        demo_store.sessions.for_group(group_id, TODAY.date(), on=dt.date(2026, 11, 28))  # a Saturday


def test_a_database_at_an_older_schema_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    from imr_tui.store.schema import upgrade

    path = tmp_path / "imr.sqlite"
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0001")  # the database as the first release left it
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO therapist (version, created_at, updated_at, name, active) VALUES (1, '2026-01-01', '2026-01-01', 'Ingrid', 1)"))
    engine.dispose()
    store = open_store(str(path))
    with store.database.reading() as session:
        assert session.exec(text("SELECT version_num FROM alembic_version")).scalar() == SCHEMA_HEAD
        assert session.exec(text("SELECT name FROM therapist")).scalar() == "Ingrid"
    store.close()
    backups = list(tmp_path.glob("imr.sqlite.schema-0001.*.bak"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)


def test_a_one_to_one_meeting_is_not_the_groups_next_session(demo_store) -> None:
    import datetime as dt

    from imr_tui.models import GroupSession

    group_id, _name = demo_store.groups.find("Nydal")
    person = demo_store.groups.detail(group_id).participants[0]
    with demo_store.database.transaction() as session:
        session.add(GroupSession(group_id=group_id, participant_id=person.id, date=TODAY.date(), start_time=dt.time(8, 0), module_id="recovery-strategies"))
    weekly = next(g for g in demo_store.groups.overview(TODAY.date()) if g.id == group_id)
    assert weekly.next_session.start_time == dt.time(13, 0)
    assert demo_store.sessions.for_group(group_id, TODAY.date()).start_time == dt.time(13, 0)


def test_downgrading_every_migration_leaves_an_empty_database(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    from imr_tui.store.schema import MIGRATIONS_DIR

    store = open_store(str(tmp_path / "imr.sqlite"))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with store.database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    with store.database.reading() as session:
        tables = [row[0] for row in session.exec(text("SELECT name FROM sqlite_master WHERE type = 'table'")).all()]
    store.close()
    assert tables == ["alembic_version"]
