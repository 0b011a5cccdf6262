"""Everything stored about one participant: exported for an access request, or erased.

The tables that hold a person's data are found by walking the foreign keys of the
models' metadata: a table belongs to a participant when it refers to `participant`, or
to a row that belongs to them (a step's follow-up through the step). A new table that
refers to a participant, directly or through its parent, is exported and erased without
a change here.

A row with its own participant column belongs to that person only; its other links are
not followed, so a group session someone attended is the group's, not theirs, while a
module 1 meeting (a session with their participant id) is theirs.

Erasing keeps what the group's figures need, anonymised (`KEPT`): the participant row
under a neutral name, each enrolment's dates, each attendance mark at a group session.
Everything else that belongs to the person is deleted, their full name is replaced
wherever other records mention it, and on SQLite the file is rewritten so the deleted
text does not stay on disk.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Connection, Integer, MetaData, String, Table, TypeDecorator, delete, func, or_, select, update
from sqlmodel import SQLModel

from imr_tui.domain.vocabulary import AuditAction
from imr_tui.errors import BadInputError, UserError
from imr_tui.i18n import _
from imr_tui.store.audit import actor_of, record_event
from imr_tui.store.database import Database

log = logging.getLogger(__name__)

ROOT = "participant"
BOOKKEEPING = frozenset({"id", "version", "created_at", "updated_at"})
KEPT: dict[str, frozenset[str]] = {
    ROOT: frozenset({"language"}),
    "enrolment": frozenset({"group_id", "participant_id", "joined_on", "left_on"}),
    "attendance": frozenset({"session_id", "participant_id", "status", "picked_up"}),
}
"""Tables whose rows outlive an erase, and their columns that stay; every other column is blanked.
Attendance marks and enrolment dates keep the group's attendance rates and yearly figures true."""
SHORTEST_MENTION = 4
"""A shorter name ("Bo") is left alone in other records: it would be replaced inside other words."""
NOT_SCRUBBED = frozenset({"alembic_version", "audit_event"})
"""Tables that never hold a name, left out when mentions of an erased name are replaced."""
OTHERS_NAMES = frozenset({("participant", "name"), ("participant", "alias"), ("therapist", "name")})
"""Columns that are someone's own name: another person called the same keeps theirs."""


@dataclass(frozen=True)
class TableRows:
    table: str
    rows: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class ParticipantData:
    """A participant's row and every row that belongs to them, table by table (parents first)."""

    participant: dict[str, Any]
    tables: tuple[TableRows, ...]
    sessions: dict[int, tuple[dt.date, str]]
    """The date and group name of every session these rows refer to, so a reader need not look them up."""
    groups: dict[int, str]

    @property
    def participant_id(self) -> int:
        return int(self.participant["id"])

    @property
    def name(self) -> str:
        return str(self.participant["name"])

    def rows(self, table: str) -> tuple[dict[str, Any], ...]:
        return next((entry.rows for entry in self.tables if entry.table == table), ())


@dataclass(frozen=True)
class EraseResult:
    participant_id: int
    placeholder: str
    deleted: dict[str, int]
    anonymised: dict[str, int]
    mentions: dict[str, int]
    """Per table, the records of others whose text named the person and now says the placeholder."""
    name: str = ""
    """The name erased, for the report (looking for copies that still hold it); never stored."""

    @property
    def mentions_replaced(self) -> int:
        return sum(self.mentions.values())


def personal_tables(metadata: MetaData | None = None) -> list[Table]:
    """The tables whose rows can belong to a participant, each after the tables it refers to."""
    metadata = metadata or SQLModel.metadata
    owned = {ROOT}
    found = []
    for table in metadata.sorted_tables:
        if table.name != ROOT and any(key.column.table.name in owned for key in table.foreign_keys):
            owned.add(table.name)
            found.append(table)
    return found


def ownership(participant_id: int, metadata: MetaData | None = None) -> dict[str, ColumnElement[bool]]:
    """For each personal table, the condition that picks this participant's rows."""
    metadata = metadata or SQLModel.metadata
    root = metadata.tables[ROOT]
    conditions: dict[str, ColumnElement[bool]] = {ROOT: root.c.id == participant_id}
    for table in personal_tables(metadata):
        direct = [key.parent == participant_id for key in table.foreign_keys if key.column.table.name == ROOT]
        through = [
            key.parent.in_(select(key.column).where(conditions[key.column.table.name]))
            for key in table.foreign_keys
            if key.column.table.name in conditions
        ]
        conditions[table.name] = or_(*(direct or through))
    return conditions


