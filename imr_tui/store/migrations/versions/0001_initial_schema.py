"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('store_info',
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('value', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )

    op.create_table('course_group',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('location', sa.String(), nullable=False),
    sa.Column('cadence', sa.String(), nullable=False),
    sa.Column('weekdays', sa.String(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('start_time', sa.Time(), nullable=False),
    sa.Column('session_minutes', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('archived_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('course_group', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_course_group_name'), ['name'], unique=False)

    op.create_table('participant',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('alias', sa.String(), nullable=False),
    sa.Column('needs_pickup', sa.Boolean(), nullable=False),
    sa.Column('language', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participant_name'), ['name'], unique=False)

    op.create_table('therapist',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('email', sa.String(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('therapist', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_therapist_name'), ['name'], unique=False)

    op.create_table('enrolment',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('joined_on', sa.Date(), nullable=False),
    sa.Column('left_on', sa.Date(), nullable=True),
    sa.Column('leave_reason', sa.String(), nullable=False),
    sa.Column('decision_reference', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['course_group.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('enrolment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enrolment_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_enrolment_participant_id'), ['participant_id'], unique=False)

    op.create_table('group_session',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=True),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('module_id', sa.String(), nullable=True),
    sa.Column('topic_id', sa.String(), nullable=True),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('cancel_reason', sa.String(), nullable=False),
    sa.Column('part_minutes', sa.String(), nullable=False),
    sa.Column('timer_state', sa.String(), nullable=False),
    sa.Column('notes', sa.String(), nullable=False),
    sa.Column('home_assignment', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['course_group.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('group_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_group_session_date'), ['date'], unique=False)
        batch_op.create_index('ix_group_session_group_date', ['group_id', 'date'], unique=False)
        batch_op.create_index(batch_op.f('ix_group_session_participant_id'), ['participant_id'], unique=False)

    op.create_table('closed_period',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('label', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['course_group.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('closed_period', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_closed_period_group_id'), ['group_id'], unique=False)

    op.create_table('group_therapist',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('therapist_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['course_group.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['therapist_id'], ['therapist.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('group_id', 'therapist_id')
    )
    with op.batch_alter_table('group_therapist', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_group_therapist_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_group_therapist_therapist_id'), ['therapist_id'], unique=False)

    op.create_table('recovery_goal',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(), nullable=False),
    sa.Column('why', sa.String(), nullable=False),
    sa.Column('set_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('recovery_goal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recovery_goal_participant_id'), ['participant_id'], unique=False)

    op.create_table('attendance',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('picked_up', sa.Boolean(), nullable=False),
    sa.Column('note', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['group_session.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('session_id', 'participant_id')
    )
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attendance_session_id'), ['session_id'], unique=False)

    op.create_table('home_assignment',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['group_session.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('session_id', 'participant_id')
    )
    with op.batch_alter_table('home_assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_home_assignment_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_home_assignment_session_id'), ['session_id'], unique=False)

    op.create_table('short_term_goal',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(), nullable=False),
    sa.Column('target_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['goal_id'], ['recovery_goal.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('short_term_goal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_short_term_goal_goal_id'), ['goal_id'], unique=False)

    op.create_table('step',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('short_term_goal_id', sa.Integer(), nullable=True),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(), nullable=False),
    sa.Column('set_in_session_id', sa.Integer(), nullable=True),
    sa.Column('due_session_id', sa.Integer(), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['due_session_id'], ['group_session.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['set_in_session_id'], ['group_session.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['short_term_goal_id'], ['short_term_goal.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_step_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_step_short_term_goal_id'), ['short_term_goal_id'], unique=False)

    op.create_table('step_follow_up',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('step_id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=True),
    sa.Column('result', sa.String(), nullable=False),
    sa.Column('note', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['group_session.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['step_id'], ['step.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('step_follow_up', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_step_follow_up_step_id'), ['step_id'], unique=False)




def downgrade() -> None:
    with op.batch_alter_table('closed_period', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_closed_period_group_id'))

    op.drop_table('closed_period')
    op.drop_table('store_info')

    with op.batch_alter_table('step_follow_up', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_step_follow_up_step_id'))

    op.drop_table('step_follow_up')
    with op.batch_alter_table('step', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_step_short_term_goal_id'))
        batch_op.drop_index(batch_op.f('ix_step_participant_id'))

    op.drop_table('step')
    with op.batch_alter_table('short_term_goal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_short_term_goal_goal_id'))

    op.drop_table('short_term_goal')
    with op.batch_alter_table('home_assignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_home_assignment_session_id'))
        batch_op.drop_index(batch_op.f('ix_home_assignment_participant_id'))

    op.drop_table('home_assignment')
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendance_session_id'))
        batch_op.drop_index(batch_op.f('ix_attendance_participant_id'))

    op.drop_table('attendance')
    with op.batch_alter_table('recovery_goal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recovery_goal_participant_id'))

    op.drop_table('recovery_goal')
    with op.batch_alter_table('group_therapist', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_group_therapist_therapist_id'))
        batch_op.drop_index(batch_op.f('ix_group_therapist_group_id'))

    op.drop_table('group_therapist')
    with op.batch_alter_table('group_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_group_session_participant_id'))
        batch_op.drop_index('ix_group_session_group_date')
        batch_op.drop_index(batch_op.f('ix_group_session_date'))

    op.drop_table('group_session')
    with op.batch_alter_table('enrolment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enrolment_participant_id'))
        batch_op.drop_index(batch_op.f('ix_enrolment_group_id'))

    op.drop_table('enrolment')
    with op.batch_alter_table('therapist', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_therapist_name'))

    op.drop_table('therapist')
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participant_name'))

    op.drop_table('participant')
    with op.batch_alter_table('course_group', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_course_group_name'))

    op.drop_table('course_group')

