"""rekap-csv/1 (formats §2): CSV and XLSX tallies read all-or-nothing, and written back."""

from __future__ import annotations

import io
from dataclasses import replace
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rekap_desktop.domain.election import (
    Candidate,
    Choice,
    Contest,
    District,
    ElectionKind,
    Level,
    Party,
    Pleno,
    Region,
    Unit,
)
from rekap_desktop.domain.ids import ChoiceNo, ContestCode, FieldKey, RegionCode
from rekap_desktop.domain.kept_rows import KeptRow
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.sources import BAWASLU, PPK, SIREKAP, Source, saksi
from rekap_desktop.domain.tally import form_keys
from rekap_desktop.interchange.rekap_csv import (
    TallyRecord,
    read_rekap_table,
    write_rekap_csv,
    write_rekap_xlsx,
)

PALARAN, ILIR = RegionCode("647201"), RegionCode("647202")
GUBERNUR, WALIKOTA = ContestCode("gubernur"), ContestCode("walikota")
PLENO = Pleno(
    name="Pemilihan Serentak 2024",
    kind=ElectionKind.PILKADA,
    level=Level.KABKO,
    region=Region(RegionCode("6472"), "KOTA SAMARINDA"),
    units=(Unit(PALARAN, "PALARAN", 97), Unit(ILIR, "SAMARINDA ILIR", 120)),
    contests=(
        Contest(
            GUBERNUR,
            "Pemilihan Gubernur",
            tuple(Choice(ChoiceNo(n), f"PASLON {n}") for n in (1, 2, 3)),
        ),
        Contest(
            WALIKOTA,
            "Pemilihan Wali Kota",
            (Choice(ChoiceNo(1), "KOLOM KOSONG", blank_column=True), Choice(ChoiceNo(2), "AH")),
        ),
    ),
)
HEADER = "pemilihan,kode_wilayah,nama_wilayah,sumber,suara_01,suara_02,suara_03,suara_sah"
Found = tuple[int | None, str | None, str]


