"""pleno.json (formats §1): parse into the domain Pleno, report every problem, write back."""

from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rekap_desktop.domain.election import (
    PARTY_LIST_CONTESTS,
    PEMILU_CONTESTS,
    PILKADA_CONTESTS,
    Candidate,
    Choice,
    Contest,
    District,
    ElectionKind,
    Level,
    Member,
    Observer,
    Party,
    Pleno,
    Region,
    Unit,
    Witness,
)
from rekap_desktop.domain.ids import ChoiceNo, ContestCode, RegionCode
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.interchange.setup import parse_setup, setup_to_dict

SAMARINDA: dict[str, Any] = {
    "format": "rekap-pleno/1",
    "pemilihan": "Pemilihan Serentak 2024",
    "jenis": "pilkada",
    "tingkat": "kabko",
    "wilayah": {"kode": "6472", "nama": "KOTA SAMARINDA"},
    "tempat": "Ballroom Hotel Harris Samarinda",
    "tanggal": "2024-12-05",
    "unit": [
        {"kode": "647201", "nama": "PALARAN", "jumlah_tps": 97},
        {"kode": "647202", "nama": "SAMARINDA ILIR"},
    ],
    "kontestasi": [
        {
            "kode": "gubernur",
            "judul": "Pemilihan Gubernur dan Wakil Gubernur Kalimantan Timur",
            "pilihan": [
                {"nomor_urut": 1, "nama": "ISRAN - HADI", "sirekap_id": 1001},
                {"nomor_urut": 2, "nama": "RUDY - SENO", "sirekap_id": "1002"},
            ],
        },
        {
            "kode": "walikota",
            "judul": "Pemilihan Wali Kota dan Wakil Wali Kota Samarinda",
            "pilihan": [
                {"nomor_urut": 1, "nama": "KOLOM KOSONG", "kolom_kosong": True},
                {"nomor_urut": 2, "nama": "ANDI HARUN - SAEFUDDIN"},
            ],
        },
    ],
    "anggota": [{"nama": "FIRMAN HIDAYAT", "jabatan": "Ketua"}],
    "saksi": [{"nama": "BUDI", "kontestasi": "walikota", "nomor_urut": 2}],
}

BENGKULU: dict[str, Any] = {
    "format": "rekap-pleno/1",
    "pemilihan": "Pemilu 2024",
    "jenis": "pemilu",
    "tingkat": "kabko",
    "wilayah": {"kode": "1771", "nama": "KOTA BENGKULU"},
    "unit": [
        {"kode": "177101", "nama": "SELEBAR"},
        {"kode": "177102", "nama": "GADING CEMPAKA"},
        {"kode": "177103", "nama": "TELUK SEGARA"},
    ],
    "kontestasi": [
        {
            "kode": "dprd_kabko",
            "judul": "Pemilihan Anggota DPRD Kota Bengkulu",
            "dapil": [
                {"kode": "1", "nama": "BENGKULU 1", "kursi": 8, "unit": ["177101", "177102"]},
                {"kode": "2", "nama": "BENGKULU 2", "kursi": 7, "unit": ["177103"]},
            ],
            "partai": [
                {
                    "nomor_urut": 1,
                    "nama": "PARTAI A",
                    "calon": {
                        "1": [{"nomor_urut": 1, "nama": "SITI", "jenis_kelamin": "P"}],
                        "2": [{"nomor_urut": 1, "nama": "AHMAD", "jenis_kelamin": "L"}],
                    },
                },
                {"nomor_urut": 2, "nama": "PARTAI B", "calon": {}},
            ],
        },
        {
            "kode": "dpd",
            "judul": "Pemilihan Anggota DPD",
            "pilihan": [{"nomor_urut": 1, "nama": "DPD SATU"}],
        },
    ],
    "saksi": [{"nama": "RINA", "kontestasi": "dprd_kabko", "nomor_urut": 2}],
}


def encoded(document: object) -> bytes:
    return json.dumps(document).encode("utf-8")


def problems_of(data: bytes) -> list[str]:
    with pytest.raises(InputRejected) as rejected:
        parse_setup(data, "pleno.json")
    assert rejected.value.source == "pleno.json"
    return [str(p) for p in rejected.value.problems]


