"""Copies (salinan) of printed form versions handed to saksi, Bawaslu and others, numbered per
print version and grouped by handing.

Revision ID: 0018_copies
Revises: 0001
Create Date: 2026-12-20
"""

import sqlalchemy as sa
from alembic import op

revision = "0018_copies"
down_revision = "0001"
branch_labels = None
depends_on = "0005"  # print_version (its own branch) must exist first


def upgrade() -> None:
    op.create_table(
        "handed_copy",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("handing", sa.Integer, nullable=False),
        sa.Column("print_id", sa.Integer, sa.ForeignKey("print_version.id"), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("receiver_name", sa.String(200), nullable=False),
        sa.Column("receiver_kind", sa.String(20), nullable=False),
        sa.Column("contest", sa.String(20), nullable=True),
        sa.Column("choice", sa.Integer, nullable=True),
        sa.Column("receiver_note", sa.Text, nullable=False),
        sa.Column("medium", sa.String(20), nullable=False),
        sa.Column("moment", sa.String(30), nullable=False),
        sa.Column("unit", sa.String(20), nullable=True),
        sa.Column("handed_by", sa.String(200), nullable=False),
        sa.Column("handed_at", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.UniqueConstraint("print_id", "number"),
    )


def downgrade() -> None:
    op.drop_table("handed_copy")
