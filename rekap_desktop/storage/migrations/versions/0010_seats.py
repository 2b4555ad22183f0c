"""Decisions on ties of the seat allocation (legislative contests).

Revision ID: 0010_seats
Revises: 0001
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_seats"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "seat_decision",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("contest", sa.String(20), nullable=False),
        sa.Column("tie_key", sa.String(400), nullable=False),
        sa.Column("chosen", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("decided_by", sa.String(200), nullable=False),
        sa.Column("decided_at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("seat_decision")
