"""An audit entry in one readable Indonesian sentence, and the kecamatan and pemilihan it touched,
read from its stored payload (the chain keeps codes and values; people need names).

Every summary is built from what the entry itself recorded, never from today's state: an entry
read years later says what it said then. A payload of an unexpected shape (a newer program, an
older one) still gives a sentence: its plain values, named by their keys.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.audit_labels import event_label
from rekap_desktop.domain.audit_log import AuditLogEntry
from rekap_desktop.domain.corrections import REASON_LABELS, Reason
from rekap_desktop.domain.election import CONTEST_OFFICES, Pleno
from rekap_desktop.domain.incidents import KIND_LABELS, IncidentKind
from rekap_desktop.domain.procedure import Stop, stop_label
from rekap_desktop.domain.recounts import KIND_LABELS as RECOUNT_KINDS
from rekap_desktop.domain.recounts import OUTCOME_LABELS, Outcome, RecountKind
from rekap_desktop.domain.roles import ROLE_LABELS, Role
from rekap_desktop.text.fields import field_label
from rekap_desktop.text.numbers import format_number

ROWS_KEY = "baris"
"""Rows the chain records by digest (storage's row records): evidence, not for reading."""
CONFIRMER_KEY = "dikonfirmasi_oleh"
LISTED = 3
"""Values named in a sentence before "dan N lainnya"."""
TEXT_LIMIT = 160

Payload = Mapping[str, Any]


@dataclass(frozen=True)
class AuditNames:
    """Names for the codes an entry records: the meeting's units and contests, the forms."""

    pleno: Pleno | None
    forms: Mapping[str, str] = field(default_factory=dict)
    """Form kind code (``d-hasil``) → its title."""

    def unit(self, code: object) -> str:
        text = str(code)
        unit = self.pleno.unit_for(text) if self.pleno else None
        if unit is None:
            return text
        return unit.name if unit.code == text else f"{text} ({unit.name})"

    def contest(self, code: object) -> str:
        return CONTEST_OFFICES.get(str(code), str(code))

    def field(self, code: object) -> str:
        kind = self.pleno.kind.value if self.pleno else "pilkada"
        return field_label(str(code), kind)

    def form(self, code: object) -> str:
        return self.forms.get(str(code), str(code))

    def where(self, payload: Payload) -> str:
        """ "PALARAN, Wali Kota dan Wakil Wali Kota, sumber ppk" from the payload's codes."""
        parts = []
        if payload.get("kode_wilayah"):
            parts.append(self.unit(payload["kode_wilayah"]))
        if payload.get("pemilihan"):
            parts.append(self.contest(payload["pemilihan"]))
        if payload.get("sumber"):
            parts.append(f"sumber {payload['sumber']}")
        return ", ".join(parts)


def read_entry(
    number: int, at: str, actor: str, event: str, payload_text: str, digest: str, names: AuditNames
) -> AuditLogEntry:
    """One stored entry as the viewer shows it."""
    try:
        payload = json.loads(payload_text)
    except ValueError:
        payload = {}
    data: Payload = payload if isinstance(payload, dict) else {}
    units, contests = touched(data, names.pleno)
    confirmer = data.get(CONFIRMER_KEY)
    return AuditLogEntry(
        number,
        at,
        actor,
        event,
        event_label(event),
        units,
        contests,
        confirmer if isinstance(confirmer, str) and confirmer else None,
        summary(event, data, names),
        digest,
    )


def summary(event: str, payload: Payload, names: AuditNames) -> str:
    """The entry in a sentence; a confirmation by PIN is named at its end."""
    try:
        known: AuditEvent | None = AuditEvent(event)
    except ValueError:
        known = None
    writer = SUMMARIES.get(known) if known is not None else None
    try:
        text = writer(payload, names) if writer else plain_values(payload)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError):
        text = plain_values(payload)  # an entry of another shape than this program writes
    confirmer = payload.get(CONFIRMER_KEY)
    if confirmer:
        text += f" Dikonfirmasi {confirmer} dengan PIN."
    return text