def csv_bytes(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def record(
    contest: str, unit: str, source: Source, rows: tuple[int, ...], **values: int
) -> TallyRecord:
    keyed = {FieldKey(k): v for k, v in values.items()}
    return TallyRecord(ContestCode(contest), RegionCode(unit), source, keyed, rows)


def problems_of(data: bytes, name: str = "rekap.csv", pleno: Pleno = PLENO) -> list[Found]:
    with pytest.raises(InputRejected) as rejected:
        read_rekap_table(data, name, pleno)
    assert rejected.value.source == name
    return [(p.row, p.column, p.message) for p in rejected.value.problems]


def xlsx_bytes(rows: list[list[Any]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- reading good files -------------------------------------------------------------------


def test_csv_rows_become_one_record_per_contest_unit_and_source() -> None:
    # GIVEN unit rows of two contests and several sources; one cell left blank
    data = csv_bytes(
        HEADER,
        "walikota,647202,SAMARINDA ILIR,ppk,100,200,,300",
        "walikota,647201,PALARAN,saksi_02,10,20,,",
        "gubernur,647201,PALARAN,sirekap,1,2,3,6",
        "walikota,647201,PALARAN,ppk,11,20,,31",
    )
    # WHEN the table is read
    records = read_rekap_table(data, "rekap.csv", PLENO)
    # THEN records come in contest, unit, source order; blank cells are "not recorded"
    assert records == [
        record("gubernur", PALARAN, SIREKAP, (4,), suara_01=1, suara_02=2, suara_03=3, suara_sah=6),
        record("walikota", PALARAN, PPK, (5,), suara_01=11, suara_02=20, suara_sah=31),
        record("walikota", PALARAN, saksi(2), (3,), suara_01=10, suara_02=20),
        record("walikota", ILIR, PPK, (2,), suara_01=100, suara_02=200, suara_sah=300),
    ]


def test_semicolons_bom_crlf_thousands_dots_and_loose_names_are_accepted() -> None:
    # GIVEN an Excel-style CSV: BOM, ";" separator, CRLF, "1.234", a name in other case
    text = (
        "\ufeffPemilihan;Kode_Wilayah;nama_wilayah;sumber;suara_01;suara_02;suara_sah\r\n"
        "walikota;647201; palaran ;PPK;1.234;2.000.000;2.001.234\r\n"
    )
    # WHEN the table is read
    records = read_rekap_table(text.encode("utf-8"), "rekap.csv", PLENO)
    # THEN the separator is detected and the numbers read the Indonesian way
    assert records == [
        record("walikota", PALARAN, PPK, (2,), suara_01=1234, suara_02=2000000, suara_sah=2001234)
    ]


def test_xlsx_first_sheet_is_read_with_numbers_as_cells() -> None:
    # GIVEN a workbook (no .xlsx name: found by its zip signature) with ints, a whole float,
    # a number as text and an empty cell
    data = xlsx_bytes(
        [
            ["pemilihan", "kode_wilayah", "nama_wilayah", "sumber", "suara_01", "suara_02"],
            ["walikota", 647201, "PALARAN", "bawaslu", 12.0, "1.500"],
            ["walikota", "647202", None, "ppk", 7, None],
        ]
    )
    # WHEN the table is read
    records = read_rekap_table(data, "unggahan", PLENO)
    # THEN it gives the same records a CSV would
    assert records == [
        record("walikota", PALARAN, BAWASLU, (2,), suara_01=12, suara_02=1500),
        record("walikota", ILIR, PPK, (3,), suara_01=7),
    ]


def test_rows_below_a_unit_are_summed_into_it_by_code_prefix() -> None:
    # GIVEN TPS rows and a desa row under PALARAN, some cells blank
    data = csv_bytes(
        HEADER,
        "walikota,6472011001001,TPS 001,ppk,10,20,,30",
        "walikota,6472011001002,,ppk,5,,,",
        "walikota,6472011002,KELURAHAN LAIN,ppk,1,2,,3",
        "walikota,6472021001001,,ppk,7,8,,15",
    )
    # WHEN the table is read
    records = read_rekap_table(data, "rekap.csv", PLENO)
    # THEN each unit gets the sum of the recorded values of its rows (a field recorded in
    # any row is recorded), and the rows that made it
    assert [replace(r, kept=None) for r in records] == [
        record("walikota", PALARAN, PPK, (2, 3, 4), suara_01=16, suara_02=22, suara_sah=33),
        record("walikota", ILIR, PPK, (5,), suara_01=7, suara_02=8, suara_sah=15),
    ]
    # AND each row is kept as it came, with its code, a blank cell kept as not recorded
    palaran = records[0].kept
    assert palaran is not None
    assert [(row.code, row.values) for row in palaran] == [
        ("6472011001001", {"suara_01": 10, "suara_02": 20, "suara_sah": 30}),
        ("6472011001002", {"suara_01": 5}),
        ("6472011002", {"suara_01": 1, "suara_02": 2, "suara_sah": 3}),
    ]
    assert palaran.total() == records[0].values


def test_a_unit_given_by_its_own_row_keeps_no_rows_below_it() -> None:
    data = csv_bytes(HEADER, "walikota,647201,PALARAN,ppk,3,4,,7")
    assert read_rekap_table(data, "rekap.csv", PLENO)[0].kept is None


def test_blank_lines_and_short_rows_are_tolerated() -> None:
    # GIVEN a blank line, an all-empty row and a row missing its trailing empty cells
    data = csv_bytes(HEADER, "", ",,,,,,,", "walikota,647201,,ppk,3")
    # WHEN the table is read
    # THEN the missing cells are blank and the empty lines are skipped
    assert read_rekap_table(data, "rekap.csv", PLENO) == [
        record("walikota", PALARAN, PPK, (4,), suara_01=3)
    ]


# --- refusing bad files -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("1,5", "bilangan desimal '1,5' tidak boleh"),
        ("1.5", "bilangan desimal '1.5' tidak boleh"),
        ("12.34", "bilangan desimal '12.34' tidak boleh"),
        ("-3", "nilai negatif '-3' tidak boleh"),
        ("−3", "nilai negatif '−3' tidak boleh"),
        ("١٢", "'١٢' bukan angka"),
        ("abc", "'abc' bukan angka"),
        ("12a", "'12a' bukan angka"),
        ("99999999999999999999999", "'99999999999999999999999' terlalu besar"),
    ],
)
def test_a_value_that_is_not_a_whole_number_is_refused_with_row_and_column(
    cell: str, message: str
) -> None:
    # GIVEN one bad cell in the third row
    data = csv_bytes(HEADER, "walikota,647201,,ppk,1,2,,3", f'walikota,647202,,ppk,1,"{cell}",,3')
    # WHEN the table is read
    found = problems_of(data)
    # THEN the whole file is refused, naming row 3, column suara_02
    assert len(found) == 1
    assert found[0][:2] == (3, "suara_02")
    assert found[0][2].startswith(message)


def test_xlsx_cells_that_are_not_whole_numbers_are_refused() -> None:
    # GIVEN a workbook with a decimal, a negative and a boolean cell
    data = xlsx_bytes(
        [
            ["pemilihan", "kode_wilayah", "sumber", "suara_01", "suara_02", "suara_sah"],
            ["walikota", "647201", "ppk", 1.5, -2, True],
        ]
    )
    # WHEN the table is read
    found = problems_of(data, "rekap.xlsx")
    # THEN each is named by row and column
    assert [where for *where, _ in found] == [[2, "suara_01"], [2, "suara_02"], [2, "suara_sah"]]
    assert found[2][2].startswith("'TRUE' bukan angka")


BAD_ROWS: list[tuple[str, str, Found]] = [
    ("unknown contest", "bupati,647201,,ppk,1,,,",
     (2, "pemilihan", "pemilihan 'bupati' tidak ada di rapat ini (gubernur, walikota)")),
    ("code with a dot", "walikota,6472.01,,ppk,1,,,",
     (2, "kode_wilayah", "kode wilayah '6472.01' harus berupa angka saja")),
    ("code outside the meeting", "walikota,647301,,ppk,1,,,",
     (2, "kode_wilayah", "kode 647301 bukan unit rapat ini dan tidak berada di bawahnya")),
    ("code above the units", "walikota,6472,,ppk,1,,,",
     (2, "kode_wilayah", "kode 6472 bukan unit rapat ini dan tidak berada di bawahnya")),
    ("name of another unit", "walikota,647201,SAMARINDA ILIR,ppk,1,,,",
     (2, "nama_wilayah", "nama tidak sesuai unit 647201 (PALARAN)")),
    ("unknown source", "walikota,647201,,kpu,1,,,",
     (2, "sumber", "sumber 'kpu' tidak dikenal (ppk, sirekap, saksi_NN, bawaslu)")),
    ("pleno source", "walikota,647201,,pleno,1,,,",
     (2, "sumber", "sumber 'pleno' hanya ditulis oleh rapat pleno sendiri")),
    ("saksi of no choice", "walikota,647201,,saksi_03,1,,,",
     (2, "sumber", "saksi_03: nomor urut 3 tidak ada dalam pemilihan 'walikota'")),
    ("vote for no choice", "walikota,647201,,ppk,1,2,3,",
     (2, "suara_03", "pilihan nomor urut 3 tidak ada dalam pemilihan 'walikota'; kosongkan")),
    ("row wider than the header", "walikota,647201,,ppk,1,2,,3,4",
     (2, None, "baris berisi 9 sel, lebih dari 8 kolom kepala")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("line", "expected"), [c[1:] for c in BAD_ROWS], ids=[c[0] for c in BAD_ROWS]
)
def test_a_bad_row_rejects_the_file_naming_row_and_column(line: str, expected: Found) -> None:
    # GIVEN a table whose only data row is wrong in one way
    # WHEN it is read
    # THEN exactly that problem is reported
    assert problems_of(csv_bytes(HEADER, line)) == [expected]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["walikota,647201,,ppk,1", "walikota,647201,PALARAN,ppk,2"],
         (3, "kode_wilayah", "baris ganda: kode 647201 sumber ppk sudah ada di baris 2")),
        (["walikota,6472011001001,,ppk,1", "walikota,6472011001001,,ppk,1"],
         (3, "kode_wilayah", "baris ganda: kode 6472011001001 sumber ppk sudah ada di baris 2")),
        (["walikota,647201,,ppk,1", "walikota,6472011001001,,ppk,1"],
         (3, "kode_wilayah", "sumber ppk sudah memberi baris unit 647201 sendiri (baris 2); "
                             "baris unit dan baris di bawahnya tidak boleh dicampur")),
        (["walikota,6472011001001,,ppk,1", "walikota,647201,,ppk,1"],
         (3, "kode_wilayah", "sumber ppk sudah memberi baris di bawah unit 647201 (baris 2); "
                             "baris unit dan baris di bawahnya tidak boleh dicampur")),
        (["walikota,6472011001,,ppk,1", "walikota,6472011001001,,ppk,1"],
         (3, "kode_wilayah", "kode 6472011001001 berada di bawah kode 6472011001 (baris 2) dari "
                             "sumber ppk yang sama; nilainya akan terhitung dua kali")),
    ],
    ids=["duplicate unit", "duplicate tps", "unit then tps", "tps then unit", "desa and its tps"],
)  # fmt: skip
def test_rows_that_would_count_twice_are_refused(lines: list[str], expected: Found) -> None:
    # GIVEN two rows of one source that overlap
    # WHEN the table is read
    # THEN the second is named
    assert problems_of(csv_bytes(HEADER, *lines)) == [expected]


