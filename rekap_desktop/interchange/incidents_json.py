"""The kecamatan incident register carried up (``rekap-kejadian/1`` JSON), procedure item 6."""

from __future__ import annotations

import json
from typing import Any, TypeVar

from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.incidents import Incident, IncidentKind, IncidentStatus, Origin
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.interchange.json_input import load_json

FORMAT = "rekap-kejadian/1"
_KEYS = {
    "kode_wilayah",
    "nomor",
    "jenis",
    "pemilihan",
    "diajukan_oleh",
    "uraian",
    "status",
    "penyelesaian",
}
_REQUIRED = {"kode_wilayah", "nomor", "jenis", "diajukan_oleh", "uraian", "status"}


def parse_carried_incidents(data: bytes, file_name: str, pleno: Pleno) -> list[Incident]:
    """Entries of the kecamatan registers, as carried items; all-or-nothing."""
    try:
        document = load_json(data.decode("utf-8-sig"), file_name)
    except UnicodeDecodeError:
        raise InputRejected([Problem("berkas bukan teks UTF-8")], file_name) from None
    except json.JSONDecodeError as error:
        where = f"baris {error.lineno} kolom {error.colno}"
        raise InputRejected([Problem(f"JSON tidak sah ({where})")], file_name) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InputRejected([Problem(f"format harus '{FORMAT}'")], file_name)
    entries = document.get("kejadian")
    if not isinstance(entries, list):
        raise InputRejected([Problem("'kejadian' harus berupa daftar")], file_name)
    problems: list[Problem] = []
    found = [_entry(i, e, pleno, problems) for i, e in enumerate(entries)]
    if problems:
        raise InputRejected(problems, file_name)
    return [e for e in found if e is not None]


def _entry(index: int, raw: Any, pleno: Pleno, problems: list[Problem]) -> Incident | None:
    where = f"kejadian[{index}]"
    if not isinstance(raw, dict):
        problems.append(Problem(f"{where}: harus berupa objek"))
        return None
    before = len(problems)
    for key in sorted(set(raw) - _KEYS):
        problems.append(Problem(f"{where}: kunci '{key}' tidak dikenal"))
    for key in sorted(_REQUIRED - set(raw)):
        problems.append(Problem(f"{where}: kunci '{key}' wajib ada"))
    if len(problems) > before:
        return None
    unit = str(raw["kode_wilayah"])
    if pleno.unit(unit) is None:
        problems.append(Problem(f"{where}: kode_wilayah '{unit}' bukan unit pleno ini"))
    contest = raw.get("pemilihan")
    if contest is not None and pleno.contest(str(contest)) is None:
        problems.append(Problem(f"{where}: pemilihan '{contest}' tidak ada dalam pleno ini"))
    kind = _enum(IncidentKind, raw["jenis"], f"{where}: jenis", problems)
    status = _enum(IncidentStatus, raw["status"], f"{where}: status", problems)
    description = str(raw["uraian"]).strip()
    if not description:
        problems.append(Problem(f"{where}: uraian tidak boleh kosong"))
    if len(problems) > before or kind is None or status is None:
        return None
    return Incident(
        kind=kind,
        raised_by=str(raw["diajukan_oleh"]),
        description=description,
        # Resolved at the kecamatan: final here; anything else stays open until settled here.
        status=IncidentStatus.DISELESAIKAN
        if status is IncidentStatus.DISELESAIKAN
        else IncidentStatus.TERBUKA,
        unit=unit,
        contest=None if contest is None else str(contest),
        resolution=str(raw.get("penyelesaian") or ""),
        origin=Origin.KECAMATAN,
        origin_number=str(raw["nomor"]),
        origin_status=status,
    )


_E = TypeVar("_E", IncidentKind, IncidentStatus)


def _enum(kind: type[_E], value: Any, where: str, problems: list[Problem]) -> _E | None:
    try:
        return kind(str(value))
    except ValueError:
        allowed = ", ".join(k.value for k in kind)
        problems.append(Problem(f"{where} '{value}' tidak dikenal (pilihan: {allowed})"))
        return None