def touched(payload: Payload, pleno: Pleno | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(unit codes, contest codes) an entry names: at its top, in the forms, register entries and
    before/after records it lists, in a procedure position; desa/TPS codes as their kecamatan."""
    units: dict[str, None] = {}
    contests: dict[str, None] = {}
    for record in _records(payload):
        code = record.get("kode_wilayah")
        if isinstance(code, str) and code:
            unit = pleno.unit_for(code) if pleno else None
            units[unit.code if unit else code] = None
        contest = record.get("pemilihan")
        if isinstance(contest, str) and contest:
            contests[contest] = None
    for key in ("posisi", "tujuan"):
        stop = payload.get(key)
        if isinstance(stop, list) and len(stop) == 3:
            _, unit_code, contest_code = stop
            if isinstance(unit_code, str):
                units[unit_code] = None
            if isinstance(contest_code, str):
                contests[contest_code] = None
    for key in ("ts", "progres"):
        if isinstance(payload.get(key), dict):
            contests.update(dict.fromkeys(str(c) for c in payload[key]))
    return tuple(units), tuple(contests)


def _records(payload: Payload) -> Iterable[Mapping[str, Any]]:
    yield payload
    for key in ("formulir", "kejadian"):
        listed = payload.get(key)
        for item in listed if isinstance(listed, list) else ():
            if isinstance(item, dict):
                yield item
    for key in ("sebelum", "sesudah", "diajukan"):
        if isinstance(payload.get(key), dict):
            yield payload[key]


def plain_values(payload: Payload) -> str:
    """The payload's plain values, each named by its key ("dasar: Putusan MK …; nomor: 3")."""
    parts = []
    for key, value in payload.items():
        if key in (ROWS_KEY, CONFIRMER_KEY, "peran_pengonfirmasi"):
            continue
        if isinstance(value, bool):
            parts.append(f"{key.replace('_', ' ')}: {'ya' if value else 'tidak'}")
        elif isinstance(value, int | str) and value != "":
            shown = format_number(value) if isinstance(value, int) else _short(value)
            parts.append(f"{key.replace('_', ' ')}: {shown}")
        elif isinstance(value, list) and all(isinstance(v, str | int) for v in value) and value:
            parts.append(f"{key.replace('_', ' ')}: {_listing(str(v) for v in value)}")
    return ("; ".join(parts) or "Tanpa rincian") + "."


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1] + "…"


def _listing(items: Iterable[str]) -> str:
    shown = list(items)
    if len(shown) <= LISTED:
        return ", ".join(shown)
    return f"{', '.join(shown[:LISTED])} dan {len(shown) - LISTED} lainnya"


def _count(payload: Payload, key: str) -> int:
    listed = payload.get(key)
    return len(listed) if isinstance(listed, list) else 0


def _values(payload: Payload, names: AuditNames) -> str:
    values = payload.get("nilai") or {}
    return _listing(f"{names.field(k)} {format_number(v)}" for k, v in values.items())


# -- one writer per kind of entry ------------------------------------------------------------


def _created(p: Payload, _n: AuditNames) -> str:
    region = p.get("setup", {}).get("wilayah", {}).get("nama", "")
    demo = " (SIMULASI)" if p.get("demo") else ""
    return f"Pleno rekapitulasi {region}{demo} dibuat.".replace("  ", " ")


def _imported(p: Payload, _n: AuditNames) -> str:
    return f"Berkas {p['berkas']} diimpor: {format_number(_count(p, 'formulir'))} formulir."


def _sirekap(p: Payload, _n: AuditNames) -> str:
    forms = format_number(_count(p, "formulir"))
    return f"Data Sirekap {p['berkas']} diimpor sebagai sumber {p['sumber']}: {forms} formulir."


def _incident_line(entry: Payload) -> str:
    try:
        kind = KIND_LABELS[IncidentKind(entry["jenis"])]
    except (KeyError, ValueError):
        kind = str(entry.get("jenis", "Entri"))
    who = entry.get("diajukan_oleh") or "–"
    return f"{kind} No. {entry.get('nomor')} diajukan oleh {who}: {_short(entry['uraian'])}"


