"""The store on a PostgreSQL server: opening it, refusing what is not right, the schema, `db check`.

The store and screen tests run on both engines (`both_engines`); these are what only a
server has: a URL, a password, a server that is down, another application's database.
"""

from __future__ import annotations

import os
import subprocess

import pytest
from sqlalchemy import create_engine, inspect, text
from test_cli import IMR_TUI, run

from imr_tui.errors import BadInputError, UserError
from imr_tui.i18n import use_language
from imr_tui.store import open_store
from imr_tui.store.schema import SCHEMA_HEAD

from pg_server import APP_PASSWORD, free_port


@pytest.fixture(autouse=True)
def english():
    """The messages are checked in English, the language they are written in."""
    with use_language("en"):
        yield


def tables(url: str) -> set[str]:
    engine = create_engine(url)
    with engine.connect() as connection:
        names = set(inspect(connection).get_table_names())
    engine.dispose()
    return names


def stored_version(url: str) -> str:
    engine = create_engine(url)
    with engine.connect() as connection:
        version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    engine.dispose()
    return version


def test_an_empty_database_is_migrated_to_exactly_the_models_tables(pg_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    store = open_store(pg_url)
    with store.database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []
    assert store.maintenance.check().schema == SCHEMA_HEAD
    store.close()


def migrate(url: str, target: str, *, down: bool) -> None:
    from alembic import command
    from alembic.config import Config

    from imr_tui.store.schema import MIGRATIONS_DIR

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = create_engine(url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, target)
    engine.dispose()


def test_every_migration_goes_down_and_up_again(pg_url: str) -> None:
    open_store(pg_url).close()
    migrate(pg_url, "base", down=True)
    assert tables(pg_url) == {"alembic_version"}
    migrate(pg_url, "head", down=False)
    assert stored_version(pg_url) == SCHEMA_HEAD


def test_an_older_schema_is_dumped_then_upgraded(pg_url: str, isolated_user) -> None:
    from imr_tui.store.schema import known_revisions

    first = known_revisions()[0]
    migrate(pg_url, first, down=False)
    reopened = open_store(pg_url)
    reopened.close()
    assert stored_version(pg_url) == SCHEMA_HEAD
    dumps = list(isolated_user.rglob(f"*-schema-{first}-*.dump"))
    assert len(dumps) == 1 and dumps[0].read_bytes().startswith(b"PGDMP")
    assert oct(dumps[0].stat().st_mode & 0o777) == "0o600"


def test_a_newer_schema_is_refused_and_left_untouched(pg_demo_url: str, pg_server) -> None:
    name = pg_demo_url.rsplit("/", 1)[1]
    pg_server.admin("UPDATE alembic_version SET version_num = '9999'", database=name)
    with pytest.raises(UserError, match="newer version of imr-tui"):
        open_store(pg_demo_url)
    assert stored_version(pg_demo_url) == "9999"


@pytest.mark.parametrize(
    "statements",
    [
        ["CREATE TABLE invoice (id integer PRIMARY KEY)"],
        ["CREATE TABLE invoice (id integer PRIMARY KEY)", "CREATE TABLE alembic_version (version_num varchar(32))", "INSERT INTO alembic_version VALUES ('ae1027a6acf')"],
    ],
    ids=["no-version-table", "its-own-alembic-version"],
)
def test_another_applications_database_is_refused_and_untouched(pg_url: str, pg_server, statements: list[str]) -> None:
    name = pg_url.rsplit("/", 1)[1]
    pg_server.admin("SET ROLE imr", *statements, database=name)  # made by the role imr-tui connects as
    before = tables(pg_url)
    result = run("--lang", "en", "group", "list", "--db", pg_url)
    assert result.exit_code == 1
    assert "another application" in result.stderr and "Traceback" not in result.stderr
    assert tables(pg_url) == before


def test_a_server_that_is_down_is_one_clear_line(pg_server) -> None:
    url = pg_server.url("imr").replace(f":{pg_server.port}/", f":{free_port()}/")
    with pytest.raises(UserError, match=r"cannot reach the database server at 127\.0\.0\.1:\d+"):
        open_store(url)


def test_a_wrong_password_is_one_clear_line_without_the_password(pg_demo_url: str) -> None:
    wrong = pg_demo_url.replace(f":{APP_PASSWORD}@", ":not-the-password@")
    result = run("--lang", "en", "group", "list", "--db", wrong)
    assert result.exit_code == 1
    assert "refused the login of 'imr': wrong user name or password" in result.stderr
    assert "not-the-password" not in result.output + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_database_that_does_not_exist_is_named(pg_server) -> None:
    with pytest.raises(UserError, match="there is no database 'nosuchdb'"):
        open_store(pg_server.url("nosuchdb"))


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://imr:secret-pw@localhost/imr", "is not a database imr-tui can use"),
        ("nosuchdriver://imr:secret-pw@localhost/imr", "is not a database imr-tui can use"),
        ("postgresql+psycopg://imr:secret-pw@localhost:fivefourthreetwo/imr", "is not a valid database URL"),
        ("postgresql+psycopg://imr:secret-pw@localhost:5432", "names no database"),
    ],
)
def test_a_wrong_url_is_bad_input_and_never_shows_the_password(url: str, message: str) -> None:
    result = run("--lang", "en", "group", "list", "--db", url)
    assert result.exit_code == 2
    assert message in result.stderr and "secret-pw" not in result.stderr
    with pytest.raises(BadInputError):
        open_store(url)


