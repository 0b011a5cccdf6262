"""Earlier wordings of recovery goals, and IMR Scale ratings

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _versioned() -> list[sa.Column]:
    """The columns every table shares (models.base.Versioned)."""
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "goal_revision",
        *_versioned(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("why", sa.String(), nullable=False),
        sa.Column("replaced_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["goal_id"], ["recovery_goal.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("goal_revision", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goal_revision_goal_id"), ["goal_id"], unique=False)

    op.create_table(
        "imrs_rating",
        *_versioned(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("rated_on", sa.Date(), nullable=False),
        sa.Column("rater", sa.String(), nullable=False),
        sa.Column("phase", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("imrs_rating", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_imrs_rating_participant_id"), ["participant_id"], unique=False)

    op.create_table(
        "imrs_score",
        *_versioned(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rating_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["rating_id"], ["imrs_rating.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("rating_id", "item_id"),
    )
    with op.batch_alter_table("imrs_score", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_imrs_score_rating_id"), ["rating_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("imrs_score", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_imrs_score_rating_id"))
    op.drop_table("imrs_score")
    with op.batch_alter_table("imrs_rating", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_imrs_rating_participant_id"))
    op.drop_table("imrs_rating")
    with op.batch_alter_table("goal_revision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_revision_goal_id"))
    op.drop_table("goal_revision")
