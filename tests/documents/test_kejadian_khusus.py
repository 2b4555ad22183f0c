from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from rekap_desktop.documents.form_header import form_fingerprint
from rekap_desktop.documents.kejadian_khusus import RegisterData, RegisterEntry, render_register
from tests.documents.pdf_check import flat, ink_share, page_texts, render_pngs
from tests.documents.samples import header

LONG = " ".join(f"kalimat{i:04d} tentang kotak suara yang segelnya rusak." for i in range(190))


def register(*entries: RegisterEntry) -> RegisterData:
    return RegisterData(
        header=header("MODEL D.KEJADIAN KHUSUS DAN/ATAU KEBERATAN SAKSI-KWK", "DRAF"),
        entries=entries,
    )


def entry(number: int, description: str, paraf: tuple[str, ...] = ()) -> RegisterEntry:
    return RegisterEntry(
        number=number,
        kind="Keberatan saksi",
        origin="Dari Kecamatan UTARA No. 4",
        unit="990101 UTARA",
        contest="Pemilihan Wali Kota Uji",
        raised_by="Saksi Uji <nomor urut 2> & kawan",
        description=description,
        status="Diselesaikan",
        resolution="Dicocokkan dengan Model C.Hasil; jumlahnya sama.",
        paraf=paraf,
    )


def test_register_prints_every_field_and_paraf_boxes(tmp_path: Path) -> None:
    # GIVEN two entries, one resolved objection to be initialled
    data = register(
        entry(1, "Saksi keberatan atas jumlah DPTb.", ("Yang mengajukan keberatan", "Saksi lain")),
        entry(2, "Segel kotak robek."),
    )
    # WHEN printed
    rendered = render_register(data)
    text = flat("\n".join(page_texts(rendered.pdf)))
    # THEN each entry shows all its fields, escaped names included
    for expected in (
        "MODEL D.KEJADIAN KHUSUS DAN/ATAU KEBERATAN SAKSI-KWK",
        "Keberatan saksi",
        "Dari Kecamatan UTARA No. 4",
        "990101 UTARA",
        "Saksi Uji <nomor urut 2> & kawan",
        "Saksi keberatan atas jumlah DPTb.",
        "Segel kotak robek.",
        "Dicocokkan dengan Model C.Hasil; jumlahnya sama.",
        "Paraf entri No. 1:",
        "Yang mengajukan keberatan",
        "Halaman 1 dari 1",
        form_fingerprint(data),
    ):
        assert expected in text
    # AND the page has ink on it
    assert all(ink_share(p) > 0.01 for p in render_pngs(rendered.pdf, tmp_path, "kk"))


def test_a_10000_character_account_wraps_over_pages(tmp_path: Path) -> None:
    # GIVEN an entry whose account is 10.000 characters long
    assert len(LONG) >= 10_000
    data = register(entry(1, LONG), entry(2, "Entri sesudahnya."))
    # WHEN printed
    rendered = render_register(data)
    texts = page_texts(rendered.pdf)
    # THEN it runs over several numbered pages with nothing lost
    assert rendered.pages >= 2
    whole = flat("\n".join(texts))
    assert "kalimat0000" in whole and "kalimat0189" in whole
    assert "Entri sesudahnya." in whole
    for number, text in enumerate(texts, start=1):
        assert f"Halaman {number} dari {rendered.pages}" in text
    assert all(ink_share(p) > 0.01 for p in render_pngs(rendered.pdf, tmp_path, "long"))


def test_an_empty_register_says_so() -> None:
    # GIVEN no entries WHEN printed THEN the form states that nothing was recorded
    text = flat(page_texts(render_register(register()).pdf)[0])
    assert "Tidak ada kejadian khusus dan/atau keberatan saksi yang dicatat." in text


def test_the_paraf_block_stays_whole_on_one_page_and_names_its_entry(tmp_path: Path) -> None:
    # GIVEN a resolved objection witnessed by twelve saksi, its resolution long enough that
    # the paraf block falls at the foot of a page (more boxes than fit on one line)
    signers = tuple(f"Penyaksi{i:02d}" for i in range(1, 13))
    for lines in (0, 40, 80, 118, 160):
        resolution = "kalimat penyelesaian yang cukup panjang. " * lines + "AKHIR."
        data = register(
            RegisterEntry(
                number=7,
                kind="Keberatan saksi",
                origin="Baru",
                unit="990101 UTARA",
                contest="Pemilihan Wali Kota Uji",
                raised_by="Saksi Uji",
                description="Keberatan atas jumlah suara.",
                status="Diselesaikan",
                resolution=resolution,
                paraf=signers,
            )
        )
        # WHEN printed
        pdf = render_register(data).pdf
        pages = page_texts(pdf)
        # THEN every signer's box is printed (none runs off the page), all on one page, and
        # that page says whose paraf they are
        holding = [i for i, page in enumerate(pages) if any(s in page for s in signers)]
        assert len(holding) == 1, (lines, holding)
        page = flat(pages[holding[0]])
        assert all(s in page for s in signers), (lines, [s for s in signers if s not in page])
        assert "Paraf entri No. 7:" in page
        assert all(x < right for x, right in signer_positions(pdf, signers)), lines


def signer_positions(pdf: bytes, signers: tuple[str, ...]) -> list[tuple[float, float]]:
    """(x where each signer's name starts, the page's right edge), in points."""
    found: list[tuple[float, float]] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        right = float(page.mediabox.width)

        def visit(text: str, cm: list[float], tm: list[float], *_rest: object) -> None:
            if any(s in text for s in signers):
                found.append((tm[4] * cm[0] + tm[5] * cm[2] + cm[4], right))  # noqa: B023

        page.extract_text(visitor_text=visit)
    assert len(found) >= len(signers)
    return found