def changed(base: dict[str, Any], path: str, value: object) -> bytes:
    """``base`` with the value at a dotted path (list indexes as numbers) set, or deleted (...)."""
    document = copy.deepcopy(base)
    *parents, last = path.split(".")
    target: Any = document
    for part in parents:
        target = target[int(part)] if isinstance(target, list) else target[part]
    key: Any = int(last) if isinstance(target, list) else last
    if value is ...:
        del target[key]
    else:
        target[key] = value
    return encoded(document)


def test_valid_pilkada_setup_becomes_the_domain_pleno() -> None:
    # GIVEN the Samarinda setup of formats §1
    # WHEN it is parsed
    pleno = parse_setup(encoded(SAMARINDA))
    # THEN every field lands in the frozen domain dataclasses
    assert pleno == Pleno(
        name="Pemilihan Serentak 2024",
        kind=ElectionKind.PILKADA,
        level=Level.KABKO,
        region=Region(RegionCode("6472"), "KOTA SAMARINDA"),
        units=(
            Unit(RegionCode("647201"), "PALARAN", 97),
            Unit(RegionCode("647202"), "SAMARINDA ILIR", None),
        ),
        contests=(
            Contest(
                ContestCode("gubernur"),
                "Pemilihan Gubernur dan Wakil Gubernur Kalimantan Timur",
                choices=(
                    Choice(ChoiceNo(1), "ISRAN - HADI", sirekap_id="1001"),
                    Choice(ChoiceNo(2), "RUDY - SENO", sirekap_id="1002"),
                ),
            ),
            Contest(
                ContestCode("walikota"),
                "Pemilihan Wali Kota dan Wakil Wali Kota Samarinda",
                choices=(
                    Choice(ChoiceNo(1), "KOLOM KOSONG", blank_column=True),
                    Choice(ChoiceNo(2), "ANDI HARUN - SAEFUDDIN"),
                ),
            ),
        ),
        place="Ballroom Hotel Harris Samarinda",
        held_on=date(2024, 12, 5),
        members=(Member("FIRMAN HIDAYAT", "Ketua"),),
        witnesses=(Witness("BUDI", ContestCode("walikota"), ChoiceNo(2)),),
    )


def test_legislative_setup_maps_dapil_parties_and_candidates() -> None:
    # GIVEN a Pemilu setup with a DPRD contest (dapil + partai) and a DPD contest (pilihan)
    # WHEN it is parsed
    pleno = parse_setup(encoded(BENGKULU))
    # THEN the legislative contest has districts and parties with candidate lists per dapil
    assert pleno.contests == (
        Contest(
            ContestCode("dprd_kabko"),
            "Pemilihan Anggota DPRD Kota Bengkulu",
            parties=(
                Party(
                    ChoiceNo(1),
                    "PARTAI A",
                    {
                        "1": (Candidate(ChoiceNo(1), "SITI", "P"),),
                        "2": (Candidate(ChoiceNo(1), "AHMAD", "L"),),
                    },
                ),
                Party(ChoiceNo(2), "PARTAI B", {}),
            ),
            districts=(
                District("1", "BENGKULU 1", 8, (RegionCode("177101"), RegionCode("177102"))),
                District("2", "BENGKULU 2", 7, (RegionCode("177103"),)),
            ),
        ),
        Contest(
            ContestCode("dpd"), "Pemilihan Anggota DPD", choices=(Choice(ChoiceNo(1), "DPD SATU"),)
        ),
    )
    assert pleno.witnesses == (Witness("RINA", ContestCode("dprd_kabko"), ChoiceNo(2)),)


def test_a_dapil_may_be_given_as_a_region_above_the_units() -> None:
    # GIVEN a kecamatan meeting whose single dapil is listed as the whole kecamatan
    document = copy.deepcopy(BENGKULU)
    document |= {"tingkat": "kecamatan", "wilayah": {"kode": "177101", "nama": "SELEBAR"}}
    document["unit"] = [
        {"kode": "1771011001", "nama": "BETUNGAN"},
        {"kode": "1771011002", "nama": "PEKAN SABTU"},
    ]
    contest = document["kontestasi"][0]
    contest["dapil"] = [{"kode": "1", "nama": "BENGKULU 1", "kursi": 8, "unit": ["177101"]}]
    contest["partai"][0]["calon"].pop("2")
    # WHEN it is parsed
    pleno = parse_setup(encoded(document))
    # THEN both desa belong to that dapil
    assert pleno.contests[0].districts == (District("1", "BENGKULU 1", 8, (RegionCode("177101"),)),)


