"""Make the bundled demo pleno of Rekap Desktop (SIMULASI).

Writes four files into this folder (or into ``--out DIR``):

- ``pleno.json``: the setup of a Kota-level Pilkada 2024 meeting shaped like KOTA SAMARINDA
  (formats §1, ``rekap-pleno/1``): the 10 real kecamatan with their real Pilkada 2024 TPS counts,
  the Gubernur contest (two pairs) and the Wali Kota contest (one pair against the kolom kosong);
- ``tallies.csv``: ``rekap-csv/1`` rows (formats §2) for sources ``ppk`` and ``sirekap`` of every
  (contest, kecamatan), plus one ``saksi_01`` copy; SAMARINDA ILIR's ``ppk`` and ``sirekap`` forms
  are given per TPS (13-digit codes, rows below the unit), so the drill-down has a TPS to find;
- ``kejadian_kecamatan.json``: the kejadian khusus / keberatan register carried from the
  kecamatan meetings (procedure item 6), ``rekap-kejadian/1``;
- ``README.md``: what the demo holds and where its deliberate differences are.

Region names, region codes and TPS counts are the real ones of Kota Samarinda (the kelurahan of
SAMARINDA ILIR too; their share of its TPS is estimated). Every person name is fictional and EVERY
NUMBER IS SYNTHETIC: the tallies are drawn from a fixed random seed, TPS by TPS, so that each TPS
form obeys rules R01–R12 (at most 600 voters per TPS, reserve ballots 2.5 % of DPT rounded up) and
the PPK rows are exact sums of their TPS. The Sirekap rows equal the PPK
rows except for a few deliberate, documented differences; one saksi copy differs in one field.

Run: ``python resources/sample_data/make_demo.py [--out DIR]``. The output is byte-for-byte
reproducible. Standard library only; ``rekap_desktop.domain`` is imported to check the result.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
try:
    import rekap_desktop  # noqa: F401
except ImportError:  # run from a source checkout without installing
    sys.path.insert(0, str(HERE.parents[1]))

from rekap_desktop.domain.election import Choice, Contest, ElectionKind  # noqa: E402
from rekap_desktop.domain.ids import ChoiceNo, ContestCode, FieldKey  # noqa: E402
from rekap_desktop.domain.plausibility import Place, check_places  # noqa: E402
from rekap_desktop.domain.recap import decide  # noqa: E402
from rekap_desktop.domain.rules import RuleContext, check_tally  # noqa: E402
from rekap_desktop.domain.tally import Tally, form_keys, sum_tallies, vote_keys  # noqa: E402

SEED = 20241205
KECAMATAN_CODE = 6  # digits of a kecamatan code; a desa or TPS code starts with its kecamatan's
DESA_CODE = 10  # digits of a desa code; a TPS code is its desa's + 3 digits
TPS_CAP = 600

# --- the meeting (formats §1) -------------------------------------------------------------------

# (kode, nama, jumlah_tps): real Kota Samarinda kecamatan and Sirekap Pilkada 2024 TPS totals.
KECAMATAN: tuple[tuple[str, str, int], ...] = (
    ("647201", "PALARAN", 97),
    ("647202", "SAMARINDA SEBERANG", 86),
    ("647203", "SAMARINDA ULU", 193),
    ("647204", "SAMARINDA ILIR", 92),
    ("647205", "SAMARINDA UTARA", 159),
    ("647206", "SUNGAI KUNJANG", 194),
    ("647207", "SAMBUTAN", 97),
    ("647208", "SUNGAI PINANG", 147),
    ("647209", "SAMARINDA KOTA", 46),
    ("647210", "LOA JANAN ILIR", 91),
)

# The real kelurahan of SAMARINDA ILIR (kode, nama, jumlah_tps). The region list holds their
# Pemilu 2024 TPS counts (40, 28, 50, 42, 47) but not the Pilkada ones; the kecamatan's 92 Pilkada
# TPS are shared out in those proportions (largest remainder).
PER_TPS = "647204"
DESA: dict[str, tuple[tuple[str, str, int], ...]] = {
    PER_TPS: (
        ("6472041001", "SELILI", 18),
        ("6472041002", "SUNGAI DAMA", 12),
        ("6472041003", "SIDOMULYO", 22),
        ("6472041013", "SIDODAMAI", 19),
        ("6472041014", "PELITA", 21),
    ),
}

GUBERNUR = "gubernur"
WALIKOTA = "walikota"

PLENO: dict[str, Any] = {
    "format": "rekap-pleno/1",
    "pemilihan": "Pemilihan Serentak 2024",
    "jenis": "pilkada",
    "tingkat": "kabko",
    "wilayah": {
        "kode": "6472",
        "nama": "KOTA SAMARINDA",
        "provinsi": {"kode": "64", "nama": "KALIMANTAN TIMUR"},
    },
    "tempat": "Ballroom Hotel Mahakam Sentosa, Samarinda (SIMULASI)",
    "tanggal": "2024-12-05",
    "unit": [{"kode": k, "nama": n, "jumlah_tps": t} for k, n, t in KECAMATAN],
    "kontestasi": [
        {
            "kode": GUBERNUR,
            "judul": "Pemilihan Gubernur dan Wakil Gubernur Kalimantan Timur",
            "pilihan": [
                {
                    "nomor_urut": 1,
                    "nama": "Drs. H. Mahdi Lestaluhu, M.Si. – Hj. Nurul Aini Pratiwi, S.E.",
                },
                {
                    "nomor_urut": 2,
                    "nama": "Ir. H. Bagus Wiratama, M.T. – Dr. Hj. Sri Rahmawati Lubis, M.Pd.",
                },
            ],
        },
        {
            "kode": WALIKOTA,
            "judul": "Pemilihan Wali Kota dan Wakil Wali Kota Samarinda",
            "pilihan": [
                {"nomor_urut": 1, "nama": "KOLOM KOSONG", "kolom_kosong": True},
                {
                    "nomor_urut": 2,
                    "nama": "H. Fajar Mahendra Siregar, S.H., M.H. – dr. Rizal Fadhilah Akbar",
                },
            ],
        },
    ],
    "anggota": [
        {"nama": "Dra. Lestari Wulandari Kusuma, M.Si.", "jabatan": "Ketua"},
        {"nama": "Agus Setiawan Nugroho, S.IP.", "jabatan": "Anggota"},
        {"nama": "Rini Puspitasari Hutagalung, S.H.", "jabatan": "Anggota"},
        {"nama": "Yohanes Kristanto Balang, S.Sos.", "jabatan": "Anggota"},
        {"nama": "Andi Marwah Tenri Ajeng, M.Si.", "jabatan": "Anggota"},
    ],
    "saksi": [
        {"nama": "Hendra Gunawan Saputra", "kontestasi": GUBERNUR, "nomor_urut": 1},
        {"nama": "Dewi Anggraini Siahaan", "kontestasi": GUBERNUR, "nomor_urut": 2},
        {"nama": "Ayu Lestari Manurung", "kontestasi": WALIKOTA, "nomor_urut": 2},
    ],
    # The kolom kosong has no saksi (no campaign team mandates one); an accredited pemantau
    # watches the Wali Kota contest instead.
    "pemantau": [
        {
            "nama": "Ridwan Syahputra Nasution",
            "lembaga": "Jaringan Pemantau Pemilu Warga Samarinda (SIMULASI)",
            "kontestasi": WALIKOTA,
        }
    ],
}

# Share of suara sah per kecamatan (in KECAMATAN order) for the choice that leads:
# Gubernur pair 1 (close race, about 52 % city-wide) and the Wali Kota pair (about 88 %).
GUBERNUR_01_SHARE = (0.55, 0.50, 0.53, 0.49, 0.54, 0.51, 0.56, 0.52, 0.47, 0.53)
WALIKOTA_PAIR_SHARE = (0.90, 0.89, 0.87, 0.88, 0.89, 0.86, 0.91, 0.88, 0.83, 0.89)

# --- the data keys (formats §2), in form order ----------------------------------------------------

GENDERS = ("l", "p", "j")
VOTER_GROUPS = (
    "pemilih_dpt",
    "pengguna_dpt",
    "pengguna_pindahan",
    "pengguna_ktp",
    "pengguna_total",
)
VOTER_KEYS = tuple(f"{g}_{s}" for g in VOTER_GROUPS for s in GENDERS)
BALLOT_KEYS = (
    "surat_suara_diterima",
    "surat_suara_digunakan",
    "surat_suara_rusak",
    "surat_suara_sisa",
)
DISABILITY_KEYS = tuple(f"disabilitas_{s}" for s in GENDERS)
VOTE_KEYS = ("suara_01", "suara_02")
RESULT_KEYS = ("suara_sah", "suara_tidak_sah", "suara_total")
RETURNED = "c_pemberitahuan_kembali"
DATA_KEYS = VOTER_KEYS + BALLOT_KEYS + DISABILITY_KEYS + VOTE_KEYS + RESULT_KEYS + (RETURNED,)
CSV_HEADER = ("pemilihan", "kode_wilayah", "nama_wilayah", "sumber") + DATA_KEYS
# Sirekap carries no sections II and III: only the voters (I) and the votes (IV, V).
SIREKAP_KEYS = VOTER_KEYS + VOTE_KEYS + RESULT_KEYS
# A saksi copy of the D.Hasil Kecamatan holds sections I–V (C.Pemberitahuan is a separate recap).
SAKSI_KEYS = VOTER_KEYS + BALLOT_KEYS + DISABILITY_KEYS + VOTE_KEYS + RESULT_KEYS

# --- the deliberate differences -------------------------------------------------------------------

# Sirekap reads the tens digit 3 of one TPS's value as an 8 (+50 at the kecamatan): the first TPS
# of the kecamatan, in code order, whose value is 30–39 with no other 3 or 8 in it.
OCR_3_8 = (WALIKOTA, PER_TPS, "suara_01")
OCR_2_7 = (WALIKOTA, "647208", "pengguna_total_j")  # Sirekap reads a 2 as a 7 (or a 7 as a 2)
PARTIAL = (GUBERNUR, "647206", 3)  # Sirekap lacks the votes for pair 2 of the last 3 TPS
SAKSI = (GUBERNUR, "647203", "saksi_01", "suara_01", 10)  # saksi copy: pair 1 higher by 10

Values = dict[str, int]


@dataclass(frozen=True)
class Difference:
    pemilihan: str
    kode_wilayah: str
    sumber: str
    fields: tuple[str, ...]
    ppk: tuple[int, ...]
    other: tuple[int, ...]
    what: str


# --- generation -----------------------------------------------------------------------------------


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def _split(total: int, share_l: float) -> tuple[int, int]:
    male = round(total * share_l)
    return male, total - male


def _small(rng: random.Random, weights: tuple[int, ...]) -> int:
    """A small count 0, 1, 2 … drawn with the given weights."""
    return rng.choices(range(len(weights)), weights=weights)[0]


def _tps_voters(rng: random.Random, dpt_mean: float, turnout: float) -> tuple[Values, Values]:
    """Section I of one TPS for Gubernur and for Wali Kota (same DPT; moved-in voters from outside
    the city vote only for Gubernur)."""
    dpt_j = int(_clamp(round(rng.gauss(dpt_mean, 38)), 360, TPS_CAP))
    dpt_l, dpt_p = _split(dpt_j, rng.uniform(0.485, 0.515))
    rate = _clamp(rng.gauss(turnout, 0.045), 0.42, 0.80)
    used_l = min(dpt_l, round(dpt_l * rate * rng.uniform(0.93, 1.0)))
    used_p = min(dpt_p, round(dpt_p * rate * rng.uniform(1.0, 1.07)))
    moved = {"l": _small(rng, (6, 3, 1)), "p": _small(rng, (6, 3, 1))}
    ktp = {"l": _small(rng, (4, 4, 3, 2, 1)), "p": _small(rng, (4, 4, 3, 2, 1))}
    outside = {s: sum(rng.random() < 0.3 for _ in range(moved[s])) for s in ("l", "p")}
    disabled = {"l": _small(rng, (8, 5, 2, 1)), "p": _small(rng, (8, 5, 2, 1))}
    result = []
    for moved_here in (moved, {s: moved[s] - outside[s] for s in moved}):
        v: Values = {"pemilih_dpt_l": dpt_l, "pemilih_dpt_p": dpt_p}
        v["pengguna_dpt_l"], v["pengguna_dpt_p"] = used_l, used_p
        v["pengguna_pindahan_l"], v["pengguna_pindahan_p"] = moved_here["l"], moved_here["p"]
        v["pengguna_ktp_l"], v["pengguna_ktp_p"] = ktp["l"], ktp["p"]
        for s in ("l", "p"):
            v[f"pengguna_total_{s}"] = sum(
                v[f"{g}_{s}"] for g in ("pengguna_dpt", "pengguna_pindahan", "pengguna_ktp")
            )
        for g in VOTER_GROUPS:
            v[f"{g}_j"] = v[f"{g}_l"] + v[f"{g}_p"]
        for s in ("l", "p"):
            v[f"disabilitas_{s}"] = min(v[f"pengguna_total_{s}"], disabled[s])
        v["disabilitas_j"] = v["disabilitas_l"] + v["disabilitas_p"]
        result.append(v)
    return result[0], result[1]


def _tps_form(
    rng: random.Random, voters: Values, lead_share: float, lead: int, spread: float, returned: int
) -> Values:
    """A complete, consistent form of one TPS for one contest; ``lead`` is the choice number that
    gets about ``lead_share`` of the valid votes."""
    v: Values = {k: voters[k] for k in VOTER_KEYS}
    dpt, voted = v["pemilih_dpt_j"], v["pengguna_total_j"]
    received = dpt + -(-dpt * 25 // 1000)  # DPT + 2.5 % reserve, rounded up
    damaged = _small(rng, (10, 6, 2, 1))
    v["surat_suara_diterima"] = received
    v["surat_suara_digunakan"] = voted
    v["surat_suara_rusak"] = damaged
    v["surat_suara_sisa"] = received - voted - damaged
    v.update({k: voters[k] for k in DISABILITY_KEYS})
    invalid = round(voted * rng.uniform(0.008, 0.035))
    valid = voted - invalid
    share = _clamp(rng.gauss(lead_share, spread), 0.05, 0.97)
    lead_votes = round(valid * share)
    other = 3 - lead
    v[f"suara_{lead:02d}"] = lead_votes
    v[f"suara_{other:02d}"] = valid - lead_votes
    v["suara_sah"], v["suara_tidak_sah"], v["suara_total"] = valid, invalid, voted
    v[RETURNED] = returned
    return {k: v[k] for k in DATA_KEYS}


def _sum(rows: list[Values]) -> Values:
    return {k: sum(r[k] for r in rows) for k in DATA_KEYS}


def _no_copied_sheets(forms: list[Values]) -> None:
    """Two TPS with the very same votes are warned as a copied sheet (P05) once their rows are
    given: a chance of the draw, not a planted difference. One vote moves from the second choice
    to the first at the later TPS, and back at a neighbour, so the kecamatan's sums stay."""
    for _ in range(len(forms)):
        first: dict[tuple[int, ...], int] = {}
        for index, form in enumerate(forms):
            votes = tuple(form[k] for k in VOTE_KEYS)
            if votes in first:
                break
            first[votes] = index
        else:
            return
        neighbour = index + 1 if index + 1 < len(forms) else index - 1
        for at, step in ((index, 1), (neighbour, -1)):
            forms[at]["suara_01"] += step
            forms[at]["suara_02"] -= step
    raise SystemExit("make_demo: TPS votes still repeat; change the seed")


