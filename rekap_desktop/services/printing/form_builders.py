"""How each form's data is gathered from the meeting's records and handed to its renderer: one
function per form, named in the table of forms (forms_table)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Protocol, TypeVar

from rekap_desktop.documents import (
    berita_acara,
    berita_acara_hitung_ulang,
    d_hasil,
    d_hasil_legislatif,
    daftar_hadir,
    daftar_pembetulan,
    kejadian_khusus,
    keputusan,
    penetapan_terpilih,
    pengembalian,
    pengumuman,
    perolehan_kursi,
    skors,
    surat_pengantar,
)
from rekap_desktop.documents.form_header import Headed, form_content, form_fingerprint
from rekap_desktop.documents.parts import PageStamp, RenderedForm
from rekap_desktop.documents.surat_pengantar import Enclosure
from rekap_desktop.domain.paper import Paper
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.recap import Recap
from rekap_desktop.domain.seat_meeting import SeatMeeting
from rekap_desktop.domain.sources import PLENO, PPK
from rekap_desktop.services.follow_up_service import d_hasil_line
from rekap_desktop.services.incident_service import register_snapshot as register
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing import after_determination as stages
from rekap_desktop.services.printing import recap_forms
from rekap_desktop.services.printing.attendance import attendance_data
from rekap_desktop.services.printing.corrections import correction_lines, corrections_data
from rekap_desktop.services.printing.findings import finding_notes, with_findings
from rekap_desktop.services.printing.kinds import FormKind
from rekap_desktop.services.printing.legislative import announced_contest, legislative_d_hasil_data
from rekap_desktop.services.printing.minutes import minutes_data
from rekap_desktop.services.printing.plausibility import override_notes, with_overrides
from rekap_desktop.services.printing.recounts import recount_lines, recount_links, recounts_data
from rekap_desktop.services.printing.seat_decree import seat_decree, with_meeting
from rekap_desktop.services.printing.seats import seat_data
from rekap_desktop.services.printing.signatures import Signed
from rekap_desktop.services.recount_service import RecountService
from rekap_desktop.services.results import recap_contests
from rekap_desktop.services.seat_service import SeatService
from rekap_desktop.storage import procedure_store, seats_store
from rekap_desktop.storage.unit_of_work import read

Content = dict[str, Any]
Draw = Callable[[Paper, PageStamp], RenderedForm]
"""Render on a paper, with the installation key's sidik (or None) in the footer."""
Drawn = tuple[Content, Draw]
"""The form's canonical content (what its sidik data covers) and how to draw it."""

Data = TypeVar("Data", contravariant=True)
T = TypeVar("T", bound=Headed)


class Renderer(Protocol[Data]):
    """A renderer of documents/: the form data in, the PDF out."""

    def __call__(
        self,
        data: Data,
        paper: Paper = ...,
        *,
        installation_key: str | None = ...,
        chain_head: str | None = ...,
    ) -> RenderedForm: ...


def drawn(data: T, renderer: Renderer[T]) -> Drawn:
    """The form data's canonical content, and the renderer drawing it."""
    return form_content(data), lambda paper, stamp: renderer(data, paper, **stamp)


class Named(Protocol):
    """A prepared form as a later form refers to it: by its name and sidik data."""

    @property
    def form_name(self) -> str: ...
    @property
    def fingerprint(self) -> str: ...


class FormSource(Protocol):
    """What the print service gives a form's builder besides the meeting's records: what the
    procedure knows (penetapan, pause, proceedings) and the forms a later form rests on."""

    @property
    def pleno_service(self) -> PlenoService: ...
    @property
    def determined(self) -> Callable[[str | None], bool]: ...
    @property
    def pause_note(self) -> Callable[[], str]: ...
    @property
    def proceedings(self) -> Callable[[], list[tuple[str, str]]]: ...
    def determined_on(self, contest: str | None) -> datetime | None: ...
    def signed(self, data: Signed, contest: str | None) -> Signed: ...
    def prepare(self, kind: FormKind, contest: str | None = None) -> Named: ...


@dataclass(frozen=True)
class Order:
    """One form asked for: its title, contest (None: the meeting's), watermark and Nomor."""

    title: str
    contest: str | None
    watermark: str | None
    number: str | None = None

    @property
    def code(self) -> str:
        return self.contest or ""


Build = Callable[[FormSource, Order], Drawn]


def recap_of(pleno_service: PlenoService, contest: str | None) -> Recap:
    return recap_contests(pleno_service, contest)[0].recap


