"""Data exchange: Sirekap progress per unit, trusted sender keys, imported result packages.

Revision ID: 0006
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sirekap_progress",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("batch_id", sa.Integer, sa.ForeignKey("import_batch.id"), nullable=False),
        sa.Column("contest", sa.String(20), nullable=False),
        sa.Column("unit", sa.String(20), nullable=False),
        sa.Column("ts", sa.String(32), nullable=False),
        sa.Column("done", sa.Integer, nullable=True),
        sa.Column("total", sa.Integer, nullable=True),
        sa.Column("imported_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_sirekap_progress_unit", "sirekap_progress", ["contest", "unit"])
    op.create_table(
        "trusted_key",
        sa.Column("fingerprint", sa.String(80), primary_key=True),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("region", sa.String(20), nullable=False),
        sa.Column("trusted_at", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
    )
    op.create_table(
        "package_import",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("unit", sa.String(20), nullable=False),
        sa.Column("manifest_sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("fingerprint", sa.String(80), nullable=False),
        sa.Column("batch_id", sa.Integer, sa.ForeignKey("import_batch.id"), nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("imported_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_package_import_unit", "package_import", ["unit"])


def downgrade() -> None:
    op.drop_index("ix_package_import_unit", "package_import")
    op.drop_table("package_import")
    op.drop_table("trusted_key")
    op.drop_index("ix_sirekap_progress_unit", "sirekap_progress")
    op.drop_table("sirekap_progress")
