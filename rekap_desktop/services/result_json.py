"""The JSON printed by ``recap --json`` and ``check --json`` (formats §4), a contract."""

from __future__ import annotations

from typing import Any

from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.recap import Outcome
from rekap_desktop.domain.tally import Tally, form_keys
from rekap_desktop.services.results import CheckResult, ContestRecap


def recap_json(pleno: Pleno, recaps: list[ContestRecap]) -> dict[str, Any]:
    return {
        "wilayah": {"kode": pleno.region.code, "nama": pleno.region.name},
        "kontestasi": [_contest(r) for r in recaps],
    }


def _contest(item: ContestRecap) -> dict[str, Any]:
    recap = item.recap
    keys = form_keys(recap.contest)
    return {
        "kode": recap.contest.code,
        "sumber": item.source,
        "unit": [
            {"kode_wilayah": unit.code, "nama_wilayah": unit.name, **_fields(tally, keys)}
            for unit, tally in recap.units
        ],
        "jumlah": _fields(recap.total, keys),
        "hasil": _outcome(recap.outcome),
    }


def _fields(tally: Tally, keys: tuple[str, ...]) -> dict[str, int]:
    return {k: v for k in keys if (v := tally.value(k)) is not None}


def _outcome(outcome: Outcome) -> dict[str, Any]:
    return {"nomor_urut": outcome.number, "terpilih": outcome.elected}


def check_json(result: CheckResult) -> dict[str, Any]:
    return {
        "temuan": [
            {
                "kode": f.finding.code,
                "tingkat": f.finding.severity.value,
                "pemilihan": f.contest,
                "kode_wilayah": f.unit,
                "sumber": f.source,
                "rincian": list(f.finding.fields),
                "pesan": f.finding.message,
            }
            for f in result.findings
        ],
        "selisih": [
            {
                "pemilihan": d.contest,
                "kode_wilayah": d.unit,
                "rincian": d.difference.field,
                "nilai": {s.code: v for s, v in d.difference.values.items()},
            }
            for d in result.differences
        ],
    }
