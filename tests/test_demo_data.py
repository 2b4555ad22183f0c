"""The bundled demo pleno (resources/sample_data) is valid, consistent and reproducible.

The domain objects are built here from the JSON and the CSV directly (csv module), so this test does
not depend on the importers.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from rekap_desktop.domain.drill_down import PlaceLevel, drill_down
from rekap_desktop.domain.election import Choice, Contest, ElectionKind
from rekap_desktop.domain.ids import ChoiceNo, ContestCode, FieldKey
from rekap_desktop.domain.kept_rows import KeptRow, KeptRows
from rekap_desktop.domain.recap import decide
from rekap_desktop.domain.rules import RuleContext, check_tally
from rekap_desktop.domain.tally import VALID, Tally, form_keys, sum_tallies, vote_key

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "resources" / "sample_data"
GENERATED = ("pleno.json", "tallies.csv", "kejadian_kecamatan.json", "README.md")
KEY_COLUMNS = ("pemilihan", "kode_wilayah", "nama_wilayah", "sumber")
KECAMATAN_CODES = [f"6472{n:02d}" for n in range(1, 11)]
PER_TPS = "647204"
"""SAMARINDA ILIR: its PPK and Sirekap forms are given per TPS, in its five real kelurahan."""
KELURAHAN = ("6472041001", "6472041002", "6472041003", "6472041013", "6472041014")
MISREAD_TPS = "6472041001011"
"""TPS 011 of kelurahan SELILI, where Sirekap read the kolom kosong's 30 as 80."""

# The deliberate differences documented in resources/sample_data/README.md:
# (contest, kecamatan or TPS, source) → {field: (ppk value, other value)}.
DOCUMENTED_DIFFERENCES: dict[tuple[str, str, str], dict[str, tuple[int, int]]] = {
    ("walikota", MISREAD_TPS, "sirekap"): {"suara_01": (30, 80)},
    ("walikota", "647208", "sirekap"): {"pengguna_total_j": (43924, 43974)},
    ("gubernur", "647206", "sirekap"): {
        "suara_02": (27419, 26993),
        "suara_sah": (56036, 55610),
        "suara_total": (57261, 56835),
    },
    ("gubernur", "647203", "saksi_01"): {"suara_01": (28999, 29009)},
}
SIREKAP_FIELDS = {
    f"{group}_{g}"
    for group in ("pemilih_dpt", "pengguna_dpt", "pengguna_pindahan", "pengguna_ktp")
    + ("pengguna_total",)
    for g in "lpj"
} | {"suara_01", "suara_02", "suara_sah", "suara_tidak_sah", "suara_total"}

Row = tuple[str, str, str]


