"""Copying one store into an empty one: a laptop's SQLite file into the service's PostgreSQL
database, or a PostgreSQL database into a file.

The rows are copied table by table from what the models declare (`SQLModel.metadata`),
parents before children (`sorted_tables`), so a table added later is copied with no change
here. Ids, version columns and the audit trail are kept as they are: the rows go in through
SQLAlchemy Core, which neither bumps versions nor writes audit entries. Everything goes into
the target in one transaction: a copy stopped half-way (a crash, `kill -9`, a lost
connection) leaves the target empty, and can simply be run again.

The source is never changed, and is read as it was at one moment while others go on
working: a SQLite file in one read transaction (or, when its schema is older, from an online
backup in a private temporary folder, upgraded there); a PostgreSQL database in one
REPEATABLE READ transaction, upgraded inside that transaction when older, and rolled back.

Test hook: with `IMR_TUI_TEST_PAUSE_COPY=<table>` set, the copy stops inside its transactions
just after that table's rows, writes `paused after <table>` on stderr and waits for a line on
stdin (or its end), so a test can kill a copy half-way at a known point, or change the source
meanwhile.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Integer, delete, event, func, insert, inspect, select, table, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlmodel import SQLModel

from imr_tui.errors import BadInputError, UserError
from imr_tui.i18n import _
from imr_tui.store import schema
from imr_tui.store.database import Database, first_line, imr_tui_revision, open_database
from imr_tui.store.location import DatabaseLocation, resolve_location

STORE_INFO = "store_info"
# Facts about a database, not data: a target holding only these still counts as empty.
BOOKKEEPING = frozenset({schema.VERSION_TABLE, STORE_INFO, "sqlite_sequence"})
BATCH_ROWS = 1000
PAUSE_VARIABLE = "IMR_TUI_TEST_PAUSE_COPY"
SHOWN_TABLES = 4

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CopyReport:
    source: str
    target: str
    source_schema: str
    """The source's schema version as stored (older than the target's when it was upgraded in a copy)."""
    rows: dict[str, int] = field(default_factory=dict)
    """Rows copied per table, in the order they were copied."""

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def copy_store(source: str | None, target: str) -> CopyReport:
    """Copy everything in the store at `source` into the empty store at `target` (created if new)."""
    import imr_tui.models  # noqa: F401  (registers every table on the metadata)

    source_location, target_location = resolve_location(source), _target_location(target)
    if source_location.url == target_location.url:
        raise BadInputError(_("--to: the target is the source database itself; give another file or URL"))
    with _reading(source_location) as (reader, source_schema):
        database = _empty_target(target, target_location)
        try:
            rows = _copy_rows(reader, database.engine)
        except (OperationalError, DatabaseError) as error:
            raise UserError(_("the copy did not finish, so nothing was written to {where} ({reason}); run it again").format(where=target_location.display, reason=first_line(error))) from None
        finally:
            database.close()
    log.info("copied %d rows in %d tables into an empty %s database", sum(rows.values()), len(rows), target_location.engine_name)
    return CopyReport(source=source_location.display, target=target_location.display, source_schema=source_schema, rows=rows)


def _target_location(target: str) -> DatabaseLocation:
    """The target, its form checked first; the shared checks speak of --db, this option is --to."""
    from imr_tui.store.backends import backend_for

    try:
        location = resolve_location(target)
        backend = backend_for(location)
        if location.path is None:
            backend.prepare()  # a SQLite file is prepared (created) only once the source has been read
    except BadInputError as error:
        raise BadInputError(error.message.replace("--db:", "--to:", 1)) from None
    return location


# -- the source ---------------------------------------------------------------------------
@contextmanager
def _reading(location: DatabaseLocation) -> Iterator[tuple[Connection, str]]:
    """A connection that sees the whole source, consistent and at the current schema."""
    if location.path is not None and not location.path.is_file():
        raise BadInputError(_("{path}: there is no database to copy").format(path=location.path))
    revision = stored_schema(location)
    if revision is None:
        raise BadInputError(_("{where} is empty; there is nothing to copy").format(where=location.display))
    if location.path is not None and revision != schema.SCHEMA_HEAD:
        with _sqlite_snapshot(location.path) as database, database.engine.connect() as connection, connection.begin():
            yield connection, revision
        return
    from imr_tui.store.backends import backend_for

    backend = backend_for(location)
    engine = backend.make_engine()
    if location.path is not None:
        _one_read_transaction(engine)
    try:
        try:
            connection = engine.connect()
            if location.path is None:
                connection = connection.execution_options(isolation_level="REPEATABLE READ")
        except OperationalError as error:
            raise backend.connection_error(error) from None
        with connection:
            transaction = connection.begin()
            try:
                if revision != schema.SCHEMA_HEAD:
                    _upgrade_inside(connection)  # PostgreSQL's DDL is transactional: rolled back below
                yield connection, revision
            finally:
                transaction.rollback()  # the source stays exactly as it was
    finally:
        engine.dispose()


def _one_read_transaction(engine: Engine) -> None:
    """SQLite's Python driver starts no transaction for a SELECT: with an explicit BEGIN every
    table is read from the same moment (a WAL snapshot), while other windows go on writing."""

    def leave_transactions_to_sqlalchemy(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None

    def begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN")

    event.listen(engine, "connect", leave_transactions_to_sqlalchemy)
    event.listen(engine, "begin", begin)


@contextmanager
def _sqlite_snapshot(path: Path) -> Iterator[Database]:
    """For an older file: an online backup in a private temporary folder, upgraded there; removed afterwards."""
    from imr_tui.store.backup import backup_sqlite

    with tempfile.TemporaryDirectory(prefix="imr-tui-copy-") as folder:  # 0700: only this user can look in
        snapshot = Path(folder) / path.name
        backup_sqlite(path, snapshot)  # encrypted with the same passphrase when the source is
        database = open_database(str(snapshot), upgrade=True)
        try:
            yield database
        finally:
            database.close()


def _upgrade_inside(connection: Connection) -> None:
    """Run the migrations on `connection`, in the transaction it is already in."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def stored_schema(location: DatabaseLocation) -> str | None:
    """The schema version of the store at `location` (None when empty or new), read without changing it.

    Refuses, as opening it would, another application's database, a newer schema, a damaged
    file and a server that cannot be reached.
    """
    from imr_tui.store.backends import backend_for

    backend = backend_for(location)
    backend.prepare()
    engine = backend.make_engine()
    try:
        with engine.connect() as connection:
            backend.probe(connection)
            revision = imr_tui_revision(connection)
        schema.needs_upgrade(revision)  # raises for a newer or unknown one
        return revision
    except OperationalError as error:
        raise backend.connection_error(error) from None
    except DatabaseError as error:
        raise UserError(_("{where} is damaged or not an imr-tui database ({reason}); nothing was changed").format(where=location.display, reason=first_line(error))) from None
    finally:
        engine.dispose()


