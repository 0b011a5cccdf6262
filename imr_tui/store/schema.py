"""The schema version: upgrade an older database (after a backup), refuse a newer one.

Alembic is imported only when the database is not at the version this code expects,
so a normal start does not pay for it.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from imr_tui.errors import UserError
from imr_tui.i18n import _
from imr_tui.store.schema_head import SCHEMA_HEAD

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
VERSION_TABLE = "alembic_version"


def stored_revision(connection: Connection) -> str | None:
    """The schema version stored in the database; None for an empty database."""
    tables = set(inspect(connection).get_table_names())
    if VERSION_TABLE not in tables:
        if tables:
            raise UserError(_("this database belongs to another application (it has no imr-tui schema version); nothing was changed"))
        return None
    return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def known_revisions() -> list[str]:
    """All revisions in migration order, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)


def needs_upgrade(revision: str | None) -> bool:
    """True for an empty or older database; raises for a newer or unknown one."""
    if revision == SCHEMA_HEAD:
        return False
    if revision is None or revision in known_revisions():
        return True
    raise UserError(
        _("this database was written by a newer version of imr-tui (schema {found}, this version knows up to {head}); update imr-tui to open it").format(
            found=revision, head=SCHEMA_HEAD
        )
    )
