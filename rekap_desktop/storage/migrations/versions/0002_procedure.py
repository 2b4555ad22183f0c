"""Procedure: move log, attendance, texts, box checks, returned notices, pauses, objection call,
signatures.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

S32 = sa.String(32)


def upgrade() -> None:
    op.create_table(
        "procedure_move",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", S32, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("item", sa.String(20)),
        sa.Column("unit", sa.String(20)),
        sa.Column("contest", sa.String(20)),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("contest", sa.String(20)),
        sa.Column("choice", sa.Integer),
        sa.Column("mandate_checked", sa.Boolean),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("arrived_at", S32, nullable=False),
        sa.Column("left_at", S32),
    )
    op.create_table(
        "procedure_text",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(40), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("saved_at", S32, nullable=False),
    )
    op.create_table(
        "box_check",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("unit", sa.String(20), nullable=False),
        sa.Column("seal_intact", sa.Boolean, nullable=False),
        sa.Column("forms_found", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("checked_at", S32, nullable=False),
    )
    op.create_table(
        "returned_notice",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("unit", sa.String(20), nullable=False),
        sa.Column("village", sa.Text, nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("entered_at", S32, nullable=False),
    )
    op.create_table(
        "pause",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("started_at", S32, nullable=False),
        sa.Column("ended_at", S32),
    )
    op.create_table(
        "objection_call",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("asked_at", S32, nullable=False),
        sa.Column("none_raised", sa.Boolean, nullable=False),
        sa.Column("objections", sa.Text, nullable=False),
    )
    op.create_table(
        "signature",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("move_id", sa.Integer, nullable=False, index=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("position", sa.String(100), nullable=False),
        sa.Column("signed", sa.Boolean, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "signature",
        "objection_call",
        "pause",
        "returned_notice",
        "box_check",
        "procedure_text",
        "attendance",
        "procedure_move",
    ):
        op.drop_table(table)