def test_the_same_code_from_two_sources_or_contests_is_no_duplicate() -> None:
    # GIVEN one unit given by PPK and Sirekap, and for both contests
    data = csv_bytes(
        HEADER,
        "walikota,647201,,ppk,1,,,",
        "walikota,647201,,sirekap,1,,,",
        "gubernur,647201,,ppk,1,,,",
    )
    # WHEN the table is read
    # THEN three records come out
    assert len(read_rekap_table(data, "rekap.csv", PLENO)) == 3


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("pemilihan,kode_wilayah,sumber,suara_01,suara_09,jumlah",
         [(1, "suara_09", "kolom tidak dikenal untuk pemilihan mana pun di rapat ini"),
          (1, "jumlah", "kolom tidak dikenal untuk pemilihan mana pun di rapat ini")]),
        ("pemilihan,kode_wilayah,suara_01",
         [(1, "sumber", "kolom wajib tidak ada di kepala")]),
        ("pemilihan,kode_wilayah,sumber,suara_01,SUARA_01",
         [(1, "suara_01", "kolom ganda di kepala")]),
    ],
    ids=["unknown column", "missing column", "duplicate column"],
)  # fmt: skip
def test_a_bad_header_is_refused_naming_the_column(header: str, expected: list[Found]) -> None:
    # GIVEN a header with a problem and a good data row
    data = csv_bytes(header, "walikota,647201,ppk,1,2,3")
    # WHEN the table is read
    # THEN the header's problems are reported on row 1
    assert problems_of(data) == expected


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"", "rekap.csv", [(None, None, "tidak ada baris data")]),
        (csv_bytes(HEADER), "rekap.csv", [(None, None, "tidak ada baris data")]),
        (csv_bytes(HEADER, "", ",,,,,,,"), "rekap.csv", [(None, None, "tidak ada baris data")]),
        (csv_bytes(HEADER, "walikota,647201,PALARÁN,ppk,1,,,").replace(b"\xc3\x81", b"\xc1"),
         "rekap.csv",
         [(2, None, "berkas bukan teks UTF-8; simpan ulang sebagai CSV UTF-8 (atau XLSX)")]),
        (csv_bytes(HEADER).decode().encode("utf-16"), "rekap.csv",
         [(1, None, "berkas bukan teks UTF-8; simpan ulang sebagai CSV UTF-8 (atau XLSX)")]),
        (csv_bytes(HEADER, 'walikota,647201,,ppk,"' + "9" * 200_000 + '"'), "rekap.csv",
         [(2, None, "CSV tidak terbaca: field larger than field limit (131072)")]),
    ],
    ids=["empty", "header only", "blank rows only", "latin-1", "utf-16", "huge cell"],
)  # fmt: skip
def test_unreadable_or_empty_csv_is_refused(data: bytes, name: str, expected: list[Found]) -> None:
    # GIVEN a file with no data or not in UTF-8
    # WHEN it is read
    # THEN it is refused with a clear message
    assert problems_of(data, name) == expected


