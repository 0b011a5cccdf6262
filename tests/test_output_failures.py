"""Every command that writes a file the user names: a folder, a device, a missing, read-only or full folder.

Each is answered in one line; no half-written file is left, and nothing that is not a
plain file is ever replaced. The read-only and full folders are real: small tmpfs mounts
in a mount namespace of the test's own (`unshare`), so they run without root.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from broken_files import COMMANDS, digest
from test_cli import run

# {file}: the file to write; {dir}: the folder to write in. Each writer as a user would type it.
FILE_WRITERS = {
    "backup": ["backup", "-o", "{file}.sqlite"],
    "schedule --ics": ["schedule", "Nydal", "--ics", "{file}.ics"],
    "print agenda": ["print", "agenda", "Nydal", "-o", "{file}.pdf"],
    "print attendance": ["print", "attendance", "Nydal", "-o", "{file}.pdf"],
    "print schedule": ["print", "schedule", "Nydal", "-o", "{file}.md"],
    "print goals": ["print", "goals", "Hanne", "-o", "{file}.html"],
    "print service-plan": ["print", "service-plan", "Hanne", "-o", "{file}.pdf"],
    "export attendance csv": ["export", "attendance", "Nydal", "-o", "{file}.csv"],
    "export attendance xlsx": ["export", "attendance", "Nydal", "-o", "{file}.xlsx"],
}
FOLDER_WRITERS = {
    "journal": ["journal", "Nydal", "-o", "{dir}"],
    "participant export": ["participant", "export", "Hanne", "-o", "{dir}/person"],
}
WRITERS = {**FILE_WRITERS, **FOLDER_WRITERS}


def arguments(writer: str, folder: Path, name: str = "out") -> list[str]:
    return [part.replace("{file}", str(folder / name)).replace("{dir}", str(folder)) for part in WRITERS[writer]]


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("imr-tui: "), stderr
    assert "unexpected" not in lines[0] and "uventet" not in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize("writer", list(FILE_WRITERS))
def test_a_folder_named_as_the_file_is_refused_and_left(writer: str, demo_path: Path, tmp_path: Path) -> None:
    parts = arguments(writer, tmp_path)
    target = Path(parts[parts.index("-o" if "-o" in parts else "--ics") + 1])
    target.mkdir()
    (target / "keep.txt").write_text("mine")
    result = run(*parts, "--db", str(demo_path))
    assert result.exit_code == 2
    assert "er en mappe" in one_line(result.stderr)
    assert (target / "keep.txt").read_text() == "mine"


@pytest.mark.parametrize("kind", ["device", "pipe"])
@pytest.mark.parametrize("writer", list(FILE_WRITERS))
def test_a_device_or_pipe_is_never_replaced(kind: str, writer: str, demo_path: Path, tmp_path: Path) -> None:
    parts = arguments(writer, tmp_path)
    target = Path(parts[parts.index("-o" if "-o" in parts else "--ics") + 1])
    if kind == "pipe":
        os.mkfifo(target)
    else:
        try:
            os.mknod(target, stat.S_IFCHR | 0o600, os.makedev(1, 7))  # our own /dev/full
        except PermissionError:
            pytest.skip("making a device node needs root")
    result = run(*parts, "--db", str(demo_path))
    assert result.exit_code == 2
    assert "ikke en vanlig fil" in one_line(result.stderr)
    mode = target.stat().st_mode
    assert stat.S_ISCHR(mode) if kind == "device" else stat.S_ISFIFO(mode)
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []


def test_the_system_dev_full_is_refused(demo_path: Path) -> None:
    result = run("backup", "-o", "/dev/full", "--db", str(demo_path))
    assert result.exit_code == 2
    assert "ikke en vanlig fil" in one_line(result.stderr)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.parametrize("writer", list(WRITERS))
def test_a_missing_folder_is_named(writer: str, demo_path: Path, tmp_path: Path) -> None:
    result = run(*arguments(writer, tmp_path / "nowhere"), "--db", str(demo_path))
    assert result.exit_code == 2
    assert "finnes ikke" in one_line(result.stderr)
    assert not (tmp_path / "nowhere").exists()


# -- a read-only folder, a full disk and a read-only database: real mounts -------------------------

NAMESPACE_SCRIPT = r"""
import json, os, subprocess, sys
from pathlib import Path
from typer.testing import CliRunner
from imr_tui.cli.root import cli

spec = json.loads(sys.argv[1])
for folder, size in (("full", "256k"), ("ro", "256k"), ("rodb", "16m")):
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", spec[folder]], check=True)
filler = Path(spec["full"]) / "filler"
descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT)  # the disk as a long day of recordings leaves it: not a byte free
try:
    while True:
        os.write(descriptor, b"\0" * 512)
except OSError:
    os.close(descriptor)
Path(spec["rodb"], "imr.sqlite").write_bytes(Path(spec["demo"]).read_bytes())
subprocess.run(["mount", "-o", "remount,ro", spec["ro"]], check=True)
subprocess.run(["mount", "-o", "remount,ro", spec["rodb"]], check=True)
runner = CliRunner()
results = []
for name, arguments in spec["runs"]:
    done = runner.invoke(cli, arguments, env={"COLUMNS": "160"})
    results.append({"name": name, "exit": done.exit_code, "stderr": done.stderr,
                    "full": sorted(os.listdir(spec["full"])), "ro": sorted(os.listdir(spec["ro"]))})
print(json.dumps(results))
"""


def _namespaces_work() -> bool:
    if shutil.which("unshare") is None:
        return False
    done = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "true"], capture_output=True)
    return done.returncode == 0


needs_namespaces = pytest.mark.skipif(not _namespaces_work(), reason="needs unshare with user and mount namespaces for real tmpfs mounts")


@needs_namespaces
def test_read_only_folders_full_disks_and_read_only_databases_in_one_line(demo_path: Path, tmp_path: Path) -> None:
    folders = {name: tmp_path / name for name in ("full", "ro", "rodb")}
    for folder in folders.values():
        folder.mkdir()
    runs = [(f"full {writer}", [*arguments(writer, folders["full"]), "--db", str(demo_path)]) for writer in WRITERS]
    runs += [(f"ro {writer}", [*arguments(writer, folders["ro"]), "--db", str(demo_path)]) for writer in WRITERS]
    runs += [("full restore", ["restore", str(demo_path), "--db", str(folders["full"] / "imr.sqlite")])]
    database = folders["rodb"] / "imr.sqlite"
    out = tmp_path / "out"
    out.mkdir()
    runs += [(f"rodb {command}", [*(part.replace("{out}", str(out)) for part in parts), "--db", str(database)]) for command, parts in COMMANDS.items()]
    spec = {**{name: str(path) for name, path in folders.items()}, "demo": str(demo_path), "runs": runs}
    done = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", sys.executable, "-c", NAMESPACE_SCRIPT, json.dumps(spec)],
        capture_output=True, text=True, timeout=300, env=os.environ.copy(),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    before = digest(demo_path)
    for result in json.loads(done.stdout):
        name = result["name"]
        assert result["exit"] == 1, result
        line = one_line(result["stderr"])
        assert result["full"] == ["filler"], f"{name}: nothing half-written on the full disk"
        assert result["ro"] == [], name
        if name.startswith("full"):
            assert "disken er full" in line, (name, line)
        elif name.startswith("ro "):
            assert "skrivebeskyttet" in line, (name, line)
        else:
            assert str(database) in line, (name, line)
    assert list(out.iterdir()) == []
    assert digest(demo_path) == before
