from __future__ import annotations

from pathlib import Path

import pytest

from rekap_desktop.documents.d_hasil import columns_per_page, render_d_hasil
from rekap_desktop.documents.form_header import form_fingerprint
from rekap_desktop.documents.terbilang import terbilang
from rekap_desktop.domain.paper import Paper
from rekap_desktop.text.numbers import format_number
from tests.documents.pdf_check import flat, ink_share, page_sizes_mm, page_texts, render_pngs
from tests.documents.samples import d_hasil as sample


@pytest.mark.parametrize(
    ("units", "choices", "pages"),
    [(3, 2, 1), (10, 6, 2), (10, 12, 3), (40, 2, 4), (40, 12, 5)],
)
def test_d_hasil_prints_every_unit_with_totals_on_numbered_pages(
    tmp_path: Path, units: int, choices: int, pages: int
) -> None:
    # GIVEN a D.Hasil Kabupaten/Kota with `units` kecamatan and `choices` pasangan calon
    data = sample(units, choices)
    # WHEN it is rendered on the default paper (F4 landscape)
    rendered = render_d_hasil(data)
    texts = page_texts(rendered.pdf)
    whole = flat("\n".join(texts))
    # THEN it has the expected pages, each numbered "x dari y" with the sidik data
    assert rendered.pages == pages == len(texts)
    code = form_fingerprint(data)
    for number, text in enumerate(texts, start=1):
        assert f"Halaman {number} dari {pages}" in text
        assert code in text
        assert "MODEL D.HASIL KABUPATEN/KOTA-KWK" in text
    # AND the title names the contest
    assert (
        "MODEL D.HASIL KABUPATEN/KOTA-KWK — PEMILIHAN WALI KOTA DAN WAKIL WALI KOTA UJI" in texts[0]
    )
    # AND every kecamatan, every vote and every total is printed as 1.234.567
    for i in range(units):
        assert f"KECAMATAN UJI {i + 1:02d}" in whole
    for c in range(1, choices + 1):
        total = sum(1000 * (i + 1) + c for i in range(units))
        assert format_number(total) in whole
        assert terbilang(total).upper() in whole
    assert format_number(1000 * units + choices) in whole
    # AND the date of determination and the refusal to sign with its reason
    assert "Kamis, 5 Desember 2024" in whole
    assert "Hadir, tidak menandatangani. Alasan: Tidak sependapat" in whole
    # AND each page has ink on it (rendered with pdftoppm)
    for png in render_pngs(rendered.pdf, tmp_path, f"d_hasil_{units}_{choices}"):
        assert ink_share(png) > 0.01


def test_column_groups_repeat_the_row_headers_and_end_with_jumlah() -> None:
    # GIVEN 40 kecamatan (4 balanced column groups of 10 on F4)
    texts = page_texts(render_d_hasil(sample(40, 6)).pdf)
    # THEN every group page repeats the labels and says which kecamatan it holds
    groups = [(1, 10), (11, 20), (21, 30), (31, 40)]
    for page, (first, last) in zip(texts, groups, strict=False):
        assert "URAIAN \\ KECAMATAN" in page
        assert "Jumlah suara sah" in page
        assert f"KECAMATAN {first}–{last} dari 40" in page
    # AND only the last group carries the JUMLAH column
    assert "JUMLAH\n" not in texts[0] and "JUMLAH" in texts[3]


def test_a4_is_selectable_and_takes_fewer_columns_per_page() -> None:
    # GIVEN the same form WHEN printed on A4 and on F4
    data = sample(40, 6)
    a4, f4 = render_d_hasil(data, Paper.A4), render_d_hasil(data, Paper.F4)
    # THEN pages are landscape A4 (297 × 210 mm) and F4 (330 × 215 mm)
    assert set(page_sizes_mm(a4.pdf)) == {(297, 210)}
    assert set(page_sizes_mm(f4.pdf)) == {(330, 215)}
    # AND A4 holds fewer kecamatan per page, so it needs more pages
    assert columns_per_page(Paper.A4) < columns_per_page(Paper.F4)
    assert a4.pages > f4.pages


def test_watermark_is_printed_only_while_not_determined() -> None:
    # GIVEN a draft and a determined print of the same data
    draft = page_texts(render_d_hasil(sample(3, 2, "DRAF")).pdf)[0]
    final = page_texts(render_d_hasil(sample(3, 2, None)).pdf)[0]
    # THEN only the draft carries DRAF
    assert "DRAF" in draft
    assert "DRAF" not in final