@pytest.mark.parametrize(
    ("data", "name"),
    [(b"PK\x03\x04 this is no zip file", "rekap.csv"), (b"pemilihan,sumber\n", "rekap.xlsx")],
    ids=["zip signature", "xlsx name"],
)
def test_malformed_xlsx_is_refused(data: bytes, name: str) -> None:
    # GIVEN bytes taken for a workbook that are not one
    # WHEN they are read
    found = problems_of(data, name)
    # THEN one clear problem says so
    assert len(found) == 1
    assert found[0][2].startswith("berkas XLSX rusak atau tidak terbaca")


def test_problems_are_collected_up_to_a_cap() -> None:
    # GIVEN a thousand bad rows
    data = csv_bytes(HEADER, *[f"walikota,6472011001{i:03d},,ppk,x,,," for i in range(1000)])
    # WHEN the table is read
    found = problems_of(data)
    # THEN the first fifty are listed, then a note that checking stopped
    assert len(found) == 51
    assert found[0] == (
        2,
        "suara_01",
        "'x' bukan angka; isi bilangan bulat ≥ 0, atau kosongkan bila tidak dicatat",
    )
    assert found[49][0] == 51
    assert found[50] == (None, None, "lebih dari 50 masalah; pemeriksaan henti")


# --- legislative contests: candidates belong to a dapil -----------------------------------