def _incident(p: Payload, _n: AuditNames) -> str:
    entries = p["kejadian"]
    if p.get("berkas") or len(entries) != 1:
        numbers = _listing(str(e.get("nomor")) for e in entries)
        source = f" dari {p['berkas']}" if p.get("berkas") else ""
        return f"{len(entries)} entri register dicatat{source}: No. {numbers}."
    return _incident_line(entries[0]) + "."


def _incident_edited(p: Payload, _n: AuditNames) -> str:
    return f"Entri register No. {p['nomor']} diubah; versi sebelumnya disimpan."


def _incident_resolved(p: Payload, _n: AuditNames) -> str:
    return f"Entri register No. {p['nomor']} diselesaikan: {_short(p['sesudah']['penyelesaian'])}."


def _incident_unresolvable(p: Payload, _n: AuditNames) -> str:
    reason = _short(p["sesudah"]["penyelesaian"])
    return f"Entri register No. {p['nomor']} tidak dapat diselesaikan: {reason}."


def _evidence_attached(p: Payload, _n: AuditNames) -> str:
    return f"Bukti {p['berkas']} dilampirkan pada entri register No. {p['nomor']}."


def _repeat_refused(p: Payload, _n: AuditNames) -> str:
    return (
        f"Keberatan yang telah diselesaikan di kecamatan (register No. {p['entri_kecamatan']}) "
        f"diajukan lagi dan tidak dibuka kembali: {_short(p['diajukan']['uraian'])}."
    )


def _printed(p: Payload, n: AuditNames) -> str:
    contest = f" ({n.contest(p['pemilihan'])})" if p.get("pemilihan") else ""
    final = ", sesudah penetapan" if p.get("ditetapkan") else ""
    number = f", nomor {p['nomor']}" if p.get("nomor") else ""
    return (
        f"{n.form(p['jenis_formulir'])}{contest} dicetak: versi {p['versi']}, kertas "
        f"{p['kertas']}, {p['halaman']} halaman, sidik data {p['sidik_data']}{number}{final}."
    )


MOVES = {
    "lanjut": "Lanjut ke",
    "kembali": "Kembali ke",
    "menuju": "Pindah ke",
    "catat": "Catatan disimpan pada",
    "skors": "Rapat diskors pada",
    "cabut_skors": "Skors dicabut; rapat dilanjutkan pada",
    "tetapkan": "Hasil rekapitulasi DITETAPKAN pada",
    "buka_kembali": "Hasil yang ditetapkan DIBUKA KEMBALI pada",
}


def _moved(p: Payload, n: AuditNames) -> str:
    move = MOVES.get(p["langkah"], str(p["langkah"]))
    item, unit, contest = p["posisi"]
    try:
        place = stop_label(Stop(item))
    except KeyError:
        place = f"langkah {item}"
    place += f" · {n.unit(unit)}" if unit else ""
    place += f" · {n.contest(contest)}" if contest else ""
    reason = f" Alasan: {_short(p['alasan'])}." if p.get("alasan") else ""
    return f"{move} {place}.{reason}"


RECORDS = {
    "kotak": "pemeriksaan kotak dan segel",
    "keberatan": "kesempatan mengajukan keberatan",
    "tidak_ada_keberatan": "tidak ada keberatan",
    "hadir": "daftar hadir",
    "tanda_tangan": "tanda tangan",
}


def _recorded(p: Payload, n: AuditNames) -> str:
    what = [label for key, label in RECORDS.items() if key in p]
    about = f": {', '.join(what)}" if what else ""
    return f"Catatan langkah disimpan{about}. " + _moved(p, n)


def _entered(p: Payload, n: AuditNames) -> str:
    return f"{n.where(p)}: dibacakan dan diisi {_values(p, n)}."


def _confirmed(p: Payload, n: AuditNames) -> str:
    return f"{n.where(p)}: {_values(p, n)} dibacakan sesuai."


def _pass(p: Payload, n: AuditNames) -> str:
    values = len(p.get("nilai") or {})
    return f"{n.where(p)}: putaran {p['putaran']} pengisian ganda, {values} nilai."


def _passes_applied(p: Payload, n: AuditNames) -> str:
    return f"{n.where(p)}: dua putaran pengisian yang sama diterapkan ({_values(p, n)})."


