"""Fidelity self-assessments per group, and a record of the handouts printed for sessions

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _versioned() -> list[sa.Column]:
    """The columns every table shares (models.base.Versioned)."""
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def _index(table: str, column: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column], unique=False)


def upgrade() -> None:
    op.create_table(
        "fidelity_assessment",
        *_versioned(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("rater_1", sa.String(), nullable=False),
        sa.Column("rater_2", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["group_id"], ["course_group.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("group_id", "assessed_on"),
    )
    _index("fidelity_assessment", "group_id")

    op.create_table(
        "fidelity_item_score",
        *_versioned(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("computed", sa.Integer(), nullable=True),
        sa.Column("rater_1_score", sa.Integer(), nullable=True),
        sa.Column("rater_2_score", sa.Integer(), nullable=True),
        sa.Column("override_reason", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["assessment_id"], ["fidelity_assessment.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("assessment_id", "item_id"),
    )
    _index("fidelity_item_score", "assessment_id")

    op.create_table(
        "handout_print",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.Column("printed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["group_id"], ["course_group.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["session_id"], ["group_session.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    for column in ("group_id", "session_id", "participant_id"):
        _index("handout_print", column)


def downgrade() -> None:
    for column in ("participant_id", "session_id", "group_id"):
        with op.batch_alter_table("handout_print", schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_handout_print_{column}"))
    op.drop_table("handout_print")
    with op.batch_alter_table("fidelity_item_score", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fidelity_item_score_assessment_id"))
    op.drop_table("fidelity_item_score")
    with op.batch_alter_table("fidelity_assessment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fidelity_assessment_group_id"))
    op.drop_table("fidelity_assessment")