DPRD = Contest(
    ContestCode("dprd_kabko"),
    "DPRD",
    parties=(
        Party(
            ChoiceNo(1),
            "PARTAI A",
            {"1": (Candidate(ChoiceNo(1), "SITI", "P"), Candidate(ChoiceNo(2), "ANI", "P"))},
        ),
        Party(ChoiceNo(2), "PARTAI B", {"2": (Candidate(ChoiceNo(1), "AHMAD", "L"),)}),
    ),
    districts=(
        District("1", "DAPIL 1", 8, (PALARAN,)),
        District("2", "DAPIL 2", 7, (ILIR,)),
    ),
)
PEMILU = Pleno(
    "Pemilu 2024",
    ElectionKind.PEMILU,
    Level.KABKO,
    PLENO.region,
    PLENO.units,
    (DPRD,),
)


def test_legislative_votes_are_read_per_party_and_candidate_of_the_units_dapil() -> None:
    # GIVEN party and candidate columns; each unit fills its own dapil's candidates only
    data = csv_bytes(
        "pemilihan,kode_wilayah,sumber,suara_partai_01,suara_caleg_01_01,suara_caleg_01_02,"
        "suara_partai_02,suara_caleg_02_01",
        "dprd_kabko,6472011001001,ppk,5,6,7,8,",
        "dprd_kabko,647202,ppk,1,,,2,3",
    )
    # WHEN the table is read
    records = read_rekap_table(data, "rekap.csv", PEMILU)
    # THEN the values land per unit
    assert [replace(r, kept=None) for r in records] == [
        record(
            "dprd_kabko",
            PALARAN,
            PPK,
            (2,),
            suara_partai_01=5,
            suara_caleg_01_01=6,
            suara_caleg_01_02=7,
            suara_partai_02=8,
        ),
        record(
            "dprd_kabko", ILIR, PPK, (3,), suara_partai_01=1, suara_partai_02=2, suara_caleg_02_01=3
        ),
    ]


def test_a_candidate_of_another_dapil_is_refused() -> None:
    # GIVEN a vote for a dapil-2 candidate in a dapil-1 unit
    data = csv_bytes("pemilihan,kode_wilayah,sumber,suara_caleg_02_01", "dprd_kabko,647201,ppk,4")
    # WHEN the table is read
    # THEN the cell is refused
    assert problems_of(data, pleno=PEMILU) == [
        (
            2,
            "suara_caleg_02_01",
            "kolom ini bukan bagian dari pemilihan 'dprd_kabko' dapil 1; kosongkan",
        )
    ]


# --- writing ------------------------------------------------------------------------------

RECORDS = [
    record("walikota", ILIR, saksi(2), (2,), suara_01=5, suara_sah=5),
    record("walikota", ILIR, PPK, (3,), suara_01=4, suara_02=1_234_567, c_pemberitahuan_kembali=0),
    record("gubernur", ILIR, PPK, (4,), pemilih_dpt_l=10, suara_03=3),
    record("walikota", PALARAN, SIREKAP, (5,)),
]


