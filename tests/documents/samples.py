"""Our own small form data for the form tests (names and numbers made up here)."""

from __future__ import annotations

from datetime import date

from rekap_desktop.documents.d_hasil import ChoiceTotal, DHasilData, ResultRow, ResultSection
from rekap_desktop.documents.form_header import FormHeader
from rekap_desktop.documents.parts import Signatory


def header(
    form_name: str, watermark: str | None = "DRAF", contest_title: str | None = None
) -> FormHeader:
    """The head of a form of our KOTA UJI meeting."""
    return FormHeader(
        form_name=form_name,
        region="KOTA UJI",
        region_fields=(("KABUPATEN/KOTA", "KOTA UJI"),),
        election_name="Pemilihan Uji 2024",
        contest_title=contest_title,
        watermark=watermark,
    )


def d_hasil(units: int, choices: int, watermark: str | None = "DRAF") -> DHasilData:
    """A D.Hasil Kabupaten/Kota with ``units`` kecamatan; unit i gives choice c 1000·i + c votes."""
    names = tuple(f"KECAMATAN UJI {i + 1:02d}" for i in range(units))
    votes = [[1000 * (i + 1) + c for i in range(units)] for c in range(1, choices + 1)]
    valid = [sum(v[i] for v in votes) for i in range(units)]
    invalid = [10 + i for i in range(units)]
    voters = [valid[i] + invalid[i] for i in range(units)]

    def row(number: str, label: str, values: list[int]) -> ResultRow:
        return ResultRow(number, label, tuple(values), sum(values))

    sections = (
        ResultSection(
            "I. DATA PEMILIH DAN PENGGUNAAN HAK PILIH",
            (
                row("I.A", "Pemilih dalam DPT – Jumlah", [v * 2 for v in voters]),
                row("I.B.4", "Jumlah pengguna hak pilih – Jumlah", voters),
            ),
        ),
        ResultSection(
            "IV. PEROLEHAN SUARA",
            tuple(
                row(str(c + 1), f"PASANGAN CALON NOMOR URUT {c + 1}", votes[c])
                for c in range(choices)
            ),
        ),
        ResultSection(
            "V. SUARA SAH DAN TIDAK SAH",
            (
                row("V.A", "Jumlah suara sah", valid),
                row("V.B", "Jumlah suara tidak sah", invalid),
                row("V.C", "Jumlah suara sah dan tidak sah", voters),
            ),
        ),
    )
    return DHasilData(
        header=header(
            "MODEL D.HASIL KABUPATEN/KOTA-KWK",
            watermark,
            "Pemilihan Wali Kota dan Wakil Wali Kota Uji",
        ),
        column_label="KECAMATAN",
        columns=names,
        sections=sections,
        choices=tuple(
            ChoiceTotal(c + 1, f"PASANGAN CALON NOMOR URUT {c + 1}", sum(votes[c]))
            for c in range(choices)
        ),
        valid=sum(valid),
        invalid=sum(invalid),
        place="Aula Uji",
        determined_on=date(2024, 12, 5),
        members=(
            Signatory("Ketua Uji, S.H.", "Ketua"),
            Signatory("Anggota Uji Satu", "Anggota"),
            Signatory(
                "Anggota Uji Dua", "Anggota", "Tidak sependapat dengan hasil di KECAMATAN UJI 01"
            ),
        ),
        witnesses=tuple(
            Signatory(f"Saksi Uji {c + 1}", f"Pasangan calon nomor urut {c + 1}")
            for c in range(choices)
        ),
    )
