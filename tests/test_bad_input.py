"""Bad input of every kind answered in one line, quickly, in the reader's language; nothing typed lost."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from broken_files import digest
from test_cli import IMR_TUI, run

from imr_tui.widgets.autosave import MAX_WAIT, SAVE_DELAY, Autosaver


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("imr-tui: "), stderr
    assert "unexpected" not in lines[0] and "uventet" not in lines[0], lines[0]
    return lines[0]


# -- data files: YAML that would take all the memory or recursion -----------------------------

ALIAS_BOMB = "\n".join(
    ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    + [f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]" for previous, name in zip("abcdefgh", "bcdefghi")]
)
BOMBS = {
    "alias bomb": ALIAS_BOMB + "\nformat: *i\n",
    "alias bomb as a key": ALIAS_BOMB + "\n? *i\n: 1\n",
    "5,000 nested brackets": "format: 1\nmodules: " + "[" * 5000 + "]" * 5000 + "\n",
    "5,000 nested mappings": "format: 1\nmodules: " + "{a: " * 5000 + "1" + "}" * 5000 + "\n",
}
CHECKS = {
    "curriculum": ["curriculum", "check", "{file}"],
    "IMR Scale": ["imrs", "check", "{file}"],
    "service plan template": ["service-plan", "--check", "--template", "{file}"],
}
# Run with a hard cap on memory and time: a bomb that got through would be killed, not wait for the test.
BOUNDED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1024 * 1024 * 1024, 1024 * 1024 * 1024))
resource.setrlimit(resource.RLIMIT_CPU, (20, 20))
sys.argv = ["imr-tui", *sys.argv[1:]]
from imr_tui.cli import main
main()
"""


@pytest.mark.parametrize("check", list(CHECKS))
@pytest.mark.parametrize("bomb", list(BOMBS))
def test_yaml_bombs_are_refused_with_the_line_in_bounded_time_and_memory(bomb: str, check: str, tmp_path: Path) -> None:
    file = tmp_path / "service.yaml"
    file.write_text(BOMBS[bomb], encoding="utf-8")
    arguments = [part.replace("{file}", str(file)) for part in CHECKS[check]]
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", BOUNDED, *arguments], capture_output=True, text=True, timeout=60)
    assert time.monotonic() - started < 15
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "Error" not in done.stderr, done.stderr
    line_of_problem = 2  # the first alias, or where the nesting goes too deep
    assert f"{file}:{line_of_problem}: yaml:" in done.stderr, done.stderr


def test_a_data_file_that_is_a_device_is_refused_at_once(tmp_path: Path) -> None:
    result = run("curriculum", "check", "/dev/zero")
    assert result.exit_code == 2
    assert "/dev/zero:0: file:" in result.stdout + result.stderr and "ikke en vanlig fil" in result.stdout + result.stderr


# -- the settings file ---------------------------------------------------------------------------


def test_a_config_that_is_a_device_is_refused_at_once(demo_path: Path) -> None:
    environment = {**os.environ, "IMR_TUI_CONFIG": "/dev/zero"}
    started = time.monotonic()
    done = subprocess.run([*IMR_TUI, "group", "list", "--db", str(demo_path)], capture_output=True, text=True, timeout=30, env=environment)
    assert time.monotonic() - started < 10
    assert done.returncode == 2
    assert "/dev/zero" in one_line(done.stderr)


@pytest.mark.parametrize("config", ["missing.toml", "folder"])
def test_a_config_that_is_not_there_or_a_folder_is_an_error(config: str, demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "folder").mkdir()
    monkeypatch.setenv("IMR_TUI_CONFIG", str(tmp_path / config))
    result = run("group", "list", "--db", str(demo_path))
    assert result.exit_code == 2
    assert str(tmp_path / config) in one_line(result.stderr)