def test_csv_is_written_in_form_order_with_blank_for_not_recorded() -> None:
    # GIVEN records in no particular order
    # WHEN they are written as CSV
    text = write_rekap_csv(RECORDS, PLENO).decode("utf-8")
    # THEN columns follow the form, rows follow contest, unit and source order
    assert text.splitlines() == [
        "pemilihan,kode_wilayah,nama_wilayah,sumber,pemilih_dpt_l,suara_01,suara_02,suara_03,"
        "suara_sah,c_pemberitahuan_kembali",
        "gubernur,647202,SAMARINDA ILIR,ppk,10,,,3,,",
        "walikota,647201,PALARAN,sirekap,,,,,,",
        "walikota,647202,SAMARINDA ILIR,ppk,,4,1234567,,,0",
        "walikota,647202,SAMARINDA ILIR,saksi_02,,5,,,5,",
    ]


@pytest.mark.parametrize("write", [write_rekap_csv, write_rekap_xlsx], ids=["csv", "xlsx"])
def test_what_is_written_reads_back_the_same(write: Any) -> None:
    # GIVEN records written as a table
    data = write(RECORDS, PLENO)
    # WHEN the table is read again
    again = read_rekap_table(data, "ekspor", PLENO)
    # THEN the records are the same, now numbered by their rows in the written file
    expected = sorted(RECORDS, key=lambda r: (r.contest, r.unit, r.source.sort_key))
    assert [(r.contest, r.unit, r.source, r.values) for r in again] == [
        (r.contest, r.unit, r.source, r.values) for r in expected
    ]
    assert [r.rows for r in again] == [(2,), (3,), (4,), (5,)]


def test_xlsx_holds_numbers_as_numbers() -> None:
    # GIVEN records written as a workbook
    book = openpyxl.load_workbook(io.BytesIO(write_rekap_xlsx(RECORDS, PLENO)))
    # WHEN its first sheet is looked at
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    # THEN codes are text, values are ints and not recorded is an empty cell
    assert rows[3] == (
        "walikota",
        "647202",
        "SAMARINDA ILIR",
        "ppk",
        None,
        4,
        1234567,
        None,
        None,
        0,
    )


def test_a_name_that_looks_like_a_formula_stays_text_in_xlsx() -> None:
    # GIVEN a unit whose name starts with "="
    pleno = Pleno(
        PLENO.name, PLENO.kind, PLENO.level, PLENO.region, (Unit(PALARAN, "=1+1"),), PLENO.contests
    )
    records = [record("walikota", PALARAN, PPK, (2,), suara_01=1)]
    # WHEN the records are written as XLSX and read back
    data = write_rekap_xlsx(records, pleno)
    # THEN the name is a text cell (not a formula) and still matches the unit
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.worksheets[0]["C2"].data_type == "s"
    assert read_rekap_table(data, "ekspor.xlsx", pleno) == records


@pytest.mark.parametrize("name", ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)"])
def test_a_name_that_looks_like_a_formula_is_marked_as_text_in_csv(name: str) -> None:
    # GIVEN a unit whose name a spreadsheet would run as a formula
    pleno = Pleno(
        PLENO.name, PLENO.kind, PLENO.level, PLENO.region, (Unit(PALARAN, name),), PLENO.contests
    )
    records = [record("walikota", PALARAN, PPK, (2,), suara_01=1)]
    # WHEN the records are written as CSV and read back
    data = write_rekap_csv(records, pleno)
    # THEN the cell starts with ' (a spreadsheet shows it as text) and still matches the unit
    assert f",'{name}," in data.decode("utf-8") or f',"\'{name}",' in data.decode("utf-8")
    assert read_rekap_table(data, "ekspor.csv", pleno) == records


sources = st.sampled_from([PPK, SIREKAP, BAWASLU, saksi(1), saksi(2)])
keys = st.sampled_from(form_keys(PLENO.contests[1]))


