"""The meeting that determines the seats and elected candidates (penetapan perolehan kursi).

Revision ID: 0012_seat_meeting
Revises: 0010_seats
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_seat_meeting"
down_revision = "0010_seats"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "seat_meeting",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("contest", sa.String(20), nullable=False),
        sa.Column("held_at", sa.String(32), nullable=False),
        sa.Column("place", sa.Text, nullable=False),
        sa.Column("decree_number", sa.String(200), nullable=False),
        sa.Column("court_notice", sa.Text, nullable=False),
        sa.Column("attendance", sa.Text, nullable=False),
        sa.Column("recorded_by", sa.String(200), nullable=False),
        sa.Column("recorded_at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("seat_meeting")