def test_a_huge_config_is_refused(demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    huge = tmp_path / "config.toml"
    huge.write_text("# " + "x" * 200_000 + "\n")
    monkeypatch.setenv("IMR_TUI_CONFIG", str(huge))
    result = run("group", "list", "--db", str(demo_path))
    assert result.exit_code == 2
    assert "for stor" in one_line(result.stderr)


# -- numbers, names and usage --------------------------------------------------------------------


@pytest.mark.parametrize("arguments", [
    ["print", "agenda", "Nydal", "--session", "9223372036854775808"],
    ["print", "agenda", "Nydal", "--session", "0"],
    ["print", "service-plan", "Hanne", "--version", "99999999999999999999"],
])  # fmt: skip
def test_numbers_past_what_a_database_stores_are_bad_input(arguments: list[str], demo_path: Path) -> None:
    before = digest(demo_path)
    result = run(*arguments, "--db", str(demo_path))
    assert result.exit_code == 2
    assert f"{arguments[-2]}" in one_line(result.stderr)
    assert digest(demo_path) == before


@pytest.mark.parametrize("arguments", [["group", "show", ""], ["group", "show", "  "], ["goals", ""], ["schedule", "²"]])
def test_an_empty_or_odd_name_is_bad_input_not_the_only_match(arguments: list[str], demo_path: Path) -> None:
    result = run(*arguments, "--db", str(demo_path))
    assert result.exit_code == 2
    one_line(result.stderr)


def test_a_long_name_is_cut_in_the_message(demo_path: Path) -> None:
    result = run("group", "show", "x" * 100_000, "--db", str(demo_path))
    assert result.exit_code == 2
    line = one_line(result.stderr)
    assert "x" * 59 + "…" in line and len(line) < 200


@pytest.mark.parametrize(("language", "words"), [("nb", "se: imr-tui group show -h"), ("en", "see: imr-tui group show -h")])
def test_a_usage_error_is_one_line_with_the_hint_to_help(language: str, words: str, demo_path: Path) -> None:
    result = run("--lang", language, "group", "show", "--db", str(demo_path))
    assert result.exit_code == 2
    line = one_line(result.stderr)
    assert line.endswith(words) and "group" in line.casefold()
    assert "╭" not in result.output


def test_a_usage_error_in_a_real_run(demo_path: Path) -> None:
    done = subprocess.run([*IMR_TUI, "backup", "--no-such-option"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert one_line(done.stderr).endswith("se: imr-tui backup -h")


# -- a demo killed half-built ----------------------------------------------------------------------


def test_a_demo_killed_half_built_is_rebuilt_next_time(tmp_path: Path) -> None:
    from imr_tui.store import open_store

    half = tmp_path / "demo.sqlite"
    store = open_store(str(half))  # what `demo` has done when it is killed while filling the file
    store.maintenance.mark_as_demo()
    store.close()
    result = run("demo", "--db", str(half), "--no-launch")
    assert result.exit_code == 0, result.output
    assert run("group", "show", "Nydal", "--db", str(half)).exit_code == 0


def test_demo_still_never_replaces_a_database_with_other_data(demo_path: Path, tmp_path: Path) -> None:
    from imr_tui.store import open_store

    real = tmp_path / "real.sqlite"
    store = open_store(str(real))
    store.close()
    before = digest(real)
    result = run("demo", "--db", str(real), "--no-launch")
    assert result.exit_code == 2
    assert digest(real) == before


# -- autosave while the typing goes on -------------------------------------------------------------


class Timers:
    """Textual's `set_timer` on an injected clock: timers fire when the test moves the time on."""

    def __init__(self) -> None:
        self.now = 0.0
        self.due: list[list] = []

    def set_timer(self, delay: float, callback):
        entry = [self.now + delay, callback, True]
        self.due.append(entry)

        class Handle:
            def stop(self) -> None:
                entry[2] = False

        return Handle()

    def advance(self, seconds: float) -> None:
        end = self.now + seconds
        while (ready := sorted((e for e in self.due if e[2] and e[0] <= end), key=lambda e: e[0])):
            entry = ready[0]
            entry[2] = False
            self.now = entry[0]
            entry[1]()
        self.now = end


def test_steady_typing_is_saved_at_least_every_second() -> None:
    timers = Timers()
    saver = Autosaver(timers, clock=lambda: timers.now)
    saved_at: list[float] = []
    typed_at: list[float] = []
    for _key in range(60):  # six seconds of steady typing, a key every 0.1 s: never a 0.4 s pause
        typed_at.append(timers.now)
        saver.schedule("notes", lambda: saved_at.append(timers.now))
        timers.advance(0.1)
    # A crash now, six seconds in, loses at most the last second: every key before it is on disk.
    for typed in (typed for typed in typed_at if typed <= timers.now - MAX_WAIT):
        assert any(typed <= saved <= typed + MAX_WAIT + 1e-9 for saved in saved_at), f"the key at {typed:.1f} s waited longer than {MAX_WAIT} s"
    assert len(saved_at) >= 5


def test_a_pause_still_saves_after_the_short_delay() -> None:
    timers = Timers()
    saver = Autosaver(timers, clock=lambda: timers.now)
    saved_at: list[float] = []
    saver.schedule("notes", lambda: saved_at.append(timers.now))
    timers.advance(0.2)
    saver.schedule("notes", lambda: saved_at.append(timers.now))
    timers.advance(2.0)
    assert saved_at == [pytest.approx(0.2 + SAVE_DELAY)]