def generate() -> tuple[dict[tuple[str, str], list[Values]], dict[tuple[str, str], Values]]:
    """Per-TPS forms and their kecamatan sums, keyed by (contest, kecamatan code)."""
    rng = random.Random(SEED)
    tps_forms: dict[tuple[str, str], list[Values]] = {}
    for index, (code, _name, tps_count) in enumerate(KECAMATAN):
        dpt_mean = rng.uniform(480, 520)
        turnout = rng.uniform(0.55, 0.65)
        gub: list[Values] = []
        wk: list[Values] = []
        for _ in range(tps_count):
            voters_gub, voters_wk = _tps_voters(rng, dpt_mean, turnout)
            returned = round(voters_gub["pemilih_dpt_j"] * rng.uniform(0.01, 0.05))
            gub.append(_tps_form(rng, voters_gub, GUBERNUR_01_SHARE[index], 1, 0.06, returned))
            wk.append(_tps_form(rng, voters_wk, WALIKOTA_PAIR_SHARE[index], 2, 0.035, returned))
        if code in DESA:
            _no_copied_sheets(gub)
            _no_copied_sheets(wk)
        tps_forms[(GUBERNUR, code)] = gub
        tps_forms[(WALIKOTA, code)] = wk
    sums = {key: _sum(forms) for key, forms in tps_forms.items()}
    return tps_forms, sums