def test_a_url_without_a_driver_uses_psycopg(pg_demo_url: str) -> None:
    store = open_store(pg_demo_url.replace("postgresql+psycopg://", "postgresql://"))
    assert store.location.startswith("postgresql+psycopg://imr:***@127.0.0.1:")
    assert APP_PASSWORD not in store.location and APP_PASSWORD not in repr(store.database.location)
    store.close()


def test_db_check_reports_schema_and_integrity(pg_demo_url: str) -> None:
    result = run("--lang", "en", "db", "check", "--db", pg_demo_url)
    assert result.exit_code == 0, result.stderr
    assert f"Schema: {SCHEMA_HEAD}" in result.stdout and "Integrity: ok" in result.stdout
    assert "imr:***@" in result.stdout and APP_PASSWORD not in result.stdout


def test_db_check_finds_foreign_keys_switched_off_and_rows_pointing_at_nothing(pg_demo_url: str, pg_server) -> None:
    name = pg_demo_url.rsplit("/", 1)[1]
    pg_server.admin(
        "ALTER TABLE attendance DISABLE TRIGGER ALL",
        "INSERT INTO attendance (version, created_at, updated_at, session_id, participant_id, status, picked_up, note) "
        "SELECT 1, now(), now(), 999999, participant_id, status, picked_up, '' FROM attendance LIMIT 1",
        database=name,
    )
    result = run("--lang", "en", "db", "check", "--db", pg_demo_url)
    assert result.exit_code == 1
    assert "foreign keys are switched off on attendance" in result.stderr
    assert "1 row in attendance points at a missing row in group_session" in result.stderr
    in_bokmaal = run("--lang", "nb", "db", "check", "--db", pg_demo_url)
    assert "fremmednøklene er slått av på attendance" in in_bokmaal.stderr
    assert "1 rad i attendance peker på en rad som mangler i group_session" in in_bokmaal.stderr


def test_the_database_url_comes_from_the_environment_and_the_config_file(pg_demo_url: str, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("IMR_TUI_DB", pg_demo_url)
    assert "Ukesgruppa Nydal" in run("group", "list").stdout
    monkeypatch.delenv("IMR_TUI_DB")
    config = tmp_path / "config.toml"
    config.write_text(f'database = "{pg_demo_url}"\n')
    monkeypatch.setenv("IMR_TUI_CONFIG", str(config))
    assert "Dagsgruppa Solsiden" in run("group", "list").stdout


def test_group_list_and_db_check_as_real_commands(pg_demo_url: str, isolated_user) -> None:
    environment = {**os.environ, "IMR_TUI_LANG": "en"}
    listed = subprocess.run([*IMR_TUI, "--debug", "--db", pg_demo_url, "group", "list", "--json"], capture_output=True, text=True, timeout=60, env=environment)
    assert listed.returncode == 0, listed.stderr
    assert "Ukesgruppa Nydal" in listed.stdout
    down = pg_demo_url.rsplit(":", 1)[0] + f":{free_port()}/imr"
    failed = subprocess.run([*IMR_TUI, "--db", down, "db", "check"], capture_output=True, text=True, timeout=60, env=environment)
    assert failed.returncode == 1
    assert failed.stderr.startswith("imr-tui: cannot reach the database server") and "Traceback" not in failed.stderr
    assert APP_PASSWORD not in failed.stderr
    logs = list(isolated_user.rglob("*.log"))
    assert logs and not any(APP_PASSWORD in log.read_text() for log in logs)  # the debug log included


def test_three_windows_opening_a_new_database_at_once_all_succeed(pg_url: str) -> None:
    """The first creates the schema; the others wait for it, then find it done."""
    starts = [subprocess.Popen([*IMR_TUI, "--db", pg_url, "group", "list", "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    results = [(start.wait(timeout=120), *start.communicate()) for start in starts]
    assert [(code, out.strip()) for code, out, _err in results] == [(0, "[]")] * 3, results
    assert stored_version(pg_url) == SCHEMA_HEAD