def test_bom_is_allowed_and_round_trip_gives_the_same_pleno() -> None:
    # GIVEN both setups, the first written with a BOM
    for document, bom in ((SAMARINDA, b"\xef\xbb\xbf"), (BENGKULU, b"")):
        pleno = parse_setup(bom + encoded(document))
        # WHEN it is written back and parsed again
        written = setup_to_dict(pleno)
        # THEN the meeting is unchanged, and the written file is the original one
        assert parse_setup(encoded(written)) == pleno
        assert json.loads(json.dumps(written)) == _normalised(document)


def _normalised(document: dict[str, Any]) -> dict[str, Any]:
    """The original file as it is written back: sirekap_id always as text."""
    result = copy.deepcopy(document)
    for contest in result["kontestasi"]:
        for choice in contest.get("pilihan", []):
            if "sirekap_id" in choice:
                choice["sirekap_id"] = str(choice["sirekap_id"])
    return result


def test_written_setup_leaves_out_empty_optional_keys() -> None:
    # GIVEN a meeting with nothing optional, but a unit with zero TPS
    pleno = Pleno(
        "P",
        ElectionKind.PILKADA,
        Level.KABKO,
        Region(RegionCode("6472"), "KOTA"),
        (Unit(RegionCode("647201"), "A", 0),),
        (Contest(ContestCode("walikota"), "W", (Choice(ChoiceNo(1), "X"),)),),
    )
    # WHEN it is written
    written = setup_to_dict(pleno)
    # THEN only the required keys (and jumlah_tps 0, a value) are there
    assert written == {
        "format": "rekap-pleno/1",
        "pemilihan": "P",
        "jenis": "pilkada",
        "tingkat": "kabko",
        "wilayah": {"kode": "6472", "nama": "KOTA"},
        "unit": [{"kode": "647201", "nama": "A", "jumlah_tps": 0}],
        "kontestasi": [
            {"kode": "walikota", "judul": "W", "pilihan": [{"nomor_urut": 1, "nama": "X"}]}
        ],
    }


