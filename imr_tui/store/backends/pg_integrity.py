"""`db check` on PostgreSQL: what an ordinary database user can verify.

SQLite's `PRAGMA integrity_check` reads every page. PostgreSQL's page-level check
(the `amcheck` extension) needs a superuser to install it, and a damaged page is the
server's business (data checksums, `pg_checksums`, its own logs). What can go wrong at
imr-tui's level, and what these checks look for, is:
- a table the models declare is missing (dropped by hand, or a half-done restore);
- a constraint added NOT VALID and never validated, or an index left invalid by a
  failed `CREATE INDEX CONCURRENTLY`;
- foreign keys switched off (`ALTER TABLE ... DISABLE TRIGGER ALL`, a restore with
  `session_replication_role = replica`), and rows that point at nothing because of it:
  one anti-join per foreign key, each an index lookup.
"""

from __future__ import annotations

from sqlalchemy import Connection, inspect, text
from sqlmodel import SQLModel

from imr_tui.i18n import _, ngettext

UNVALIDATED_CONSTRAINTS = text(
    "SELECT conrelid::regclass::text, conname FROM pg_constraint "
    "WHERE NOT convalidated AND connamespace = current_schema()::regnamespace ORDER BY 1, 2"
)
INVALID_INDEXES = text(
    "SELECT i.indexrelid::regclass::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
    "WHERE (NOT i.indisvalid OR NOT i.indisready) AND c.relnamespace = current_schema()::regnamespace ORDER BY 1"
)
# The triggers that enforce foreign keys are internal ones; 'D' means switched off.
DISABLED_FOREIGN_KEYS = text(
    "SELECT DISTINCT t.tgrelid::regclass::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
    "WHERE t.tgisinternal AND t.tgenabled = 'D' AND c.relnamespace = current_schema()::regnamespace ORDER BY 1"
)


def integrity_problems(connection: Connection) -> list[str]:
    import imr_tui.models  # noqa: F401  (registers every table on the metadata)

    present = set(inspect(connection).get_table_names())
    problems = [_("the table {name} is missing").format(name=name) for name in sorted(set(SQLModel.metadata.tables) - present)]
    problems += [_("the constraint {name} on {table} is not validated").format(name=name, table=table) for table, name in connection.execute(UNVALIDATED_CONSTRAINTS)]
    problems += [_("the index {name} is invalid").format(name=name) for (name,) in connection.execute(INVALID_INDEXES)]
    problems += [_("foreign keys are switched off on {table}").format(table=table) for (table,) in connection.execute(DISABLED_FOREIGN_KEYS)]
    problems += _rows_pointing_at_nothing(connection, present)
    return problems


def _rows_pointing_at_nothing(connection: Connection, present: set[str]) -> list[str]:
    problems = []
    for table in SQLModel.metadata.sorted_tables:
        if table.name not in present:
            continue
        for key in table.foreign_key_constraints:
            if key.referred_table.name not in present:
                continue
            columns = [(element.parent.name, element.column.name) for element in key.elements]
            match = " AND ".join(f'p."{theirs}" = c."{own}"' for own, theirs in columns)
            filled = " AND ".join(f'c."{own}" IS NOT NULL' for own, _theirs in columns)
            orphans = connection.execute(
                text(f'SELECT count(*) FROM "{table.name}" c WHERE {filled} AND NOT EXISTS (SELECT 1 FROM "{key.referred_table.name}" p WHERE {match})')
            ).scalar()
            if orphans:
                problems.append(
                    ngettext("{count} row in {table} points at a missing row in {other}", "{count} rows in {table} point at missing rows in {other}", orphans).format(
                        count=orphans, table=table.name, other=key.referred_table.name
                    )
                )
    return problems
