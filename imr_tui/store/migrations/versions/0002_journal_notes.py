"""Draft journal notes per participant and session; indexes for a session's steps

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "journal_note",
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["session_id"], ["group_session.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_id", "participant_id"),
    )
    with op.batch_alter_table("journal_note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_journal_note_participant_id"), ["participant_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_journal_note_session_id"), ["session_id"], unique=False)
    # The session screen looks steps up by the session they were set in or are due at.
    with op.batch_alter_table("step", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_step_due_session_id"), ["due_session_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_step_set_in_session_id"), ["set_in_session_id"], unique=False)
    with op.batch_alter_table("step_follow_up", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_step_follow_up_session_id"), ["session_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("step_follow_up", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_step_follow_up_session_id"))
    with op.batch_alter_table("step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_step_set_in_session_id"))
        batch_op.drop_index(batch_op.f("ix_step_due_session_id"))
    with op.batch_alter_table("journal_note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_journal_note_session_id"))
        batch_op.drop_index(batch_op.f("ix_journal_note_participant_id"))
    op.drop_table("journal_note")
