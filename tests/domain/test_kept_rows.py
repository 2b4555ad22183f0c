"""Kept desa/TPS rows (domain/kept_rows.py): packed as text, read back as values."""

from __future__ import annotations

from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.kept_rows import KeptRow, KeptRows

A, B, C = FieldKey("suara_01"), FieldKey("suara_02"), FieldKey("suara_sah")


def test_rows_packed_from_values_read_back_the_same() -> None:
    given = [KeptRow("9901011001001", {A: 3, C: 10}), KeptRow("9901011001002", {B: 0})]
    kept = KeptRows.of((A, B, C), given)
    assert kept.cells == ("3,,10", ",0,")
    assert list(kept) == given
    assert kept.total() == {A: 3, B: 0, C: 10}


def test_one_column_is_read_without_the_others() -> None:
    kept = KeptRows.of((A, B), [KeptRow("1", {A: 7}), KeptRow("2", {A: 1, B: 12})])
    assert list(kept.column(B)) == [("1", None), ("2", 12)]
    assert list(kept.column(C)) == [("1", None), ("2", None)]
