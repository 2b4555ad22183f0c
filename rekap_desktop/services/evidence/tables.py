"""A ledger's rows as the machine-readable exhibits: CSV (one row per record, nested values as
JSON text in their cell) and JSON (the rows as objects), both UTF-8."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import fields, is_dataclass
from enum import Enum
from typing import Any

Row = Mapping[str, Any]


def plain(value: Any) -> Any:
    """A value as plain JSON: records as objects of their fields, enums as their values."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    return value


def rows_of(records: Sequence[object]) -> list[dict[str, Any]]:
    """Records (dataclasses) as rows, one object per record: the shortest way to make any list
    of the meeting a ledger of the pack."""
    return [plain(record) for record in records]


def csv_bytes(rows: Sequence[Row], columns: Sequence[str] = ()) -> bytes:
    """The rows as CSV (BOM-less UTF-8) under a header of ``columns``: a ledger with no row yet
    still names what it records. Without ``columns``, every key seen, in first-seen order."""
    header: dict[str, None] = dict.fromkeys(columns)
    for row in rows:
        if columns and list(row) != list(columns):
            raise ValueError(f"kolom baris {list(row)} tidak sama dengan kepala {list(columns)}")
        header.update(dict.fromkeys(row))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(_cell(row.get(key)) for key in header)
    return out.getvalue().encode("utf-8")


def json_bytes(document: object) -> bytes:
    return json.dumps(plain(document), ensure_ascii=False, indent=1).encode("utf-8")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, int | float | str):
        return str(value)
    return json.dumps(plain(value), ensure_ascii=False, sort_keys=True)