@settings(max_examples=40, deadline=None)
@given(
    st.dictionaries(
        st.tuples(st.sampled_from([PALARAN, ILIR]), sources),
        st.dictionaries(keys, st.integers(0, 10**12)),
    ),
    st.booleans(),
)
def test_any_records_survive_writing_and_reading(
    tallies: dict[tuple[RegionCode, Source], dict[FieldKey, int]], as_xlsx: bool
) -> None:
    # GIVEN any walikota records
    records = [
        TallyRecord(WALIKOTA, unit, src, values, ()) for (unit, src), values in tallies.items()
    ]
    if not records:
        return
    # WHEN they are written and read back
    write = write_rekap_xlsx if as_xlsx else write_rekap_csv
    again = read_rekap_table(write(records, PLENO), "ekspor", PLENO)
    # THEN the same values come back
    assert {(r.unit, r.source): r.values for r in again} == tallies


def test_quoted_cells_read_the_same_as_plain_ones() -> None:
    # GIVEN the same rows once plain and once with quotes (a name holding the separator)
    plain = csv_bytes(HEADER, "walikota,6472011001001,TPS 001,ppk,1234,5,,")
    quoted = csv_bytes(HEADER, 'walikota,"6472011001001","TPS 001, KEL. A",ppk,"1.234",5,,')
    # WHEN both are read
    # THEN they give the same records
    expected = [record("walikota", PALARAN, PPK, (2,), suara_01=1234, suara_02=5)]
    from_plain = read_rekap_table(plain, "a.csv", PLENO)
    assert [replace(r, kept=None) for r in from_plain] == expected
    # (the kept row included: "1.234" is kept as the number it reads as)
    assert read_rekap_table(quoted, "b.csv", PLENO) == from_plain


def tps_lines(count: int, unit: str = "647201", desa: int = 1001) -> list[str]:
    """``count`` TPS rows below ``unit`` (1,000 per desa from ``desa`` on); the n-th gives
    suara_01 = n and suara_02 = 1."""
    codes = (f"{unit}{desa + n // 1000:04d}{n % 1000:03d}" for n in range(count))
    return [f"walikota,{code},,ppk,{n},1,," for n, code in enumerate(codes)]


@pytest.mark.parametrize("shape", ["plain", "quoted", "xlsx"])
def test_large_files_sum_the_same_in_every_shape(shape: str) -> None:
    # GIVEN 3,000 TPS rows under PALARAN (more than one batch), 10 under SAMARINDA ILIR,
    # one row with padded cells in between, as plain CSV, quoted CSV or XLSX
    lines = [*tps_lines(1500), "walikota, 6472013001001 ,,ppk, 7 ,,,", *tps_lines(1500, desa=2001)]
    lines += tps_lines(10, "647202")
    rows = [HEADER.split(","), *(line.split(",") for line in lines)]
    if shape == "xlsx":
        data = xlsx_bytes(rows)
    else:
        text = "\n".join(",".join(f'"{c}"' if shape == "quoted" else c for c in r) for r in rows)
        data = text.encode("utf-8")
    # WHEN the table is read
    records = read_rekap_table(data, f"besar.{'xlsx' if shape == 'xlsx' else 'csv'}", PLENO)
    # THEN every row is summed into its unit once
    expected_sum = 2 * sum(range(1500)) + 7
    assert [(r.unit, r.values, len(r.rows)) for r in records] == [
        (PALARAN, {"suara_01": expected_sum, "suara_02": 3000}, 3001),
        (ILIR, {"suara_01": sum(range(10)), "suara_02": 10}, 10),
    ]
    assert records[0].rows == tuple(range(2, 3003))
    # AND every row is kept, in file order, the padded one as the number it reads as
    kept = records[0].kept
    assert kept is not None and len(kept) == 3001
    assert kept.total() == records[0].values
    assert list(kept)[1500] == KeptRow("6472013001001", {FieldKey("suara_01"): 7})


def test_a_batch_read_again_row_by_row_keeps_its_rows_in_file_order() -> None:
    # GIVEN 3,000 TPS rows where one holds a number too large for the quick look-up
    lines = tps_lines(3000)
    lines[2500] = lines[2500].replace(",2500,1,", ",12345,1,")
    # WHEN the table is read
    (record_,) = read_rekap_table(csv_bytes(HEADER, *lines), "besar.csv", PLENO)
    # THEN the kept rows are the file's rows, in its order, and sum to the unit's values
    assert record_.kept is not None
    rows = list(record_.kept)
    assert [row.code for row in rows] == [line.split(",")[1] for line in lines]
    assert rows[2500].values == {"suara_01": 12345, "suara_02": 1}
    assert record_.kept.total() == record_.values


