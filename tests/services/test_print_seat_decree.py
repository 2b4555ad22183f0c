"""The seat meeting's papers: the numbered Keputusan KPU Kota with Lampiran I (seats per party and
dapil) and Lampiran II (elected candidates per dapil), and the seat sheet stating the meeting and
signed by those who attended — final once the seat meeting is recorded, not at penetapan."""

from __future__ import annotations

from pathlib import Path

import pytest

from rekap_desktop.app import main
from rekap_desktop.domain.paper import Paper
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Action
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.printing.meeting import meeting_print_service
from rekap_desktop.services.printing.service import FormKind
from rekap_desktop.services.seat_meeting_service import SeatMeetingService
from tests.documents.pdf_check import flat, ink_share, page_texts, render_pngs
from tests.services.seat_meeting_samples import BAWASLU, COURT, DECREE, seat_meeting
from tests.services.test_seat_meeting import (  # noqa: F401 (fixtures)
    confirm,
    decide_the_tie,
    determined,
    determined_file,
)


def hold_the_seat_meeting(service: PlenoService) -> None:
    decide_the_tie(service)
    SeatMeetingService(service).record(
        seat_meeting(service), confirm(service, Action.DETERMINE_SEATS)
    )


def test_the_keputusan_on_seats_carries_both_lampiran(
    determined: PlenoService,  # noqa: F811
    tmp_path: Path,
) -> None:
    # GIVEN the determined Pemilu demo whose seat meeting was held
    hold_the_seat_meeting(determined)
    printer = meeting_print_service(determined)
    d_hasil = printer.prepare(FormKind.D_HASIL, "dprd_kabko").fingerprint
    # WHEN its Keputusan is printed
    record, pdf = printer.print_form(FormKind.KEPUTUSAN_KURSI, None, Paper.F4)
    text = flat(" ".join(page_texts(pdf)))
    # THEN it is the numbered decree, resting on the determined D.Hasil and the Court's notice,
    # dated on the seat meeting's day
    for expected in (
        "KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA BENGKULU",
        f"NOMOR {DECREE}",
        "PENETAPAN PEROLEHAN KURSI PARTAI POLITIK DAN CALON TERPILIH DALAM PEMILIHAN UMUM "
        "ANGGOTA DPRD KOTA BENGKULU TAHUN 2024",
        "Peraturan Komisi Pemilihan Umum Nomor 6 Tahun 2024",
        COURT,
        f"sidik data {d_hasil}",
        "dihadiri 5 anggota Komisi Pemilihan Umum Kota Bengkulu, Bawaslu dan 2 wakil partai",
        "Ditetapkan di Bengkulu pada tanggal 1 Mei 2024",
    ):
        assert expected in text, expected
    # AND Lampiran I gives each party's seats per dapil, Lampiran II the elected candidates
    assert "LAMPIRAN I KEPUTUSAN" in text and "LAMPIRAN II KEPUTUSAN" in text
    assert "DAERAH PEMILIHAN KOTA BENGKULU 1 — 7 KURSI" in text
    assert "3 PARTAI CAHAYA BANGSA 6.871 2" in text
    assert "1. PARTAI AMANAH RAKYAT 3 Hendra Rahayu (L) 843" in text
    assert record.final
    assert all(ink_share(p) > 0.005 for p in render_pngs(pdf, tmp_path, "keputusan_kursi"))


def test_the_seat_sheet_states_the_meeting_and_who_attended(
    determined: PlenoService,  # noqa: F811
) -> None:
    printer = meeting_print_service(determined)
    # GIVEN the recapitulation determined but the seat meeting not held: the sheet is no final
    before, _ = printer.print_form(FormKind.PEROLEHAN_KURSI, None, Paper.F4)
    assert not before.final
    # WHEN the seat meeting is recorded and the sheet printed again
    hold_the_seat_meeting(determined)
    after, pdf = printer.print_form(FormKind.PEROLEHAN_KURSI, None, Paper.F4)
    text = flat(" ".join(page_texts(pdf)))
    # THEN it is final, states the meeting and its Keputusan, and is signed by those present
    assert after.final
    assert "Rabu, 1 Mei 2024 pukul 10.00, di Kantor KPU Kota Bengkulu" in text
    assert f"Keputusan KPU Kota Bengkulu Nomor {DECREE}" in text
    assert "BAWASLU DAN WAKIL PARTAI POLITIK YANG HADIR" in text
    assert BAWASLU in text and "Sutan Mahmud (Partai Amanah Rakyat)" in text


def test_the_keputusan_waits_for_the_seat_meeting(
    determined: PlenoService,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    printer = meeting_print_service(determined)
    # GIVEN penetapan done, the seat meeting not held
    assert FormKind.KEPUTUSAN_KURSI not in printer.kinds()
    with pytest.raises(InputRejected, match="setelah rapat penetapan perolehan kursi dicatat"):
        printer.prepare(FormKind.KEPUTUSAN_KURSI, "dprd_kabko")
    url = determined.engine.url.render_as_string(hide_password=False)
    out = tmp_path / "kursi.pdf"
    assert main(["report", "keputusan-kursi", "--db", url, "--out", str(out)]) == 2
    assert "rapat penetapan perolehan kursi" in capsys.readouterr().err
    # WHEN it is held THEN the Keputusan is offered and reported
    hold_the_seat_meeting(determined)
    assert FormKind.KEPUTUSAN_KURSI in printer.kinds()
    assert main(["report", "keputusan-kursi", "--db", url, "--out", str(out)]) == 0
    assert "(dprd_kabko): versi 1" in capsys.readouterr().out


def test_the_pemilu_cover_letter_cites_the_pemilu_rule(
    determined: PlenoService,  # noqa: F811
) -> None:
    # GIVEN the determined Pemilu demo: the PPWP goes up, the DPRD Kota is decided here
    printer = meeting_print_service(determined)
    assert [c.code for c in printer.contests(FormKind.SURAT_PENGANTAR)] == ["ppwp"]
    # WHEN the cover letter of the PPWP is printed
    pdf = printer.preview(FormKind.SURAT_PENGANTAR, "ppwp", Paper.F4).pdf
    text = flat(" ".join(page_texts(pdf)))
    # THEN it cites the Pemilu recapitulation rule, not the Pilkada one
    assert "Peraturan Komisi Pemilihan Umum Nomor 5 Tahun 2024" in text
    assert "Nomor 18 Tahun 2024" not in text
    assert "Yth. Ketua KPU Provinsi di Tempat" in text
