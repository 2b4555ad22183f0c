"""Every written row is recorded in the audit chain from now on: a database made by an older
version records the rows it already holds, as they stand, in one entry (from then on every row
the program writes is recorded with the entry of the change that wrote it).

Revision ID: 0012_rows_in_chain
Revises: 0002, 0005, 0006, 0007, 0009_idle_lock, 0010_seats, 0011_correction_sources
Create Date: 2026-12-05
"""

from alembic import op
from sqlalchemy import func, select
from sqlalchemy.orm import Session

revision = "0012_rows_in_chain"
down_revision = (
    "0002",
    "0005",
    "0006",
    "0007",
    "0009_idle_lock",
    "0010_seats",
    "0011_correction_sources",
)
branch_labels = None
depends_on = None

ACTOR = "program"


def upgrade() -> None:
    from rekap_desktop.domain.audit_events import AuditEvent
    from rekap_desktop.storage import audit, row_records
    from rekap_desktop.storage.orm import AuditEntryRow

    connection = op.get_bind()
    if not connection.scalar(select(func.count()).select_from(AuditEntryRow)):
        return  # a new database: its rows are recorded as they are written
    rows = {
        table: written
        for table, written in row_records.all_stored_rows(connection).items()
        if written
    }
    if not rows:
        return
    with Session(bind=connection) as session:
        audit.append(
            session,
            ACTOR,
            AuditEvent.ROWS_RECORDED,
            {"sebab": "basis data versi lama: baris yang ada dicatat", row_records.ROWS: rows},
        )
        session.flush()


def downgrade() -> None:
    pass  # the entry stays: the chain never loses an entry