def misread(value: int, a: str, b: str, leftmost: bool) -> int:
    """``value`` with one digit ``a`` read as ``b`` (or ``b`` as ``a``), as an OCR slip would: the
    leftmost such digit, or else the rightmost one that is not the leading digit."""
    digits = list(str(value))
    positions = [i for i, d in enumerate(digits) if d in (a, b) and (leftmost or i > 0)]
    if not positions:
        raise SystemExit(f"make_demo: {value} has no digit {a} or {b} to misread; change the field")
    i = positions[0] if leftmost else positions[-1]
    digits[i] = b if digits[i] == a else a
    return int("".join(digits))


def _only_tens_3(value: int) -> bool:
    """A two-digit value whose tens digit 3 is its only 3 or 8 (30–39 but 33 and 38), so the
    misread has one reading: 3 → 8, +50."""
    text = str(value)
    return len(text) == 2 and text[0] == "3" and text[1] not in "38"


def tps_places(kecamatan: str) -> list[tuple[str, str]]:
    """(code, name) of each TPS of a kecamatan given per TPS, in the order of its forms: the
    desa's 10-digit code + the 3-digit TPS number, as Sirekap codes them."""
    places = []
    for desa_code, desa_name, tps_count in DESA[kecamatan]:
        places += [
            (f"{desa_code}{n:03d}", f"{desa_name} TPS {n:03d}") for n in range(1, tps_count + 1)
        ]
    return places


