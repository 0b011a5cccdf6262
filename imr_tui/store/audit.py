"""The audit trail, written once in the data layer: every flush of a watched database adds
who created, changed or deleted which record, and when; never the record's content.

`watch(database)` is called where the store is opened; from then on every service's edits
are logged without the service knowing. Bulk statements that bypass the ORM (the erase)
log themselves with `record_event`. The actor is the therapist named in
`IMR_TUI_THERAPIST`, or else the user name the app runs as.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import weakref
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Connection, Engine, event, insert, inspect, select
from sqlmodel import Session, SQLModel

from imr_tui.domain.vocabulary import AuditAction
from imr_tui.models.audit import AuditEvent
from imr_tui.store.database import Database

THERAPIST_VARIABLE = "IMR_TUI_THERAPIST"
NOT_AUDITED = frozenset({"audit_event", "store_info", "alembic_version"})
PARTICIPANT = "participant"

_actors: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()


def current_actor() -> str:
    """Who is using the app: the therapist's name if set, else the login name."""
    named = os.environ.get(THERAPIST_VARIABLE, "").strip()
    if named:
        return named
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown"


def watch(database: Database, actor: str | None = None) -> None:
    """Log every ORM edit made through `database` from now on, as `actor`."""
    _actors[database.engine] = actor or current_actor()
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)


def actor_of(database: Database) -> str:
    return _actors.get(database.engine) or current_actor()


def _after_flush(session: Session, _context: Any) -> None:
    engine = session.get_bind()
    actor = _actors.get(engine) if isinstance(engine, Engine) else None
    if actor is None:
        return
    changes = [(AuditAction.CREATE, row) for row in session.new]
    changes += [(AuditAction.UPDATE, row) for row in session.dirty if session.is_modified(row, include_collections=False)]
    changes += [(AuditAction.DELETE, row) for row in session.deleted]
    connection = session.connection()
    owners = _Owners(connection)
    now = dt.datetime.now(dt.UTC)
    rows = []
    for action, row in changes:
        table = inspect(row).mapper.local_table
        if table.name in NOT_AUDITED:
            continue
        key = inspect(row).mapper.primary_key_from_instance(row)
        rows.append(
            {"at": now, "actor": actor, "action": str(action), "table_name": table.name,
             "record_id": ",".join(map(str, key)), "participant_id": owners.of(table.name, _values(row))}
        )  # fmt: skip
    if rows:
        connection.execute(insert(AuditEvent.__table__), rows)


def _values(row: Any) -> dict[str, Any]:
    return dict(inspect(row).dict)


class _Owners:
    """Which participant a record belongs to: its own column, or its parent's, looked up once per flush."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.cache: dict[tuple[str, Any], int | None] = {}

    def of(self, table_name: str, values: dict[str, Any]) -> int | None:
        table = SQLModel.metadata.tables[table_name]
        if table_name == PARTICIPANT:
            return values.get("id")
        for key in table.foreign_keys:
            if key.column.table.name == PARTICIPANT and values.get(key.parent.name) is not None:
                return values[key.parent.name]
        if any(key.column.table.name == PARTICIPANT for key in table.foreign_keys):
            return None  # a group session: its participant column is empty
        for key in table.foreign_keys:
            parent_id = values.get(key.parent.name)
            if parent_id is not None and (owner := self._parent(key.column, parent_id)) is not None:
                return owner
        return None

    def _parent(self, column: Column[Any], value: Any) -> int | None:
        """The owner of the row whose `column` holds `value` (a step, for its follow-up)."""
        parent = column.table
        if (parent.name, value) not in self.cache:
            found = None if parent.name in NOT_AUDITED else self.connection.execute(select(parent).where(column == value)).mappings().first()
            self.cache[(parent.name, value)] = self.of(parent.name, dict(found)) if found else None
        return self.cache[(parent.name, value)]


def record_event(connection: Connection, actor: str, action: AuditAction, table: str, record_id: Any, participant_id: int | None) -> None:
    """One entry written by hand, for what the ORM does not see (an export, an erase, a view)."""
    connection.execute(
        insert(AuditEvent.__table__).values(
            at=dt.datetime.now(dt.UTC), actor=actor, action=str(action), table_name=table, record_id=str(record_id), participant_id=participant_id
        )
    )


@dataclass(frozen=True)
class AuditEntry:
    at: dt.datetime
    actor: str
    action: str
    table: str
    record_id: str
    participant_id: int | None

    def as_data(self) -> dict[str, Any]:
        return {"at": self.at.isoformat(), "actor": self.actor, "action": self.action, "table": self.table,
                "record_id": self.record_id, "participant_id": self.participant_id}  # fmt: skip


class AuditService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def entries(self, participant_id: int | None = None, since: dt.date | None = None, limit: int | None = None) -> list[AuditEntry]:
        """The trail, oldest first; one participant's records only, from a day on, when asked."""
        statement = select(AuditEvent).order_by(AuditEvent.at, AuditEvent.id)
        if participant_id is not None:
            statement = statement.where(AuditEvent.participant_id == participant_id)
        if since is not None:
            statement = statement.where(AuditEvent.at >= dt.datetime.combine(since, dt.time(), dt.UTC))
        if limit is not None:
            statement = statement.limit(limit)
        with self.database.reading() as session:
            rows = session.scalars(statement).all()
        return [AuditEntry(_aware(r.at), r.actor, r.action, r.table_name, r.record_id, r.participant_id) for r in rows]

    def record(self, action: AuditAction, participant_id: int, table: str = PARTICIPANT, record_id: Any = None) -> None:
        """Log a look at or an export of a participant's record, which changes nothing the ORM would see."""
        with self.database.transaction() as session:
            record_event(session.connection(), actor_of(self.database), action, table, participant_id if record_id is None else record_id, participant_id)


def _aware(moment: dt.datetime) -> dt.datetime:
    """SQLite gives the stored UTC time back without its zone."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
