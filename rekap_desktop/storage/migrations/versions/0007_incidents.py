"""Incident register: the full entry (raised by, subject, field, procedure item, Bawaslu opinion,
kecamatan status, version), earlier versions, paraf, evidence, links to corrections and rule-17
refusals.

Revision ID: 0007
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0001"
branch_labels = None
depends_on = None

S32 = sa.String(32)


def _new_columns() -> list[sa.Column]:
    return [
        sa.Column("origin_status", sa.String(40)),
        sa.Column("raiser_role", sa.String(20)),
        sa.Column("raiser_name", sa.Text, nullable=False, server_default=""),
        sa.Column("raiser_contest", sa.String(20)),
        sa.Column("raiser_choice", sa.Integer),
        sa.Column("subject", sa.String(20), nullable=False, server_default="hasil"),
        sa.Column("field", sa.String(40)),
        sa.Column("procedure_item", sa.Integer),
        sa.Column("bawaslu_opinion", sa.Text, nullable=False, server_default=""),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    ]


def upgrade() -> None:
    with op.batch_alter_table("incident") as batch:
        for column in _new_columns():
            batch.add_column(column)
    # Entries carried before this revision kept the kecamatan's status as their own.
    op.execute("UPDATE incident SET origin_status = status WHERE origin = 'kecamatan'")
    incident_fk = sa.ForeignKey("incident.id")
    op.create_table(
        "incident_version",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("incident_id", sa.Integer, incident_fk, nullable=False, index=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("content_json", sa.Text, nullable=False),
        sa.Column("replaced_at", S32, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.UniqueConstraint("incident_id", "version"),
    )
    op.create_table(
        "incident_paraf",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "incident_id", sa.Integer, sa.ForeignKey("incident.id"), nullable=False, index=True
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
    )
    op.create_table(
        "incident_evidence",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "incident_id", sa.Integer, sa.ForeignKey("incident.id"), nullable=False, index=True
        ),
        sa.Column("file_name", sa.String(500), nullable=False),
        sa.Column("media_type", sa.String(60), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("attached_at", S32, nullable=False),
    )
    op.create_table(
        "incident_correction",
        sa.Column("incident_id", sa.Integer, sa.ForeignKey("incident.id"), primary_key=True),
        sa.Column("correction_id", sa.Integer, primary_key=True),
    )
    op.create_table(
        "incident_repeat_refusal",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("refused_at", S32, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("earlier_incident_id", sa.Integer, sa.ForeignKey("incident.id"), nullable=False),
        sa.Column("content_json", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "incident_repeat_refusal",
        "incident_correction",
        "incident_evidence",
        "incident_paraf",
        "incident_version",
    ):
        op.drop_table(table)
    with op.batch_alter_table("incident") as batch:
        for column in reversed(_new_columns()):
            batch.drop_column(column.name)
