"""The idle time after which the cockpit's screen locks, set by the ketua.

Revision ID: 0009_idle_lock
Revises: 0008
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_idle_lock"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "idle_lock",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("minutes", sa.Integer, nullable=False),
        sa.Column("set_by", sa.String(200), nullable=False),
        sa.Column("set_at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("idle_lock")
