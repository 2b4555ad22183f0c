"""Rules of the Kejadian Khusus / Keberatan register: what a valid entry is, how it is settled,
rule 17 (an objection resolved at kecamatan level is not raised again) and when the result may be
determined. Every refusal is a value with an Indonesian reason; nothing here raises on bad input.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from rekap_desktop.domain.election import Pleno, Witness
from rekap_desktop.domain.incidents import (
    KIND_LABELS,
    PROCEDURE_ITEMS,
    Incident,
    IncidentStatus,
    Origin,
    Paraf,
    ParafRole,
    Raiser,
    RaiserRole,
)
from rekap_desktop.domain.tally import is_known_key

MAX_EVIDENCE_BYTES = 50 * 1024 * 1024
EVIDENCE_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"%PDF-", "application/pdf"),
)


@dataclass(frozen=True)
class Refusal:
    reason: str


@dataclass(frozen=True)
class RepeatRefusal(Refusal):
    """Rule 17: the objection was settled at kecamatan level; ``earlier`` is that record."""

    earlier: Incident


def entry_name(entry: Incident) -> str:
    return f"entri No. {entry.number}" if entry.number is not None else "entri baru"


# -- a new or edited entry -----------------------------------------------------------------


def draft_problems(draft: Incident, pleno: Pleno, saksi: Iterable[Witness]) -> list[str]:
    """What is wrong with an entry as filled in (empty when it may be stored)."""
    problems: list[str] = []
    if not draft.description.strip():
        problems.append("uraian kejadian/keberatan tidak boleh kosong")
    if draft.origin is Origin.BARU:
        if draft.raiser is None:
            problems.append("yang mengajukan wajib dipilih")
        else:
            problems += raiser_problems(draft.raiser, pleno, saksi)
    problems += _place_problems(draft, pleno)
    if draft.procedure_item is not None and draft.procedure_item not in PROCEDURE_ITEMS:
        problems.append(f"butir tata cara {draft.procedure_item} tidak ada (1–17)")
    problems += [
        f"nomor pembetulan {c} tidak sah (harus bilangan bulat positif)"
        for c in draft.corrections
        if c <= 0
    ]
    return problems


def raiser_problems(raiser: Raiser, pleno: Pleno, saksi: Iterable[Witness]) -> list[str]:
    if raiser.role is not RaiserRole.SAKSI:
        if raiser.role is RaiserRole.LAIN and not raiser.name.strip():
            return ["nama yang mengajukan wajib diisi"]
        return []
    contest = pleno.contest(raiser.contest or "")
    if contest is None:
        return [f"saksi: pemilihan '{raiser.contest}' tidak ada dalam pleno ini"]
    if raiser.choice is None or contest.choice(raiser.choice) is None:
        return [f"saksi: nomor urut {raiser.choice} tidak ada di {contest.title}"]
    registered = [w for w in saksi if w.contest == raiser.contest and w.choice == raiser.choice]
    if not any(_same_name(w.name, raiser.name) for w in registered):
        known = ", ".join(w.name for w in registered) or "belum ada"
        return [
            f"saksi '{raiser.name}' tidak terdaftar dalam daftar hadir sebagai saksi nomor urut "
            f"{raiser.choice} {contest.title} (terdaftar: {known})"
        ]
    return []


def _place_problems(draft: Incident, pleno: Pleno) -> list[str]:
    problems: list[str] = []
    if draft.unit is not None and pleno.unit(draft.unit) is None:
        problems.append(f"kecamatan '{draft.unit}' bukan unit pleno ini")
    contest = pleno.contest(draft.contest) if draft.contest is not None else None
    if draft.contest is not None and contest is None:
        problems.append(f"pemilihan '{draft.contest}' tidak ada dalam pleno ini")
    if draft.field is not None:
        if contest is None:
            problems.append(f"rincian '{draft.field}' memerlukan pemilihan")
        elif not is_known_key(contest, draft.field):
            problems.append(f"rincian '{draft.field}' tidak ada di formulir {contest.title}")
    return problems


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


# -- rule 17 --------------------------------------------------------------------------------


def same_subject(draft: Incident, earlier: Incident) -> bool:
    """Same kecamatan and subject: the same contest and field, or the same contest when either
    names no field (an objection to a whole contest covers each of its rows)."""
    if draft.unit is None or draft.unit != earlier.unit or draft.contest != earlier.contest:
        return False
    return draft.field is None or earlier.field is None or draft.field == earlier.field


def repeat_of(draft: Incident, register: Iterable[Incident]) -> RepeatRefusal | None:
    """Rule 17: a new objection matching one already resolved at kecamatan level is refused."""
    if not draft.kind.is_objection or draft.origin is not Origin.BARU:
        return None
    for earlier in register:
        if (
            earlier.kind.is_objection
            and earlier.resolved_at_kecamatan
            and same_subject(draft, earlier)
        ):
            return RepeatRefusal(
                "keberatan ini sudah diselesaikan di tingkat kecamatan dan tidak dapat diajukan "
                "lagi (tata cara butir 17)",
                earlier,
            )
    return None


# -- lifecycle ------------------------------------------------------------------------------


def _final_refusal(entry: Incident) -> Refusal | None:
    if entry.is_open:
        return None
    if entry.resolved_at_kecamatan and entry.status is IncidentStatus.DISELESAIKAN:
        return Refusal(f"{entry_name(entry)} sudah diselesaikan di kecamatan dan bersifat final")
    status = (
        "diselesaikan"
        if entry.status is IncidentStatus.DISELESAIKAN
        else ("ditandai tidak dapat diselesaikan")
    )
    return Refusal(f"{entry_name(entry)} sudah {status}; tidak dapat diubah lagi")


def revise(entry: Incident, draft: Incident) -> Incident | Refusal:
    """Complete or edit an open entry; its number, origin and status stay as they are."""
    refusal = _final_refusal(entry)
    if refusal is not None:
        return refusal
    return replace(
        draft,
        number=entry.number,
        status=entry.status,
        origin=entry.origin,
        origin_number=entry.origin_number,
        origin_status=entry.origin_status,
        recorded_at=entry.recorded_at,
        paraf=entry.paraf,
        evidence=entry.evidence,
        resolution=entry.resolution,
        version=entry.version + 1,
    )


def resolve(
    entry: Incident, resolution: str, paraf: tuple[Paraf, ...], saksi: Iterable[Witness]
) -> Incident | Refusal:
    """Diselesaikan: with the resolution text and, for an objection, the objector's paraf; every
    witnessing saksi must be a registered saksi."""
    refusal = _final_refusal(entry)
    if refusal is not None:
        return refusal
    if not resolution.strip():
        return Refusal(f"{entry_name(entry)}: penyelesaian wajib diisi")
    if any(not p.name.strip() for p in paraf):
        return Refusal(f"{entry_name(entry)}: nama pemaraf tidak boleh kosong")
    if entry.kind.is_objection and not any(p.role is ParafRole.PENGAJU for p in paraf):
        return Refusal(
            f"{entry_name(entry)}: paraf yang mengajukan keberatan wajib dicatat "
            "(tata cara butir 16)"
        )
    if not paraf:
        return Refusal(
            f"{entry_name(entry)}: 'diselesaikan dengan paraf' perlu sedikitnya satu paraf "
            "(yang mengajukan atau saksi yang menyaksikan); tanpa paraf pilih "
            "'tidak dapat diselesaikan' dengan alasannya"
        )
    names = [w.name for w in saksi]
    for p in paraf:
        if p.role is ParafRole.PENYAKSI and not any(_same_name(p.name, n) for n in names):
            return Refusal(
                f"{entry_name(entry)}: '{p.name}' bukan saksi yang terdaftar dalam daftar hadir"
            )
    return replace(
        entry,
        status=IncidentStatus.DISELESAIKAN,
        resolution=resolution.strip(),
        paraf=paraf,
        version=entry.version + 1,
    )


def mark_unresolvable(entry: Incident, reason: str) -> Incident | Refusal:
    """Tidak dapat diselesaikan: allowed only with the reason written down."""
    refusal = _final_refusal(entry)
    if refusal is not None:
        return refusal
    if not reason.strip():
        return Refusal(f"{entry_name(entry)}: alasan 'tidak dapat diselesaikan' wajib diisi")
    return replace(
        entry,
        status=IncidentStatus.TIDAK_DAPAT_DISELESAIKAN,
        resolution=reason.strip(),
        version=entry.version + 1,
    )


# -- evidence and determination -------------------------------------------------------------


def evidence_type(file_name: str, head: bytes, size: int) -> str | Refusal:
    """The media type of an attachment read from its first bytes (JPG, PNG or PDF, ≤ 50 MB)."""
    if size > MAX_EVIDENCE_BYTES:
        megabytes = size / (1024 * 1024)
        return Refusal(f"{file_name}: ukuran {megabytes:.0f} MB melebihi batas 50 MB")
    if size == 0:
        return Refusal(f"{file_name}: berkas kosong")
    for signature, media_type in EVIDENCE_SIGNATURES:
        if head.startswith(signature):
            return media_type
    return Refusal(f"{file_name}: bukan berkas JPG, PNG atau PDF (dilihat dari isinya)")


def determination_blockers(entries: Iterable[Incident]) -> tuple[str, ...]:
    """Why the result may not be determined yet: one line per entry still open."""
    return tuple(
        f"{entry_name(e)} ({KIND_LABELS[e.kind]}{', ' + e.unit if e.unit else ''}) masih "
        "terbuka: selesaikan atau tandai 'tidak dapat diselesaikan' dengan alasannya"
        for e in entries
        if e.is_open
    )