@pytest.fixture(scope="module")
def pleno() -> dict:
    return json.loads((DEMO / "pleno.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def contests(pleno: dict) -> dict[str, Contest]:
    return {
        k["kode"]: Contest(
            ContestCode(k["kode"]),
            k["judul"],
            tuple(
                Choice(ChoiceNo(p["nomor_urut"]), p["nama"], p.get("kolom_kosong", False))
                for p in k["pilihan"]
            ),
        )
        for k in pleno["kontestasi"]
    }


@pytest.fixture(scope="module")
def tps_count(pleno: dict) -> dict[str, int]:
    return {u["kode"]: u["jumlah_tps"] for u in pleno["unit"]}


@pytest.fixture(scope="module")
def header() -> list[str]:
    with (DEMO / "tallies.csv").open(encoding="utf-8", newline="") as f:
        return next(csv.reader(f))


@pytest.fixture(scope="module")
def rows() -> dict[Row, Tally]:
    result: dict[Row, Tally] = {}
    with (DEMO / "tallies.csv").open(encoding="utf-8", newline="") as f:
        for record in csv.DictReader(f):
            key = (record["pemilihan"], record["kode_wilayah"], record["sumber"])
            assert key not in result, f"duplicate row {key}"
            values = {
                FieldKey(k): int(v) for k, v in record.items() if k not in KEY_COLUMNS and v != ""
            }
            result[key] = Tally(values)
    return result


@pytest.fixture(scope="module")
def units(rows: dict[Row, Tally]) -> dict[Row, Tally]:
    """The rows as the program reads them (formats §2): TPS rows summed into their kecamatan."""
    below: dict[Row, list[Tally]] = {}
    for (c, code, source), tally in rows.items():
        below.setdefault((c, code[:6], source), []).append(tally)
    return {key: sum_tallies(tallies) for key, tallies in below.items()}


def pilkada(tps: int) -> RuleContext:
    return RuleContext(ElectionKind.PILKADA, tps_count=tps)


def test_setup_is_a_rekap_pleno_of_the_ten_samarinda_kecamatan(pleno: dict) -> None:
    # GIVEN the bundled setup file
    # WHEN it is read as JSON (done by the fixture)
    # THEN it is rekap-pleno/1 for Kota Samarinda with the 10 kecamatan and the two contests
    assert pleno["format"] == "rekap-pleno/1"
    assert set(pleno) <= {
        "format", "pemilihan", "jenis", "tingkat", "wilayah", "tempat", "tanggal", "unit",
        "kontestasi", "anggota", "saksi", "pemantau",
    }  # fmt: skip
    assert (pleno["jenis"], pleno["tingkat"]) == ("pilkada", "kabko")
    assert pleno["wilayah"] == {
        "kode": "6472",
        "nama": "KOTA SAMARINDA",
        "provinsi": {"kode": "64", "nama": "KALIMANTAN TIMUR"},
    }
    assert [u["kode"] for u in pleno["unit"]] == KECAMATAN_CODES
    assert sum(u["jumlah_tps"] for u in pleno["unit"]) == 1202
    assert [k["kode"] for k in pleno["kontestasi"]] == ["gubernur", "walikota"]
    walikota = pleno["kontestasi"][1]["pilihan"]
    assert walikota[0] == {"nomor_urut": 1, "nama": "KOLOM KOSONG", "kolom_kosong": True}
    assert len(pleno["anggota"]) == 5 and len(pleno["saksi"]) == 3
    # AND the kolom kosong has no saksi: the Wali Kota contest has a pemantau instead
    assert {"kontestasi": "walikota", "nomor_urut": 1} not in [
        {k: s[k] for k in ("kontestasi", "nomor_urut")} for s in pleno["saksi"]
    ]
    assert [p["kontestasi"] for p in pleno["pemantau"]] == ["walikota"]
    assert "SIMULASI" in pleno["tempat"]


def test_csv_has_one_row_per_contest_kecamatan_and_source(
    header: list[str],
    rows: dict[Row, Tally],
    contests: dict[str, Contest],
    tps_count: dict[str, int],
) -> None:
    # GIVEN the bundled tally table
    # WHEN its rows are listed
    # THEN the header is rekap-csv/1 and there is a ppk and a sirekap row for every pair but
    #      SAMARINDA ILIR's, plus exactly one saksi copy
    assert header == list(KEY_COLUMNS) + list(form_keys(contests["gubernur"]))
    whole = [k for k in KECAMATAN_CODES if k != PER_TPS]
    expected = {(c, k, s) for c in contests for k in whole for s in ("ppk", "sirekap")}
    tps_rows = {key for key in rows if len(key[1]) > 6}
    assert set(rows) - tps_rows == expected | {("gubernur", "647203", "saksi_01")}
    # AND SAMARINDA ILIR is given per TPS by both sources in both contests, the same TPS each
    assert {(c, s) for c, _, s in tps_rows} == {
        (c, s) for c in contests for s in ("ppk", "sirekap")
    }
    codes = {code for _, code, _ in tps_rows}
    assert tps_rows == {(c, code, s) for c, _, s in tps_rows for code in codes}
    assert len(codes) == tps_count[PER_TPS]
    # AND each TPS code is a real kelurahan's 10-digit code + the TPS number, from 001 on
    assert all(len(code) == 13 and code[:10] in KELURAHAN for code in codes)
    for desa in KELURAHAN:
        numbers = sorted(int(code[10:]) for code in codes if code.startswith(desa))
        assert numbers == list(range(1, len(numbers) + 1)), desa


def test_every_ppk_row_has_no_finding(
    rows: dict[Row, Tally],
    units: dict[Row, Tally],
    contests: dict[str, Contest],
    tps_count: dict[str, int],
) -> None:
    # GIVEN the PPK rows of every contest and kecamatan (SAMARINDA ILIR's the sum of its TPS)
    # WHEN rules R01–R17 check each with the kecamatan's TPS count and its other contest's row
    findings = {
        (c, k): [
            f.code
            for f in check_tally(
                units[(c, k, "ppk")],
                contests[c],
                replace(
                    pilkada(tps_count[k]),
                    siblings=tuple(
                        (other.title, units[(other.code, k, "ppk")])
                        for other in contests.values()
                        if other.code != c
                    ),
                ),
            )
        ]
        for c in contests
        for k in KECAMATAN_CODES
    }
    # AND each PPK TPS row is checked as the form of one TPS
    findings.update(
        {
            (c, code): [f.code for f in check_tally(tally, contests[c], pilkada(1))]
            for (c, code, source), tally in rows.items()
            if source == "ppk" and len(code) > 6
        }
    )
    # THEN there is no finding at all, not even a warning, and every field is recorded
    assert {key: codes for key, codes in findings.items() if codes} == {}
    for (c, _, source), tally in rows.items():
        if source == "ppk":
            assert set(tally) == set(form_keys(contests[c]))


def test_city_total_of_ppk_rows_has_no_finding(
    units: dict[Row, Tally], contests: dict[str, Contest], tps_count: dict[str, int]
) -> None:
    for c, contest in contests.items():
        # GIVEN the sum of the PPK rows of one contest over the whole city
        total = sum_tallies(units[(c, k, "ppk")] for k in KECAMATAN_CODES)
        # WHEN the rules check it with the city's TPS count
        findings = check_tally(total, contest, pilkada(sum(tps_count.values())))
        # THEN there is no finding
        assert [f.message for f in findings] == []


def test_other_sources_differ_from_ppk_exactly_at_the_documented_places(
    rows: dict[Row, Tally],
) -> None:
    # GIVEN every Sirekap and saksi row, each beside the PPK row of the same kecamatan or TPS
    found: dict[Row, dict[str, tuple[int, int]]] = {}
    for (c, k, source), tally in rows.items():
        if source == "ppk":
            continue
        ppk = rows[(c, k, "ppk")]
        if source == "sirekap":
            assert set(tally) == SIREKAP_FIELDS, f"Sirekap row {c} {k} has other fields"
        # WHEN its recorded values are compared with the PPK row
        differing = {f: (ppk[f], v) for f, v in tally.items() if ppk[f] != v}
        if differing:
            found[(c, k, source)] = differing
    # THEN they differ only where the README says, with the documented values
    assert found == DOCUMENTED_DIFFERENCES


def test_samarinda_ilir_differs_by_the_misread_tps_alone(units: dict[Row, Tally]) -> None:
    # GIVEN SAMARINDA ILIR's Wali Kota forms as the program reads them, the sum of their TPS
    ppk, sirekap = units[("walikota", PER_TPS, "ppk")], units[("walikota", PER_TPS, "sirekap")]
    # THEN Sirekap gives the kolom kosong 50 votes more (the TPS's 30 read as 80), nothing else
    assert {f: (ppk[f], v) for f, v in sirekap.items() if ppk[f] != v} == {"suara_01": (3260, 3310)}
    # AND its suara_sah stays the PPK's, so the votes no longer add up to it (R03)
    assert sirekap[VALID] == ppk[VALID] == sirekap[vote_key(1)] + sirekap[vote_key(2)] - 50
    # AND the other contest agrees at the kecamatan
    gubernur = [units[("gubernur", PER_TPS, s)] for s in ("ppk", "sirekap")]
    assert all(gubernur[0][f] == v for f, v in gubernur[1].items())


def test_the_drill_down_finds_the_misread_tps(rows: dict[Row, Tally]) -> None:
    # GIVEN SAMARINDA ILIR's Wali Kota TPS rows of the PPK and Sirekap, kept as they came
    field = FieldKey("suara_01")
    kept = [
        (
            source,
            KeptRows.of(
                [field],
                [
                    KeptRow(code, {field: tally[field]})
                    for (c, code, s), tally in rows.items()
                    if (c, s) == ("walikota", source) and code.startswith(PER_TPS)
                ],
            ),
        )
        for source in ("ppk", "sirekap")
    ]
    # WHEN the meeting drills down from the kecamatan's suara_01
    found = drill_down(field, kept)
    # THEN one TPS differs, the misread one, and the misread is named
    assert found.level is PlaceLevel.TPS
    assert found.totals() == (3260, 3310)
    (line,) = found.differing
    assert (line.code, line.values, line.tps_number) == (MISREAD_TPS, (30, 80), "TPS 011")
    assert line.misreads == (("sirekap", "angka 3 terbaca 8 (30 → 80)"),)


def test_the_misreads_are_digit_swaps_and_the_partial_upload_is_consistent() -> None:
    # GIVEN the documented differences
    (ppk, sirekap) = DOCUMENTED_DIFFERENCES[("walikota", MISREAD_TPS, "sirekap")]["suara_01"]
    # THEN the OCR misreads change exactly one digit: 3 → 8 (+50 at the kecamatan), and 2 ↔ 7
    assert _one_digit_changed(ppk, sirekap) == ("3", "8") and sirekap - ppk == 50
    (ppk, sirekap) = DOCUMENTED_DIFFERENCES[("walikota", "647208", "sirekap")]["pengguna_total_j"]
    assert _one_digit_changed(ppk, sirekap) in {("2", "7"), ("7", "2")}
    # AND the partial upload lowers suara_02, suara_sah and suara_total by the same amount
    partial = DOCUMENTED_DIFFERENCES[("gubernur", "647206", "sirekap")]
    assert len({ppk - other for ppk, other in partial.values()}) == 1
    assert all(other < ppk for ppk, other in partial.values())
    # AND the saksi copy gives pair 1 ten votes more
    ((ppk, saksi),) = DOCUMENTED_DIFFERENCES[("gubernur", "647203", "saksi_01")].values()
    assert saksi - ppk == 10


def _one_digit_changed(a: int, b: int) -> tuple[str, str]:
    sa, sb = str(a), str(b)
    assert len(sa) == len(sb)
    changed = [(x, y) for x, y in zip(sa, sb, strict=True) if x != y]
    assert len(changed) == 1
    return changed[0]


def test_walikota_pair_is_elected_with_more_than_half(
    units: dict[Row, Tally], contests: dict[str, Contest]
) -> None:
    # GIVEN the city total of the PPK rows of the single-candidate Wali Kota contest
    contest = contests["walikota"]
    total = sum_tallies(units[("walikota", k, "ppk")] for k in KECAMATAN_CODES)
    # WHEN the winner rule is applied
    outcome = decide(contest, total)
    # THEN the pair (nomor urut 2) is elected with more than 50 % of the valid votes
    assert (outcome.number, outcome.elected) == (2, True)
    assert 2 * total[vote_key(2)] > total[VALID]


def test_kejadian_register_has_one_open_objection_about_the_disputed_row(
    rows: dict[Row, Tally],
) -> None:
    # GIVEN the kejadian register carried from the kecamatan meetings
    data = json.loads((DEMO / "kejadian_kecamatan.json").read_text(encoding="utf-8"))
    # THEN it has three entries in the documented shape
    assert data["format"] == "rekap-kejadian/1"
    entries = data["kejadian"]
    assert len(entries) == 3
    for e in entries:
        assert set(e) == {
            "kode_wilayah", "nomor", "jenis", "pemilihan", "diajukan_oleh", "uraian", "status",
            "penyelesaian",
        }  # fmt: skip
        assert e["kode_wilayah"] in KECAMATAN_CODES
        assert e["jenis"] in {"keberatan_saksi", "kejadian_khusus"}
        assert e["status"] in {"diselesaikan", "terbuka"}
        assert bool(e["penyelesaian"]) == (e["status"] == "diselesaikan")
    assert {e["jenis"] for e in entries if e["status"] == "diselesaikan"} == {
        "keberatan_saksi",
        "kejadian_khusus",
    }
    # AND exactly one is open: a gubernur saksi's objection about the kecamatan of the saksi copy
    (open_item,) = [e for e in entries if e["status"] == "terbuka"]
    saksi_rows = [key for key in rows if key[2].startswith("saksi_")]
    assert saksi_rows == [("gubernur", open_item["kode_wilayah"], "saksi_01")]
    assert (open_item["jenis"], open_item["pemilihan"]) == ("keberatan_saksi", "gubernur")
    assert "gubernur" in open_item["diajukan_oleh"]


def test_generator_reproduces_the_bundled_files_byte_for_byte(tmp_path: Path) -> None:
    # GIVEN the generator script
    # WHEN it is run into an empty folder
    subprocess.run(
        [sys.executable, str(DEMO / "make_demo.py"), "--out", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    # THEN it writes the very bytes that are bundled
    for name in GENERATED:
        assert (tmp_path / name).read_bytes() == (DEMO / name).read_bytes(), name


def test_pemilu_generator_reproduces_the_bundled_files_byte_for_byte(tmp_path: Path) -> None:
    # GIVEN the Pemilu demo generator; WHEN it is run into an empty folder
    subprocess.run(
        [sys.executable, str(DEMO / "make_demo_pemilu.py"), "--out", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    # THEN it writes the very bytes that are bundled (it also checks R01–R14 and the two ties)
    for name in ("pleno.json", "tallies.csv", "README.md"):
        assert (tmp_path / name).read_bytes() == (DEMO / "pemilu" / name).read_bytes(), name


def test_pemilu_demo_is_simulasi_with_lawful_dapil() -> None:
    # GIVEN the Pemilu demo setup
    setup = json.loads((DEMO / "pemilu" / "pleno.json").read_text(encoding="utf-8"))
    dprd = setup["kontestasi"][1]

    # THEN it is marked SIMULASI, every kecamatan is in exactly one dapil, seats are 3–12 and
    # add up to 35, and no list is longer than its dapil's seats
    assert "SIMULASI" in setup["tempat"]
    units = [u for d in dprd["dapil"] for u in d["unit"]]
    assert sorted(units) == sorted(u["kode"] for u in setup["unit"])
    assert all(3 <= d["kursi"] <= 12 for d in dprd["dapil"])
    assert sum(d["kursi"] for d in dprd["dapil"]) == 35
    seats = {d["kode"]: d["kursi"] for d in dprd["dapil"]}
    assert all(
        len(listed) <= seats[dapil] for p in dprd["partai"] for dapil, listed in p["calon"].items()
    )
