"""Alembic environment: always run from code, on a connection the store hands over."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import imr_tui.models  # noqa: F401  (registers every table on SQLModel.metadata)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    # SQLite cannot ALTER most things in place; batch mode copies the table instead
    # (on PostgreSQL the same operations ALTER in place, so one migration serves both).
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
