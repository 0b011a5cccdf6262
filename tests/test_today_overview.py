"""The Today list's one statement gives what the store's overview gives, so the two cannot drift apart.

The first screen's list comes from `imr_tui/store/today_overview.sql`: read with plain sqlite3
by the first reader while the store opens, and through the engine once it is open (on
PostgreSQL too). Compared here with `store.groups.overview` on the demo, on a year of generated
history, and (IMR_TUI_LONG_TESTS=1) on the benchmarks' ten years.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from imr_tui.store import open_store
from imr_tui.store.first_reader import FirstReader
from imr_tui.store.opening import StoreOpening

from conftest import TODAY

pytestmark = pytest.mark.both_engines
BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
DAYS = (dt.timedelta(0), dt.timedelta(days=1), dt.timedelta(days=45), dt.timedelta(days=-400), dt.timedelta(days=3650))
"""Today, tomorrow, later, long ago and after every session: the next session differs for each."""


def assert_same_records(target: str, today: dt.date) -> int:
    """The statement through the engine and (on a file) through the first reader equals the ORM's overview."""
    store = open_store(target)
    try:
        for day in (today + offset for offset in DAYS):
            expected = store.groups.overview(day)
            assert store.groups.today_overview(day) == expected, day
            if "://" not in target:
                reader = FirstReader(Path(target))
                try:
                    assert reader.today_overview(day) == expected, day
                finally:
                    reader.close()
        return len(expected)
    finally:
        store.close()


def test_the_statement_gives_the_demos_overview(demo_target: str) -> None:
    assert assert_same_records(demo_target, TODAY.date()) > 0


def test_the_statement_gives_the_overview_with_every_kind_of_group(demo_target: str) -> None:
    """Groups without therapists, without participants, without sessions, archived ones: as the overview has them."""
    store = open_store(demo_target)
    try:
        with store.database.transaction() as session:
            from imr_tui.models import CourseGroup

            session.add(CourseGroup(name="Ukesgruppa Tom", location="", start_date=TODAY.date()))
            session.add(CourseGroup(name="Arkivert gruppe", start_date=TODAY.date(), archived_at=TODAY.replace(tzinfo=dt.timezone.utc)))
    finally:
        store.close()
    assert assert_same_records(demo_target, TODAY.date()) > 0
    reader = FirstReader(Path(demo_target)) if "://" not in demo_target else None
    store = open_store(demo_target)
    try:
        names = [group.name for group in store.groups.today_overview(TODAY.date())]
        assert "Ukesgruppa Tom" in names and "Arkivert gruppe" not in names
        if reader is not None:
            assert [group.name for group in reader.today_overview(TODAY.date())] == names
    finally:
        store.close()
        if reader is not None:
            reader.close()


@pytest.fixture(scope="module")
def one_year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("history") / "one-year.sqlite"
    generate(path, years=1)
    return path


def generate(path: Path, years: int) -> None:
    command = [sys.executable, str(BENCHMARKS / "generate.py"), "--db", str(path), "--years", str(years), "--today", TODAY.date().isoformat()]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr


def test_the_statement_gives_the_overview_of_a_year_of_history(one_year: Path) -> None:
    assert assert_same_records(str(one_year), TODAY.date()) == 40


@pytest.mark.skipif(not os.environ.get("IMR_TUI_LONG_TESTS"), reason="ten years of history take a minute to build; set IMR_TUI_LONG_TESTS=1")
def test_the_statement_gives_the_overview_of_ten_years_of_history(tmp_path: Path) -> None:
    path = tmp_path / "ten-years.sqlite"
    generate(path, years=10)
    assert assert_same_records(str(path), TODAY.date()) == 400


def test_the_first_reader_changes_nothing_in_the_file(demo_path: Path) -> None:
    before = demo_path.read_bytes()
    reader = FirstReader(demo_path)
    assert reader.today_overview(TODAY.date())
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        reader._connect().execute("DELETE FROM course_group")
    reader.close()
    assert demo_path.read_bytes() == before


def test_the_first_reader_leaves_a_schema_it_does_not_know_to_the_store(demo_path: Path) -> None:
    """Newer, older or another application's: the store upgrades, refuses or explains; the first reader shows nothing."""
    with sqlite3.connect(demo_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    reader = FirstReader(demo_path)
    assert reader.today_overview(TODAY.date()) is None
    reader.close()


def test_no_first_reader_for_an_encrypted_file_a_new_file_or_a_server(demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert FirstReader.for_opening(StoreOpening(str(demo_path))) is not None
    assert FirstReader.for_opening(StoreOpening(str(tmp_path / "new.sqlite"))) is None
    assert FirstReader.for_opening(StoreOpening("postgresql://imr@localhost:1/imr")) is None
    monkeypatch.setenv("IMR_TUI_DB_KEY", "hemmelig")
    assert FirstReader.for_opening(StoreOpening(str(demo_path))) is None