class ParticipantDataService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def collect(self, participant_id: int) -> ParticipantData:
        """Every row stored about the participant: one query per table, however long their history."""
        metadata = SQLModel.metadata
        conditions = ownership(participant_id, metadata)
        with self.database.reading() as session:
            connection = session.connection()
            person = _rows(connection, metadata.tables[ROOT], conditions[ROOT])
            if not person:
                raise BadInputError(_("no participant has the id {id}").format(id=participant_id))
            tables = tuple(TableRows(t.name, _rows(connection, t, conditions[t.name])) for t in personal_tables(metadata))
            sessions, groups = _references(connection, metadata, tables)
        return ParticipantData(participant=person[0], tables=tables, sessions=sessions, groups=groups)

    def erase(self, participant_id: int, confirmation: str, placeholder: str, today: dt.date) -> EraseResult:
        """Remove the person's personal data, keeping only anonymous counts (see `KEPT`).

        `confirmation` must be the person's exact name or id, as typed by the therapist;
        anything else changes nothing. `placeholder` becomes the row's name and replaces the
        full name wherever another record mentions it.
        """
        metadata = SQLModel.metadata
        conditions = ownership(participant_id, metadata)
        with self.database.transaction() as session:
            connection = session.connection()
            _secure_delete(connection)
            person = _rows(connection, metadata.tables[ROOT], conditions[ROOT])
            if not person:
                raise BadInputError(_("no participant has the id {id}").format(id=participant_id))
            name = str(person[0]["name"])
            if confirmation.strip() not in {name, str(participant_id)}:
                raise UserError(_("what was typed is not the participant's name; nothing was erased"))
            deleted: dict[str, int] = {}
            anonymised: dict[str, int] = {}
            for table in reversed(personal_tables(metadata)):
                if table.name in KEPT:
                    deleted[table.name] = _delete_under_doomed_parents(connection, table, conditions)
                    anonymised[table.name] = _anonymise(connection, table, conditions[table.name], today)
                else:
                    deleted[table.name] = connection.execute(delete(table).where(conditions[table.name])).rowcount
            root = metadata.tables[ROOT]
            anonymised[ROOT] = _anonymise(connection, root, conditions[ROOT], today, name=placeholder)
            mentions = _replace_mentions(connection, metadata, name, placeholder) if len(name.strip()) >= SHORTEST_MENTION else {}
            record_event(connection, actor_of(self.database), AuditAction.ERASE, ROOT, participant_id, participant_id)
        _compact(self.database)
        log.info("erased participant %s: %d rows deleted", participant_id, sum(deleted.values()))
        return EraseResult(participant_id, placeholder, {k: v for k, v in deleted.items() if v}, anonymised, mentions, name)


def _rows(connection: Connection, table: Table, condition: ColumnElement[bool]) -> tuple[dict[str, Any], ...]:
    order = [column for column in table.primary_key.columns]
    return tuple(dict(row) for row in connection.execute(select(table).where(condition).order_by(*order)).mappings())


def _keys_to(table: Table, target: str) -> list[Any]:
    return [key for key in table.foreign_keys if key.column.table.name == target]


def _referred(metadata: MetaData, tables: tuple[TableRows, ...], target: str) -> set[int]:
    return {
        row[key.parent.name]
        for entry in tables
        for key in _keys_to(metadata.tables[entry.table], target)
        for row in entry.rows
        if row[key.parent.name] is not None
    }


def _references(connection: Connection, metadata: MetaData, tables: tuple[TableRows, ...]) -> tuple[dict[int, tuple[dt.date, str]], dict[int, str]]:
    """The date and group of the sessions referred to, and the names of the groups."""
    group_table, session_table = metadata.tables["course_group"], metadata.tables["group_session"]
    session_ids = _referred(metadata, tables, "group_session")
    group_ids = _referred(metadata, tables, "course_group")
    found = connection.execute(
        select(session_table.c.id, session_table.c.date, session_table.c.group_id).where(session_table.c.id.in_(sorted(session_ids)))
    ).all()
    group_ids |= {group_id for _id, _date, group_id in found}
    groups = dict(connection.execute(select(group_table.c.id, group_table.c.name).where(group_table.c.id.in_(sorted(group_ids)))).all())
    sessions = {session_id: (date, groups.get(group_id, "")) for session_id, date, group_id in found}
    return sessions, groups


