"""`imr-tui db copy --to URL`: a whole store into an empty one, SQLite to PostgreSQL and back.

Every row is compared between source and copy (ids, versions and the audit trail included),
with the demo and with a one-year benchmark database; the copy must then pass `db check`,
show the same groups, and take new rows without colliding with the copied ids.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlmodel import SQLModel
from test_cli import IMR_TUI, run

from imr_tui.i18n import use_language
from imr_tui.models.vocabulary import Cadence
from imr_tui.planning.drafts import GroupDraft
from imr_tui.store import open_store
from imr_tui.store.copy import PAUSE_VARIABLE, rows_held
from imr_tui.store.location import resolve_location
from imr_tui.store.schema import SCHEMA_HEAD

from pg_server import APP_PASSWORD

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(autouse=True)
def english():
    with use_language("en"):
        yield


@pytest.fixture(scope="module")
def one_year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A busy service's year (40 groups, about 13 000 rows), made once by the benchmark generator."""
    path = tmp_path_factory.mktemp("bench") / "one-year.sqlite"
    made = subprocess.run(
        [sys.executable, str(BENCHMARKS / "generate.py"), "--db", str(path), "--years", "1", "--seed", "3", "--today", "2026-11-24"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    return path


def all_rows(target: str) -> dict[str, list[tuple]]:
    """Every row of every table, in id order, times in UTC without their zone (as SQLite gives them)."""
    import imr_tui.models  # noqa: F401

    engine = create_engine(resolve_location(target).url)
    try:
        with engine.connect() as connection:
            return {
                table.name: [tuple(_plain(value) for value in row) for row in connection.execute(select(table).order_by(*table.primary_key.columns))]
                for table in SQLModel.metadata.sorted_tables
            }
    finally:
        engine.dispose()


def _plain(value: object) -> object:
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


def copy_cli(source: str, target: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`imr-tui db copy` as a real command."""
    return subprocess.run([*IMR_TUI, "--lang", "en", "db", "copy", "--db", source, "--to", target], capture_output=True, text=True, timeout=300, env={**os.environ, **(env or {})})


def new_group(target: str) -> int:
    """A group made on the copy the way the planning screen makes one; its id."""
    from imr_tui.curriculum.loader import load_curriculum

    store = open_store(target)
    try:
        lead = store.planning.add_therapist("Ny Terapeut").id
        co_lead = store.planning.add_therapist("Annen Terapeut").id
        draft = GroupDraft(
            name="Ny gruppe etter flyttingen", location="Rom 2", start_date=dt.date(2027, 1, 7), end_date=None, start_time=dt.time(10),
            session_minutes=60, cadence=Cadence.WEEKLY, weekdays=(4,), lead_id=lead, co_lead_id=co_lead,
        )  # fmt: skip
        group_id, _change = store.planning.create_group(draft, load_curriculum())
    finally:
        store.close()
    return group_id


def highest_group_id(target: str) -> int:
    engine = create_engine(resolve_location(target).url)
    with engine.connect() as connection:
        highest = connection.execute(text("SELECT max(id) FROM course_group")).scalar_one()
    engine.dispose()
    return highest


def group_names(target: str) -> list[str]:
    store = open_store(target)
    try:
        return sorted(group.name for group in store.groups.overview(dt.date(2026, 11, 24)))
    finally:
        store.close()


def test_the_demo_goes_to_postgresql_and_back_unchanged(demo_path: Path, pg_url: str, tmp_path: Path) -> None:
    before = all_rows(str(demo_path))
    copied = run("--lang", "en", "db", "copy", "--db", str(demo_path), "--to", pg_url)
    assert copied.exit_code == 0, copied.stderr
    assert f"participant {len(before['participant']):>8}".replace(" ", "") in copied.stdout.replace(" ", "")
    assert f"{sum(map(len, before.values()))} rows in {len(before)} tables" in copied.stdout
    assert all_rows(pg_url) == before
    checked = run("--lang", "en", "db", "check", "--db", pg_url)
    assert checked.exit_code == 0, checked.stderr
    assert "Integrity: ok" in checked.stdout and "demo database" in checked.stdout
    for command in (["group", "list", "--json"], ["group", "show", "Nydal", "--json"], ["schedule", "Nydal", "--json"], ["audit", "--json"]):
        on_copy, on_source = run(*command, "--db", pg_url), run(*command, "--db", str(demo_path))
        assert on_copy.exit_code == 0 and on_copy.stdout == on_source.stdout, command

    back = tmp_path / "back.sqlite"
    returned = run("--lang", "en", "db", "copy", "--db", pg_url, "--to", str(back))
    assert returned.exit_code == 0, returned.stderr
    assert all_rows(str(back)) == before
    assert oct(back.stat().st_mode & 0o777) == "0o600"


def test_new_rows_on_the_copy_continue_after_the_copied_ids(demo_path: Path, pg_url: str) -> None:
    assert run("db", "copy", "--db", str(demo_path), "--to", pg_url).exit_code == 0
    highest = highest_group_id(pg_url)
    assert highest == highest_group_id(str(demo_path)) > 1
    assert new_group(pg_url) == highest + 1
    assert "Ny gruppe etter flyttingen" in group_names(pg_url)
    assert "Ny gruppe etter flyttingen" not in group_names(str(demo_path))


def test_a_year_of_a_busy_service_both_ways_as_real_commands(one_year: Path, pg_url: str, tmp_path: Path) -> None:
    before = all_rows(str(one_year))
    to_server = copy_cli(str(one_year), pg_url)
    assert to_server.returncode == 0, to_server.stderr
    assert f"{len(before['course_group'])}" in next(line for line in to_server.stdout.splitlines() if "course_group" in line)
    assert all_rows(pg_url) == before
    back = tmp_path / "laptop.sqlite"
    to_file = copy_cli(pg_url, str(back))
    assert to_file.returncode == 0, to_file.stderr
    assert all_rows(str(back)) == before
    checked = subprocess.run([*IMR_TUI, "--lang", "en", "db", "check", "--db", pg_url], capture_output=True, text=True, timeout=120)
    assert checked.returncode == 0 and "Integrity: ok" in checked.stdout, checked.stderr
    for target in (pg_url, str(back)):
        assert new_group(target) == highest_group_id(str(one_year)) + 1
    assert APP_PASSWORD not in to_server.stdout + to_server.stderr + to_file.stdout + to_file.stderr


def test_a_target_that_holds_data_is_refused_and_left_as_it_was(demo_path: Path, pg_demo_url: str, one_year: Path, tmp_path: Path) -> None:
    before = all_rows(pg_demo_url)
    refused = run("--lang", "en", "db", "copy", "--db", str(one_year), "--to", pg_demo_url)
    assert refused.exit_code == 2
    assert "already holds data" in refused.stderr and "course_group 2" in refused.stderr and "nothing was written" in refused.stderr
    assert APP_PASSWORD not in refused.stderr
    assert all_rows(pg_demo_url) == before
    file_target = tmp_path / "full.sqlite"
    file_target.write_bytes(demo_path.read_bytes())
    again = run("--lang", "en", "db", "copy", "--db", str(one_year), "--to", str(file_target))
    assert again.exit_code == 2 and "already holds data" in again.stderr
    assert file_target.read_bytes() == demo_path.read_bytes()


def test_the_source_itself_or_a_target_of_the_wrong_kind_is_refused(demo_path: Path) -> None:
    refused = run("--lang", "en", "db", "copy", "--db", str(demo_path), "--to", f"sqlite:///{demo_path}")
    assert refused.exit_code == 2 and "the target is the source" in refused.stderr
    mysql = run("--lang", "en", "db", "copy", "--db", str(demo_path), "--to", "mysql://imr:topsecret@db.example.org/imr")
    assert mysql.exit_code == 2 and mysql.stderr.startswith("imr-tui: --to: 'mysql://imr:***@db.example.org/imr' is not a database imr-tui can use")


def paused_copy(source: str, target: str, table: str) -> subprocess.Popen[str]:
    """The copy as a real process, stopped (by its test hook) inside its transactions just after `table`."""
    process = subprocess.Popen(
        [*IMR_TUI, "--lang", "en", "db", "copy", "--db", source, "--to", target], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, env={**os.environ, PAUSE_VARIABLE: table},
    )  # fmt: skip
    assert process.stderr is not None
    line = process.stderr.readline().strip()
    if line != f"paused after {table}":
        process.kill()
        pytest.fail(f"the copy did not pause: {line} {process.communicate()}")
    return process


def killed_half_way(source: str, target: str, table: str) -> None:
    """Start the copy, wait until it has written `table` inside its transaction, and kill -9 it."""
    process = paused_copy(source, target, table)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_what_changes_in_the_source_during_the_copy_is_left_out_whole(engine: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    """The source is read as it was at one moment: a group made half-way through is not half copied."""
    source = request.getfixturevalue("pg_demo_url") if engine == "postgresql" else str(request.getfixturevalue("demo_path"))
    target = str(tmp_path / "copy.sqlite") if engine == "postgresql" else request.getfixturevalue("pg_url")
    before = all_rows(source)
    process = paused_copy(source, target, "course_group")
    new_group(source)  # its therapists, sessions and audit entries come later in the copy's order
    out, err = process.communicate("\n", timeout=120)
    assert process.returncode == 0, err
    assert all_rows(target) == before
    assert len(all_rows(source)["group_session"]) > len(before["group_session"])


@pytest.mark.parametrize("engine", ["postgresql", "sqlite"])
def test_a_copy_killed_half_way_leaves_the_target_empty_and_can_run_again(engine: str, one_year: Path, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    target = request.getfixturevalue("pg_url") if engine == "postgresql" else str(tmp_path / "target.sqlite")
    killed_half_way(str(one_year), target, "attendance")
    assert rows_held(resolve_location(target)) == {}
    again = copy_cli(str(one_year), target)
    assert again.returncode == 0, again.stderr
    assert all_rows(target) == all_rows(str(one_year))
    assert new_group(target) == highest_group_id(str(one_year)) + 1


def test_an_encrypted_source_copies_like_any_other(demo_path: Path, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("sqlcipher3", reason="the encryption extra is not installed")
    from imr_tui.store.encryption import KEY_VARIABLE, encrypt_copy

    plain = all_rows(str(demo_path))
    encrypted = encrypt_copy(demo_path, tmp_path / "locked.sqlite", "hemmelig passord")
    assert not encrypted.read_bytes().startswith(b"SQLite format 3")
    copied = copy_cli(str(encrypted), pg_url, env={KEY_VARIABLE: "hemmelig passord"})
    assert copied.returncode == 0, copied.stderr
    assert all_rows(pg_url) == plain
    assert "hemmelig" not in copied.stdout + copied.stderr
    to_file = copy_cli(str(encrypted), str(tmp_path / "laptop.sqlite"), env={KEY_VARIABLE: "hemmelig passord"})
    assert to_file.returncode == 0, to_file.stderr
    assert not (tmp_path / "laptop.sqlite").read_bytes().startswith(b"SQLite format 3")  # a file copy is encrypted as its source
    monkeypatch.setenv(KEY_VARIABLE, "hemmelig passord")
    assert all_rows_encrypted(tmp_path / "laptop.sqlite") == plain["participant"]


def all_rows_encrypted(path: Path) -> list[tuple]:
    store = open_store(str(path))
    try:
        with store.database.engine.connect() as connection:
            table = SQLModel.metadata.tables["participant"]
            return [tuple(_plain(value) for value in row) for row in connection.execute(select(table).order_by(table.c.id))]
    finally:
        store.close()


def test_the_password_never_shows(demo_path: Path, pg_url: str, isolated_user: Path) -> None:
    copied = run("--lang", "en", "db", "copy", "--db", str(demo_path), "--to", pg_url)
    assert copied.exit_code == 0
    assert APP_PASSWORD not in copied.stdout + copied.stderr and "imr:***@" in copied.stdout
    wrong = run("--lang", "en", "db", "copy", "--db", str(demo_path), "--to", pg_url.replace(APP_PASSWORD, "wrong-secret"))
    assert wrong.exit_code == 1 and "refused the login" in wrong.stderr and "wrong-secret" not in wrong.stderr
    logs = "".join(path.read_text(encoding="utf-8") for path in isolated_user.rglob("*.log"))
    assert "copied" in logs and APP_PASSWORD not in logs and "wrong-secret" not in logs


def older_store(target: str) -> None:
    """A store at schema 0004 (before the audit trail) holding one therapist, as an older imr-tui left it."""
    from imr_tui.store.backends import backend_for
    from imr_tui.store.schema import upgrade

    location = resolve_location(target)
    backend = backend_for(location)
    backend.prepare()
    engine = backend.make_engine()
    upgrade(engine, "0004")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO therapist (id, name, active, version, created_at, updated_at) VALUES (7, 'Eldre Terapeut', true, 3, '2026-01-05 10:00:00', '2026-01-05 10:00:00')"))
    engine.dispose()


def stored_revision(target: str) -> str:
    engine = create_engine(resolve_location(target).url)
    with engine.connect() as connection:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    engine.dispose()
    return revision


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_an_older_source_is_upgraded_in_a_copy_never_in_place(engine: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    source = request.getfixturevalue("pg_url") if engine == "postgresql" else str(tmp_path / "old.sqlite")
    target = str(tmp_path / "new.sqlite") if engine == "postgresql" else request.getfixturevalue("pg_url")
    older_store(source)
    untouched = Path(source).read_bytes() if engine == "sqlite" else None
    copied = run("--lang", "en", "db", "copy", "--db", source, "--to", target)
    assert copied.exit_code == 0, copied.stderr
    assert "schema 0004" in copied.stdout and "not changed" in copied.stdout
    assert stored_revision(source) == "0004" and stored_revision(target) == SCHEMA_HEAD
    therapists = all_rows(target)["therapist"]
    assert len(therapists) == 1 and 7 in therapists[0] and "Eldre Terapeut" in therapists[0] and 3 in therapists[0]
    assert not [path.name for path in tmp_path.iterdir() if ".bak" in path.name]  # no upgrade backup beside the source: it was not upgraded
    if untouched is not None:
        assert Path(source).read_bytes() == untouched


def test_an_older_postgresql_source_killed_during_the_copy_stays_as_it_was(pg_url: str, tmp_path: Path) -> None:
    older_store(pg_url)
    killed_half_way(pg_url, str(tmp_path / "copy.sqlite"), "therapist")  # after its upgrade inside the read transaction
    assert stored_revision(pg_url) == "0004" and "audit_event" not in all_tables(pg_url)
    copied = copy_cli(pg_url, str(tmp_path / "copy.sqlite"))
    assert copied.returncode == 0, copied.stderr


def test_another_applications_database_is_refused_either_way(demo_path: Path, pg_url: str, pg_server, tmp_path: Path) -> None:
    foreign = tmp_path / "other.sqlite"
    import sqlite3

    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    connection.close()
    from_foreign = run("--lang", "en", "db", "copy", "--db", str(foreign), "--to", pg_url)
    assert from_foreign.exit_code == 1 and "another application" in from_foreign.stderr
    assert rows_held(resolve_location(pg_url)) == {} and "invoices" not in str(all_tables(pg_url))
    name = pg_url.rsplit("/", 1)[1]
    pg_server.admin("CREATE TABLE invoices (id integer PRIMARY KEY)", database=name)
    to_foreign = run("--lang", "en", "db", "copy", "--db", str(demo_path), "--to", pg_url)
    assert to_foreign.exit_code == 1 and "another application" in to_foreign.stderr
    assert all_tables(pg_url) == ["invoices"]


def all_tables(target: str) -> list[str]:
    from sqlalchemy import inspect

    engine = create_engine(resolve_location(target).url)
    with engine.connect() as connection:
        names = sorted(inspect(connection).get_table_names())
    engine.dispose()
    return names


def test_a_target_of_a_newer_imr_tui_is_refused(demo_path: Path, tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite"
    newer.write_bytes(b"")
    open_store(str(newer)).close()
    engine = create_engine(f"sqlite:///{newer}")
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    refused = run("--lang", "en", "db", "copy", "--db", str(demo_path), "--to", str(newer))
    assert refused.exit_code == 1 and "newer version of imr-tui" in refused.stderr
    assert stored_revision(str(newer)) == "9999" and rows_held(resolve_location(str(newer))) == {}