ERRORS: list[tuple[str, dict[str, Any], str, object, list[str]]] = [
    # (case, base, path, new value or ... to delete, expected problems)
    ("format", SAMARINDA, "format", "rekap-pleno/2",
     ['format: harus "rekap-pleno/1", tertulis "rekap-pleno/2"']),
    ("required key", SAMARINDA, "pemilihan", ..., ["kunci 'pemilihan' wajib ada"]),
    ("unknown key", SAMARINDA, "catatan", "x", ["kunci 'catatan' tidak dikenal"]),
    ("unknown nested key", SAMARINDA, "kontestasi.1.pilihan.0.warna", "merah",
     ["kontestasi[1].pilihan[0]: kunci 'warna' tidak dikenal"]),
    ("jenis", SAMARINDA, "jenis", "pilpres",
     ['jenis: harus salah satu dari pilkada | pemilu, tertulis "pilpres"']),
    ("tingkat", SAMARINDA, "tingkat", "desa",
     ['tingkat: harus salah satu dari kecamatan | kabko | provinsi | nasional, tertulis "desa"']),
    ("wilayah code", SAMARINDA, "wilayah.kode", "64.72",
     ["wilayah: 'kode' harus berupa kode angka saja, tertulis \"64.72\""]),
    ("unit code as number", SAMARINDA, "unit.0.kode", 647201,
     ["unit[0]: 'kode' harus berupa kode angka saja, tertulis 647201"]),
    ("unit outside wilayah", SAMARINDA, "unit.1.kode", "647302",
     ["unit[1]: kode 647302 tidak berada di bawah wilayah 6472"]),
    ("unit duplicate", SAMARINDA, "unit.1.kode", "647201", ["unit[1]: kode 647201 ganda"]),
    ("unit below a unit", SAMARINDA, "unit.1.kode", "6472011001",
     ["unit: kode 6472011001 berada di bawah unit lain (647201)"]),
    ("unit list empty", SAMARINDA, "unit", [], ["unit: daftar tidak boleh kosong"]),
    ("unit name blank", SAMARINDA, "unit.0.nama", "  ",
     ["unit[0]: 'nama' harus berupa teks yang tidak kosong"]),
    ("jumlah_tps bool", SAMARINDA, "unit.0.jumlah_tps", True,
     ["unit[0]: 'jumlah_tps' harus bilangan bulat ≥ 0, tertulis true"]),
    ("jumlah_tps negative", SAMARINDA, "unit.0.jumlah_tps", -1,
     ["unit[0]: 'jumlah_tps' harus bilangan bulat ≥ 0, tertulis -1"]),
    ("tanggal", SAMARINDA, "tanggal", "05-12-2024",
     ['tanggal: harus tanggal berbentuk TTTT-BB-HH, tertulis "05-12-2024"']),
    ("tanggal impossible", SAMARINDA, "tanggal", "2024-02-30",
     ['tanggal: harus tanggal berbentuk TTTT-BB-HH, tertulis "2024-02-30"']),
    ("contest for other jenis", SAMARINDA, "kontestasi.0.kode", "dpd",
     ["kontestasi[0]: kode 'dpd' tidak sah untuk pilkada: gubernur, bupati, walikota"]),
    ("contest duplicate", SAMARINDA, "kontestasi.1.kode", "gubernur",
     ["kontestasi[1]: kode 'gubernur' ganda",
      "saksi[0]: kontestasi 'walikota' tidak ada dalam daftar 'kontestasi'"]),
    ("choice number duplicate", SAMARINDA, "kontestasi.1.pilihan.0.nomor_urut", 2,
     ["kontestasi[1].pilihan[1]: nomor_urut 2 ganda"]),
    ("choice number zero", SAMARINDA, "kontestasi.0.pilihan.0.nomor_urut", 0,
     ["kontestasi[0].pilihan[0]: 'nomor_urut' harus bilangan bulat 1–99, tertulis 0"]),
    ("choice number bool", SAMARINDA, "kontestasi.0.pilihan.0.nomor_urut", True,
     ["kontestasi[0].pilihan[0]: 'nomor_urut' harus bilangan bulat 1–99, tertulis true"]),
    ("two kolom kosong", SAMARINDA, "kontestasi.1.pilihan.1.kolom_kosong", True,
     ["kontestasi[1].pilihan[1]: kolom kosong lebih dari satu dalam satu kontestasi",
      "saksi[0]: nomor_urut 2 kontestasi 'walikota': kolom kosong tidak mempunyai saksi (tidak "
      "ada tim kampanye yang memberi surat mandat); pemantau terakreditasi dicatat sebagai "
      "pemantau"]),
    ("kolom_kosong not bool", SAMARINDA, "kontestasi.1.pilihan.1.kolom_kosong", "ya",
     ["kontestasi[1].pilihan[1]: 'kolom_kosong' harus true atau false, tertulis \"ya\""]),
    ("no choices", SAMARINDA, "kontestasi.0.pilihan", [],
     ["kontestasi[0].pilihan: daftar tidak boleh kosong"]),
    ("choice name empty", SAMARINDA, "kontestasi.0.pilihan.1.nama", "",
     ["kontestasi[0].pilihan[1]: 'nama' harus berupa teks yang tidak kosong"]),
    ("sirekap_id", SAMARINDA, "kontestasi.0.pilihan.1.sirekap_id", [1],
     ["kontestasi[0].pilihan[1]: 'sirekap_id' harus teks atau bilangan bulat, tertulis [1]"]),
    ("saksi contest", SAMARINDA, "saksi.0.kontestasi", "bupati",
     ["saksi[0]: kontestasi 'bupati' tidak ada dalam daftar 'kontestasi'"]),
    ("saksi choice", SAMARINDA, "saksi.0.nomor_urut", 3,
     ["saksi[0]: nomor_urut 3 tidak ada dalam kontestasi 'walikota'"]),
    ("anggota not a list", SAMARINDA, "anggota", {"nama": "X"},
     ["anggota: harus berupa daftar […]"]),
    ("pilihan on a legislative contest", BENGKULU, "kontestasi.0.pilihan", [],
     ["kontestasi[0]: kunci 'pilihan' tidak dikenal"]),
    ("unit in no dapil", BENGKULU, "kontestasi.0.dapil.1.unit", ["177102"],
     ["kontestasi[0]: unit 177102 harus tepat di satu dapil, ada di dapil 1, 2",
      "kontestasi[0]: unit 177103 harus tepat di satu dapil, ada di tidak satu dapil pun"]),
    ("dapil unit unknown", BENGKULU, "kontestasi.0.dapil.1.unit", ["177103", "177201"],
     ["kontestasi[0].dapil[1].unit[1]: kode 177201 bukan unit rapat ini"]),
    ("dapil code duplicate", BENGKULU, "kontestasi.0.dapil.1.kode", "1",
     ["kontestasi[0].dapil[1]: kode dapil '1' ganda",
      'kontestasi[0].partai[0].calon["2"]: dapil \'2\' tidak ada dalam daftar \'dapil\'']),
    ("kursi zero", BENGKULU, "kontestasi.0.dapil.0.kursi", 0,
     ["kontestasi[0].dapil[0]: 'kursi' harus bilangan bulat ≥ 1, tertulis 0"]),
    ("kursi above the law's 12 for DPRD", BENGKULU, "kontestasi.0.dapil.0.kursi", 13,
     ["kontestasi[0].dapil[0]: kursi 13 di luar batas undang-undang untuk pemilihan ini: 3–12"]),
    ("kursi below the law's 3", BENGKULU, "kontestasi.0.dapil.1.kursi", 2,
     ["kontestasi[0].dapil[1]: kursi 2 di luar batas undang-undang untuk pemilihan ini: 3–12"]),
    ("party number duplicate", BENGKULU, "kontestasi.0.partai.1.nomor_urut", 1,
     ["kontestasi[0].partai[1]: nomor_urut 1 ganda",
      "saksi[0]: nomor_urut 2 tidak ada dalam kontestasi 'dprd_kabko'"]),
    ("candidates of an unknown dapil", BENGKULU, "kontestasi.0.partai.1.calon", {"9": []},
     ['kontestasi[0].partai[1].calon["9"]: dapil \'9\' tidak ada dalam daftar \'dapil\'']),
    ("candidate sex", BENGKULU, "kontestasi.0.partai.0.calon.1.0.jenis_kelamin", "W",
     ['kontestasi[0].partai[0].calon["1"][0]: \'jenis_kelamin\' harus "L" atau "P", tertulis "W"']),
    ("candidate number duplicate", BENGKULU, "kontestasi.0.partai.0.calon.1",
     [{"nomor_urut": 1, "nama": "A", "jenis_kelamin": "L"},
      {"nomor_urut": 1, "nama": "B", "jenis_kelamin": "P"}],
     ['kontestasi[0].partai[0].calon["1"][1]: nomor_urut 1 ganda']),
    ("saksi of a party that does not exist", BENGKULU, "saksi.0.nomor_urut", 3,
     ["saksi[0]: nomor_urut 3 tidak ada dalam kontestasi 'dprd_kabko'"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("base", "path", "value", "expected"),
    [case[1:] for case in ERRORS],
    ids=[case[0] for case in ERRORS],
)
def test_each_setup_error_is_named_with_its_place(
    base: dict[str, Any], path: str, value: object, expected: list[str]
) -> None:
    # GIVEN a valid setup with one thing wrong
    data = changed(base, path, value)
    # WHEN it is parsed
    # THEN exactly that problem is reported, with where it is
    assert problems_of(data) == expected


def test_all_problems_are_listed_not_only_the_first() -> None:
    # GIVEN a setup with several mistakes at different levels
    document = copy.deepcopy(SAMARINDA)
    document["jenis"] = "pilpres"
    document["unit"][0]["jumlah_tps"] = "97"
    document["kontestasi"][1]["pilihan"][0]["nomor_urut"] = 2
    # WHEN it is parsed
    # THEN all of them are reported in document order
    assert problems_of(encoded(document)) == [
        'jenis: harus salah satu dari pilkada | pemilu, tertulis "pilpres"',
        "unit[0]: 'jumlah_tps' harus bilangan bulat ≥ 0, tertulis \"97\"",
        "kontestasi[1].pilihan[1]: nomor_urut 2 ganda",
    ]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", ["baris 1: JSON tidak sah di kolom 1: nilai kosong atau tidak sah"]),
        (b'{\n  "format": "rekap-pleno/1",\n}', [
            "baris 3: JSON tidak sah di kolom 1: nama kunci harus diapit tanda kutip ganda"
        ]),
        (b'{"a": "\xe9"}', [
            "baris 1: berkas bukan teks UTF-8 (bita ke-8); simpan ulang sebagai UTF-8"
        ]),
        (b'{"unit": [], "unit": []}', ["kunci 'unit' ganda dalam satu objek"]),
        (b"[1, 2]", ["harus berupa objek JSON {…}"]),
    ],
    ids=["empty", "syntax", "encoding", "duplicate key", "not an object"],
)  # fmt: skip
def test_unreadable_files_are_refused_with_the_line(data: bytes, expected: list[str]) -> None:
    # GIVEN bytes that are not a JSON object in UTF-8
    # WHEN they are parsed
    # THEN the problem says what and on which line
    assert problems_of(data) == expected


