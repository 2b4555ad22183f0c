"""Printed forms: numbered print versions with their PDF and sidik data.

Revision ID: 0005
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "print_version",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("contest", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("paper", sa.String(8), nullable=False),
        sa.Column("fingerprint", sa.String(20), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("watermark", sa.String(20), nullable=False),
        sa.Column("determined", sa.Boolean, nullable=False),
        sa.Column("pages", sa.Integer, nullable=False),
        sa.Column("pdf", sa.LargeBinary, nullable=False),
        sa.Column("printed_at", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.UniqueConstraint("kind", "contest", "version"),
    )
    op.create_index("ix_print_version_fingerprint", "print_version", ["fingerprint"])


def downgrade() -> None:
    op.drop_index("ix_print_version_fingerprint", "print_version")
    op.drop_table("print_version")