def test_bad_cells_deep_in_a_large_file_are_named_by_their_rows() -> None:
    # GIVEN 5,000 TPS rows with a decimal at row 3,002, a blank at row 4,002 and a duplicate
    lines = tps_lines(5000)
    lines[3000] = lines[3000].replace(",1,,", ",1.5,,")
    lines[4000] = lines[4000].replace(",1,,", ",,,")
    lines[4500] = lines[10]
    # WHEN the table is read
    found = problems_of(csv_bytes(HEADER, *lines))
    # THEN each problem names the right row, in row order
    assert [(row, column) for row, column, _ in found] == [
        (3002, "suara_02"),
        (4502, "kode_wilayah"),
    ]
    assert found[1][2] == "baris ganda: kode 6472011001010 sumber ppk sudah ada di baris 12"


def test_a_short_and_a_long_row_in_one_batch_are_not_shifted_into_each_other() -> None:
    # GIVEN Gubernur TPS rows of one group, one a cell short and the next a cell long, so that
    # the batch's cell count is still rows × columns
    lines = [
        "gubernur,6472011001001,,ppk,100,200,300,600",
        "gubernur,6472011001002,,ppk,10,20,30",
        "gubernur,6472011001003,,ppk,5,7,12,24,9",
        "gubernur,6472011001004,,ppk,270,330,0,600",
    ]
    # WHEN the table is read
    found = problems_of(csv_bytes(HEADER, *lines))
    # THEN the long row is refused by its own row, not summed a column off
    assert found == [(4, None, "baris berisi 9 sel, lebih dari 8 kolom kepala")]


def test_a_short_row_in_a_batch_sums_its_cells_in_their_own_columns() -> None:
    # GIVEN Gubernur TPS rows of one group where one row omits its last cell
    lines = [
        "gubernur,6472011001001,,ppk,100,200,300,600",
        "gubernur,6472011001002,,ppk,10,20,30",
        "gubernur,6472011001003,,ppk,1,2,3,6",
    ]
    # WHEN the table is read
    (found,) = read_rekap_table(csv_bytes(HEADER, *lines), "rekap.csv", PLENO)
    # THEN each value stays in its column
    assert found.values == {"suara_01": 111, "suara_02": 222, "suara_03": 333, "suara_sah": 606}


_CELL = st.integers(0, 9999).map(str)


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(st.lists(_CELL, min_size=1, max_size=6), min_size=1, max_size=12))
@pytest.mark.parametrize("quoted", [False, True])
def test_sums_agree_with_an_independent_reading_of_the_same_rows(
    rows: list[list[str]], quoted: bool
) -> None:
    # GIVEN Gubernur TPS rows of one group, each with 1–6 data cells where the header has 4,
    # as plain CSV (the batched fast path) or the same cells quoted (row by row)
    def line(n: int, cells: list[str]) -> str:
        keys = ["gubernur", f"6472011001{n:03d}", "", "ppk"]
        return ",".join(f'"{c}"' if quoted else c for c in [*keys, *cells])

    data = csv_bytes(HEADER, *(line(n, cells) for n, cells in enumerate(rows)))
    # WHEN the importer reads it, and the same rows are read again independently here
    keys = ("suara_01", "suara_02", "suara_03", "suara_sah")
    too_long = [n + 2 for n, cells in enumerate(rows) if len(cells) > len(keys)]
    expected = dict.fromkeys(keys, 0)
    for cells in rows:
        for key, cell in zip(keys, cells, strict=False):
            expected[key] += int(cell)
    recorded = {key for i, key in enumerate(keys) if any(len(cells) > i for cells in rows)}
    # THEN a row with more cells than the header is refused by its own row; else the sums agree
    if too_long:
        assert sorted({row for row, _, _ in problems_of(data)}) == too_long
        return
    (found,) = read_rekap_table(data, "rekap.csv", PLENO)
    assert recorded <= set(found.values)
    assert {key: found.values.get(FieldKey(key), 0) for key in keys} == expected