# --- round trip of generated meetings -----------------------------------------------------

names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1).filter(
    str.strip
)
numbers = st.lists(st.integers(1, 99), min_size=1, max_size=6, unique=True)


@st.composite
def plenos(draw: st.DrawFn) -> Pleno:
    kind = draw(st.sampled_from(ElectionKind))
    region = draw(st.from_regex(r"\A[1-9][0-9]{3}\Z"))
    suffixes = draw(st.lists(st.integers(1, 99), min_size=1, max_size=5, unique=True))
    units = tuple(
        Unit(RegionCode(f"{region}{s:02d}"), draw(names), draw(st.none() | st.integers(0, 999)))
        for s in suffixes
    )
    pool = PILKADA_CONTESTS if kind is ElectionKind.PILKADA else PEMILU_CONTESTS
    codes = draw(st.lists(st.sampled_from(pool), min_size=1, unique=True))
    contests = tuple(draw(contest_of(ContestCode(c), units)) for c in codes)
    witnesses = tuple(
        Witness(draw(names), c.code, ChoiceNo(n))
        for c in contests
        if _numbers(c)
        for n in draw(st.lists(st.sampled_from(sorted(_numbers(c))), max_size=2))
    )
    observers = tuple(
        Observer(draw(names), draw(st.just("") | names), draw(st.none() | st.just(c.code)))
        for c in contests[: draw(st.integers(0, 1))]
    )
    return Pleno(
        name=draw(names),
        kind=kind,
        level=Level.KABKO,
        region=Region(RegionCode(region), draw(names)),
        units=units,
        contests=contests,
        place=draw(st.none() | names),
        held_on=draw(st.none() | st.dates()),
        members=tuple(Member(draw(names), draw(names)) for _ in range(draw(st.integers(0, 2)))),
        witnesses=witnesses,
        observers=observers,
    )


