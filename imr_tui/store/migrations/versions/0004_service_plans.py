"""Service plans: the draft by section, finished versions, and who each was shared with

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _versioned() -> list[sa.Column]:
    """The columns every table shares (models.base.Versioned)."""
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def _participant() -> list:
    """Every table points at its participant, so one person's data is found from them."""
    return [
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
    ]


def _index(table: str, column: str, unique: bool = False) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column], unique=unique)


def upgrade() -> None:
    op.create_table(
        "service_plan",
        *_versioned(),
        sa.Column("id", sa.Integer(), nullable=False),
        *_participant(),
        sa.Column("based_on", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("service_plan", "participant_id", unique=True)

    op.create_table(
        "service_plan_section",
        *_versioned(),
        sa.Column("id", sa.Integer(), nullable=False),
        *_participant(),
        sa.Column("section_id", sa.String(), nullable=False),
        sa.Column("content", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("participant_id", "section_id"),
    )
    _index("service_plan_section", "participant_id")

    op.create_table(
        "service_plan_version",
        *_versioned(),
        sa.Column("id", sa.Integer(), nullable=False),
        *_participant(),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("finished_on", sa.Date(), nullable=False),
        sa.Column("review_on", sa.Date(), nullable=False),
        sa.Column("made_by_id", sa.Integer(), nullable=True),
        sa.Column("made_by", sa.String(), nullable=False),
        sa.Column("based_on", sa.Integer(), nullable=True),
        sa.Column("content", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["made_by_id"], ["therapist.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("participant_id", "number"),
    )
    _index("service_plan_version", "participant_id")
    _index("service_plan_version", "made_by_id")

    op.create_table(
        "service_plan_share",
        *_versioned(),
        sa.Column("id", sa.Integer(), nullable=False),
        *_participant(),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("person", sa.String(), nullable=False),
        sa.Column("relation", sa.String(), nullable=False),
        sa.Column("shared_on", sa.Date(), nullable=False),
        sa.Column("method", sa.String(), nullable=False),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["version_id"], ["service_plan_version.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("service_plan_share", "participant_id")
    _index("service_plan_share", "version_id")


def downgrade() -> None:
    for table, columns in (
        ("service_plan_share", ("version_id", "participant_id")),
        ("service_plan_version", ("made_by_id", "participant_id")),
        ("service_plan_section", ("participant_id",)),
        ("service_plan", ("participant_id",)),
    ):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.drop_index(batch_op.f(f"ix_{table}_{column}"))
        op.drop_table(table)