def sources(
    tps_forms: Mapping[tuple[str, str], list[Values]], sums: Mapping[tuple[str, str], Values]
) -> tuple[dict[tuple[str, str, str], Values], list[Difference]]:
    """Rows per (contest, kecamatan or TPS code, source) and the deliberate differences made in
    them: a kecamatan in ``DESA`` has one PPK and one Sirekap row per TPS, the others one each."""
    rows: dict[tuple[str, str, str], Values] = {}
    for (contest, code), ppk in sums.items():
        if code in DESA:
            places = tps_places(code)
            forms = tps_forms[(contest, code)]
            for (tps, _), form in zip(places, forms, strict=True):
                rows[(contest, tps, "ppk")] = dict(form)
                rows[(contest, tps, "sirekap")] = {k: form[k] for k in SIREKAP_KEYS}
        else:
            rows[(contest, code, "ppk")] = dict(ppk)
            rows[(contest, code, "sirekap")] = {k: ppk[k] for k in SIREKAP_KEYS}
    diffs: list[Difference] = []

    def change(row_key: tuple[str, str, str], new: Values, what: str) -> None:
        row = rows.setdefault(row_key, {})
        keys = tuple(new)
        old = tuple(row[k] for k in keys)
        diffs.append(Difference(*row_key, keys, old, tuple(new.values()), what))
        row.update(new)

    # Only suara_01 is misread, as the other misreads change one field: Sirekap's suara_sah stays
    # the PPK's, so the TPS row and the kecamatan sum the rule check reads both break R03.
    contest, code, key = OCR_3_8
    tps = next(t for t, _ in tps_places(code) if _only_tens_3(rows[(contest, t, "sirekap")][key]))
    value = rows[(contest, tps, "sirekap")][key]
    new = misread(value, "3", "8", leftmost=True)
    change((contest, tps, "sirekap"), {key: new}, "salah baca OCR: angka 3 terbaca 8")

    contest, code, key = OCR_2_7
    value = rows[(contest, code, "sirekap")][key]
    new = misread(value, "2", "7", leftmost=False)
    read = "angka 2 terbaca 7" if new > value else "angka 7 terbaca 2"
    change((contest, code, "sirekap"), {key: new}, f"salah baca OCR: {read}")

    contest, code, missing_tps = PARTIAL
    row = rows[(contest, code, "sirekap")]
    missing = sum(f["suara_02"] for f in tps_forms[(contest, code)][-missing_tps:])
    change(
        (contest, code, "sirekap"),
        {k: row[k] - missing for k in ("suara_02", "suara_sah", "suara_total")},
        f"unggahan parsial: suara nomor urut 2 dari {missing_tps} TPS ({missing} suara) "
        "belum termuat",
    )

    contest, code, source, key, delta = SAKSI
    rows[(contest, code, source)] = {k: sums[(contest, code)][k] for k in SAKSI_KEYS}
    change(
        (contest, code, source),
        {key: sums[(contest, code)][key] + delta},
        f"salinan saksi nomor urut 1 mencatat {delta} suara lebih banyak",
    )
    return rows, diffs