def _numbers(contest: Contest) -> set[int]:
    """Whom a saksi may stand for: never the kolom kosong."""
    return set(contest.saksi_numbers())


@st.composite
def contest_of(draw: st.DrawFn, code: ContestCode, units: tuple[Unit, ...]) -> Contest:
    if code not in PARTY_LIST_CONTESTS:
        blank = draw(st.none() | st.integers(0, 5))
        choices = tuple(
            Choice(ChoiceNo(n), draw(names), i == blank, draw(st.none() | names))
            for i, n in enumerate(draw(numbers))
        )
        return Contest(code, draw(names), choices=choices)
    # Consecutive runs of units make the dapil; each gets a code "1", "2", …
    cuts = sorted(draw(st.sets(st.integers(1, max(1, len(units) - 1)), max_size=len(units) - 1)))
    runs = [units[a:b] for a, b in zip([0, *cuts], [*cuts, len(units)], strict=True) if units[a:b]]
    districts = tuple(
        District(str(i + 1), draw(names), draw(st.integers(3, 10)), tuple(u.code for u in run))
        for i, run in enumerate(runs)
    )
    parties = tuple(
        Party(ChoiceNo(n), draw(names), {
            d.code: tuple(
                Candidate(ChoiceNo(c), draw(names), draw(st.sampled_from("LP")))
                for c in draw(st.lists(st.integers(1, 99), max_size=3, unique=True))
            )
            for d in districts
            if draw(st.booleans())
        })
        for n in draw(numbers)
    )  # fmt: skip
    return Contest(code, draw(names), parties=parties, districts=districts)


