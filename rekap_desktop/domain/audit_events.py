"""Catalogue of audit event kinds: every change of state is recorded as one of these."""

from enum import StrEnum


class AuditEvent(StrEnum):
    PLENO_CREATED = "pleno_created"
    """A meeting was created from a setup file or as the demo."""
    TALLIES_IMPORTED = "tallies_imported"
    """Tallies of one or more (contest, unit, source) were imported from a file."""
    INCIDENT_RECORDED = "incident_recorded"
    """A kejadian khusus or keberatan was entered or carried from a lower level."""
    FORM_PRINTED = "form_printed"
    """A form was printed (or saved as PDF) as a numbered version with its sidik data."""
    PROCEDURE_MOVED = "procedure_moved"
    """The meeting moved in the 17-item procedure (next, back, go to, pause, resume, determine,
    re-open); the payload names the move, the stop and any reason."""
    PROCEDURE_RECORDED = "procedure_recorded"
    """A record of an agenda item was saved: attendance, texts, box check, returned
    C.Pemberitahuan, objection call or signatures."""
    INCIDENT_EDITED = "incident_edited"
    """An open register entry was completed or edited; the entry as it was is kept as a version."""
    INCIDENT_RESOLVED = "incident_resolved"
    """A register entry was settled (diselesaikan) with its resolution and paraf."""
    INCIDENT_UNRESOLVABLE = "incident_unresolvable"
    """A register entry was marked 'tidak dapat diselesaikan' with the reason."""
    INCIDENT_EVIDENCE_ATTACHED = "incident_evidence_attached"
    """A photo or document was attached to a register entry as evidence."""
    INCIDENT_REPEAT_REFUSED = "incident_repeat_refused"
    """Rule 17: an objection already resolved at kecamatan level was not reopened."""
    VALUE_ENTERED = "value_entered"
    """A value read aloud (PPK, saksi or Bawaslu) was entered as a new version of that form."""
    VALUE_CONFIRMED = "value_confirmed"
    """"Sesuai": a field was read aloud equal to the value shown."""
    ENTRY_PASS_RECORDED = "entry_pass_recorded"
    """One pass of a double entry of a paper form was keyed (not yet counted)."""
    ENTRY_PASSES_APPLIED = "entry_passes_applied"
    """Two matching passes of a double entry were taken as that source's form."""
    CORRECTION_MADE = "correction_made"
    """Pembetulan: a difference was settled; the determined value was written as source pleno."""
    PAIR_READ = "pair_read"
    """Every field of a kecamatan × contest agrees or is settled: the pair was marked read."""
    FORM_PHOTO_ATTACHED = "form_photo_attached"
    """A photo of a form (JPG/PNG) was attached to a kecamatan × contest × source."""
    USER_ADDED = "user_added"
    """A user of the meeting was added with their role (the PIN itself is never recorded)."""
    PIN_REJECTED = "pin_rejected"
    """A wrong PIN was given for a guarded action; five within five minutes lock the user."""
    PIN_STRENGTHENED = "pin_strengthened"
    """A PIN hash written before the installation's PIN key existed was replaced, at the user's
    next correct PIN, by one the PIN key enters."""
    BACKUP_RESTORED = "backup_restored"
    """The database was replaced by a verified backup; the replaced file was kept beside it."""
    SIREKAP_IMPORTED = "sirekap_imported"
    """A Sirekap snapshot (one or many files) was imported as source sirekap, with its ``ts`` and
    TPS progress per unit."""
    PACKAGE_EXPORTED = "package_exported"
    """A signed result package (.rekap) was written; SEMENTARA when the result is not determined."""
    PACKAGE_IMPORTED = "package_imported"
    """A unit's signed result package was verified and loaded as source ppk with its register."""
    PACKAGE_KEY_TRUSTED = "package_key_trusted"
    """The operator confirmed a sender's key fingerprint for the first time."""
    SEAT_TIE_DECIDED = "seat_tie_decided"
    """The meeting chose among tied parties or candidates where the law leaves the tie open."""
    FINDING_DECIDED = "finding_decided"
    """The meeting let an error finding of the determined values stand: the finding, the reason
    and the commissioner who confirmed it with their PIN."""
    SEAT_MEETING_RECORDED = "seat_meeting_recorded"
    """The rapat pleno penetapan perolehan kursi dan calon terpilih was recorded: its time, place,
    Keputusan number, the Constitutional Court's notice and who attended."""
    IDLE_LOCK_SET = "idle_lock_set"
    """The ketua set the idle time (minutes, 0 = never) after which the cockpit's screen locks."""
    SCREEN_UNLOCKED = "screen_unlocked"
    """A user of the meeting unlocked the cockpit's locked screen with their name and PIN."""
    RECOUNT_RECORDED = "recount_recorded"
    """A pencocokan or penghitungan suara ulang of chosen TPS/desa was recorded: the proposal, the
    meeting's decision, the box, who counted and witnessed, the values found."""
    ROWS_RECORDED = "rows_recorded"
    """Rows written by a change after its own entry, or the rows an older database already held
    when the chain began to record every written row, recorded as they stand."""
    PLAUSIBILITY_OVERRIDDEN = "plausibility_overridden"
    """The meeting accepted the figures of a plausibility warning (P01 …) as they are: the warning
    as stated, its place, the reason and the commissioner who confirmed it with their PIN."""
    PLAUSIBILITY_LIMITS_SET = "plausibility_limits_set"
    """A commissioner set the meeting's thresholds of the plausibility warnings (before/after)."""
    EVIDENCE_WRITTEN = "evidence_written"
    """The signed evidence pack for Bawaslu and the Court was written: its file, the SHA-256 of
    its signed manifest, the number of exhibits and the chain head it carries (the entry before
    this one: the pack cannot hold the entry that records it)."""
    COPY_HANDED = "copy_handed"
    """Copies (salinan) of printed form versions were handed to saksi, Bawaslu or others: each
    copy's number, the print version and its sidik data, the receiver, the medium and the moment."""
    FOLLOW_UP_OPENED = "follow_up_opened"
    """The ketua opened a follow-up session (sesi lanjutan) on its legal basis (a Court ruling, a
    Bawaslu recommendation, the plenary's decision): the result re-opened for the kecamatan (and
    pemilihan) in its scope only; the penetapan that closes it names it."""


