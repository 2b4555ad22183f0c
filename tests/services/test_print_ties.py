"""The printed pengumuman and berita acara state what the law decides at this level: an equal
first place decided by the spread over the kecamatan (UU 10/2016 Pasal 107(2)) with its figures,
and a Gubernur whose result a kab/kota meeting only sends to the KPU Provinsi."""

from __future__ import annotations

from pathlib import Path

import pytest

from rekap_desktop.domain.paper import Paper
from rekap_desktop.services.printing.service import FormKind, PrintService
from tests.documents.pdf_check import flat, page_texts
from tests.ties_fixture import tied_service


@pytest.fixture(params=[FormKind.PENGUMUMAN, FormKind.BERITA_ACARA])
def printed(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    service = tied_service(tmp_path)
    pdf = PrintService(service).preview(request.param, None, Paper.F4).pdf
    (tmp_path / f"{request.param.value}.pdf").write_bytes(pdf)
    return flat(" ".join(page_texts(pdf)))


def test_the_tie_is_printed_with_the_figures_that_decide_it(printed: str) -> None:
    assert (
        "Nomor urut 1 dan 2 memperoleh suara terbanyak yang sama (100 suara). UU 10/2016 Pasal "
        "107 ayat (2): pasangan calon yang dukungan pemilihnya lebih merata penyebarannya di "
        "seluruh kecamatan ditetapkan terpilih. Persebaran: nomor urut 1: bersuara di 3 dari 3 "
        "kecamatan, unggul di 2, terendah 33,33 %; nomor urut 2: bersuara di 2 dari 3 kecamatan, "
        "unggul di 1, terendah 0,00 %. Nomor urut 1 lebih merata (memperoleh suara di lebih "
        "banyak kecamatan)."
    ) in printed


def test_the_gubernur_result_goes_up_without_an_election(printed: str) -> None:
    gubernur = printed[printed.index("GUBERNUR UJI") : printed.index("WALI KOTA UJI")]
    assert (
        "Nomor urut 2 memperoleh suara terbanyak di tingkat ini. Hasil rekapitulasi ini "
        "disampaikan kepada KPU Provinsi, yang menetapkan hasil pemilihan."
    ) in gubernur
    assert "terpilih" not in gubernur
