"""Sirekap public JSON → the meeting's sirekap tallies, with the real files' quirks."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.interchange.sirekap import (
    PaslonMaster,
    Progress,
    RegionFile,
    TpsFile,
    read_sirekap_file,
)
from rekap_desktop.interchange.sirekap_records import UnitSnapshot, snapshots
from tests.interchange.exchange_fixtures import (
    KABKO,
    PASLON,
    PPWP_SETUP,
    dump,
    pleno,
    region_file,
    tps_file,
)

MASTER = read_sirekap_file(dump(PASLON), "pkwkk.json")


def _refusal(*files: bytes, setup: dict[str, object] = KABKO) -> str:
    with pytest.raises(InputRejected) as caught:
        snapshots(
            [MASTER, *(read_sirekap_file(f, f"f{i}.json") for i, f in enumerate(files))],
            pleno(setup),
        )
    return str(caught.value)


def test_region_file_maps_candidate_ids_through_the_paslon_master() -> None:
    # GIVEN a Pilkada hhcw file for the meeting's city and the paslon master beside it
    file = read_sirekap_file(dump(region_file()), "pkwkk_9901.json")
    # WHEN it is read for the meeting
    [snapshot] = snapshots([MASTER, file], pleno())
    # THEN each kecamatan gets its votes under the ballot numbers, with ts and TPS progress
    assert snapshot.contest == "walikota"
    assert snapshot.ts == "2024-11-28 00:45:00"
    assert snapshot.units == (
        UnitSnapshot("990101", {"suara_02": 1000, "suara_01": 200}, Progress(3, 4)),
        UnitSnapshot("990102", {"suara_02": 500, "suara_01": 100}, Progress(3, 3)),
    )
    assert snapshot.partial
    assert Progress(1137, 1202).label() == "94,6 % TPS"


def test_sirekap_id_in_the_setup_needs_no_master() -> None:
    # GIVEN a setup whose choices carry sirekap_id
    setup = {
        **KABKO,
        "kontestasi": [
            {
                **KABKO["kontestasi"][0],
                "pilihan": [
                    {
                        "nomor_urut": 1,
                        "nama": "KOLOM KOSONG",
                        "kolom_kosong": True,
                        "sirekap_id": "7000001",
                    },
                    {"nomor_urut": 2, "nama": "CALON A", "sirekap_id": "7000002"},
                ],
            }
        ],
    }
    # WHEN a region file is read without any master
    [snapshot] = snapshots([read_sirekap_file(dump(region_file()), "x.json")], pleno(setup))
    # THEN the ids map through the setup
    assert snapshot.units[1].values == {"suara_02": 500, "suara_01": 100}


def test_quirks_missing_mode_and_reserialised_whitespace_are_read() -> None:
    # GIVEN the file without 'mode', compact and with odd whitespace
    document = region_file()
    del document["mode"]
    data = b"\n\n  " + dump(document).replace(b"    ", b"\t") + b"  \n"
    # WHEN it is read
    file = read_sirekap_file(data, "x.json")
    # THEN it is a region file like any other
    assert isinstance(file, RegionFile)
    assert file.progress == Progress(6, 7)


def test_blanked_snapshot_is_refused_with_the_reason() -> None:
    # GIVEN a snapshot of Sirekap's blanked period: every vote 0 while progress is 6 of 7 TPS
    document = region_file()
    for row in document["tungsura"]["table"].values():
        row["7000001"] = row["7000002"] = 0
    # WHEN it is read THEN it is refused as blanked, not taken as real zero results
    message = _refusal(dump(document))
    assert "semua suara bernilai 0 padahal progres 85,7 % TPS" in message
    assert "Sirekap mengosongkan angkanya (November 2024)" in message


def test_file_of_another_region_is_refused_by_name() -> None:
    # GIVEN a file whose candidates belong to region 9902 in the master
    document = region_file()
    document["tungsura"]["table"] = {"990201": {"7000009": 5}}
    # WHEN read for KOTA UJI THEN refused naming both regions
    assert "wilayah 9902, bukan wilayah pleno ini (9901 KOTA UJI)" in _refusal(dump(document))


def test_file_of_a_contest_the_meeting_does_not_hold_is_refused() -> None:
    # GIVEN a gubernur file (a 2-digit master region) for a meeting with only walikota
    document = region_file()
    document["tungsura"]["table"] = {"990101": {"7000100": 5}}
    # WHEN read THEN refused naming the contest
    assert "pemilihan gubernur, yang tidak ada dalam pleno ini" in _refusal(dump(document))


def test_rows_outside_the_meeting_are_refused_by_code() -> None:
    # GIVEN a table row for a kecamatan of another city with our city's candidates
    document = region_file()
    document["tungsura"]["table"]["880101"] = {"7000002": 1}
    # WHEN read THEN refused naming the row
    assert "880101 bukan bagian dari KOTA UJI (9901)" in _refusal(dump(document))


def test_unknown_candidate_ids_ask_for_the_master() -> None:
    # GIVEN a region file read with no master and no sirekap_id
    file = read_sirekap_file(dump(region_file()), "x.json")
    # WHEN read THEN the refusal says what to give
    with pytest.raises(InputRejected, match="sertakan berkas paslon"):
        snapshots([file], pleno())


def test_tps_files_are_summed_into_units_with_administrasi_renamed() -> None:
    # GIVEN two read TPS of UTARA and one TPS not yet read ("null": null and chart null)
    files = [
        read_sirekap_file(dump(tps_file((10, 20))), "9901011001001.json"),
        read_sirekap_file(dump(tps_file((5, 5))), "9901011001002.json"),
        read_sirekap_file(dump(tps_file(None)), "9901011002001.json"),
    ]
    # WHEN they are read for the Pemilu meeting
    [snapshot] = snapshots(files, pleno(PPWP_SETUP))
    # THEN they are summed into 990101; DPTb → pindahan, DPK (non_dpt) → ktp; progress 2 of 3
    assert tuple(replace(u, kept=None, marks=()) for u in snapshot.units) == (
        UnitSnapshot(
            "990101",
            {
                "suara_sah": 40,
                "suara_total": 42,
                "suara_tidak_sah": 2,
                "pemilih_dpt_j": 400,
                "pengguna_dpt_j": 38,
                "pengguna_pindahan_j": 2,
                "pengguna_ktp_j": 2,
                "pengguna_total_j": 42,
                "suara_01": 15,
                "suara_02": 25,
            },
            Progress(2, 3),
        ),
    )
    # AND each TPS is kept as its file gave it, the one not yet read with nothing recorded
    kept = snapshot.units[0].kept
    assert kept is not None
    assert [(row.code, row.values.get("suara_01")) for row in kept] == [
        ("9901011001001", 10),
        ("9901011001002", 5),
        ("9901011002001", None),
    ]
    assert kept.total() == snapshot.units[0].values


def test_desa_rows_of_a_kecamatan_file_are_kept_below_their_unit() -> None:
    # GIVEN a Sirekap file of the city whose rows are desa of UTARA and SELATAN
    document = region_file()
    rows = document["tungsura"]["table"]
    document["tungsura"]["table"] = {
        "9901011001": rows["990101"],
        "9901011002": rows["990101"],
        "9901021001": rows["990102"],
    }
    file = read_sirekap_file(dump(document), "pkwkk_9901.json")
    # WHEN it is read for the meeting
    [snapshot] = snapshots([MASTER, file], pleno())
    # THEN each kecamatan is the sum of its desa, and the desa rows are kept
    utara = snapshot.units[0]
    assert utara.values == {"suara_02": 2000, "suara_01": 400}
    assert utara.kept is not None
    assert [(r.code, r.values) for r in utara.kept] == [
        ("9901011001", {"suara_02": 1000, "suara_01": 200}),
        ("9901011002", {"suara_02": 1000, "suara_01": 200}),
    ]


def test_tps_without_administrasi_leaves_sections_unrecorded_and_says_why() -> None:
    # GIVEN two TPS of one unit, one of them without administrasi
    files = [
        read_sirekap_file(dump(tps_file((10, 20))), "9901011001001.json"),
        read_sirekap_file(dump(tps_file((5, 5), admin=False)), "9901011001002.json"),
    ]
    # WHEN read
    [snapshot] = snapshots(files, pleno(PPWP_SETUP))
    # THEN only the votes are recorded, and the note says why
    assert snapshot.units[0].values == {"suara_01": 15, "suara_02": 25}
    assert snapshot.units[0].note == (
        "administrasi hanya ada di 1 dari 2 TPS; data pemilih tidak dicatat"
    )


def test_tps_code_is_taken_from_the_photo_address_when_the_name_is_not_a_code() -> None:
    # GIVEN a TPS file saved under another name, its photos named by TPS code
    document = tps_file((1, 2))
    document["images"] = [
        "https://x/pemilu/ppwp/99/01/01/10/01/9901011001007-20240214-205639--a.jpg"
    ]
    # WHEN read THEN the code comes from the photo address
    file = read_sirekap_file(dump(document), "hasil.json")
    assert isinstance(file, TpsFile) and file.code == "9901011001007"


def test_same_tps_twice_is_refused() -> None:
    # GIVEN the same TPS in two files
    data = dump(tps_file((1, 2)))
    files = [
        read_sirekap_file(data, "a/9901011001001.json"),
        read_sirekap_file(data, "b/9901011001001.json"),
    ]
    # WHEN read THEN refused
    with pytest.raises(InputRejected, match="TPS 9901011001001 juga ada"):
        snapshots(files, pleno(PPWP_SETUP))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"{", "JSON tidak sah"),
        (b"\xff\xfe", "bukan teks UTF-8"),
        (b'{"tungsura": {"chart": {}, "table": {}}}', "'ts'"),
        (dump(region_file(mode="hr")), "mode 'hr' tidak didukung"),
        (b'{"x": 1}', "bukan berkas Sirekap yang dikenal"),
        (dump({**tps_file((1, 2)), "chart": {"100025": -1}}), "harus bilangan bulat"),
        (dump({**tps_file((1, 2)), "chart": {"100025": 1.5}}), "harus bilangan bulat"),
        (dump({**tps_file((1, 2)), "chart": {"100025": "7"}}), "harus bilangan bulat"),
        (dump({**tps_file((1, 2)), "chart": {"100025": 2**70}}), "harus bilangan bulat"),
    ],
)
def test_bad_files_are_refused_with_a_message(data: bytes, expected: str) -> None:
    # GIVEN a broken file WHEN read THEN refused with a message naming the file
    with pytest.raises(InputRejected) as caught:
        read_sirekap_file(data, "9901011001001.json")
    assert expected in str(caught.value)
    assert str(caught.value).startswith("9901011001001.json: ")


def test_master_files_are_recognised() -> None:
    # GIVEN the paslon master WHEN read THEN region → id → nomor urut
    assert MASTER == PaslonMaster(
        "pkwkk.json",
        {
            "9901": {"7000002": 2, "7000001": 1},
            "9902": {"7000009": 1},
            "99": {"7000100": 1},
        },
    )


def test_one_blanked_unit_is_refused_even_when_another_has_votes() -> None:
    # GIVEN a snapshot whose UTARA row is blanked (all 0 with 3 of 4 TPS read) beside a real one
    document = region_file()
    row = document["tungsura"]["table"]["990101"]
    row["7000001"] = row["7000002"] = 0
    # WHEN it is read THEN it is refused naming the blanked unit, not stored as zero votes
    message = _refusal(dump(document))
    assert "990101: semua suara bernilai 0 padahal progres 75,0 % TPS" in message
    assert "990102" not in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '{"ts": "2024-11-28 10:00:00", "tungsura": {"chart": {"7000001": 5, "7000001": 9}}}',
            "kunci '7000001' ganda dalam satu objek",
        ),
        ('{"ts": "2024-02-30 10:00:00", "tungsura": {"chart": {}}}', "'ts' 2024-02-30 10:00:00"),
        ('{"ts": "2024-11-28 25:61:00", "tungsura": {"chart": {}}}', "bukan tanggal dan jam"),
    ],
)
def test_duplicate_keys_and_impossible_times_are_refused(text: str, expected: str) -> None:
    # GIVEN a file a JSON reader would take one way or another, or a time that never was
    # WHEN it is read THEN it is refused, naming what
    with pytest.raises(InputRejected, match=expected):
        read_sirekap_file(text.encode(), "x.json")
