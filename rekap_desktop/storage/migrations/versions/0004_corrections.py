"""Comparison and corrections: correction, entry_confirmation, entry_pass, pair_status,
form_photo.

Revision ID: 0004
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0001"
branch_labels = None
depends_on = None

S20 = sa.String(20)
S32 = sa.String(32)
ACTOR = sa.String(200)


def upgrade() -> None:
    op.create_table(
        "correction",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("contest", S20, nullable=False),
        sa.Column("unit", S20, nullable=False),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("before", sa.Integer),
        sa.Column("after", sa.Integer, nullable=False),
        sa.Column("reason", sa.String(40), nullable=False),
        sa.Column("reason_text", sa.Text, nullable=False),
        sa.Column("basis", sa.Text, nullable=False),
        sa.Column("proposed_by", sa.Text, nullable=False),
        sa.Column("approved_by", sa.Text, nullable=False),
        sa.Column("incident_number", sa.Integer),
        sa.Column("pleno_version", sa.Integer, nullable=False),
        sa.Column("at", S32, nullable=False),
        sa.Column("actor", ACTOR, nullable=False),
    )
    op.create_table(
        "entry_confirmation",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("contest", S20, nullable=False),
        sa.Column("unit", S20, nullable=False),
        sa.Column("source", S20, nullable=False),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("value", sa.Integer, nullable=False),
        sa.Column("at", S32, nullable=False),
        sa.Column("actor", ACTOR, nullable=False),
    )
    op.create_table(
        "entry_pass",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("contest", S20, nullable=False),
        sa.Column("unit", S20, nullable=False),
        sa.Column("source", S20, nullable=False),
        sa.Column("pass_no", sa.Integer, nullable=False),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("value", sa.Integer, nullable=False),
        sa.Column("applied", sa.Boolean, nullable=False),
        sa.Column("at", S32, nullable=False),
        sa.Column("actor", ACTOR, nullable=False),
    )
    op.create_index("ix_entry_pass_form", "entry_pass", ["contest", "unit", "source", "pass_no"])
    op.create_table(
        "pair_status",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("contest", S20, nullable=False),
        sa.Column("unit", S20, nullable=False),
        sa.Column("status", S20, nullable=False),
        sa.Column("at", S32, nullable=False),
        sa.Column("actor", ACTOR, nullable=False),
    )
    op.create_table(
        "form_photo",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("contest", S20, nullable=False),
        sa.Column("unit", S20, nullable=False),
        sa.Column("source", S20, nullable=False),
        sa.Column("file_name", sa.String(500), nullable=False),
        sa.Column("mime", S20, nullable=False),
        sa.Column("width", sa.Integer, nullable=False),
        sa.Column("height", sa.Integer, nullable=False),
        sa.Column("size_bytes", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("at", S32, nullable=False),
        sa.Column("actor", ACTOR, nullable=False),
    )


def downgrade() -> None:
    op.drop_index("ix_entry_pass_form", table_name="entry_pass")
    for table in ("form_photo", "pair_status", "entry_pass", "entry_confirmation", "correction"):
        op.drop_table(table)