@settings(max_examples=60, deadline=None)
@given(plenos())
def test_any_valid_meeting_survives_write_and_parse(pleno: Pleno) -> None:
    # GIVEN any valid meeting
    # WHEN it is written as pleno.json and parsed again
    again = parse_setup(json.dumps(setup_to_dict(pleno)).encode("utf-8"))
    # THEN it is the same meeting
    assert again == pleno


def test_the_optional_provinsi_is_read_checked_and_written_back() -> None:
    # GIVEN Samarinda's setup naming its provinsi
    document = copy.deepcopy(SAMARINDA)
    document["wilayah"]["provinsi"] = {"kode": "64", "nama": "KALIMANTAN TIMUR"}
    # WHEN it is read THEN the pleno knows its provinsi, and writing it back keeps it
    pleno = parse_setup(encoded(document))
    assert pleno.province == Region(RegionCode("64"), "KALIMANTAN TIMUR")
    assert setup_to_dict(pleno)["wilayah"] == document["wilayah"]
    assert parse_setup(encoded(SAMARINDA)).province is None
    # WHEN the provinsi is not the one the region lies in, or has an unknown key THEN refused
    document["wilayah"]["provinsi"] = {"kode": "17", "nama": "BENGKULU", "ibukota": "X"}
    assert problems_of(encoded(document)) == [
        "wilayah.provinsi: kunci 'ibukota' tidak dikenal",
        "wilayah.provinsi.kode: wilayah 6472 tidak berada di provinsi 17",
    ]


def test_a_saksi_for_the_kolom_kosong_is_refused_and_a_pemantau_is_kept_apart() -> None:
    # GIVEN a setup with a saksi for the kolom kosong and an accredited pemantau
    setup = copy.deepcopy(SAMARINDA)
    setup["saksi"].append({"nama": "CITRA", "kontestasi": "walikota", "nomor_urut": 1})
    # WHEN it is parsed THEN the saksi is refused, saying why and where
    assert problems_of(json.dumps(setup).encode("utf-8")) == [
        "saksi[1]: nomor_urut 1 kontestasi 'walikota': kolom kosong tidak mempunyai saksi "
        "(tidak ada tim kampanye yang memberi surat mandat); pemantau terakreditasi dicatat "
        "sebagai pemantau"
    ]
    # WHEN the same person is listed as a pemantau instead
    setup["saksi"].pop()
    setup["pemantau"] = [{"nama": "CITRA", "lembaga": "JPPR", "kontestasi": "walikota"}]
    pleno = parse_setup(json.dumps(setup).encode("utf-8"))
    # THEN the meeting has one saksi (for the pair) and the pemantau on their own
    assert pleno.witnesses == (Witness("BUDI", ContestCode("walikota"), ChoiceNo(2)),)
    assert pleno.observers == (Observer("CITRA", "JPPR", ContestCode("walikota")),)
    assert setup_to_dict(pleno)["pemantau"] == setup["pemantau"]


def test_a_pemantau_names_only_a_known_contest_and_needs_a_name() -> None:
    # GIVEN pemantau entries: one for an unknown contest, one with an unknown key
    setup = copy.deepcopy(SAMARINDA)
    setup["pemantau"] = [
        {"nama": "CITRA", "kontestasi": "bupati"},
        {"nama": "DEDI", "partai": "X"},
        {"lembaga": "JPPR"},
    ]
    # WHEN it is parsed THEN each is named with its place
    assert problems_of(json.dumps(setup).encode("utf-8")) == [
        "pemantau[0]: kontestasi 'bupati' tidak ada dalam daftar 'kontestasi'",
        "pemantau[1]: kunci 'partai' tidak dikenal",
        "pemantau[2]: kunci 'nama' wajib ada",
    ]


def test_a_kept_setup_of_an_earlier_version_opens_without_its_kolom_kosong_saksi() -> None:
    # GIVEN a meeting stored by an earlier version, with a saksi for the kolom kosong
    setup = copy.deepcopy(SAMARINDA)
    setup["saksi"].append({"nama": "CITRA", "kontestasi": "walikota", "nomor_urut": 1})
    # WHEN it is read back as a kept setup
    pleno = parse_setup(json.dumps(setup).encode("utf-8"), "pleno tersimpan", kept=True)
    # THEN the meeting opens, and the kolom kosong has no saksi
    assert [(w.name, w.choice) for w in pleno.witnesses] == [("BUDI", 2)]
