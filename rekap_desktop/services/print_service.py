"""Printing the forms: build the snapshot from the records, render it, keep every print as a
numbered version with its sidik data (print → check → correct → reprint, PKPU 18/2024 Pasal 32),
and look a sidik data from paper up again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from rekap_desktop.documents import (
    berita_acara,
    d_hasil,
    d_hasil_legislatif,
    daftar_hadir,
    kejadian_khusus,
    keputusan,
    penetapan_terpilih,
    pengembalian,
    pengumuman,
    perolehan_kursi,
    skors,
    surat_pengantar,
)
from rekap_desktop.documents.daftar_pembetulan import CorrectionLine
from rekap_desktop.documents.fingerprint import content_hash, normalize_code, short_code
from rekap_desktop.documents.parts import PageStamp, RenderedForm
from rekap_desktop.documents.surat_pengantar import Enclosure
from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.deciding_level import decides_here, seats_decided_here
from rekap_desktop.domain.election import Contest, ElectionKind
from rekap_desktop.domain.paper import Paper
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.recap import Recap
from rekap_desktop.domain.seat_meeting import SeatMeeting
from rekap_desktop.domain.sources import PLENO, PPK
from rekap_desktop.services import print_snapshots as snapshots
from rekap_desktop.services import print_stages as stages
from rekap_desktop.services.events import Change
from rekap_desktop.services.incident_service import register_snapshot as register
from rekap_desktop.services.integrity import ensure_untampered
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.print_attendance import attendance_snapshot
from rekap_desktop.services.print_corrections import correction_lines, corrections_form
from rekap_desktop.services.print_findings import finding_notes, with_findings
from rekap_desktop.services.print_legislative import (
    announced_contest,
    legislative_d_hasil_snapshot,
)
from rekap_desktop.services.print_minutes import minutes_snapshot
from rekap_desktop.services.print_seat_decree import seat_decree, with_meeting
from rekap_desktop.services.print_seats import seat_snapshot
from rekap_desktop.services.print_signatures import (
    Signed,
    present_at_meeting,
    refusals,
    with_present,
    with_refusals,
)
from rekap_desktop.services.results import recap_contests
from rekap_desktop.services.seat_service import SeatService
from rekap_desktop.storage import audit, prints, procedure_store, seats_store
from rekap_desktop.storage.prints import NewPrint, StoredPrint


class FormKind(StrEnum):
    D_HASIL = "d-hasil"
    KEJADIAN_KHUSUS = "kejadian-khusus"
    PENGEMBALIAN = "pengembalian"
    DAFTAR_HADIR = "daftar-hadir"
    SKORS = "skors"
    PENGUMUMAN = "pengumuman"
    BERITA_ACARA = "berita-acara"
    PEROLEHAN_KURSI = "perolehan-kursi"
    DAFTAR_PEMBETULAN = "daftar-pembetulan"
    # The stages after the recapitulation (printed once the result is determined):
    KEPUTUSAN_HASIL = "keputusan-hasil"
    PENETAPAN_TERPILIH = "penetapan-terpilih"
    SURAT_PENGANTAR = "surat-pengantar"
    KEPUTUSAN_KURSI = "keputusan-kursi"


FORM_LABELS = {
    FormKind.D_HASIL: "Model D.Hasil (per pemilihan)",
    FormKind.KEJADIAN_KHUSUS: "Model D.Kejadian Khusus dan/atau Keberatan Saksi",
    FormKind.PENGEMBALIAN: "Rekap Pengembalian C.Pemberitahuan",
    FormKind.DAFTAR_HADIR: "Daftar hadir rapat pleno",
    FormKind.SKORS: "Catatan sementara saat skors (SEMENTARA)",
    FormKind.PENGUMUMAN: "Pengumuman hasil rekapitulasi",
    FormKind.BERITA_ACARA: "Berita acara rapat pleno",
    FormKind.PEROLEHAN_KURSI: "Penetapan perolehan kursi dan calon terpilih",
    FormKind.DAFTAR_PEMBETULAN: "Daftar Pembetulan",
    FormKind.KEPUTUSAN_HASIL: "Keputusan KPU tentang penetapan hasil pemilihan (dengan lampiran)",
    FormKind.PENETAPAN_TERPILIH: "Berita acara penetapan pasangan calon terpilih",
    FormKind.SURAT_PENGANTAR: "Surat pengantar hasil ke tingkat berikutnya",
    FormKind.KEPUTUSAN_KURSI: "Keputusan KPU tentang perolehan kursi dan calon terpilih",
}
AFTER_DETERMINATION = frozenset(
    {FormKind.KEPUTUSAN_HASIL, FormKind.PENETAPAN_TERPILIH, FormKind.SURAT_PENGANTAR}
)
"""Forms of the stages after the recapitulation: printed only once its result is determined."""
SEAT_MEETING_FORMS = frozenset({FormKind.PEROLEHAN_KURSI, FormKind.KEPUTUSAN_KURSI})
"""Forms of the seat meeting: final once that meeting is recorded, not at the recapitulation's
penetapan."""
ONLY_FOR = {
    FormKind.PEROLEHAN_KURSI: "pemilihan legislatif dan DPD",
    FormKind.KEPUTUSAN_HASIL: "pemilihan kepala daerah yang hasilnya ditetapkan di tingkat ini",
    FormKind.PENETAPAN_TERPILIH: "pemilihan kepala daerah yang hasilnya ditetapkan di tingkat ini",
    FormKind.SURAT_PENGANTAR: "pemilihan yang hasilnya diteruskan ke tingkat berikutnya",
    FormKind.KEPUTUSAN_KURSI: "pemilihan legislatif yang kursinya ditetapkan di tingkat ini",
}
NOT_DETERMINED = "hanya dapat dicetak setelah hasil rekapitulasi ditetapkan (penetapan)"
SEMENTARA = "SEMENTARA"
Content = dict[str, Any]
Draw = Callable[[Paper, PageStamp], RenderedForm]
"""Render on a paper, with the installation key's sidik (or None) in the footer."""
NUMBERED = frozenset({FormKind.BERITA_ACARA, FormKind.PENGUMUMAN, FormKind.KEPUTUSAN_HASIL})
"""Forms that carry an official Nomor typed in the print centre (the seat Keputusan
carries the number its meeting recorded)."""
PER_CONTEST = (
    frozenset({FormKind.D_HASIL, FormKind.PENGEMBALIAN}) | AFTER_DETERMINATION | SEAT_MEETING_FORMS
)

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
        its result is determined."""
        determined = self.determined(None)
        seats_decided = any(
            self._seat_meeting(c.code) for c in self.contests(FormKind.KEPUTUSAN_KURSI)
        )
        return [
            k
            for k in FormKind
            if (k not in ONLY_FOR or self.contests(k))
            and (k not in AFTER_DETERMINATION or determined)
            and (k is not FormKind.KEPUTUSAN_KURSI or seats_decided)
        ]

    def contests(self, kind: FormKind) -> list[Contest]:
        """The contests a form can be printed for (seats: the legislative contests and DPD; the
        decree on the result: the Pilkada contests this level decides …)."""
        pleno = self.pleno_service.pleno()
        contests = list(pleno.contests)
        pilkada = pleno.kind is ElectionKind.PILKADA
        if kind is FormKind.PEROLEHAN_KURSI:
            return list(seats_decided_here(pleno))
        if kind in (FormKind.KEPUTUSAN_HASIL, FormKind.PENETAPAN_TERPILIH):
            return [c for c in contests if pilkada and decides_here(c.code, pleno.level)]
        if kind is FormKind.SURAT_PENGANTAR:
            return [c for c in contests if not decides_here(c.code, pleno.level)]
        if kind is FormKind.KEPUTUSAN_KURSI:
            return [c for c in contests if c.is_party_list and decides_here(c.code, pleno.level)]
        return contests

    def contest_for(self, kind: FormKind, contest: str | None) -> str | None:
        """The contest a form is printed for; refused when it must be named and is not."""
        if kind not in PER_CONTEST:
            return None
        pleno = self.pleno_service.pleno()
        allowed = self.contests(kind)
        if contest is not None:
            if pleno.contest(contest) is None:
                raise InputRejected([Problem(f"pemilihan '{contest}' tidak ada dalam pleno ini")])
            if all(c.code != contest for c in allowed):
                raise InputRejected([Problem(f"{FORM_LABELS[kind]} hanya untuk {ONLY_FOR[kind]}")])
            return contest
        if not allowed:
            raise InputRejected(
                [Problem(f"{FORM_LABELS[kind]}: tidak ada {ONLY_FOR[kind]} dalam pleno ini")]
            )
        if kind is FormKind.PENGEMBALIAN or len(allowed) == 1:
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
        return forms

    def prepare(
        self, kind: FormKind, contest: str | None = None, number: str | None = None
    ) -> PreparedForm:
        """The form's snapshot as of now: its content hash, watermark and renderer; ``number``
        is the official Nomor of a form in NUMBERED (printed, outside the sidik data)."""
        contest = self.contest_for(kind, contest)
        mark = SEMENTARA if kind is FormKind.SKORS else self._watermark(kind, contest)
        content, draw = self._build(kind, contest, mark, number)

        head = self.chain_head()  # as of the snapshot: what the page vouches for

        def render(paper: Paper) -> RenderedForm:
            return draw(paper, PageStamp(installation_key=self.installation_key(), chain_head=head))

        name = str(content.get("formulir", ""))
        return PreparedForm(kind, contest, content_hash(content), mark, render, name)

    def chain_head(self) -> str:
        """The audit chain's head as printed in the footer ("#123 9F3A-0C21-04BD")."""
        with Session(self.pleno_service.engine) as session:
            entry_id, digest = audit.head_entry(session)
        return f"#{entry_id} {short_code(digest)}"

    def _build(
        self, kind: FormKind, contest: str | None, mark: str | None, number: str | None = None
    ) -> tuple[Content, Draw]:
        if kind in AFTER_DETERMINATION:
            return self._build_stage(kind, contest or "", mark, number)
        if kind is FormKind.KEPUTUSAN_KURSI:
            return self._build_seat_decree(contest or "", mark)
        legislative = self._build_legislative(kind, contest, mark, number)
        if legislative is not None:
            return legislative
        pleno = self.pleno_service.pleno()
        if kind is FormKind.DAFTAR_PEMBETULAN:
            return corrections_form(self.pleno_service, mark, self._determined_on(None))
        if kind is FormKind.D_HASIL:
            dh = snapshots.d_hasil_snapshot(pleno, self._recap(contest), mark)
            dh = self._signed(dh, contest)
            dh = with_findings(dh, finding_notes(self.pleno_service, contest))
            dh = replace(dh, determined_on=self._determined_on(contest))
            return d_hasil.canonical_content(dh), lambda p, k: d_hasil.render_d_hasil(dh, p, **k)
        if kind is FormKind.PENGEMBALIAN:
            with Session(self.pleno_service.engine) as session:
                read: dict[str, dict[str, int]] = {
                    u.code: procedure_store.returned_notices(session, u.code) for u in pleno.units
                }
            rs = snapshots.returns_snapshot(pleno, self._recap(contest), mark, read)
            return pengembalian.canonical_content(rs), lambda p, k: pengembalian.render_returns(
                rs, p, **k
            )
        if kind is FormKind.DAFTAR_HADIR:
            with Session(self.pleno_service.engine) as session:
                recorded = procedure_store.attendance(session)
            att = attendance_snapshot(pleno, recorded, mark)
            return daftar_hadir.canonical_content(att), lambda p, k: daftar_hadir.render_attendance(
                att, p, **k
            )
        if kind is FormKind.PENGUMUMAN:
            recaps = [r.recap for r in recap_contests(self.pleno_service)]
            ann = snapshots.announcement_snapshot(pleno, recaps, mark)
            ann = replace(ann, announced_on=self._determined_on(None), number=number)
            return pengumuman.canonical_content(ann), lambda p, k: pengumuman.render_announcement(
                ann, p, **k
            )
        if kind is FormKind.BERITA_ACARA:
            recaps = [r.recap for r in recap_contests(self.pleno_service)]
            incidents = self.pleno_service.incidents()
            ba = minutes_snapshot(pleno, recaps, incidents, self.proceedings(), mark)
            ba = self._signed(ba, None)
            ba = with_findings(ba, finding_notes(self.pleno_service, contest))
            ba = replace(ba, number=number, corrections=self._corrections())
            return berita_acara.canonical_content(ba), lambda p, k: berita_acara.render_minutes(
                ba, p, **k
            )
        if kind is FormKind.SKORS:
            recaps = [r.recap for r in recap_contests(self.pleno_service)]
            interim = snapshots.interim_snapshot(
                pleno, recaps, self._sources(), self.pleno_service.incidents(), self.pause_note()
            )
            return skors.canonical_content(interim), lambda p, k: skors.render_interim(
                interim, p, **k
            )
        reg = snapshots.register_snapshot(
            pleno,
            register(self.pleno_service.engine),
            mark,
            self._corrections(),
            self._determined_on(None),
        )
        return kejadian_khusus.canonical_content(reg), lambda p, k: kejadian_khusus.render_register(
            reg, p, **k
        )

    def _build_legislative(
        self, kind: FormKind, contest: str | None, mark: str | None, number: str | None
    ) -> tuple[Content, Draw] | None:
        """The forms that differ for legislative contests: the D.Hasil per dapil, the seat form,
        and the announcement with party totals; None for the others."""
        pleno = self.pleno_service.pleno()
        if kind is FormKind.PEROLEHAN_KURSI:
            seats = SeatService(self.pleno_service)
            code = contest or ""
            ks = seat_snapshot(pleno, seats.results(code), seats.decision_records(code), mark)
            meeting = self._seat_meeting(code)
            ks = with_meeting(pleno, ks, meeting) if meeting else ks
            return perolehan_kursi.canonical_content(ks), lambda p, k: perolehan_kursi.render_seats(
                ks, p, **k
            )
        chosen = pleno.contest(contest) if contest else None
        if kind is FormKind.D_HASIL and chosen is not None and chosen.is_party_list:
            leg = legislative_d_hasil_snapshot(pleno, self._recap(contest), mark)
            leg = self._signed(leg, contest)
            leg = with_findings(leg, finding_notes(self.pleno_service, contest))
            leg = replace(leg, determined_on=self._determined_on(contest))
            return d_hasil_legislatif.canonical_content(
                leg
            ), lambda p, k: d_hasil_legislatif.render_legislative_d_hasil(leg, p, **k)
        with_parties = any(c.is_party_list for c in pleno.contests)
        if kind is not FormKind.PENGUMUMAN or not with_parties:
            return None
        recaps = [r.recap for r in recap_contests(self.pleno_service)]
        legislative = {
            str(r.contest.code): announced_contest(pleno, r)
            for r in recaps
            if r.contest.is_party_list
        }
        ann = snapshots.announcement_snapshot(pleno, recaps, mark, legislative)
        ann = replace(ann, announced_on=self._determined_on(None), number=number)
        return pengumuman.canonical_content(ann), lambda p, k: pengumuman.render_announcement(
            ann, p, **k
        )

    def _build_stage(
        self, kind: FormKind, contest: str, mark: str | None, number: str | None = None
    ) -> tuple[Content, Draw]:
        """The decree on the result, the berita acara of the pair elected and the cover letter,
        each naming the determined form it rests on by its sidik data."""
        if not self.determined(contest):
            raise InputRejected([Problem(f"{FORM_LABELS[kind]} {NOT_DETERMINED}")])
        pleno = self.pleno_service.pleno()
        recap = self._recap(contest)
        d_hasil = self.prepare(FormKind.D_HASIL, contest)
        moment = self._determined_on(contest)
        # the day of the penetapan, as the D.Hasil's "Ditetapkan … pada hari" says
        determined_on = moment.date() if moment else pleno.held_on
        if kind is FormKind.SURAT_PENGANTAR:
            register = self.prepare(FormKind.KEJADIAN_KHUSUS)
            enclosures = (
                Enclosure(f"{d_hasil.form_name} {recap.contest.title}", d_hasil.fingerprint),
                Enclosure(register.form_name, register.fingerprint),
            )
            letter = stages.cover_letter(pleno, recap.contest, enclosures, determined_on, mark)
            return surat_pengantar.canonical_content(
                letter
            ), lambda p, k: surat_pengantar.render_cover_letter(letter, p, **k)
        decree = stages.result_decree(
            pleno, recap, (d_hasil.form_name, d_hasil.fingerprint), determined_on, mark
        )
        decree = replace(decree, number=number)
        if kind is FormKind.KEPUTUSAN_HASIL:
            return keputusan.canonical_content(decree), lambda p, k: keputusan.render_decree(
                decree, p, **k
            )
        elected = stages.elected_pair(pleno, recap, keputusan.fingerprint(decree), mark)
        return penetapan_terpilih.canonical_content(
            elected
        ), lambda p, k: penetapan_terpilih.render_elected_pair(elected, p, **k)

    def _build_seat_decree(self, contest: str, mark: str | None) -> tuple[Content, Draw]:
        """The seat meeting's Keputusan, with the allocation its seat sheet shows."""
        meeting = self._seat_meeting(contest)
        if meeting is None or not self.determined(contest):
            raise InputRejected(
                [
                    Problem(
                        f"{FORM_LABELS[FormKind.KEPUTUSAN_KURSI]} hanya dapat dicetak setelah "
                        "rapat penetapan perolehan kursi dicatat"
                    )
                ]
            )
        pleno = self.pleno_service.pleno()
        seats = SeatService(self.pleno_service)
        sheet = seat_snapshot(pleno, seats.results(contest), seats.decision_records(contest), mark)
        d_hasil = self.prepare(FormKind.D_HASIL, contest)
        decree = seat_decree(pleno, sheet, meeting, (d_hasil.form_name, d_hasil.fingerprint), mark)
        return keputusan.canonical_content(decree), lambda p, k: keputusan.render_decree(
            decree, p, **k
        )

    def _seat_meeting(self, contest: str | None) -> SeatMeeting | None:
        if contest is None:
            return None
        with Session(self.pleno_service.engine) as session:
            return seats_store.meeting(session, contest)

    def _final(self, kind: FormKind, contest: str | None) -> bool:
        """Whether a print is of the decided result: the seat meeting's forms once it is recorded,
        the others once the recapitulation is determined."""
        if kind in SEAT_MEETING_FORMS:
            return self._seat_meeting(contest) is not None
        return self.determined(contest)

    def _signed(self, snapshot: Signed, contest: str | None) -> Signed:
        """The signature blocks of those recorded present, and, once determined, who did not
        sign and why (the penetapan in force)."""
        with Session(self.pleno_service.engine) as session:
            attendance = procedure_store.attendance(session)
            signed = procedure_store.signatures(session) if self.determined(contest) else []
        here = present_at_meeting(self.pleno_service.pleno(), attendance, signed)
        return with_refusals(with_present(snapshot, here, contest), refusals(signed))

    def _determined_on(self, contest: str | None) -> datetime | None:
        """When the result in force was determined; None (a line to write on) before."""
        return self.determined_at() if self.determined(contest) else None

    def _corrections(self) -> tuple[CorrectionLine, ...]:
        return correction_lines(self.pleno_service)

    def _recap(self, contest: str | None) -> Recap:
        return recap_contests(self.pleno_service, contest)[0].recap

    def _sources(self) -> dict[tuple[str, str], str]:
        sources: dict[tuple[str, str], str] = {}
        for contest, unit, source in self.pleno_service.tallies():
            if source == PLENO.code:
                sources[(contest, unit)] = "ditetapkan pleno"
            elif source == PPK.code:
                sources.setdefault((contest, unit), "D.Hasil PPK")
        return sources

    def preview(self, kind: FormKind, contest: str | None, paper: Paper) -> RenderedForm:
        """The PDF as it would print, without recording a print."""
        return self.prepare(kind, contest).render(paper)

    def log(self) -> list[PrintRecord]:
        with Session(self.pleno_service.engine) as session:
            return _with_final(prints.prints(session))

    def pdf(self, record: PrintRecord) -> bytes:
        with Session(self.pleno_service.engine) as session:
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
        with Session(self.pleno_service.engine) as session:
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
        with Session(self.pleno_service.engine, expire_on_commit=False) as session, session.begin():
            stored = prints.add_print(session, new)
            key = self.installation_key()
            payload = _payload(stored) | ({"kunci_instalasi": key} if key else {})
            payload |= {"nomor": number} if number else {}
            audit.append(session, self.pleno_service.actor, AuditEvent.FORM_PRINTED, payload)
        self.pleno_service.bus.announce(
            Change(
                AuditEvent.FORM_PRINTED, frozenset({prepared.contest} if prepared.contest else ())
            )
        )
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
