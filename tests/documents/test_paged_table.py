"""The table paged by us: header on every page, blocks of rows kept on one page, a block longer
than a page still printed in full."""

from __future__ import annotations

from reportlab.lib.units import mm

from rekap_desktop.documents.paged_table import PagedTable, TableRow
from rekap_desktop.documents.parts import PageMeta, render, text
from rekap_desktop.documents.styles import MARGIN_BOTTOM, MARGIN_TOP, page_size
from rekap_desktop.domain.paper import Paper
from tests.documents.pdf_check import flat, page_texts

HEIGHT = page_size(Paper.F4)[1] - MARGIN_TOP - MARGIN_BOTTOM - 12
META = PageMeta("TABEL UJI", "KOTA UJI", "0000-0000-0000", None)


def blocks_table(blocks: int, size: int) -> PagedTable:
    rows: list[TableRow] = []
    ranges = []
    for b in range(1, blocks + 1):
        first = len(rows)
        rows.append(TableRow([text(f"BLOK {b}", "cell_bold"), ""], (("SPAN", (0, 0), (-1, 0)),)))
        rows += [TableRow([f"baris {b}.{i}", str(i)]) for i in range(1, size - 1)]
        rows.append(TableRow([f"AKHIR {b}", "-"]))
        ranges.append((first, len(rows)))
    return PagedTable(["KEPALA", "NILAI"], rows, [80 * mm, 30 * mm], (), ranges, HEIGHT)


def test_header_repeats_and_no_block_is_split_over_two_pages() -> None:
    # GIVEN 30 blocks of 9 rows (about six pages) WHEN they are printed
    pages = [flat(t) for t in page_texts(render([blocks_table(30, 9)], META, Paper.F4).pdf)]
    # THEN every page starts its table with the header
    assert len(pages) > 2 and all("KEPALA NILAI" in p for p in pages)
    # AND each block's heading and last row are on the same page, every block once
    for b in range(1, 31):
        (page,) = [p for p in pages if f"BLOK {b} " in p]
        assert f"AKHIR {b} " in page


def test_a_block_longer_than_a_page_is_split_where_the_page_ends() -> None:
    # GIVEN one block of 200 rows (longer than an F4 page) WHEN printed
    pages = [flat(t) for t in page_texts(render([blocks_table(1, 200)], META, Paper.F4).pdf)]
    # THEN it runs over several pages with every row printed once
    assert len(pages) >= 2 and all("KEPALA NILAI" in p for p in pages)
    whole = " ".join(pages)
    assert all(whole.count(f"baris 1.{i} ") == 1 for i in range(1, 199))
    assert "AKHIR 1" in pages[-1]
