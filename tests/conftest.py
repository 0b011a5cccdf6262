"""Every test gets its own folders, database, fixed clock and language.

The developer's own config, data and environment never leak into a test.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from imr_tui.clock import FixedClock
from imr_tui.config import Settings
from imr_tui.i18n import set_language

# A Tuesday: the daily group meets, and the demo's weekly group meets on today's weekday.
TODAY = dt.datetime(2026, 11, 24, 9, 45)


@pytest.fixture(autouse=True)
def isolated_user(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    for variable in ("IMR_TUI_DB", "IMR_TUI_LANG", "IMR_TUI_CONFIG", "IMR_TUI_CURRICULUM"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("HOME", str(home))
    set_language("nb")
    yield home
    set_language("nb")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(TODAY)


@pytest.fixture(scope="session")
def curriculum():
    from imr_tui.curriculum.loader import load_curriculum

    return load_curriculum()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory, curriculum) -> Path:
    """The demo built once; each test gets its own copy of the file."""
    path = tmp_path_factory.mktemp("template") / "demo.sqlite"
    build_demo_at(str(path), curriculum)
    return path


def build_demo_at(target: str, curriculum) -> None:
    from imr_tui.store import open_store
    from imr_tui.store.demo import build_demo

    store = open_store(target)
    build_demo(store.database, curriculum, TODAY.date())
    store.maintenance.mark_as_demo()
    store.close()


@pytest.fixture
def demo_path(tmp_path: Path, demo_template: Path) -> Path:
    """A SQLite demo file of the test's own (for tests about files; `demo_target` for either engine)."""
    from imr_tui.store.backup import backup_sqlite

    return backup_sqlite(demo_template, tmp_path / "demo.sqlite")


# -- both engines -------------------------------------------------------------------------
# A test module marked `pytestmark = pytest.mark.both_engines` runs each test that uses a
# store fixture (demo_store, demo_target, empty_target, make_app) once on a SQLite file and
# once on a PostgreSQL database; other tests run on SQLite only.
ENGINES = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "both_engines: run the module's store tests on SQLite and on PostgreSQL")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "store_engine" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_engines"):
        # The PostgreSQL runs belong to the full tier: `-m "not slow"` keeps the developer's loop on SQLite.
        engines = [pytest.param(engine, marks=pytest.mark.slow) if engine == "postgresql" else engine for engine in ENGINES]
        metafunc.parametrize("store_engine", engines, indirect=True)


@pytest.fixture
def store_engine(request: pytest.FixtureRequest) -> str:
    return getattr(request, "param", "sqlite")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that needs the PostgreSQL server is in the full tier."""
    for item in items:
        if "pg_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL server on loopback for the whole run (see tests/pg_server.py).

    Skips PostgreSQL tests where the server is not installed, unless IMR_TUI_REQUIRE_PG=1.
    """
    import subprocess

    from pg_server import PgServer, find_bin_dir

    bin_dir = find_bin_dir()
    if bin_dir is None:
        if os.environ.get("IMR_TUI_REQUIRE_PG") == "1":
            pytest.fail("IMR_TUI_REQUIRE_PG=1 but no PostgreSQL server is installed (/usr/lib/postgresql/*/bin/initdb)")
        pytest.skip("no PostgreSQL server installed (/usr/lib/postgresql/*/bin/initdb)")
    server = PgServer(bin_dir)
    try:
        server.start()
    except subprocess.CalledProcessError as error:
        server.stop()
        pytest.fail(f"the test PostgreSQL server did not start: {error.stderr.decode(errors='replace')[-2000:]}")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pg_demo_template(pg_server, curriculum) -> str:
    """A PostgreSQL database with the demo, copied (CREATE DATABASE ... TEMPLATE) for each test."""
    name = pg_server.create_database(prefix="template_demo")
    build_demo_at(pg_server.url(name), curriculum)
    return name


@pytest.fixture(scope="session")
def pg_empty_template(pg_server) -> str:
    """A PostgreSQL database migrated to the newest schema, with no data."""
    from imr_tui.store import open_store

    name = pg_server.create_database(prefix="template_empty")
    open_store(pg_server.url(name)).close()
    return name


@pytest.fixture
def pg_url(pg_server):
    """The URL of a new, empty PostgreSQL database (no tables), dropped after the test."""
    name = pg_server.create_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture
def pg_demo_url(pg_server, pg_demo_template):
    """The URL of a fresh copy of the demo on PostgreSQL, dropped after the test."""
    name = pg_server.create_database(template=pg_demo_template)
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture
def demo_target(request: pytest.FixtureRequest, store_engine: str) -> str:
    """The demo database of this test: a SQLite file path or a PostgreSQL URL, for `--db`."""
    if store_engine == "postgresql":
        return request.getfixturevalue("pg_demo_url")
    return str(request.getfixturevalue("demo_path"))


@pytest.fixture
def empty_target(request: pytest.FixtureRequest, store_engine: str, tmp_path: Path):
    """A database at the newest schema with no data: a new SQLite file or a PostgreSQL URL."""
    if store_engine == "postgresql":
        pg_server = request.getfixturevalue("pg_server")
        name = pg_server.create_database(template=request.getfixturevalue("pg_empty_template"))
        yield pg_server.url(name)
        pg_server.drop_database(name)
    else:
        yield str(tmp_path / "imr.sqlite")


@pytest.fixture
def demo_store(demo_target: str):
    from imr_tui.store import open_store

    store = open_store(demo_target)
    yield store
    store.close()


@pytest.fixture
def make_app(demo_store, clock):
    """Build the app the way the CLI does, on the demo database, in a chosen language."""
    from imr_tui.factory import make_app as factory

    def build(language: str = "nb", store=None, **settings):
        return factory(Settings(language=language, **settings), store=store or demo_store, clock=clock)

    return build