# -- the target ---------------------------------------------------------------------------
def _empty_target(target: str, location: DatabaseLocation) -> Database:
    """The target opened at the current schema, refused before anything is written if it holds data."""
    if stored_schema(location) is not None:
        held = rows_held(location)
        if held:
            shown = ", ".join(f"{name} {count}" for name, count in list(held.items())[:SHOWN_TABLES]) + (", …" if len(held) > SHOWN_TABLES else "")
            raise BadInputError(
                _("{where} already holds data ({rows} rows in {tables} tables: {shown}); imr-tui copies only into an empty database, so nothing was written").format(
                    where=location.display, rows=sum(held.values()), tables=len(held), shown=shown
                )
            )
    return open_database(target, upgrade=True)  # created or upgraded (after a backup), like any start


def rows_held(location: DatabaseLocation) -> dict[str, int]:
    """Rows per table of an imr-tui store, bookkeeping left out; only tables that hold some, parents first."""
    import imr_tui.models  # noqa: F401  (registers every table on the metadata)
    from imr_tui.store.backends import backend_for

    engine = backend_for(location).make_engine()
    try:
        with engine.connect() as connection:
            present = set(inspect(connection).get_table_names()) - BOOKKEEPING
            ordered = [model.name for model in SQLModel.metadata.sorted_tables if model.name in present]
            names = ordered + sorted(present - set(ordered))
            counts = {name: connection.execute(select(func.count()).select_from(table(name))).scalar_one() for name in names}
    finally:
        engine.dispose()
    return {name: count for name, count in counts.items() if count}


# -- the copy -----------------------------------------------------------------------------
def _copy_rows(reader: Connection, target: Engine) -> dict[str, int]:
    copied: dict[str, int] = {}
    with target.connect() as writer, writer.begin():
        for model_table in SQLModel.metadata.sorted_tables:
            if model_table.name == schema.VERSION_TABLE:
                continue  # the target has its own, from its migrations
            if model_table.name == STORE_INFO:
                # The source's facts (demo or not) describe the rows copied; they replace the target's own.
                keys = select(model_table.c.key)
                writer.execute(delete(model_table).where(model_table.c.key.in_(list(reader.execute(keys).scalars()))))
            query = select(model_table).order_by(*model_table.primary_key.columns)
            copied[model_table.name] = 0
            # In batches, so a store of many years never has to fit in memory at once.
            for batch in reader.execution_options(yield_per=BATCH_ROWS).execute(query).mappings().partitions():
                writer.execute(insert(model_table), [dict(row) for row in batch])
                copied[model_table.name] += len(batch)
            _pause_for_test(model_table.name)
        if writer.dialect.name == "postgresql":
            _continue_sequences(writer)
    return copied


def _continue_sequences(writer: Connection) -> None:
    """Each id sequence continues after the highest id copied, so new rows do not collide.

    (`setval` is not undone by a rollback; a copy that fails after it only moves a sequence
    of an empty table forward, which is harmless.)
    """
    for model_table in SQLModel.metadata.sorted_tables:
        keys = list(model_table.primary_key.columns)
        if len(keys) != 1 or not isinstance(keys[0].type, Integer):
            continue
        name, column = model_table.name, keys[0].name
        sequence = writer.execute(text("SELECT pg_get_serial_sequence(:table, :column)"), {"table": f'"{name}"', "column": column}).scalar()
        if sequence is not None:
            writer.execute(text(f'SELECT setval(:sequence, (SELECT COALESCE(MAX("{column}"), 0) + 1 FROM "{name}"), false)'), {"sequence": sequence})


def _pause_for_test(table_name: str) -> None:
    """The test hook described at the top of this module."""
    if os.environ.get(PAUSE_VARIABLE) == table_name:
        sys.stderr.write(f"paused after {table_name}\n")
        sys.stderr.flush()
        sys.stdin.readline()
