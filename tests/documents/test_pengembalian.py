from __future__ import annotations

from datetime import date
from pathlib import Path

from rekap_desktop.documents.form_header import form_fingerprint
from rekap_desktop.documents.parts import Signatory
from rekap_desktop.documents.pengembalian import ReturnLine, ReturnsData, render_returns
from tests.documents.pdf_check import flat, ink_share, page_texts, render_pngs
from tests.documents.samples import header


def test_returns_list_each_kecamatan_with_total_in_figures_and_words(tmp_path: Path) -> None:
    # GIVEN returned C.Pemberitahuan of three kecamatan, one not yet recorded
    data = ReturnsData(
        header=header("REKAP PENGEMBALIAN C.PEMBERITAHUAN-KABUPATEN/KOTA-KWK", "SIMULASI"),
        column_label="KECAMATAN",
        lines=(
            ReturnLine("990101", "UTARA", 97, 1_461),
            ReturnLine("990102", "SELATAN", 1_200, 12),
            ReturnLine("990103", "BARAT", None, None),
        ),
        place="Aula Uji",
        held_on=date(2024, 12, 5),
        members=(Signatory("Ketua Uji", "Ketua"),),
    )
    # WHEN printed
    rendered = render_returns(data)
    text = flat("\n".join(page_texts(rendered.pdf)))
    # THEN every line, the totals (1.473 returned, 1.297 TPS) and the words are there
    for expected in (
        "REKAP PENGEMBALIAN C.PEMBERITAHUAN-KABUPATEN/KOTA-KWK",
        "990101 UTARA 97 1.461",
        "990102 SELATAN 1.200 12",
        "990103 BARAT – –",
        "JUMLAH 1.297 1.473",
        "SERIBU EMPAT RATUS TUJUH PULUH TIGA",
        "Kamis, 5 Desember 2024",
        "Ketua Uji",
        "SIMULASI",
        form_fingerprint(data),
        "Halaman 1 dari 1",
    ):
        assert expected in text
    assert data.total == 1_473
    assert all(ink_share(p) > 0.01 for p in render_pngs(rendered.pdf, tmp_path, "pc"))
