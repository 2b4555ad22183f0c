"""Each kind of audit entry in the meeting's words: what the audit-log viewer, the evidence pack and
its readable chain call it. Every ``AuditEvent`` has its label here (a test holds it so)."""

from __future__ import annotations

from rekap_desktop.domain.audit_events import AuditEvent

AUDIT_LABELS: dict[AuditEvent, str] = {
    AuditEvent.PLENO_CREATED: "Pleno dibuat",
    AuditEvent.TALLIES_IMPORTED: "Impor tabel hasil",
    AuditEvent.INCIDENT_RECORDED: "Kejadian/keberatan dicatat",
    AuditEvent.FORM_PRINTED: "Formulir dicetak",
    AuditEvent.PROCEDURE_MOVED: "Tata cara rapat",
    AuditEvent.PROCEDURE_RECORDED: "Catatan langkah rapat",
    AuditEvent.INCIDENT_EDITED: "Kejadian/keberatan diubah",
    AuditEvent.INCIDENT_RESOLVED: "Kejadian/keberatan diselesaikan",
    AuditEvent.INCIDENT_UNRESOLVABLE: "Kejadian/keberatan tidak dapat diselesaikan",
    AuditEvent.INCIDENT_EVIDENCE_ATTACHED: "Bukti kejadian dilampirkan",
    AuditEvent.INCIDENT_REPEAT_REFUSED: "Keberatan berulang ditolak",
    AuditEvent.VALUE_ENTERED: "Nilai dibacakan dan diisi",
    AuditEvent.VALUE_CONFIRMED: "Nilai dibacakan: sesuai",
    AuditEvent.ENTRY_PASS_RECORDED: "Pengisian ganda: satu putaran",
    AuditEvent.ENTRY_PASSES_APPLIED: "Pengisian ganda diterapkan",
    AuditEvent.CORRECTION_MADE: "Pembetulan data",
    AuditEvent.PAIR_READ: "Selesai dibaca",
    AuditEvent.FORM_PHOTO_ATTACHED: "Foto formulir dilampirkan",
    AuditEvent.USER_ADDED: "Pengguna ditambahkan",
    AuditEvent.PIN_REJECTED: "PIN salah",
    AuditEvent.PIN_STRENGTHENED: "PIN diperkuat",
    AuditEvent.BACKUP_RESTORED: "Cadangan dipulihkan",
    AuditEvent.SIREKAP_IMPORTED: "Impor Sirekap",
    AuditEvent.PACKAGE_EXPORTED: "Paket hasil diekspor",
    AuditEvent.PACKAGE_IMPORTED: "Paket hasil diimpor",
    AuditEvent.PACKAGE_KEY_TRUSTED: "Kunci pengirim dikonfirmasi",
    AuditEvent.SEAT_TIE_DECIDED: "Perolehan kursi sama: diputuskan",
    AuditEvent.FINDING_DECIDED: "Keputusan atas temuan",
    AuditEvent.SEAT_MEETING_RECORDED: "Rapat penetapan kursi dicatat",
    AuditEvent.IDLE_LOCK_SET: "Kunci layar diatur",
    AuditEvent.SCREEN_UNLOCKED: "Layar dibuka",
    AuditEvent.RECOUNT_RECORDED: "Pencocokan/hitung ulang dicatat",
    AuditEvent.ROWS_RECORDED: "Catatan baris data",
    AuditEvent.PLAUSIBILITY_OVERRIDDEN: "Peringatan kewajaran diabaikan",
    AuditEvent.PLAUSIBILITY_LIMITS_SET: "Ambang kewajaran diatur",
    AuditEvent.EVIDENCE_WRITTEN: "Paket bukti ditulis",
    AuditEvent.COPY_HANDED: "Salinan diserahkan",
    AuditEvent.FOLLOW_UP_OPENED: "Sesi lanjutan dibuka",
}


def event_label(code: str) -> str:
    """The label of a stored event code; a code this program does not know (a database written
    by a newer version) is shown as it is stored, marked, never dropped."""
    try:
        return AUDIT_LABELS[AuditEvent(code)]
    except (ValueError, KeyError):
        return f"Peristiwa lain ({code})"
