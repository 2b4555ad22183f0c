"""Salinan dan tanda terima through the service: copies numbered per print version in one
audited write, a refused handing changing nothing, and a USB copy whose signature holds until a
byte of the PDF changes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.copies import CopyMoment, HandRequest, Medium, Receiver, ReceiverKind
from rekap_desktop.domain.paper import Paper
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.services.copies_service import CopiesService
from rekap_desktop.services.demo import load_demo
from rekap_desktop.services.evidence.context import EvidenceContext
from rekap_desktop.services.evidence.ledgers import COPY_COLUMNS, copy_rows
from rekap_desktop.services.keys import installation_key, public_raw
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.service import FormKind, PrintService
from rekap_desktop.storage.engine import open_engine
from rekap_desktop.storage.orm import AuditEntryRow

SAKSI = Receiver("Ayu Lestari Manurung", ReceiverKind.SAKSI)
BAWASLU = Receiver("Rina Bawaslu", ReceiverKind.BAWASLU)


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[PlenoService]:
    service = PlenoService(open_engine(str(tmp_path / "demo.sqlite")))
    load_demo(service)
    yield service
    service.engine.dispose()


def _print(service: PlenoService, kind: FormKind, contest: str | None = None) -> int:
    record, _pdf = PrintService(service).print_form(kind, contest, Paper.F4)
    return record.stored.id


def _events(service: PlenoService) -> list[dict[str, object]]:
    with Session(service.engine) as session:
        rows = session.scalars(
            select(AuditEntryRow).where(AuditEntryRow.event == AuditEvent.COPY_HANDED)
        )
        return [json.loads(r.payload) for r in rows]


def test_copies_are_numbered_per_version_and_audited_in_one_write(demo: PlenoService) -> None:
    # GIVEN the D.Hasil Wali Kota and the register printed
    d_hasil = _print(demo, FormKind.D_HASIL, "walikota")
    register = _print(demo, FormKind.KEJADIAN_KHUSUS)
    copies = CopiesService(demo)
    # WHEN both are handed at a skors to the saksi (named by name) and Bawaslu, then the D.Hasil
    # once more to a pemantau
    first = copies.hand(
        HandRequest((d_hasil, register), (SAKSI, BAWASLU), Medium.KERTAS, CopyMoment.SKORS)
    )
    pemantau = Receiver("Ridwan Syahputra Nasution", ReceiverKind.PEMANTAU, note="JPPR")
    second = copies.hand(HandRequest((d_hasil,), (pemantau,), Medium.KERTAS, CopyMoment.SKORS))
    # THEN each version's copies are numbered in turn, grouped by handing
    assert [
        (c.handing, c.printed.print_id, c.number, c.receiver.name) for c in copies.handed()
    ] == [
        (1, d_hasil, 1, "Ayu Lestari Manurung"),
        (1, d_hasil, 2, "Rina Bawaslu"),
        (1, register, 1, "Ayu Lestari Manurung"),
        (1, register, 2, "Rina Bawaslu"),
        (2, d_hasil, 3, "Ridwan Syahputra Nasution"),
    ]
    assert (first.number, second.number) == (1, 2)
    assert second.copies[0].copy_label == "Salinan ke-3"
    # AND the saksi stands for the choice the setup gives her
    saksi = first.copies[0].receiver
    assert (saksi.contest, saksi.choice) == ("walikota", 2)
    assert copies.role(saksi).startswith("Saksi Pemilihan Wali Kota dan Wakil Wali Kota")
    # AND each handing is one audit entry naming every copy with its version's sidik data
    events = _events(demo)
    assert [len(e["salinan"]) for e in events] == [4, 1]  # type: ignore[arg-type]
    line = events[0]["salinan"][0]  # type: ignore[index]
    assert line["sidik_data"] == first.copies[0].printed.fingerprint
    assert (line["salinan_ke"], line["penerima"], line["nomor_urut"]) == (1, SAKSI.name, 2)
    # AND the evidence pack's ledger lists every copy under the columns its CSV names
    ledger = copy_rows(EvidenceContext(demo, PrintService(demo), Paper.F4))
    assert len(ledger) == 5 and all(tuple(row) == COPY_COLUMNS for row in ledger)


def test_a_refused_handing_changes_nothing(demo: PlenoService, tmp_path: Path) -> None:
    d_hasil = _print(demo, FormKind.D_HASIL, "walikota")
    copies = CopiesService(demo)
    stranger = Receiver("Orang Asing", ReceiverKind.SAKSI, "walikota", 2)
    usb = tmp_path / "usb"
    usb.mkdir()
    said: list[str] = []
    # WHEN a handing names a stranger as saksi (with a good receiver beside), or a missing
    # print, or a USB folder that is not there
    for request in (
        HandRequest((d_hasil,), (BAWASLU, stranger), Medium.USB, CopyMoment.SKORS, folder=str(usb)),
        HandRequest((d_hasil, 999), (BAWASLU,), Medium.KERTAS, CopyMoment.SKORS),
        HandRequest((d_hasil,), (BAWASLU,), Medium.USB, CopyMoment.SKORS, folder="/tidak/ada"),
    ):
        with pytest.raises(InputRejected) as refused:
            copies.hand(request)
        assert refused.value.source == "Penyerahan salinan"
        said.append(" ".join(str(p) for p in refused.value.problems))
    # THEN nothing was recorded, audited or written
    assert copies.handed() == [] and _events(demo) == []
    assert list(usb.iterdir()) == []
    assert "(Orang Asing): bukan saksi nomor urut 2" in said[0]
    assert "cetakan #999 tidak ada" in said[1]
    assert "folder '/tidak/ada' tidak ada" in said[2]


def test_a_usb_copy_is_the_printed_pdf_signed_and_fails_once_a_byte_changes(
    demo: PlenoService, tmp_path: Path
) -> None:
    # GIVEN the D.Hasil printed (its PDF kept in the print history)
    printing = PrintService(demo)
    record, printed_pdf = printing.print_form(FormKind.D_HASIL, "walikota", Paper.F4)
    copies = CopiesService(demo)
    # WHEN it is handed on a USB stick
    handing = copies.hand(
        HandRequest(
            (record.stored.id,),
            (SAKSI,),
            Medium.KERTAS_DAN_USB,
            CopyMoment.PENUTUPAN_KECAMATAN,
            unit="647201",
            folder=str(tmp_path),
        )
    )
    [files] = handing.files
    # THEN the PDF is the printed one, its signature verifies with this installation's key
    assert files.pdf.read_bytes() == printed_pdf
    signature = bytes.fromhex(files.signature.read_text("ascii"))
    public = public_raw(installation_key())
    Ed25519PublicKey.from_public_bytes(public).verify(signature, printed_pdf)
    note = files.note.read_text("utf-8")
    assert "Salinan ke-1" in note and record.stored.fingerprint in note
    assert "openssl pkeyutl -verify" in note and public.hex() in note
    assert copies.check(files.pdf).intact
    # AND once one byte of the PDF is changed the check says it is not intact
    changed = bytearray(printed_pdf)
    changed[len(changed) // 2] ^= 1
    files.pdf.write_bytes(bytes(changed))
    check = copies.check(files.pdf)
    assert not check.intact and "TIDAK SAH" in check.message


def test_the_suggestion_is_the_saksi_present_of_the_contest_and_bawaslu(
    demo: PlenoService,
) -> None:
    from rekap_desktop.services.procedure_records import ProcedureRecords
    from rekap_desktop.services.procedure_service import ProcedureService

    records = ProcedureRecords(ProcedureService(demo))
    records.add_attendee("saksi", "Dewi Anggraini Siahaan", "gubernur", 2, True)
    records.add_attendee("saksi", "Ayu Lestari Manurung", "walikota", 2, True)
    records.add_attendee("bawaslu", "Rina Bawaslu")
    copies = CopiesService(demo)
    d_hasil = copies.version(str(_print(demo, FormKind.D_HASIL, "walikota")))
    suggestion = copies.suggestion(d_hasil)
    assert [r.name for r in suggestion.receivers] == ["Ayu Lestari Manurung", "Rina Bawaslu"]
    register = copies.version(str(_print(demo, FormKind.KEJADIAN_KHUSUS)))
    assert [r.name for r in copies.suggestion(register).receivers] == [
        "Dewi Anggraini Siahaan",
        "Ayu Lestari Manurung",
        "Rina Bawaslu",
    ]
    # AND a receipt is no document to copy
    receipt = _print(demo, FormKind.TANDA_TERIMA)
    assert receipt not in [v.print_id for v in copies.versions()]
    assert copies.version(d_hasil.fingerprint) == d_hasil
