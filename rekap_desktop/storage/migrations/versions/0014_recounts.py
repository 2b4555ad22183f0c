"""Pencocokan / penghitungan suara ulang records and the corrections they caused.

Revision ID: 0014_recounts
Revises: 0011_correction_sources
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_recounts"
down_revision = "0011_correction_sources"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "recount",
        sa.Column("number", sa.Integer, primary_key=True),
        sa.Column("contest", sa.String(20), nullable=False),
        sa.Column("unit", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("places", sa.Text, nullable=False),
        sa.Column("proposed_by", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("incident_number", sa.Integer, nullable=True),
        sa.Column("decision", sa.String(20), nullable=False),
        sa.Column("decided_by", sa.String(200), nullable=False),
        sa.Column("box_state", sa.String(20), nullable=False),
        sa.Column("box_note", sa.Text, nullable=False),
        sa.Column("counted_by", sa.Text, nullable=False),
        sa.Column("witnesses", sa.Text, nullable=False),
        sa.Column("reference_source", sa.String(20), nullable=False),
        sa.Column("found", sa.Text, nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
    )
    op.create_table(
        "recount_correction",
        sa.Column("correction_id", sa.Integer, sa.ForeignKey("correction.id"), primary_key=True),
        sa.Column("recount_number", sa.Integer, sa.ForeignKey("recount.number"), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("recount_correction")
    op.drop_table("recount")
