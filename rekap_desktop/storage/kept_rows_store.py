"""The desa/TPS rows of imported forms (domain/kept_rows.py), stored one packed row per form."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.kept_rows import KeptForm, KeptRows
from rekap_desktop.storage.orm import ImportBatchRow, TallyRow
from rekap_desktop.storage.orm_kept_rows import KeptRowsRow


def add(session: Session, tally_id: int, rows: KeptRows) -> None:
    session.add(
        KeptRowsRow(
            tally_id=tally_id,
            keys=",".join(rows.keys),
            row_count=len(rows),
            codes="\n".join(rows.codes),
            cells="\n".join(rows.cells),
        )
    )


def current(session: Session, contest: str, unit: str) -> list[KeptForm]:
    """The rows below ``unit`` of every source whose current form of ``contest`` came as rows,
    by source in stored order."""
    query = (
        select(
            TallyRow.source,
            TallyRow.version,
            TallyRow.created_at,
            ImportBatchRow.file_name,
            KeptRowsRow,
        )
        .join(KeptRowsRow, KeptRowsRow.tally_id == TallyRow.id)
        .outerjoin(ImportBatchRow, ImportBatchRow.id == TallyRow.batch_id)
        .where(TallyRow.is_current, TallyRow.contest == contest, TallyRow.unit == unit)
        .order_by(TallyRow.source)
    )
    return [
        KeptForm(source, version, file_name or "", at, _unpacked(kept))
        for source, version, at, file_name, kept in session.execute(query).all()
    ]


def _unpacked(row: KeptRowsRow) -> KeptRows:
    keys = tuple(FieldKey(k) for k in row.keys.split(",") if k)
    if row.row_count == 0:
        return KeptRows(keys, (), ())
    return KeptRows(keys, tuple(row.codes.split("\n")), tuple(row.cells.split("\n")))
