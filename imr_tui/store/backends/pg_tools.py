"""PostgreSQL's own tools (pg_dump, pg_restore, psql) run for backups and restores.

A dump is PostgreSQL's portable backup: pg_dump's custom format, readable by pg_restore
on any machine and server version at least as new. The password travels in the
environment (PGPASSWORD), never on the command line where `ps` would show it.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path

from imr_tui.errors import BadInputError, UserError
from imr_tui.i18n import _

DUMP_MAGIC = b"PGDMP"
CONNECT_TIMEOUT_S = 10
# A restore waits this long for other windows' transactions on the tables it replaces.
LOCK_TIMEOUT = "30s"
TIMEOUT_S = 3600
# Debian installs the tools of each server version here, not always on PATH.
SERVER_FOLDERS = "/usr/lib/postgresql/*/bin"


def find_tool(name: str) -> str:
    """The tool on PATH, else in the newest /usr/lib/postgresql/<version>/bin (Debian's layout)."""
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(glob.glob(f"{SERVER_FOLDERS}/{name}"), key=_version_of)
    if versions:
        return versions[-1]
    raise UserError(
        _("{tool} is needed for backups of a PostgreSQL database but is not installed; install the PostgreSQL client tools (for example: apt install postgresql-client)").format(tool=name)
    )


def connection_for(url: str) -> tuple[str, dict[str, str]]:
    """A libpq connection string without the password, and an environment that holds it."""
    from psycopg.conninfo import make_conninfo
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    settings = {"host": parsed.host, "port": parsed.port, "user": parsed.username, "dbname": parsed.database, **parsed.query}
    conninfo = make_conninfo(**{key: str(value) for key, value in settings.items() if value is not None})
    environment = {**os.environ, "PGCONNECT_TIMEOUT": str(CONNECT_TIMEOUT_S), "PGOPTIONS": f"-c lock_timeout={LOCK_TIMEOUT} -c client_min_messages=warning"}
    environment.pop("PGPASSWORD", None)
    if parsed.password is not None:
        environment["PGPASSWORD"] = parsed.password
    return conninfo, environment


def run(tool: str, *arguments: str, environment: dict[str, str] | None = None, given: str | None = None) -> str:
    """Run a tool (with `given` on its standard input); its first line of complaint as a clear error when it fails."""
    done = subprocess.run([find_tool(tool), *arguments], env=environment, input=given, capture_output=True, text=True, timeout=TIMEOUT_S)
    if done.returncode != 0:
        raise UserError(_("{tool} failed: {reason}").format(tool=tool, reason=_complaint(done.stderr)))
    return done.stdout


def dump(url: str, target: Path) -> None:
    """A custom-format dump of the whole database, without owners or grants (restorable by any role)."""
    from imr_tui.paths import create_private_file

    conninfo, environment = connection_for(url)
    create_private_file(target)  # pg_dump writes into it and keeps its owner-only mode
    try:
        run("pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}", f"--dbname={conninfo}", environment=environment)
    except UserError:
        target.unlink(missing_ok=True)
        raise


def table_of_contents(file: Path) -> str:
    """pg_restore's list of what a dump holds; a clear error for a file that is not a dump."""
    if not file.is_file():
        raise BadInputError(_("{path}: no such backup file").format(path=file))
    with file.open("rb") as handle:
        if handle.read(len(DUMP_MAGIC)) != DUMP_MAGIC:
            raise BadInputError(_("{path} is not an imr-tui backup of a PostgreSQL database (not a pg_dump file); nothing was changed").format(path=file))
    try:
        return run("pg_restore", "--list", str(file))
    except UserError as error:
        raise BadInputError(_("{path} is damaged ({reason}); nothing was changed").format(path=file, reason=error.message)) from None


def stored_revision(file: Path, version_table: str) -> str | None:
    """The schema version kept in the dump's data, read without a server."""
    script = run("pg_restore", "--data-only", f"--table={version_table}", "--file=-", str(file))
    lines = script.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("COPY ") and index + 1 < len(lines) and lines[index + 1] != "\\.":
            return lines[index + 1].split("\t")[0]
    return None


def restore(url: str, file: Path, first: str) -> None:
    """Run `first` (SQL that clears the way) and the dump's contents as one transaction.

    The dump is turned into SQL in full before psql starts, so a dump that cannot be read
    never reaches the database half-way; psql's --single-transaction wraps the rest, so a
    failure anywhere leaves the database as it was.
    """
    conninfo, environment = connection_for(url)
    script = run("pg_restore", "--no-owner", "--no-privileges", "--file=-", str(file))
    run("psql", "--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1", f"--command={first}", "--file=-", f"--dbname={conninfo}", environment=environment, given=script)


def _version_of(tool: str) -> int:
    version = Path(tool).parent.parent.name
    return int(version) if version.isdigit() else 0


def _complaint(stderr: str) -> str:
    """The line that says what went wrong (`pg_dump: error: ...`, `ERROR: ...`), else the first one."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if any(mark in line for mark in ("error:", "ERROR:", "FATAL:"))]
    return (errors or lines or ["?"])[0]
