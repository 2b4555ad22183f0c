"""What each source said when a correction was made (the ledger keeps the disputed values, e.g.
a saksi copy the meeting rejected, not only the value before and after).

Revision ID: 0011_correction_sources
Revises: 0004
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_correction_sources"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("correction") as table:
        table.add_column(sa.Column("source_values", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("correction") as table:
        table.drop_column("source_values")
