"""An XLSX is a zip of XML, checked before and beside openpyxl's reading of it.

Two things openpyxl does not refuse: a small file whose members inflate to gigabytes (it would
read them into memory), and a formula cell saved without its computed value (a workbook written
by a program that does not calculate): openpyxl gives such a cell as empty, which would be taken
as "not recorded" instead of a number the sheet shows.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from typing import IO
from xml.etree.ElementTree import iterparse

from rekap_desktop.domain.problems import InputRejected, Problem

MAX_INFLATED_BYTES = 256 * 1024 * 1024
"""What the workbook's members may inflate to in all; a tally workbook of 400,000 values is far
below it."""
_SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_CELL, _FORMULA, _VALUE, _ROW = (_SHEET_NS + t for t in ("c", "f", "v", "row"))


def refuse_inflating(archive: zipfile.ZipFile) -> None:
    """Refuse a workbook whose members say they inflate beyond :data:`MAX_INFLATED_BYTES`.
    (A member that inflates beyond what it says fails zipfile's own check when read.)"""
    inflated = sum(info.file_size for info in archive.infolist())
    if inflated > MAX_INFLATED_BYTES:
        raise InputRejected(
            [
                Problem(
                    f"berkas XLSX mengembang menjadi {_megabytes(inflated)} MB saat dibuka "
                    f"(paling banyak {_megabytes(MAX_INFLATED_BYTES)} MB); tidak dibaca"
                )
            ]
        )


def refuse_uncalculated_formulas(archive: zipfile.ZipFile, sheet_path: str) -> None:
    """Refuse a sheet with a formula cell that has no stored value, naming the first such cell."""
    with archive.open(sheet_path.lstrip("/")) as stream:
        cell = next(_uncalculated(stream), None)
    if cell is not None:
        raise InputRejected(
            [
                Problem(
                    f"sel {cell} berisi rumus tanpa nilai hasil hitungan tersimpan; buka dan "
                    "simpan ulang berkas di program lembar kerja (agar rumus dihitung), atau "
                    "ganti rumus dengan angkanya"
                )
            ]
        )


def _uncalculated(stream: IO[bytes]) -> Iterator[str]:
    for _event, element in iterparse(stream):
        if element.tag == _CELL:
            value = element.find(_VALUE)
            if element.find(_FORMULA) is not None and (value is None or not value.text):
                yield element.get("r") or "?"
        elif element.tag == _ROW:
            element.clear()  # keep memory flat on a long sheet


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f}".replace(",", ".")
