"""Databases a user can meet that are not a sound imr-tui database of this version, made from the demo."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

# The commands that open a database, each as a user would type it ({out}: an empty folder of the test's own).
COMMANDS = {
    "group list": ["group", "list"],
    "group show": ["group", "show", "Nydal"],
    "schedule": ["schedule", "Nydal", "--ics", "{out}/plan.ics"],
    "print agenda": ["print", "agenda", "Nydal", "-o", "{out}/agenda.pdf"],
    "print attendance": ["print", "attendance", "Nydal", "-o", "{out}/register.pdf"],
    "print goals": ["print", "goals", "Hanne", "-o", "{out}/goals.pdf"],
    "print service-plan": ["print", "service-plan", "Hanne", "-o", "{out}/plan.pdf"],
    "export attendance": ["export", "attendance", "Nydal", "-o", "{out}/register.csv"],
    "journal": ["journal", "Nydal", "-o", "{out}"],
    "backup": ["backup", "-o", "{out}/backup.sqlite"],
    "db check": ["db", "check"],
    "db upgrade": ["db", "upgrade"],
    "goals": ["goals", "Hanne"],
    "service-plan": ["service-plan", "Hanne"],
    "audit": ["audit"],
    "participant export": ["participant", "export", "Hanne", "-o", "{out}/person"],
    "participant erase": ["participant", "erase", "Hanne Myrvold", "--confirm-name", "Hanne Myrvold"],
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def foreign(path: Path, revision: str) -> Path:
    """Another application's SQLite file that also uses Alembic (rollback journal, as most do)."""
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
        connection.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount INTEGER)")
        connection.execute("INSERT INTO invoices (amount) VALUES (1200)")
    connection.close()
    return path


def rollback_journal(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()


def newer(demo: Path, path: Path) -> Path:
    """An imr-tui database written by a later version, in rollback-journal mode."""
    shutil.copyfile(demo, path)
    rollback_journal(path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    return path


def damaged(demo: Path, path: Path, table: str = "participant") -> Path:
    """One page of `table` overwritten, as a failing disk leaves it; the rest of the file is sound (and in WAL mode, as ours are)."""
    if demo != path:
        shutil.copyfile(demo, path)
    with sqlite3.connect(path) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    connection.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * page_size)
    return path


def truncated(demo: Path, path: Path) -> Path:
    path.write_bytes(demo.read_bytes()[:6000])
    return path


def not_sqlite(path: Path) -> Path:
    path.write_text("Møtereferat, ikke en database\n" * 200, encoding="utf-8")
    return path


def make(kind: str, demo: Path, folder: Path) -> Path:
    path = folder / f"{kind}.sqlite"
    if kind == "foreign-0001":
        return foreign(path, "0001")
    if kind == "foreign-0005":
        return foreign(path, "0005")
    if kind == "newer":
        return newer(demo, path)
    if kind == "damaged":
        return damaged(demo, path)
    if kind == "truncated":
        return truncated(demo, path)
    return not_sqlite(path)


KINDS = ("foreign-0001", "foreign-0005", "newer", "damaged", "truncated", "not-sqlite")
