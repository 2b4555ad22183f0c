"""Printing the forms: build the data from the records, render it, keep every print as a
numbered version with its sidik data (print → check → correct → reprint, PKPU 18/2024 Pasal 32),
and look a sidik data from paper up again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from rekap_desktop.documents.fingerprint import content_hash, normalize_code, short_code
from rekap_desktop.documents.parts import PageStamp, RenderedForm
from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.deciding_level import seats_decided_here
from rekap_desktop.domain.election import Contest
from rekap_desktop.domain.paper import Paper
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.seat_meeting import SeatMeeting
from rekap_desktop.services.copies_service import CopiesService
from rekap_desktop.services.follow_up_service import sessions_of
from rekap_desktop.services.integrity import ensure_untampered
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.form_builders import Order, seat_meeting
from rekap_desktop.services.printing.forms_table import (
    AFTER_DETERMINATION,
    FORM_LABELS,
    FORMS,
    NUMBERED,
    PER_CONTEST,
    SEAT_MEETING_FORMS,
)
from rekap_desktop.services.printing.kinds import FormKind
from rekap_desktop.services.printing.signatures import (
    Signed,
    present_at_meeting,
    refusals,
    with_present,
    with_refusals,
)
from rekap_desktop.services.recount_service import RecountService
from rekap_desktop.storage import audit, prints, procedure_store
from rekap_desktop.storage.prints import NewPrint, StoredPrint
from rekap_desktop.storage.unit_of_work import read, write

__all__ = [
    "AFTER_DETERMINATION",
    "FORM_LABELS",
    "NUMBERED",
    "PER_CONTEST",
    "SEAT_MEETING_FORMS",
    "FingerprintMatch",
    "FormKind",
    "PreparedForm",
    "PrintRecord",
    "PrintService",
    "official_number",
    "parse_kind",
    "parse_paper",
]

NOT_DETERMINED = "hanya dapat dicetak setelah hasil rekapitulasi ditetapkan (penetapan)"
SEMENTARA = "SEMENTARA"

Determined = Callable[[str | None], bool]
"""Whether the result of a contest (None: the whole meeting) has been determined (penetapan)."""


def never_determined(_contest: str | None) -> bool:
    return False


def no_pause_note() -> str:
    return ""


def no_proceedings() -> list[tuple[str, str]]:
    return []


def no_installation_key() -> str | None:
    return None


def no_determination_time() -> datetime | None:
    return None


@dataclass(frozen=True)
class PreparedForm:
    kind: FormKind
    contest: str | None
    content_hash: str
    watermark: str | None
    render: Callable[[Paper], RenderedForm]
    form_name: str = ""
    """The name the form prints (how a later document refers to it)."""

    @property
    def fingerprint(self) -> str:
        return short_code(self.content_hash)


@dataclass(frozen=True)
class PrintRecord:
    stored: StoredPrint
    final: bool
    """The newest version printed after determination: the one to sign."""


@dataclass(frozen=True)
class FingerprintMatch:
    record: PrintRecord
    changed: bool
    """True when the data of that form today no longer gives the printed content."""
    current_fingerprint: str | None


def parse_kind(text: str) -> FormKind:
    try:
        return FormKind(text)
    except ValueError:
        known = ", ".join(k.value for k in FormKind)
        raise InputRejected(
            [Problem(f"jenis formulir '{text}' tidak dikenal (pilihan: {known})")]
        ) from None


def official_number(kind: FormKind, number: str | None) -> str | None:
    """The Nomor as it will be printed (None when blank); refused for a form without one."""
    text = " ".join((number or "").split())
    if not text:
        return None
    if kind not in NUMBERED:
        names = ", ".join(FORM_LABELS[k].lower() for k in sorted(NUMBERED))
        raise InputRejected([Problem(f"nomor hanya dicetak pada {names}")])
    if len(text) > 120:
        raise InputRejected([Problem(f"nomor terlalu panjang ({len(text)} karakter, paling 120)")])
    return text


def parse_paper(text: str) -> Paper:
    try:
        return Paper(text.upper())
    except ValueError:
        raise InputRejected(
            [Problem(f"ukuran kertas '{text}' tidak dikenal (pilihan: F4, A4)")]
        ) from None


class PrintService:
    def __init__(
        self,
        pleno_service: PlenoService,
        determined: Determined = never_determined,
        pause_note: Callable[[], str] = no_pause_note,
        proceedings: Callable[[], list[tuple[str, str]]] = no_proceedings,
        installation_key: Callable[[], str | None] = no_installation_key,
        determined_at: Callable[[], datetime | None] = no_determination_time,
    ):
        self.pleno_service = pleno_service
        self.determined = determined
        self.pause_note = pause_note
        """When and why the meeting is suspended, for the skors form (the procedure knows)."""
        self.proceedings = proceedings
        """(time, what happened) lines of the meeting for the berita acara (the procedure's)."""
        self.installation_key = installation_key
        """Sidik of this installation's key, printed in every form's footer (not in the sidik
        data: see documents.parts.PageMeta)."""
        self.determined_at = determined_at
        """When the penetapan in force was made (None while not determined): the day and time
        the determined forms say "Ditetapkan … pada hari …"."""

    def bound_to(self, pleno_service: PlenoService) -> PrintService:
        """The same printing on another service of the meeting (e.g. a worker thread's, with a
        change bus of its own)."""
        return PrintService(
            pleno_service,
            self.determined,
            self.pause_note,
            self.proceedings,
            self.installation_key,
            self.determined_at,
        )

    # -- reading ---------------------------------------------------------------------------

    def kinds(self) -> list[FormKind]:
        """The forms of this meeting: each contest-bound form only where it has a contest (the
        seat form with a legislative contest …), the stages after the recapitulation only once
        its result is determined, a form about a recount, a follow-up session or copies only
        once there is one (see has_content)."""
        determined = self.determined(None)
        seats_decided = any(
            self._seat_meeting(c.code) for c in self.contests(FormKind.KEPUTUSAN_KURSI)
        )
        return [
            kind
            for kind, spec in FORMS.items()
            if (spec.only_for is None or self.contests(kind))
            and (not spec.after_determination or determined)
            and (not spec.needs_seat_meeting or seats_decided)
            and self.has_content(kind)
        ]

    def contests(self, kind: FormKind) -> list[Contest]:
        """The contests a form can be printed for (seats: the legislative contests and DPD; the
        decree on the result: the Pilkada contests this level decides …)."""
        return FORMS[kind].contests(self.pleno_service.pleno())

    def contest_for(self, kind: FormKind, contest: str | None) -> str | None:
        """The contest a form is printed for; refused when it must be named and is not."""
        spec = FORMS[kind]
        if not spec.per_contest:
            return None
        pleno = self.pleno_service.pleno()
        allowed = self.contests(kind)
        if contest is not None:
            if pleno.contest(contest) is None:
                raise InputRejected([Problem(f"pemilihan '{contest}' tidak ada dalam pleno ini")])
            if all(c.code != contest for c in allowed):
                raise InputRejected([Problem(f"{spec.title} hanya untuk {spec.only_for}")])
            return contest
        if not allowed:
            raise InputRejected(
                [Problem(f"{spec.title}: tidak ada {spec.only_for} dalam pleno ini")]
            )
        if spec.first_contest or len(allowed) == 1:
            return allowed[0].code
        known = ", ".join(c.code for c in allowed)
        raise InputRejected([Problem(f"pilih pemilihan untuk {kind.value} (--pemilihan): {known}")])

    def document_set(self) -> list[tuple[FormKind, str | None]]:
        """Every form of the meeting: D.Hasil per contest, then the meeting's own forms."""
        pleno = self.pleno_service.pleno()
        forms: list[tuple[FormKind, str | None]] = [
            (FormKind.D_HASIL, c.code) for c in pleno.contests
        ]
        forms.append((FormKind.PENGEMBALIAN, pleno.contests[0].code))
        seat_forms = [c for c in seats_decided_here(pleno) if c.is_party_list]
        forms += [(FormKind.PEROLEHAN_KURSI, c.code) for c in seat_forms]
        forms += [(kind, None) for kind in FormKind if kind not in PER_CONTEST]
        return [(kind, contest) for kind, contest in forms if self.has_content(kind)]

    def has_content(self, kind: FormKind) -> bool:
        """Whether the form has anything to say in this meeting: the berita acara of a recount
        exists only for a meeting that checked a TPS or desa, that of a sesi lanjutan only for
        a meeting taken up again, the tanda terima and the list of copies only once a copy was
        handed."""
        if kind is FormKind.HITUNG_ULANG:
            return bool(RecountService(self.pleno_service).records())
        if kind is FormKind.BERITA_ACARA_LANJUTAN:
            return bool(sessions_of(self.pleno_service))
        if kind in (FormKind.TANDA_TERIMA, FormKind.DAFTAR_SALINAN):
            return bool(CopiesService(self.pleno_service).handed())
        return True

    def prepare(
        self, kind: FormKind, contest: str | None = None, number: str | None = None
    ) -> PreparedForm:
        """The form's data as of now: its content hash, watermark and renderer; ``number`` is
        the official Nomor of a form in NUMBERED (printed, outside the sidik data)."""
        spec = FORMS[kind]
        contest = self.contest_for(kind, contest)
        mark = SEMENTARA if spec.provisional else self._watermark(kind, contest)
        if spec.after_determination and not self.determined(contest):
            raise InputRejected([Problem(f"{spec.title} {NOT_DETERMINED}")])
        content, draw = spec.build(self, Order(spec.title, contest, mark, number))

        head = self.chain_head()  # as of the form data: what the page vouches for

        def render(paper: Paper) -> RenderedForm:
            return draw(paper, PageStamp(installation_key=self.installation_key(), chain_head=head))

        name = str(content.get("formulir", ""))
        return PreparedForm(kind, contest, content_hash(content), mark, render, name)

    def chain_head(self) -> str:
        """The audit chain's head as printed in the footer ("#123 9F3A-0C21-04BD")."""
        with read(self.pleno_service.engine) as session:
            entry_id, digest = audit.head_entry(session)
        return f"#{entry_id} {short_code(digest)}"

    def _seat_meeting(self, contest: str | None) -> SeatMeeting | None:
        return seat_meeting(self.pleno_service, contest)

    def _final(self, kind: FormKind, contest: str | None) -> bool:
        """Whether a print is of the decided result: the seat meeting's forms once it is recorded,
        the others once the recapitulation is determined."""
        if kind in SEAT_MEETING_FORMS:
            return self._seat_meeting(contest) is not None
        return self.determined(contest)

    def signed(self, data: Signed, contest: str | None) -> Signed:
        """The signature blocks of those recorded present, and, once determined, who did not
        sign and why (the penetapan in force)."""
        with read(self.pleno_service.engine) as session:
            attendance = procedure_store.attendance(session)
            signed = procedure_store.signatures(session) if self.determined(contest) else []
        here = present_at_meeting(self.pleno_service.pleno(), attendance, signed)
        return with_refusals(with_present(data, here, contest), refusals(signed))

    def determined_on(self, contest: str | None) -> datetime | None:
        """When the result in force was determined; None (a line to write on) before."""
        return self.determined_at() if self.determined(contest) else None

    def preview(self, kind: FormKind, contest: str | None, paper: Paper) -> RenderedForm:
        """The PDF as it would print, without recording a print."""
        return self.prepare(kind, contest).render(paper)

    def log(self) -> list[PrintRecord]:
        with read(self.pleno_service.engine) as session:
            return _with_final(prints.prints(session))

    def pdf(self, record: PrintRecord) -> bytes:
        with read(self.pleno_service.engine) as session:
            data = prints.pdf(session, record.stored.id)
        if data is None:
            raise InputRejected([Problem(f"cetakan #{record.stored.id} tidak ditemukan")])
        return data

    def lookup(self, code: str) -> list[FingerprintMatch]:
        """The prints carrying a sidik data typed from paper, each with whether its data has
        changed since; refused when the text is not a sidik data."""
        normalized = normalize_code(code)
        if normalized is None:
            raise InputRejected(
                [Problem(f"'{code}' bukan sidik data (12 angka/huruf A–F, mis. 9F3A-0C21-04BD)")]
            )
        with read(self.pleno_service.engine) as session:
            found = prints.prints(session, normalized)
            final = {r.stored.id: r.final for r in _with_final(prints.prints(session))}
        matches = []
        for stored in reversed(found):
            current = self._current_hash(stored)
            matches.append(
                FingerprintMatch(
                    PrintRecord(stored, final.get(stored.id, False)),
                    current != stored.content_hash,
                    short_code(current) if current else None,
                )
            )
        return matches

    def _current_hash(self, stored: StoredPrint) -> str | None:
        try:
            return self.prepare(FormKind(stored.kind), stored.contest or None).content_hash
        except (ValueError, InputRejected):
            return None

    def _watermark(self, kind: FormKind, contest: str | None) -> str | None:
        if self.pleno_service.is_demo():
            return "SIMULASI"
        return None if self._final(kind, contest) else "DRAF"

    # -- changing --------------------------------------------------------------------------

    def print_form(
        self, kind: FormKind, contest: str | None, paper: Paper, number: str | None = None
    ) -> tuple[PrintRecord, bytes]:
        """Render the form and keep it as the next numbered version, audited (with the Nomor
        printed on it, if any); refused when the database holds values edited behind the
        program's back."""
        ensure_untampered(self.pleno_service, "formulir tidak dicetak")
        number = official_number(kind, number)
        prepared = self.prepare(kind, contest, number)
        rendered = prepared.render(paper)
        determined = self._final(kind, prepared.contest)
        new = NewPrint(
            kind.value,
            prepared.contest or "",
            paper.value,
            prepared.fingerprint,
            prepared.content_hash,
            prepared.watermark or "",
            determined,
            rendered.pages,
            rendered.pdf,
            self.pleno_service.actor,
        )
        key = self.installation_key()
        pleno = self.pleno_service
        # the version number is taken under the write lock: two stations printing the same form
        # at once get two versions and two audit entries, never one number twice
        with write(pleno.engine, pleno.actor, pleno.bus) as w:
            stored = prints.add_print(w.session, new)
            payload = _payload(stored) | ({"kunci_instalasi": key} if key else {})
            payload |= {"nomor": number} if number else {}
            contests = [prepared.contest] if prepared.contest else []
            w.audit(AuditEvent.FORM_PRINTED, payload, contests)
        return PrintRecord(stored, determined), rendered.pdf


def _payload(stored: StoredPrint) -> dict[str, object]:
    return {
        "jenis_formulir": stored.kind,
        "pemilihan": stored.contest or None,
        "versi": stored.version,
        "kertas": stored.paper,
        "sidik_data": stored.fingerprint,
        "sha256": stored.content_hash,
        "halaman": stored.pages,
        "ditetapkan": stored.determined,
    }


def _with_final(stored: list[StoredPrint]) -> list[PrintRecord]:
    """Mark, per (form, contest), the newest version printed after determination as final."""
    newest: dict[tuple[str, str], int] = {}
    for s in stored:
        if s.determined:
            newest[(s.kind, s.contest)] = s.id
    return [PrintRecord(s, newest.get((s.kind, s.contest)) == s.id) for s in stored]