def _delete_under_doomed_parents(connection: Connection, table: Table, conditions: dict[str, ColumnElement[bool]]) -> int:
    """A kept table's rows that hang under a deleted row (a mark at a module 1 meeting) go with it."""
    doomed = [
        key.parent.in_(select(key.column).where(conditions[key.column.table.name]))
        for key in table.foreign_keys
        if key.column.table.name in conditions and key.column.table.name not in KEPT
    ]
    if not doomed:
        return 0
    return connection.execute(delete(table).where(conditions[table.name], or_(*doomed))).rowcount


def _anonymise(connection: Connection, table: Table, condition: ColumnElement[bool], today: dt.date, name: str | None = None) -> int:
    keep = KEPT[table.name] | BOOKKEEPING
    values: dict[str, Any] = {column.name: _blank(column) for column in table.columns if column.name not in keep}
    if name is not None:
        values["name"] = name
    if "left_on" in table.c:
        # Still enrolled: they leave after today (a register expects people before `left_on`),
        # so today's marks still count and the group's later sessions do not count them absent.
        values["left_on"] = func.coalesce(table.c.left_on, today + dt.timedelta(days=1))
    values.update(_bump(table))
    return connection.execute(update(table).where(condition).values(values)).rowcount


def _python_type(column: Any) -> type | None:
    """str, bool or int for the column's type (SQLModel wraps text in a decorator type)."""
    kind = column.type
    kind = kind.impl if isinstance(kind, TypeDecorator) else kind
    for sql_type, python in ((String, str), (Boolean, bool), (Integer, int)):
        if isinstance(kind, sql_type):
            return python
    return None


def _blank(column: Any) -> Any:
    if column.nullable:
        return None
    blank = {str: "", bool: False, int: 0}.get(_python_type(column))  # type: ignore[call-overload]
    if blank is not None:
        return blank
    raise ValueError(f"no blank value for {column.table.name}.{column.name}: add it to KEPT or make it nullable")


def _bump(table: Table) -> dict[str, Any]:
    """A new version, so a window that still shows the old row cannot save over the erase."""
    values: dict[str, Any] = {}
    if "version" in table.c:
        values["version"] = table.c.version + 1
    if "updated_at" in table.c:
        values["updated_at"] = dt.datetime.now(dt.UTC)
    return values


def _replace_mentions(connection: Connection, metadata: MetaData, name: str, placeholder: str) -> dict[str, int]:
    """The name written in another record (a group's notes, another person's note, a form's draft)
    becomes the placeholder: in any case, with or without diacritics, as `privacy_names` finds it.

    Every text column of every table is read, since no SQL `LIKE` folds diacritics; a row is
    written only where a name was found, so the counts say what was changed, table by table."""
    from imr_tui.privacy_names import Person, find_mentions, replace_names

    person = [Person(0, name)]
    replaced: dict[str, int] = {}
    for table in metadata.sorted_tables:
        texts = [
            c for c in table.columns
            if _python_type(c) is str and not c.primary_key and not c.foreign_keys and (table.name, c.name) not in OTHERS_NAMES
        ]  # fmt: skip
        if table.name in NOT_SCRUBBED or not texts:
            continue
        keys = list(table.primary_key.columns)
        for row in connection.execute(select(*keys, *texts)).all():
            values = row._mapping
            changed = {
                column.name: replace_names(values[column], person, lambda _person: placeholder)
                for column in texts
                if values[column] and find_mentions(values[column], person)
            }
            if changed:
                where = [key == values[key] for key in keys]
                connection.execute(update(table).where(*where).values({**changed, **_bump(table)}))
                replaced[table.name] = replaced.get(table.name, 0) + 1
    return replaced


def _secure_delete(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        # Deleted rows are overwritten with zeros, not left in free pages.
        connection.exec_driver_sql("PRAGMA secure_delete=ON")


def _compact(database: Database) -> None:
    """Rewrite the store so deleted text leaves the file (SQLite) or the tables (PostgreSQL)."""
    engine = database.engine
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            if engine.dialect.name == "sqlite":
                connection.exec_driver_sql("VACUUM")
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            elif engine.dialect.name == "postgresql":
                connection.exec_driver_sql("VACUUM")
    except Exception as error:  # the erase is committed; compacting is a best effort another window may block
        log.warning("could not compact the database after an erase: %s", type(error).__name__)


__all__ = ["KEPT", "EraseResult", "ParticipantData", "ParticipantDataService", "TableRows", "ownership", "personal_tables"]
