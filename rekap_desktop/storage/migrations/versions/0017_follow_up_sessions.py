"""Follow-up sessions (sesi lanjutan): each session's basis and scope, the determined values of
every penetapan, and the session of each result package imported from the level below.

Revision ID: 0017_follow_up_sessions
Revises: 0001
Create Date: 2027-01-10
"""

import sqlalchemy as sa
from alembic import op

revision = "0017_follow_up_sessions"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "follow_up_session",
        sa.Column("number", sa.Integer, primary_key=True),
        sa.Column("basis", sa.String(40), nullable=False),
        sa.Column("document_number", sa.Text, nullable=False),
        sa.Column("document_date", sa.String(10), nullable=False),
        sa.Column("units", sa.Text, nullable=False),
        sa.Column("contests", sa.Text, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("opened_by", sa.String(200), nullable=False),
        sa.Column("opened_at", sa.String(32), nullable=False),
        sa.Column("closed_by", sa.String(200), nullable=False),
        sa.Column("closed_at", sa.String(32), nullable=False),
        sa.Column("last_print", sa.Integer, nullable=False),
    )
    op.create_table(
        "determined_values",
        sa.Column("penetapan", sa.Integer, primary_key=True),
        sa.Column("taken_at", sa.String(32), nullable=False),
        sa.Column("determined_at", sa.String(32), nullable=False),
        sa.Column("entries", sa.Text, nullable=False),
        sa.Column("last_print", sa.Integer, nullable=False),
    )
    op.create_table(
        "package_session",
        sa.Column("manifest_sha256", sa.String(64), primary_key=True),
        sa.Column("unit", sa.String(20), nullable=False),
        sa.Column("session", sa.Integer, nullable=False),
    )
    op.create_index("ix_package_session_unit", "package_session", ["unit"])


def downgrade() -> None:
    op.drop_index("ix_package_session_unit", "package_session")
    op.drop_table("package_session")
    op.drop_table("determined_values")
    op.drop_table("follow_up_session")