def kecamatan_rows(
    rows: Mapping[tuple[str, str, str], Values],
) -> dict[tuple[str, str, str], Values]:
    """The rows as the program reads them: rows below a kecamatan summed into it (formats §2)."""
    units: dict[tuple[str, str, str], Values] = {}
    for (contest, code, source), values in rows.items():
        unit = units.setdefault((contest, code[:KECAMATAN_CODE], source), {})
        for k, v in values.items():
            unit[k] = unit.get(k, 0) + v
    return units


# --- checking -------------------------------------------------------------------------------------


def domain_contests() -> dict[str, Contest]:
    contests = {}
    for k in PLENO["kontestasi"]:
        choices = tuple(
            Choice(ChoiceNo(p["nomor_urut"]), p["nama"], bool(p.get("kolom_kosong", False)))
            for p in k["pilihan"]
        )
        contests[k["kode"]] = Contest(ContestCode(k["kode"]), k["judul"], choices)
    return contests


def _tally(values: Values) -> Tally:
    return Tally({FieldKey(k): v for k, v in values.items()})


def check(
    tps_forms: Mapping[tuple[str, str], list[Values]],
    sums: Mapping[tuple[str, str], Values],
    rows: Mapping[tuple[str, str, str], Values],
) -> None:
    """Every TPS form, every PPK row and the city totals obey R01–R12 with no finding at all;
    ``rows`` are per kecamatan (rows given per TPS summed into their kecamatan)."""
    for (contest, code), values in sums.items():
        if rows[(contest, code, "ppk")] != values:
            raise SystemExit(f"make_demo: {contest} {code}: the PPK rows do not add up to its TPS")
    contests = domain_contests()
    tps_of = {code: tps for code, _, tps in KECAMATAN}
    assert list(form_keys(contests[GUBERNUR])) == list(DATA_KEYS), "column order drifted"

    def no_finding(values: Values, contest: str, tps: int, where: str) -> None:
        context = RuleContext(ElectionKind.PILKADA, tps_count=tps)
        findings = check_tally(_tally(values), contests[contest], context)
        if findings:
            raise SystemExit(f"make_demo: {where}: {[f.message for f in findings]}")

    for (contest, code), forms in tps_forms.items():
        for number, form in enumerate(forms, 1):
            if form["pemilih_dpt_j"] > TPS_CAP or max(form.values()) > 999:
                raise SystemExit(f"make_demo: TPS {number} of {code} exceeds a TPS limit")
            no_finding(form, contest, 1, f"{contest} {code} TPS {number}")
    for contest in contests:
        ppk = [rows[(contest, code, "ppk")] for code, _, _ in KECAMATAN]
        for (code, _, tps), values in zip(KECAMATAN, ppk, strict=True):
            no_finding(values, contest, tps, f"{contest} {code} ppk")
        no_finding(_sum(ppk), contest, sum(tps_of.values()), f"{contest} KOTA ppk")
    total = sum_tallies(_tally(rows[(WALIKOTA, code, "ppk")]) for code, _, _ in KECAMATAN)
    outcome = decide(contests[WALIKOTA], total)
    if not (outcome.number == 2 and outcome.elected):
        raise SystemExit("make_demo: the Wali Kota pair must get more than 50 % of suara sah")