def _correction(p: Payload, n: AuditNames) -> str:
    try:
        reason = REASON_LABELS[Reason(p["alasan"])]
    except (KeyError, ValueError):
        reason = str(p.get("alasan"))
    if p.get("keterangan"):
        reason += f": {p['keterangan']}"
    return (
        f"Pembetulan {n.where(p)}, {n.field(p['rincian'])}: {format_number(p['sebelum'])} → "
        f"{format_number(p['sesudah'])}; alasan: {_short(reason)}; dasar: "
        f"{_short(str(p.get('dasar') or '–'))}; disetujui {p.get('disetujui_oleh') or '–'}."
    )


def _pair_read(p: Payload, n: AuditNames) -> str:
    return f"{n.where(p)}: {p['status']}."


def _photo(p: Payload, n: AuditNames) -> str:
    return f"Foto formulir {p['berkas']} dilampirkan: {n.where(p)}."


def _user(p: Payload, _n: AuditNames) -> str:
    try:
        role = ROLE_LABELS[Role(p["peran"])]
    except (KeyError, ValueError):
        role = str(p.get("peran"))
    return f"{p['nama']} ditambahkan sebagai {role}."


def _pin_rejected(p: Payload, _n: AuditNames) -> str:
    action = f" untuk {p['tindakan']}" if p.get("tindakan") else ""
    return f"PIN salah dimasukkan atas nama {p['nama']}{action}."


def _pin_strengthened(p: Payload, _n: AuditNames) -> str:
    return f"PIN {p['nama']} disimpan ulang dengan kunci PIN instalasi."


def _restored(p: Payload, _n: AuditNames) -> str:
    kept = f"; berkas yang diganti disimpan sebagai {p['disimpan_sebagai']}"
    return f"Basis data dipulihkan dari cadangan {p['berkas']}{kept}."


def _exported(p: Payload, _n: AuditNames) -> str:
    kind = "SEMENTARA" if p.get("sementara") else "hasil"
    return f"Paket {kind} {p['berkas']} ditulis ({_count(p, 'anggota')} anggota)."


def _package_imported(p: Payload, n: AuditNames) -> str:
    return (
        f"Paket {p['berkas']} dari {n.unit(p['kode_wilayah'])} diimpor: "
        f"{_count(p, 'formulir')} formulir, {_count(p, 'kejadian')} entri register; "
        f"sidik kunci {p['sidik_kunci']}."
    )


def _key_trusted(p: Payload, n: AuditNames) -> str:
    replaced = f"; menggantikan {p['menggantikan']}" if p.get("menggantikan") else ""
    return f"Kunci pengirim {n.unit(p['kode_wilayah'])} dikonfirmasi: {p['sidik']}{replaced}."


def _tie(p: Payload, n: AuditNames) -> str:
    chosen = _listing(str(c) for c in p["dipilih"])
    return (
        f"Perolehan sama ({n.contest(p['pemilihan'])}): dipilih {chosen}; "
        f"alasan: {_short(p['alasan'])}."
    )


def _finding(p: Payload, n: AuditNames) -> str:
    return f"Temuan {p['kode_temuan']} ({n.where(p)}) dibiarkan: {_short(p['alasan'])}."


def _seat_meeting(p: Payload, n: AuditNames) -> str:
    return (
        f"Rapat penetapan perolehan kursi {n.contest(p['pemilihan'])} dicatat: Keputusan "
        f"{p.get('nomor_keputusan') or '–'}, {p.get('tempat') or '–'}."
    )


def _idle(p: Payload, _n: AuditNames) -> str:
    if not p["menit"]:
        return "Kunci layar otomatis dimatikan."
    return f"Layar terkunci sesudah {p['menit']} menit tanpa kegiatan (sebelumnya {p['sebelum']})."


def _unlocked(p: Payload, _n: AuditNames) -> str:
    return f"Layar yang terkunci dibuka oleh {p['nama']}."


