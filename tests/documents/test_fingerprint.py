from __future__ import annotations

from datetime import date

from rekap_desktop.documents.d_hasil import ChoiceTotal, DHasilData, ResultRow, ResultSection
from rekap_desktop.documents.fingerprint import (
    canonical_json,
    content_hash,
    normalize_code,
    short_code,
)
from rekap_desktop.documents.form_header import form_content, form_fingerprint
from rekap_desktop.documents.parts import Signatory
from tests.documents.samples import d_hasil as sample
from tests.documents.samples import header


def tiny() -> DHasilData:
    return DHasilData(
        header=header("MODEL D.HASIL KABUPATEN/KOTA-KWK", "DRAF", "Pemilihan Wali Kota Uji"),
        column_label="KECAMATAN",
        columns=("UTARA",),
        sections=(ResultSection("IV", (ResultRow("IV", "Nomor urut 1: A", (7,), 7),)),),
        choices=(ChoiceTotal(1, "A", 7),),
        valid=7,
        invalid=None,
        place="Aula",
        determined_on=date(2024, 12, 5),
        members=(Signatory("Ketua Uji", "Ketua", "sakit"),),
        witnesses=(),
    )


GOLDEN_JSON = (
    '{"anggota":[["Ketua Uji","Ketua","sakit"]],'
    '"bagian":[{"baris":[["IV","Nomor urut 1: A",[7],7]],"judul":"IV"}],'
    '"formulir":"MODEL D.HASIL KABUPATEN/KOTA-KWK","kolom":["UTARA"],'
    '"nama_pemilihan":"Pemilihan Uji 2024","pemilihan":"Pemilihan Wali Kota Uji","saksi":[],'
    '"tanggal":"2024-12-05","tempat":"Aula","wilayah":"KOTA UJI"}'
)

GOLDEN_SHA256 = "66f55d6c8ef14ab2cc842fa17c043631817f3b2032b319cccedbd71d3021f132"


def test_canonical_content_of_d_hasil_is_fixed() -> None:
    # GIVEN a one-unit D.Hasil WHEN its canonical content is written THEN it is exactly this text
    content = form_content(tiny())
    assert canonical_json(content) == GOLDEN_JSON
    # AND its sidik data is the SHA-256 of that text, shortened
    assert content_hash(content) == GOLDEN_SHA256
    assert form_fingerprint(tiny()) == short_code(GOLDEN_SHA256)


def test_watermark_and_paper_are_not_content_but_every_number_is() -> None:
    # GIVEN the same data printed as DRAF and as final
    draft, final = sample(3, 2, "DRAF"), sample(3, 2, None)
    # THEN the sidik data is the same
    assert form_fingerprint(draft) == form_fingerprint(final)
    # WHEN one vote of one unit changes THEN the sidik data changes
    section = draft.sections[1]
    row = section.rows[0]
    changed_row = ResultRow(row.number, row.label, (row.values[0] + 1, *row.values[1:]), row.total)
    changed = DHasilData(
        **{
            **draft.__dict__,
            "sections": (
                draft.sections[0],
                ResultSection(section.title, (changed_row, *section.rows[1:])),
                draft.sections[2],
            ),
        }
    )
    assert form_fingerprint(changed) != form_fingerprint(draft)


def test_codes_typed_from_paper_are_normalized() -> None:
    # GIVEN codes as a person types them WHEN normalized THEN they match the printed form
    assert short_code("9f3a0c2104bd" + "0" * 52) == "9F3A-0C21-04BD"
    assert normalize_code(" 9f3a 0c21-04bd ") == "9F3A-0C21-04BD"
    assert normalize_code("9F3A0C2104BD") == "9F3A-0C21-04BD"
    # AND anything else is not a code
    assert normalize_code("9F3A-0C21") is None
    assert normalize_code("ZZZZ-0C21-04BD") is None
    assert normalize_code("") is None