def seat_meeting(pleno_service: PlenoService, contest: str | None) -> SeatMeeting | None:
    if contest is None:
        return None
    with read(pleno_service.engine) as session:
        return seats_store.meeting(session, contest)


def d_hasil_form(src: FormSource, order: Order) -> Drawn:
    """Model D.Hasil of one contest: per dapil for a legislative contest."""
    service, contest, mark = src.pleno_service, order.contest, order.watermark
    pleno = service.pleno()
    chosen = pleno.contest(contest) if contest else None
    notes = finding_notes(service, contest)
    if chosen is not None and chosen.is_party_list:
        leg = src.signed(legislative_d_hasil_data(pleno, recap_of(service, contest), mark), contest)
        leg = replace(with_findings(leg, notes), determined_on=src.determined_on(contest))
        leg = replace(leg, follow_up=d_hasil_line(service))
        return drawn(leg, d_hasil_legislatif.render_legislative_d_hasil)
    dh = src.signed(recap_forms.d_hasil_data(pleno, recap_of(service, contest), mark), contest)
    dh = replace(with_findings(dh, notes), determined_on=src.determined_on(contest))
    dh = replace(dh, follow_up=d_hasil_line(service))
    return drawn(dh, d_hasil.render_d_hasil)


def register_form(src: FormSource, order: Order) -> Drawn:
    """Model D.Kejadian Khusus: the whole register with the corrections its entries led to."""
    service = src.pleno_service
    reg = recap_forms.register_data(
        service.pleno(),
        register(service.engine),
        order.watermark,
        correction_lines(service),
        src.determined_on(None),
        recount_links(service),
    )
    return drawn(reg, kejadian_khusus.render_register)


def returns_form(src: FormSource, order: Order) -> Drawn:
    """Rekap pengembalian C.Pemberitahuan, with the notices read out per kecamatan."""
    service = src.pleno_service
    pleno = service.pleno()
    with read(service.engine) as session:
        notices: dict[str, dict[str, int]] = {
            u.code: procedure_store.returned_notices(session, u.code) for u in pleno.units
        }
    rs = recap_forms.returns_data(pleno, recap_of(service, order.contest), order.watermark, notices)
    return drawn(rs, pengembalian.render_returns)


def attendance_form(src: FormSource, order: Order) -> Drawn:
    service = src.pleno_service
    with read(service.engine) as session:
        recorded = procedure_store.attendance(session)
    att = attendance_data(service.pleno(), recorded, order.watermark)
    return drawn(att, daftar_hadir.render_attendance)


def interim_form(src: FormSource, order: Order) -> Drawn:
    """Catatan sementara saat skors: always SEMENTARA."""
    service = src.pleno_service
    recaps = [r.recap for r in recap_contests(service)]
    interim = recap_forms.interim_data(
        service.pleno(), recaps, _sources(service), service.incidents(), src.pause_note()
    )
    return drawn(interim, skors.render_interim)


def _sources(service: PlenoService) -> dict[tuple[str, str], str]:
    """Where each (contest, unit) value of the interim notes comes from."""
    sources: dict[tuple[str, str], str] = {}
    for contest, unit, source in service.tallies():
        if source == PLENO.code:
            sources[(contest, unit)] = "ditetapkan pleno"
        elif source == PPK.code:
            sources.setdefault((contest, unit), "D.Hasil PPK")
    return sources


def announcement_form(src: FormSource, order: Order) -> Drawn:
    """Pengumuman: each contest's outcome, with the party totals of the legislative ones."""
    service = src.pleno_service
    pleno = service.pleno()
    recaps = [r.recap for r in recap_contests(service)]
    legislative = (
        {
            str(r.contest.code): announced_contest(pleno, r)
            for r in recaps
            if r.contest.is_party_list
        }
        if any(c.is_party_list for c in pleno.contests)
        else None
    )
    ann = recap_forms.announcement_data(pleno, recaps, order.watermark, legislative)
    ann = replace(ann, announced_on=src.determined_on(None), number=order.number)
    return drawn(ann, pengumuman.render_announcement)


def minutes_form(src: FormSource, order: Order) -> Drawn:
    """Berita acara of the meeting: proceedings, results, signatures, findings, corrections."""
    service = src.pleno_service
    recaps = [r.recap for r in recap_contests(service)]
    ba = minutes_data(
        service.pleno(), recaps, service.incidents(), src.proceedings(), order.watermark
    )
    ba = with_findings(src.signed(ba, None), finding_notes(service, order.contest))
    ba = replace(ba, number=order.number, corrections=correction_lines(service))
    ba = replace(ba, recounts=recount_lines(service))
    ba = with_overrides(ba, override_notes(service))
    return drawn(ba, berita_acara.render_minutes)


