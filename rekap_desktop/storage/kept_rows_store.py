"""The desa/TPS rows of imported forms (domain/kept_rows.py), stored one packed row per form."""

from __future__ import annotations

import zlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.kept_rows import KeptForm, KeptRows
from rekap_desktop.storage.orm import ImportBatchRow, TallyRow
from rekap_desktop.storage.orm_kept_rows import KeptRowsRow

_LEVEL = 1
"""zlib's quickest level: a national file's rows shrink about fourfold all the same."""


def add(session: Session, tally_id: int, rows: KeptRows) -> None:
    session.add(
        KeptRowsRow(
            tally_id=tally_id,
            keys=",".join(rows.keys),
            row_count=len(rows),
            codes_zlib=zlib.compress("\n".join(rows.codes).encode("utf-8"), _LEVEL),
            cells_zlib=zlib.compress("\n".join(rows.cells).encode("utf-8"), _LEVEL),
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
    codes = zlib.decompress(row.codes_zlib).decode("utf-8").split("\n")
    cells = zlib.decompress(row.cells_zlib).decode("utf-8").split("\n")
    if row.row_count == 0:
        return KeptRows(keys, (), ())
    return KeptRows(keys, tuple(codes), tuple(cells))