def check_tps_rows(rows: Mapping[tuple[str, str, str], Values]) -> None:
    """The rows given per TPS raise no plausibility warning (P01–P06) in any source, the
    misread TPS included: what the meeting finds there is the planted difference only."""
    contests = domain_contests()
    places = [
        Place(contest, code[:KECAMATAN_CODE], code, source, _tally(values))
        for (contest, code, source), values in rows.items()
        if len(code) > KECAMATAN_CODE
    ]
    votes = {code: vote_keys(contest) for code, contest in contests.items()}
    found = check_places(places, votes)
    if found:
        raise SystemExit(f"make_demo: {[(w.code, w.place.code, w.message) for w in found]}")


# --- writing --------------------------------------------------------------------------------------


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def place_names() -> dict[str, str]:
    """Kecamatan code → its name; TPS code → "DESA TPS 001"."""
    names = {code: name for code, name, _ in KECAMATAN}
    for kecamatan in DESA:
        names.update(tps_places(kecamatan))
    return names


def tallies_csv(rows: Mapping[tuple[str, str, str], Values]) -> str:
    names = place_names()
    order = {"ppk": 0, "sirekap": 1}

    def sort_key(key: tuple[str, str, str]) -> tuple[int, str, int, str]:
        # A source's TPS rows of a kecamatan stay together, in code order.
        contest, code, source = key
        return (
            [GUBERNUR, WALIKOTA].index(contest),
            code[:KECAMATAN_CODE],
            order.get(source, 2),
            code,
        )

    keys = sorted(rows, key=sort_key)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for contest, code, source in keys:
        values = rows[(contest, code, source)]
        writer.writerow(
            [contest, code, names[code], source]
            + [str(values[k]) if k in values else "" for k in DATA_KEYS]
        )
    return out.getvalue()


def _id_number(n: int) -> str:
    """Indonesian thousands separator: 29272 → "29.272"."""
    return f"{n:,}".replace(",", ".")


def kejadian(rows: Mapping[tuple[str, str, str], Values]) -> dict[str, object]:
    contest, code, source, key, delta = SAKSI
    saksi_value = rows[(contest, code, source)][key]
    ppk_value = rows[(contest, code, "ppk")][key]
    return {
        "format": "rekap-kejadian/1",
        "kejadian": [
            {
                "kode_wilayah": "647201",
                "nomor": "1",
                "jenis": "keberatan_saksi",
                "pemilihan": WALIKOTA,
                "diajukan_oleh": "Samsul Bahri Tanjung (saksi nomor urut 2, walikota)",
                "uraian": (
                    "[SIMULASI] Saksi pasangan calon nomor urut 2 keberatan atas jumlah pengguna "
                    "hak pilih dengan KTP-el (DPTb) di TPS 005 Kelurahan Bukuan yang dinilai "
                    "terlalu tinggi dibandingkan TPS sekitarnya."
                ),
                "status": "diselesaikan",
                "penyelesaian": (
                    "PPK mencocokkan Model C.Hasil-KWK TPS 005 dengan daftar hadir pemilih TPS "
                    "tersebut di hadapan saksi dan Panwaslu Kecamatan; jumlahnya sama. Saksi "
                    "menerima penjelasan dan membubuhkan paraf."
                ),
            },
            {
                "kode_wilayah": "647209",
                "nomor": "1",
                "jenis": "kejadian_khusus",
                "pemilihan": None,
                "diajukan_oleh": "Muhammad Arifin Lubis (Ketua PPK Samarinda Kota)",
                "uraian": (
                    "[SIMULASI] Segel kotak suara TPS 003 Kelurahan Pasar Pagi didapati robek "
                    "saat kotak diterima PPK dari PPS pada 28 November 2024."
                ),
                "status": "diselesaikan",
                "penyelesaian": (
                    "Kotak dibuka di hadapan saksi dan Panwaslu Kecamatan; isinya lengkap dan "
                    "Model C.Hasil-KWK Gubernur dan Wali Kota sesuai salinan yang dipegang "
                    "Panwaslu Kecamatan (Bawaslu). Kotak disegel ulang dan dicatat dalam berita "
                    "acara."
                ),
            },
            {
                "kode_wilayah": code,
                "nomor": "1",
                "jenis": "keberatan_saksi",
                "pemilihan": contest,
                "diajukan_oleh": "Bayu Prasetyo Wibisono (saksi nomor urut 1, gubernur)",
                "uraian": (
                    "[SIMULASI] Saksi pasangan calon nomor urut 1 menyatakan salinan D.Hasil "
                    "Kecamatan-KWK-Gubernur yang dipegangnya mencatat perolehan suara pasangan "
                    f"calon nomor urut 1 sebanyak {_id_number(saksi_value)} suara, sedangkan yang "
                    f"dibacakan PPK {_id_number(ppk_value)} suara (selisih {delta}). Saksi meminta "
                    "pencocokan dengan Model C.Hasil-KWK TPS 012 Kelurahan Sidodadi."
                ),
                "status": "terbuka",
                "penyelesaian": "",
            },
        ],
    }


