"""Every test gets its own folders, database, fixed clock and language.

The developer's own config, data and environment never leak into a test.
"""

from __future__ import annotations

import datetime as dt
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
    from imr_tui.store import open_store
    from imr_tui.store.demo import build_demo

    path = tmp_path_factory.mktemp("template") / "demo.sqlite"
    store = open_store(str(path))
    build_demo(store.database, curriculum, TODAY.date())
    store.maintenance.mark_as_demo()
    store.close()
    return path


@pytest.fixture
def demo_path(tmp_path: Path, demo_template: Path) -> Path:
    from imr_tui.store.backup import backup_sqlite

    return backup_sqlite(demo_template, tmp_path / "demo.sqlite")


@pytest.fixture
def demo_store(demo_path: Path):
    from imr_tui.store import open_store

    store = open_store(str(demo_path))
    yield store
    store.close()


@pytest.fixture
def make_app(demo_store, clock):
    """Build the app the way the CLI does, on the demo database, in a chosen language."""
    from imr_tui.factory import make_app as factory

    def build(language: str = "nb", store=None, **settings):
        return factory(Settings(language=language, **settings), store=store or demo_store, clock=clock)

    return build
