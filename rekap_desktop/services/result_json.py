"""The JSON printed by ``recap --json`` and ``check --json`` (formats §4), a contract."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.kept_rows import KeptForm, KeptRow
from rekap_desktop.domain.legislative import DistrictResult
from rekap_desktop.domain.plausibility import Implausible
from rekap_desktop.domain.plausibility_overrides import PlausibilityOverride, override_for
from rekap_desktop.domain.recap import Outcome, Recap
from rekap_desktop.domain.seats import OpenTie
from rekap_desktop.domain.sirekap_marks import TpsMark
from rekap_desktop.domain.spread import SpreadDecision
from rekap_desktop.domain.tally import Tally, form_keys
from rekap_desktop.services.results import CheckResult, ContestRecap
from rekap_desktop.services.seat_service import SeatResults


def recap_json(
    pleno: Pleno, recaps: list[ContestRecap], seats: Mapping[str, SeatResults] | None = None
) -> dict[str, Any]:
    """``seats``: the seat results of the legislative contests (and DPD), by contest code."""
    seats = seats or {}
    return {
        "wilayah": {"kode": pleno.region.code, "nama": pleno.region.name},
        "kontestasi": [_contest(r, seats.get(r.recap.contest.code)) for r in recaps],
    }


def kept_rows_json(
    forms: list[KeptForm], marks: Mapping[str, Mapping[str, TpsMark]] | None = None
) -> list[dict[str, Any]]:
    """``"rinci"`` of ``recap --json --unit KODE --rinci``: each kept desa/TPS row per source, as
    imported, with the file, version and time it came with (the unit's value is their sum).
    A TPS row from a Sirekap TPS file adds one key, ``"tanda_sirekap"``: the file's own flags
    and photo addresses (an object, so it is never read as a field of §2, whose values are
    numbers)."""
    marks = marks or {}
    rows = []
    for form in forms:
        marked = marks.get(form.source, {})
        for row in form.rows:
            found = _kept_row(form, row)
            mark = marked.get(row.code)
            if mark is not None:
                found["tanda_sirekap"] = _mark(mark)
            rows.append(found)
    return rows


def _mark(mark: TpsMark) -> dict[str, Any]:
    return {
        "status_suara": mark.status_suara,
        "status_adm": mark.status_adm,
        "psu": mark.psu,
        "hanya_foto": mark.photo_only,
        "foto": list(mark.images),
    }


def _kept_row(form: KeptForm, row: KeptRow) -> dict[str, Any]:
    found: dict[str, Any] = {
        "kode_wilayah": row.code,
        "sumber": form.source,
        "berkas": form.file_name,
        "versi": form.version,
        "waktu": form.at,
    }
    found.update((key, value) for key, value in row.values.items())
    return found


def _contest(item: ContestRecap, seats: SeatResults | None) -> dict[str, Any]:
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
        "hasil": _hasil(recap, seats),
    }


def _hasil(recap: Recap, seats: SeatResults | None) -> dict[str, Any]:
    """formats §4: ``terpilih`` only where this meeting's level decides the contest; below it the
    leader (``suara_terbanyak``), and for a party list the dapil's party votes, which go up."""
    if not recap.outcome.decides_here:
        if recap.contest.is_party_list and seats is not None:
            return {"dapil": [_district_votes(d) for d in seats.districts]}
        return _leader(recap.outcome)
    return _seats(seats) if seats is not None else _outcome(recap.outcome)


def _fields(tally: Tally, keys: tuple[str, ...]) -> dict[str, int]:
    return {k: v for k in keys if (v := tally.value(k)) is not None}


def _outcome(outcome: Outcome) -> dict[str, Any]:
    hasil: dict[str, Any] = {"nomor_urut": outcome.number, "terpilih": outcome.elected}
    if outcome.spread is not None:
        hasil["persebaran"] = _spread(outcome.spread)
    return hasil


def _leader(outcome: Outcome) -> dict[str, Any]:
    return {"nomor_urut": outcome.number, "suara_terbanyak": outcome.number is not None}


def _spread(decision: SpreadDecision) -> dict[str, Any]:
    """The figures that decided an equal first place (an addition to the contract)."""
    return {
        "dasar": decision.basis,
        "wilayah": decision.area,
        "jumlah_wilayah": decision.area_count,
        "penentu": decision.step,
        "pasangan": [
            {
                "nomor_urut": f.number,
                "suara": f.votes,
                "wilayah_bersuara": f.areas_with_votes,
                "wilayah_unggul": f.areas_leading,
                "persentase_terendah": None
                if f.lowest_share is None
                else round(float(f.lowest_share) * 100, 2),
            }
            for f in decision.figures
        ],
    }


def _seats(results: SeatResults) -> dict[str, Any]:
    """formats §4: per dapil each party's votes (its candidates' included), seats and the elected
    candidates in order of votes; for the DPD the elected candidates. A tie the meeting still has
    to decide is listed under ``seri`` (an addition to the contract)."""
    if results.dpd is not None or results.contest.code == "dpd":
        hasil: dict[str, Any] = {"terpilih": list(results.dpd.elected) if results.dpd else []}
    else:
        hasil = {"dapil": [_district(d) for d in results.districts]}
    if results.open_ties:
        hasil["seri"] = [_tie(t) for t in results.open_ties]
    return hasil


def _tie(tie: OpenTie) -> dict[str, Any]:
    """An open tie; ``data_diperlukan`` names the counts the meeting must obtain to apply PKPU
    6/2024 Pasal 29 (an addition to the contract)."""
    entry: dict[str, Any] = {"kunci": tie.key, "pesan": tie.message}
    if tie.data_needed:
        entry["data_diperlukan"] = [
            {"tingkat": t.name, "dokumen": t.document} for t in tie.data_needed
        ]
    return entry


def _district_votes(result: DistrictResult) -> dict[str, Any]:
    """A dapil below the level that determines its seats: the party votes only."""
    return {
        "kode": result.district.code,
        "partai": [{"nomor_urut": p.party.number, "suara": p.total} for p in result.parties],
    }


def _district(result: DistrictResult) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "kode": result.district.code,
        "kursi": result.district.seats,
        "partai": [
            {
                "nomor_urut": p.party.number,
                "suara": p.total,
                "kursi": result.seats_of(p.party.number),
                "terpilih": list(result.elected_of(p.party.number)),
            }
            for p in result.parties
        ],
    }
    if result.not_allocated_reason:
        entry["catatan"] = result.not_allocated_reason
    return entry


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
        ]
        + [_warning(w, result.overrides) for w in result.implausible],
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


def _warning(warning: Implausible, overrides: Sequence[PlausibilityOverride]) -> dict[str, Any]:
    """A plausibility warning (formats §4); one the meeting overrode carries ``diabaikan``."""
    entry: dict[str, Any] = {
        "kode": warning.code,
        "tingkat": "warning",
        "pemilihan": warning.place.contest,
        "kode_wilayah": warning.place.code,
        "sumber": warning.place.source,
        "rincian": list(warning.fields),
        "pesan": warning.message,
    }
    override = override_for(warning, overrides)
    if override is not None:
        entry["diabaikan"] = {"oleh": override.overridden_by, "alasan": override.reason}
    return entry