def readme(rows: Mapping[tuple[str, str, str], Values], diffs: list[Difference]) -> str:
    """This folder's README; ``rows`` per kecamatan (rows given per TPS summed into it)."""
    names = place_names()
    city = {
        c: _sum([rows[(c, code, "ppk")] for code, _, _ in KECAMATAN]) for c in (GUBERNUR, WALIKOTA)
    }

    def pct(contest: str, key: str) -> str:
        return f"{100 * city[contest][key] / city[contest]['suara_sah']:.2f} %"

    def num(n: int) -> str:
        return str(n)

    def place(code: str) -> str:
        kecamatan = code[:KECAMATAN_CODE]
        if code == kecamatan:
            return f"{code} {names[code]}"
        return f"{code} ({kecamatan} {names[kecamatan]}, {names[code]})"

    (misread_tps,) = [
        d
        for d in diffs
        if (d.pemilihan, d.sumber) == (OCR_3_8[0], "sirekap")
        and d.kode_wilayah.startswith(OCR_3_8[1])
    ]
    desa = {code: (name, tps) for code, name, tps in DESA[PER_TPS]}
    misread_desa, _ = desa[misread_tps.kode_wilayah[:DESA_CODE]]
    misread_ppk = rows[(OCR_3_8[0], OCR_3_8[1], "ppk")][OCR_3_8[2]]
    misread_sirekap = rows[(OCR_3_8[0], OCR_3_8[1], "sirekap")][OCR_3_8[2]]
    kelurahan = ", ".join(f"{name} ({code}, {tps} TPS)" for code, (name, tps) in desa.items())

    lines = [
        "# Data demo pleno (SIMULASI)",
        "",
        "The data Rekap Desktop loads on first start (and with `rekap-desktop demo`), so every "
        "feature can be tried with no set-up: a Kota-level Pilkada 2024 recapitulation meeting "
        "shaped like **KOTA SAMARINDA** (6472) on 5 December 2024.",
        "",
        "**Everything here is SIMULASI.** Region names, region codes and the TPS count of each "
        f"kecamatan are real (Sirekap Pilkada 2024), and so are the kelurahan of {names[PER_TPS]} "
        "and their codes (their Pilkada TPS counts are not published in the region list: the "
        "kecamatan's TPS are shared out in proportion to their Pemilu 2024 TPS). Every person "
        "name (candidates, KPU members, saksi, PPK) and the hotel are fictional, and every number "
        "is synthetic (fixed random seed). The setup's `tempat` and every kejadian entry carry "
        "the word SIMULASI.",
        "",
        "| file | content |",
        "|---|---|",
        "| `pleno.json` | setup, `rekap-pleno/1` (formats §1): 10 kecamatan 647201–647210, "
        "contests `gubernur` (two pairs) and `walikota` (one pair, nomor urut 2, against the "
        "KOLOM KOSONG, nomor urut 1), 5 KPU members, 3 saksi (the kolom kosong has none), "
        "1 pemantau of the Wali Kota contest |",
        "| `tallies.csv` | `rekap-csv/1` (formats §2): `ppk` and `sirekap` rows for every contest "
        f"and kecamatan — for {PER_TPS} {names[PER_TPS]} one row per TPS (13-digit codes) instead "
        "of the kecamatan's own row — and one `saksi_01` row |",
        "| `kejadian_kecamatan.json` | `rekap-kejadian/1`: kejadian khusus / keberatan carried "
        "from the kecamatan meetings (procedure item 6); one is still open |",
        "| `make_demo.py` | the generator |",
        "",
        "## Numbers",
        "",
        "The generator draws a complete form for each of the 1202 TPS (DPT at most 600, reserve "
        "ballots 2.5 % of DPT rounded up, sections I–V and returned C.Pemberitahuan) and sums "
        "them, so every PPK row and the city total pass rules R01–R12 with no finding. City-wide "
        f"(PPK): DPT {num(city[GUBERNUR]['pemilih_dpt_j'])}; Gubernur: nomor urut 1 "
        f"{pct(GUBERNUR, 'suara_01')}, nomor urut 2 {pct(GUBERNUR, 'suara_02')}; Wali Kota: pair "
        f"(nomor urut 2) {pct(WALIKOTA, 'suara_02')}, kolom kosong {pct(WALIKOTA, 'suara_01')} "
        "of suara sah — the pair is elected (more than 50 %).",
        "",
        "Sirekap rows hold only section I.A/I.B (`pemilih_dpt_*`, `pengguna_*`) and the votes "
        "(`suara_NN`, `suara_sah`, `suara_tidak_sah`, `suara_total`); the saksi row holds "
        "sections I–V. Both equal the PPK row except for these deliberate differences:",
        "",
        "| contest | kecamatan or TPS | source | field | ppk | other | what |",
        "|---|---|---|---|---|---|---|",
    ]
    for d in diffs:
        for field, ppk, other in zip(d.fields, d.ppk, d.other, strict=True):
            lines.append(
                f"| {d.pemilihan} | {place(d.kode_wilayah)} | {d.sumber} | "
                f"`{field}` | {num(ppk)} | {num(other)} | {d.what} |"
            )
    lines += [
        "",
        f"### {PER_TPS} {names[PER_TPS]}, per TPS",
        "",
        f"The PPK and Sirekap forms of {names[PER_TPS]} (both contests) are given as one row per "
        "TPS, coded as Sirekap codes a TPS (the kelurahan's 10-digit code + the 3-digit TPS "
        f"number): {kelurahan}. The program sums them into the kecamatan and keeps them for the "
        "rincian per desa/TPS; the saksi row and the other kecamatan stay one row each. Where two "
        "of its TPS drew the very same votes (plausibility check P05 would take them for a copied "
        "sheet), the generator moves one vote between the choices there and back at a "
        "neighbouring TPS, so the kecamatan's sums stay as drawn.",
        "",
        f"The 3→8 misread sits in one of them, TPS {misread_tps.kode_wilayah[DESA_CODE:]} of "
        f"kelurahan {misread_desa} ({misread_tps.kode_wilayah}): Sirekap's Wali Kota "
        f"`{OCR_3_8[2]}` (kolom kosong) there is {num(misread_tps.other[0])} against the PPK's "
        f"{num(misread_tps.ppk[0])}, so the kecamatan differs by "
        f"+{num(misread_sirekap - misread_ppk)} ({num(misread_ppk)} PPK, {num(misread_sirekap)} "
        "Sirekap), which is no digit swap at the kecamatan. The comparison shows the difference; "
        "the rincian per TPS of that row (Ctrl+Shift+D, or `recap --unit "
        f"{PER_TPS} --rinci`) puts that TPS first and names the misread: angka 3 terbaca 8 "
        f"({num(misread_tps.ppk[0])} → {num(misread_tps.other[0])}).",
        "",
        "The erroneous Sirekap and saksi rows are kept as evidence, so the rule check (`check`, "
        "which reads the kecamatan forms) flags them: R03 for the 3→8 misread — Sirekap's Wali "
        f"Kota form of {names[PER_TPS]}, the sum of its TPS, gives the choices "
        f"{num(misread_sirekap - misread_ppk)} votes more than its `suara_sah`, as the misread "
        "TPS's own row does — and for the saksi copy; R01, R02 and an R05 warning for the 2↔7 "
        "misread; an R05 warning for the partial upload. The TPS rows raise no plausibility "
        "warning (P01–P06), the misread TPS included (the generator checks it). The open "
        "keberatan in "
        "`kejadian_kecamatan.json` is the saksi of Gubernur nomor urut 1 disputing `suara_01` in "
        f"{SAKSI[1]} {names[SAKSI[1]]}: the meeting must settle it, with the PPK's D.Hasil as the "
        "reference.",
        "",
        "## Regenerate",
        "",
        "```",
        "python resources/sample_data/make_demo.py [--out DIR]",
        "```",
        "",
        "writes `pleno.json`, `tallies.csv`, `kejadian_kecamatan.json` and this `README.md`; the "
        "output is byte-for-byte reproducible (`tests/test_demo_data.py` checks it).",
        "",
    ]
    return "\n".join(lines)


def build() -> dict[str, str]:
    """File name → content of every generated file."""
    tps_forms, sums = generate()
    rows, diffs = sources(tps_forms, sums)
    units = kecamatan_rows(rows)
    check(tps_forms, sums, units)
    check_tps_rows(rows)
    return {
        "pleno.json": _json(PLENO),
        "tallies.csv": tallies_csv(rows),
        "kejadian_kecamatan.json": _json(kejadian(units)),
        "README.md": readme(units, diffs),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: here)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, content in build().items():
        path = args.out / name
        path.write_bytes(content.encode("utf-8"))
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