NUMBERS_UNCHANGED = frozenset(
    {
        AuditEvent.FORM_PRINTED,
        AuditEvent.PROCEDURE_RECORDED,
        AuditEvent.INCIDENT_RECORDED,
        AuditEvent.INCIDENT_EDITED,
        AuditEvent.INCIDENT_RESOLVED,
        AuditEvent.INCIDENT_UNRESOLVABLE,
        AuditEvent.INCIDENT_EVIDENCE_ATTACHED,
        AuditEvent.INCIDENT_REPEAT_REFUSED,
        AuditEvent.ENTRY_PASS_RECORDED,
        AuditEvent.FORM_PHOTO_ATTACHED,
        AuditEvent.USER_ADDED,
        AuditEvent.PIN_REJECTED,
        AuditEvent.PIN_STRENGTHENED,
        AuditEvent.PACKAGE_EXPORTED,
        AuditEvent.PACKAGE_KEY_TRUSTED,
        AuditEvent.IDLE_LOCK_SET,
        AuditEvent.SCREEN_UNLOCKED,
        AuditEvent.ROWS_RECORDED,
        AuditEvent.EVIDENCE_WRITTEN,
        AuditEvent.COPY_HANDED,
    }
)
"""Events that record something about the meeting but change no count, no seat and no
determination: a view of the numbers need not be computed again after them. (A settled
objection that changes a number does so through its own correction event.)"""
