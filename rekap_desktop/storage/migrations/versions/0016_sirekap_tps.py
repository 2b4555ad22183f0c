"""Sirekap's own flags (status_suara, status_adm, psu, hanya foto) and photo addresses per TPS of
each form imported from Sirekap TPS files, packed one row per form version.

Revision ID: 0016_sirekap_tps
Revises: 0013_kept_rows
Create Date: 2026-12-10
"""

import sqlalchemy as sa
from alembic import op

revision = "0016_sirekap_tps"
down_revision = "0013_kept_rows"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sirekap_tps",
        sa.Column("tally_id", sa.Integer, sa.ForeignKey("tally.id"), primary_key=True),
        sa.Column("tps_count", sa.Integer, nullable=False),
        sa.Column("marks", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("sirekap_tps")
