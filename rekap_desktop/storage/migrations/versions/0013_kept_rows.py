"""The desa/TPS rows each imported form was summed from, kept as they came.

Revision ID: 0013_kept_rows
Revises: 0001
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_kept_rows"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kept_rows",
        sa.Column("tally_id", sa.Integer, sa.ForeignKey("tally.id"), primary_key=True),
        sa.Column("keys", sa.Text, nullable=False),
        sa.Column("row_count", sa.Integer, nullable=False),
        sa.Column("codes", sa.Text, nullable=False),
        sa.Column("cells", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("kept_rows")
