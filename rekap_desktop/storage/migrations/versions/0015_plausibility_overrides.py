"""The meeting's thresholds of the plausibility warnings (ambang kewajaran) and its overrides of
warnings it looked at (temuan kewajaran diabaikan), each with a reason and a commissioner's PIN.

Revision ID: 0015_plausibility_overrides
Revises: 0001
Create Date: 2026-12-10
"""

import sqlalchemy as sa
from alembic import op

revision = "0015_plausibility_overrides"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plausibility_override",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("contest", sa.String(20), nullable=False),
        sa.Column("unit", sa.String(20), nullable=False),
        sa.Column("place", sa.String(40), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("fields", sa.Text, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("overridden_by", sa.String(200), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
    )
    op.create_table(
        "plausibility_limits",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("invalid_share", sa.String(40), nullable=False),
        sa.Column("ballot_share", sa.String(40), nullable=False),
        sa.Column("ballot_sheets", sa.Integer, nullable=False),
        sa.Column("zero_share", sa.String(40), nullable=False),
        sa.Column("outlier_z", sa.String(40), nullable=False),
        sa.Column("min_places", sa.Integer, nullable=False),
        sa.Column("set_by", sa.String(200), nullable=False),
        sa.Column("set_at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("plausibility_limits")
    op.drop_table("plausibility_override")