def _recount(p: Payload, n: AuditNames) -> str:
    places = _listing(str(c) for c in p.get("tempat", []))
    kind = RECOUNT_KINDS.get(RecountKind(p["jenis"]), str(p["jenis"]))
    outcome = OUTCOME_LABELS.get(Outcome(p["hasil"]), str(p["hasil"]))
    return f"{kind} No. {p['nomor']} ({n.where(p)}) di {places}: {outcome}."


def _rows(p: Payload, _n: AuditNames) -> str:
    tables = p.get(ROWS_KEY) or {}
    return f"Baris data yang ditulis dicatat menurut sidiknya ({len(tables)} tabel)."


def _overridden(p: Payload, n: AuditNames) -> str:
    place = f" di {p['tempat']}" if p.get("tempat") else ""
    return (
        f"Peringatan kewajaran {p['kode_temuan']}{place} ({n.where(p)}) diterima: "
        f"{_short(p['alasan'])}."
    )


def _limits(p: Payload, _n: AuditNames) -> str:
    changed = [key for key, value in p["sesudah"].items() if p["sebelum"].get(key) != value]
    return f"Ambang peringatan kewajaran diubah: {_listing(changed) or 'tidak ada yang berubah'}."


def _evidence(p: Payload, _n: AuditNames) -> str:
    head = p.get("kepala_audit") or {}
    return (
        f"Paket bukti {p['berkas']} ditulis: {p['bukti']} bukti, memuat rantai audit sampai "
        f"entri #{head.get('urutan')}."
    )


SUMMARIES: dict[AuditEvent, Callable[[Payload, AuditNames], str]] = {
    AuditEvent.PLENO_CREATED: _created,
    AuditEvent.TALLIES_IMPORTED: _imported,
    AuditEvent.INCIDENT_RECORDED: _incident,
    AuditEvent.FORM_PRINTED: _printed,
    AuditEvent.PROCEDURE_MOVED: _moved,
    AuditEvent.PROCEDURE_RECORDED: _recorded,
    AuditEvent.INCIDENT_EDITED: _incident_edited,
    AuditEvent.INCIDENT_RESOLVED: _incident_resolved,
    AuditEvent.INCIDENT_UNRESOLVABLE: _incident_unresolvable,
    AuditEvent.INCIDENT_EVIDENCE_ATTACHED: _evidence_attached,
    AuditEvent.INCIDENT_REPEAT_REFUSED: _repeat_refused,
    AuditEvent.VALUE_ENTERED: _entered,
    AuditEvent.VALUE_CONFIRMED: _confirmed,
    AuditEvent.ENTRY_PASS_RECORDED: _pass,
    AuditEvent.ENTRY_PASSES_APPLIED: _passes_applied,
    AuditEvent.CORRECTION_MADE: _correction,
    AuditEvent.PAIR_READ: _pair_read,
    AuditEvent.FORM_PHOTO_ATTACHED: _photo,
    AuditEvent.USER_ADDED: _user,
    AuditEvent.PIN_REJECTED: _pin_rejected,
    AuditEvent.PIN_STRENGTHENED: _pin_strengthened,
    AuditEvent.BACKUP_RESTORED: _restored,
    AuditEvent.SIREKAP_IMPORTED: _sirekap,
    AuditEvent.PACKAGE_EXPORTED: _exported,
    AuditEvent.PACKAGE_IMPORTED: _package_imported,
    AuditEvent.PACKAGE_KEY_TRUSTED: _key_trusted,
    AuditEvent.SEAT_TIE_DECIDED: _tie,
    AuditEvent.FINDING_DECIDED: _finding,
    AuditEvent.SEAT_MEETING_RECORDED: _seat_meeting,
    AuditEvent.IDLE_LOCK_SET: _idle,
    AuditEvent.SCREEN_UNLOCKED: _unlocked,
    AuditEvent.RECOUNT_RECORDED: _recount,
    AuditEvent.ROWS_RECORDED: _rows,
    AuditEvent.PLAUSIBILITY_OVERRIDDEN: _overridden,
    AuditEvent.PLAUSIBILITY_LIMITS_SET: _limits,
    AuditEvent.EVIDENCE_WRITTEN: _evidence,
}
"""The sentence of each kind of entry; a kind without one (added later) reads as its values."""
