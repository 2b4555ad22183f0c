"""Salinan dan tanda terima: copies of printed form versions handed to saksi, Bawaslu and others
at a kecamatan's close, a skors or penetapan (domain/copies.py).

``hand`` records one handing in one write: the request is checked inside it against the print
history and the meeting's saksi as stored at that moment, each copy numbered per print version
there, and, for a USB medium, the signed PDFs written before the commit (removed again when the
write does not commit), so a refusal leaves neither a record nor a file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.bodies import kpu_name
from rekap_desktop.domain.copies import (
    MOMENT_LABELS,
    CopyMoment,
    Found,
    HandedCopy,
    HandRequest,
    MeetingPeople,
    PrintedVersion,
    Receiver,
    ReceiverKind,
    completed,
    meeting_people,
    next_numbers,
    receiver_role,
    request_problems,
)
from rekap_desktop.domain.election import contest_office
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.services.printing.kinds import FormKind
from rekap_desktop.services.procedure_service import ProcedureService
from rekap_desktop.services.service_base import ServiceBase
from rekap_desktop.services.signatories import is_blank_column_saksi, present
from rekap_desktop.services.signed_copy import CopyCheck, SignedFiles, check_signed, file_stem
from rekap_desktop.services.signed_copy import write_signed as write_signed_files
from rekap_desktop.storage import audit, copies_store, prints, procedure_store
from rekap_desktop.storage.unit_of_work import Session, read
from rekap_desktop.text.numbers import format_stored_moment

__all__ = ["CopiesService", "CopyCheck", "Handing", "SignedFiles", "Suggestion"]

TITLE = "Penyerahan salinan"
NOT_COPIED = frozenset({FormKind.TANDA_TERIMA.value, FormKind.DAFTAR_SALINAN.value})
"""Prints that are no document to copy: the receipts and the list of copies themselves."""


@dataclass(frozen=True)
class Handing:
    """One handing as recorded: its Nomor, its copies and, for USB, the files written."""

    number: int
    copies: tuple[HandedCopy, ...]
    files: tuple[SignedFiles, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    """What the dialog starts from for a print version: the moment (and kecamatan) the meeting
    is at, and the receivers (each saksi present of the contest, then Bawaslu)."""

    moment: CopyMoment
    unit: str | None
    receivers: tuple[Receiver, ...]


class CopiesService(ServiceBase):
    # -- reading ---------------------------------------------------------------------------

    def versions(self) -> list[PrintedVersion]:
        """The print versions whose copies may be handed, newest first."""
        with read(self.pleno_service.engine) as session:
            found = copies_store.versions(session)
        return [v for v in found if v.kind not in NOT_COPIED]

    def version(self, text: str) -> PrintedVersion:
        """The print version named by its number in the print history ("12", "#12") or by its
        sidik data (the newest print carrying it)."""
        typed = text.strip().removeprefix("#")
        for printed in self.versions():
            if typed.isdigit() and printed.print_id == int(typed):
                return printed
            if printed.fingerprint.replace("-", "") == typed.upper().replace("-", ""):
                return printed
        raise InputRejected(
            [Problem(f"cetakan '{text}' tidak ada dalam riwayat cetak (nomor atau sidik data)")],
            TITLE,
        )

    def document_name(self, printed: PrintedVersion) -> str:
        """ "Model D.Hasil — Pemilihan Wali Kota …": the form and its contest."""
        from rekap_desktop.services.printing.forms_table import FORM_LABELS

        try:
            title = FORM_LABELS[FormKind(printed.kind)].split(" (")[0]
        except ValueError:  # a form of a later version of the program
            title = printed.kind
        contest = self.pleno_service.pleno().contest(printed.contest or "")
        if printed.contest is None:
            return title
        return f"{title} — {contest.title if contest else contest_office(printed.contest)}"

    def handed(self) -> list[HandedCopy]:
        """Every copy handed, in the order recorded (the daftar penyerahan salinan)."""
        with read(self.pleno_service.engine) as session:
            return copies_store.copies(session)

    def last_handing(self) -> list[HandedCopy]:
        """The copies of the last handing (whose tanda terima the print centre prints)."""
        with read(self.pleno_service.engine) as session:
            last = copies_store.last_handing(session)
            return copies_store.copies(session, last) if last is not None else []

    def role(self, receiver: Receiver) -> str:
        """As what the receiver received (the tanda terima's "Sebagai")."""
        return receiver_role(self.pleno_service.pleno(), receiver)

    def suggestion(self, printed: PrintedVersion) -> Suggestion:
        state = ProcedureService(self.pleno_service).state()
        if printed.kind == FormKind.SKORS.value or state.paused:
            moment, unit = CopyMoment.SKORS, None
        elif printed.determined or state.determined:
            moment, unit = CopyMoment.PENETAPAN, None
        else:
            moment, unit = CopyMoment.PENUTUPAN_KECAMATAN, state.current.unit
        return Suggestion(moment, unit, tuple(self.suggested_receivers(printed.contest)))

    def suggested_receivers(self, contest: str | None) -> list[Receiver]:
        """Each saksi present (the daftar hadir; the setup's saksi when none was kept) of
        ``contest`` (every contest's for a form of the whole meeting), then Bawaslu: those
        recorded present, else the body itself to be named on paper."""
        pleno = self.pleno_service.pleno()
        with read(self.pleno_service.engine) as session:
            attendance = procedure_store.attendance(session)
        here = present(attendance)
        if attendance:
            saksi = [
                Receiver(a.name, ReceiverKind.SAKSI, a.contest, a.choice)
                for a in here
                if a.role == "saksi" and not is_blank_column_saksi(pleno, a)
            ]
        else:
            saksi = [
                Receiver(w.name, ReceiverKind.SAKSI, w.contest, w.choice) for w in pleno.witnesses
            ]
        saksi = [r for r in saksi if contest is None or r.contest == contest]
        bawaslu = [Receiver(a.name, ReceiverKind.BAWASLU) for a in here if a.role == "bawaslu"]
        return saksi + (bawaslu or [Receiver(_supervisor(kpu_name(pleno)), ReceiverKind.BAWASLU)])

    def check(self, pdf: Path) -> CopyCheck:
        """Whether a signed PDF copy is intact (``.sig`` and ``.txt`` beside it)."""
        return check_signed(pdf)

    # -- changing --------------------------------------------------------------------------

    def hand(self, request: HandRequest) -> Handing:
        """Record copies of the chosen print versions for each receiver, numbered per version;
        for a USB medium write each signed PDF into the chosen folder. Refused (nothing written,
        no file left) when a print, a receiver, the moment or the folder is not acceptable."""
        request = _tidied(request)
        pleno = self.pleno_service.pleno()
        written: list[SignedFiles] = []
        try:
            with self.pleno_service.write() as w:
                session = w.session
                found = _found(session, request.print_ids)
                people = meeting_people(pleno, _recorded_saksi(session))
                request = _completed(request, found, people)
                problems = request_problems(request, found, people)
                problems += _folder_problems(request)
                if problems:
                    raise InputRejected([Problem(p) for p in problems], TITLE)
                copies = self._numbered(session, request, found)
                for copy in copies:
                    copies_store.add(session, copy)
                if request.folder and request.medium.has_usb:
                    folder = Path(request.folder)
                    written += [self._write(session, copy, folder) for copy in copies]
                contests = {c.printed.contest for c in copies if c.printed.contest}
                w.audit(AuditEvent.COPY_HANDED, _payload(request, copies, written), contests)
        except BaseException:
            for files in written:
                for path in (files.pdf, files.signature, files.note):
                    path.unlink(missing_ok=True)
            raise
        return Handing(copies[0].handing, tuple(copies), tuple(written))

    def _numbered(self, session: Session, request: HandRequest, found: Found) -> list[HandedCopy]:
        handing = copies_store.next_handing(session)
        last = copies_store.last_numbers(session, request.print_ids)
        numbers = iter(next_numbers(request.print_ids, last, len(request.receivers)))
        at = audit.now_iso()
        return [
            HandedCopy(
                number=next(numbers),
                handing=handing,
                printed=found.versions[print_id],
                document=self.document_name(found.versions[print_id]),
                receiver=receiver,
                medium=request.medium,
                moment=request.moment,
                unit=request.unit,
                handed_by=request.handed_by,
                handed_at=at,
                recorded_by=self.actor,
            )
            for print_id in request.print_ids
            for receiver in request.receivers
        ]

    def _write(self, session: Session, copy: HandedCopy, folder: Path) -> SignedFiles:
        pdf = prints.pdf(session, copy.printed.print_id)
        if pdf is None:
            raise InputRejected([Problem(f"PDF cetakan #{copy.printed.print_id} tidak ada")])
        printed = copy.printed
        stem = file_stem(
            "salinan",
            printed.kind,
            printed.contest or "",
            f"v{printed.version}",
            f"ke{copy.number}",
            copy.receiver.name,
        )
        about = (
            f"{copy.copy_label}: {copy.document}, versi cetak {printed.version} "
            f"(cetakan #{printed.print_id}, sidik data {printed.fingerprint})\n"
            f"Diserahkan kepada {copy.receiver.name} ({self.role(copy.receiver)}) "
            f"pada {format_stored_moment(copy.handed_at)}, "
            f"saat {MOMENT_LABELS[copy.moment].lower()}\n"
            f"Ditandatangani dengan kunci instalasi Rekap Desktop "
            f"{kpu_name(self.pleno_service.pleno())}"
        )
        return write_signed_files(folder, stem, pdf, about)


def _supervisor(kpu: str) -> str:
    """The election supervisor of the body holding the meeting: "BAWASLU KOTA SAMARINDA",
    "PANWASLU KECAMATAN PALARAN"."""
    if kpu.startswith("PPK "):
        return "PANWASLU " + kpu.removeprefix("PPK ")
    return "BAWASLU" + kpu.removeprefix("KPU")


def _tidied(request: HandRequest) -> HandRequest:
    receivers = tuple(
        replace(r, name=" ".join(r.name.split()), note=r.note.strip()) for r in request.receivers
    )
    unit = (request.unit or "").strip() or None
    folder = (request.folder or "").strip() or None
    return replace(
        request,
        receivers=receivers,
        unit=unit,
        handed_by=" ".join(request.handed_by.split()),
        folder=folder,
    )


def _found(session: Session, print_ids: Sequence[int]) -> Found:
    versions = copies_store.versions(session, print_ids)
    return Found(
        versions={v.print_id: v for v in versions if v.kind not in NOT_COPIED},
        not_copied={v.print_id: v.kind for v in versions if v.kind in NOT_COPIED},
    )


def _completed(request: HandRequest, found: Found, people: MeetingPeople) -> HandRequest:
    """Each saksi named by name only, with the contest and number they stand for."""
    contests = {v.contest for v in found.versions.values() if v.contest}
    receivers = tuple(completed(r, contests, people) for r in request.receivers)
    return replace(request, receivers=receivers)


def _recorded_saksi(session: Session) -> list[tuple[str, str, int]]:
    return [
        (a.name, a.contest, a.choice)
        for a in procedure_store.attendance(session)
        if a.role == "saksi" and a.contest is not None and a.choice is not None
    ]


def _folder_problems(request: HandRequest) -> list[str]:
    if not (request.medium.has_usb and request.folder):
        return []
    if not Path(request.folder).is_dir():
        return [f"folder '{request.folder}' tidak ada (pasang flashdisk atau pilih folder lain)"]
    return []


def _payload(
    request: HandRequest, copies: list[HandedCopy], files: list[SignedFiles]
) -> dict[str, object]:
    signed = {id(c): f for c, f in zip(copies, files, strict=False)} if files else {}
    return {
        "penyerahan": copies[0].handing,
        "saat": request.moment.value,
        "kecamatan": request.unit,
        "media": request.medium.value,
        "diserahkan_oleh": request.handed_by,
        "salinan": [
            {
                "salinan_ke": c.number,
                "cetakan": c.printed.print_id,
                "jenis_formulir": c.printed.kind,
                "pemilihan": c.printed.contest,
                "versi": c.printed.version,
                "sidik_data": c.printed.fingerprint,
                "penerima": c.receiver.name,
                "sebagai": c.receiver.kind.value,
                "pemilihan_saksi": c.receiver.contest,
                "nomor_urut": c.receiver.choice,
                "keterangan": c.receiver.note,
            }
            | ({"berkas": signed[id(c)].pdf.name} if id(c) in signed else {})
            for c in copies
        ],
    }