def seats_form(src: FormSource, order: Order) -> Drawn:
    """Penetapan perolehan kursi, with its meeting once that is recorded."""
    service = src.pleno_service
    ks = _seat_sheet(service, order)
    meeting = seat_meeting(service, order.code)
    ks = with_meeting(service.pleno(), ks, meeting) if meeting else ks
    return drawn(ks, perolehan_kursi.render_seats)


def _seat_sheet(service: PlenoService, order: Order) -> perolehan_kursi.SeatData:
    seats = SeatService(service)
    code = order.code
    return seat_data(
        service.pleno(), seats.results(code), seats.decision_records(code), order.watermark
    )


def corrections_list_form(src: FormSource, order: Order) -> Drawn:
    """Daftar Pembetulan: every correction made in the meeting; dated once determined."""
    service = src.pleno_service
    lines = correction_lines(service)
    data = corrections_data(service.pleno(), lines, order.watermark, src.determined_on(None))
    return drawn(data, daftar_pembetulan.render_corrections)


def recounts_form(src: FormSource, order: Order) -> Drawn:
    """Berita acara pencocokan / penghitungan suara ulang: one per recorded check, with the
    corrections made on its strength."""
    service = src.pleno_service
    records = RecountService(service).records()
    data = recounts_data(service.pleno(), records, order.watermark)
    return drawn(data, berita_acara_hitung_ulang.render_recounts)


def result_decree_form(src: FormSource, order: Order) -> Drawn:
    """The Keputusan on the result, naming the D.Hasil it rests on by its sidik data."""
    decree = _result_decree(src, order)
    return drawn(decree, keputusan.render_decree)


def elected_pair_form(src: FormSource, order: Order) -> Drawn:
    """The berita acara of the pair elected, naming the Keputusan by its sidik data."""
    decree = _result_decree(src, order)
    pleno = src.pleno_service.pleno()
    recap = recap_of(src.pleno_service, order.contest)
    elected = stages.elected_pair(pleno, recap, form_fingerprint(decree), order.watermark)
    return drawn(elected, penetapan_terpilih.render_elected_pair)


def cover_letter_form(src: FormSource, order: Order) -> Drawn:
    """The cover letter sending the D.Hasil and the register up, each by its sidik data."""
    pleno = src.pleno_service.pleno()
    recap = recap_of(src.pleno_service, order.contest)
    d_hasil_form = src.prepare(FormKind.D_HASIL, order.contest)
    register_form = src.prepare(FormKind.KEJADIAN_KHUSUS)
    enclosures = (
        Enclosure(f"{d_hasil_form.form_name} {recap.contest.title}", d_hasil_form.fingerprint),
        Enclosure(register_form.form_name, register_form.fingerprint),
    )
    day = _determined_day(src, order)
    letter = stages.cover_letter(pleno, recap.contest, enclosures, day, order.watermark)
    return drawn(letter, surat_pengantar.render_cover_letter)


def _result_decree(src: FormSource, order: Order) -> keputusan.DecreeData:
    pleno = src.pleno_service.pleno()
    recap = recap_of(src.pleno_service, order.contest)
    basis = src.prepare(FormKind.D_HASIL, order.contest)
    decree = stages.result_decree(
        pleno,
        recap,
        (basis.form_name, basis.fingerprint),
        _determined_day(src, order),
        order.watermark,
    )
    return replace(decree, number=order.number)


def _determined_day(src: FormSource, order: Order) -> date | None:
    """The day of the penetapan, as the D.Hasil's "Ditetapkan … pada hari" says."""
    moment = src.determined_on(order.contest)
    return moment.date() if moment else src.pleno_service.pleno().held_on


def seat_decree_form(src: FormSource, order: Order) -> Drawn:
    """The seat meeting's Keputusan, with the allocation its seat sheet shows."""
    service = src.pleno_service
    meeting = seat_meeting(service, order.code)
    if meeting is None or not src.determined(order.contest):
        raise InputRejected(
            [
                Problem(
                    f"{order.title} hanya dapat dicetak setelah rapat penetapan perolehan kursi "
                    "dicatat"
                )
            ]
        )
    sheet = _seat_sheet(service, order)
    basis = src.prepare(FormKind.D_HASIL, order.contest)
    decree = seat_decree(
        service.pleno(), sheet, meeting, (basis.form_name, basis.fingerprint), order.watermark
    )
    return drawn(decree, keputusan.render_decree)
