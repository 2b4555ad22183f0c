"""The D.Hasil and the berita acara are signed by those recorded present at item 1 (KPU members,
saksi with their mandate), list Bawaslu and pemantau present, and print beside the name why one
present did not sign (PKPU 18/2024 Pasal 33(3)); the penetapan checks its signers against the
daftar hadir."""

from __future__ import annotations

from pathlib import Path

import pytest

from rekap_desktop.domain.paper import Paper
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.signature import Signature
from rekap_desktop.services.printing.meeting import meeting_print_service
from rekap_desktop.services.printing.service import FormKind
from rekap_desktop.services.procedure_records import ProcedureRecords
from tests.documents.pdf_check import flat, page_texts
from tests.penetapan import determine_meeting
from tests.present_meeting import REASON, SAKSI_ROLE, present_meeting


@pytest.fixture
def records(tmp_path: Path) -> ProcedureRecords:
    return present_meeting(tmp_path)


def _text(pdf: bytes) -> str:
    return flat(" ".join(page_texts(pdf)))


def test_the_signers_asked_at_penetapan_are_those_recorded_present(
    records: ProcedureRecords,
) -> None:
    # GIVEN the daftar hadir above
    # WHEN the penetapan asks who signs THEN it is the Ketua and the saksi present, no one else
    assert records.signatories() == [
        Signature("Ketua Uji", "Ketua", True),
        Signature("Saksi Dua", SAKSI_ROLE, True),
    ]


def test_penetapan_refuses_signers_not_present_and_leaving_out_one_present(
    records: ProcedureRecords,
) -> None:
    # GIVEN the meeting at penetapan (every other condition met)
    service = records.procedure.pleno_service
    # WHEN the setup's absent member signs and the saksi present is left out
    with pytest.raises(InputRejected) as error:
        determine_meeting(
            service,
            [Signature("Ketua Uji", "Ketua", True), Signature("Anggota Absen", "Anggota", True)],
        )
    # THEN both are named, and nothing is determined
    assert [str(p) for p in error.value.problems] == [
        "Anggota Absen tidak tercatat hadir di daftar hadir (butir 1); tidak dapat menandatangani",
        f"Saksi Dua ({SAKSI_ROLE}) tercatat hadir: catat menandatangani, atau hadir tetapi "
        "tidak menandatangani dengan alasannya",
    ]
    assert not records.procedure.state().determined


def test_forms_list_who_was_present_and_why_one_did_not_sign(records: ProcedureRecords) -> None:
    # GIVEN the result determined: the Ketua signs, the saksi is present but does not sign
    service = records.procedure.pleno_service
    determine_meeting(
        service,
        [Signature("Ketua Uji", "Ketua", True), Signature("Saksi Dua", SAKSI_ROLE, False, REASON)],
    )
    printing = meeting_print_service(service)
    # WHEN the D.Hasil and the berita acara are printed
    _r, d_hasil = printing.print_form(FormKind.D_HASIL, "walikota", Paper.F4)
    _r, minutes = printing.print_form(FormKind.BERITA_ACARA, None, Paper.F4)
    d_hasil_text, minutes_text = _text(d_hasil), _text(minutes)
    not_signed = f"Hadir, tidak menandatangani. Alasan: {REASON}"
    # THEN the KPU block lists the Ketua present, not the member of the setup who was absent
    for text in (d_hasil_text, minutes_text):
        assert "1 Ketua Uji Ketua 1. ......" in text
        assert "Anggota Absen" not in text
    # AND the saksi is listed with whom they stand for, the mandate check, and the reason
    assert (
        f"1 Saksi Dua Nomor urut 2: CALON A - WAKIL A; surat mandat sesuai {not_signed}"
        in d_hasil_text
    )
    assert (
        "1 Saksi Dua Pemilihan Wali Kota Uji, Nomor urut 2: CALON A - WAKIL A; surat mandat "
        f"sesuai {not_signed}" in minutes_text
    )
    # AND Bawaslu and the pemantau present are listed as present, the pemantau as pemantau
    for text in (d_hasil_text, minutes_text):
        assert (
            "BAWASLU DAN PEMANTAU YANG HADIR NO NAMA UNSUR / LEMBAGA KETERANGAN "
            "1 Rina Bawaslu Bawaslu Kabupaten/Kota Hadir "
            "2 Citra Pemantau Pemantau, JPPR Kota Uji Hadir"
        ) in text
        assert text.count(not_signed) == 1
