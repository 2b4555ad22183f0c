"""Make the bundled Pemilu demo pleno of Rekap Desktop (SIMULASI).

Writes into ``pemilu/`` beside this file (or into ``--out DIR``):

- ``pleno.json``: the setup of a Kota-level Pemilu 2024 meeting shaped like KOTA BENGKULU (formats
  §1): its 9 real kecamatan, the PPWP contest (three pairs) and the DPRD Kota contest (18 parties,
  5 dapil, 35 seats, candidate lists per dapil);
- ``tallies.csv``: ``rekap-csv/1`` rows for sources ``ppk`` and ``sirekap`` of every (contest,
  kecamatan), plus one saksi copy;
- ``README.md``: what the demo holds and where its deliberate differences and ties are.

Region codes and names are Kota Bengkulu's; the dapil, every person and party name and EVERY
NUMBER are synthetic (fixed random seed). Every PPK row obeys rules R01–R14. Two ties are planted
in the DPRD Kota contest: one the law decides (persebaran suara) and one it leaves open for the
meeting to decide and record.

Run: ``python resources/sample_data/make_demo_pemilu.py [--out DIR]``; the output is byte-for-byte
reproducible. Standard library only; ``rekap_desktop.domain`` is imported to check the result.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
try:
    import rekap_desktop  # noqa: F401
except ImportError:  # run from a source checkout without installing
    sys.path.insert(0, str(HERE.parents[1]))

from rekap_desktop.domain.election import Level  # noqa: E402
from rekap_desktop.domain.ids import FieldKey, RegionCode  # noqa: E402
from rekap_desktop.domain.legislative import district_results  # noqa: E402
from rekap_desktop.domain.rules import RuleContext, check_tally  # noqa: E402
from rekap_desktop.domain.tally import Tally, form_keys, unit_form_keys  # noqa: E402
from rekap_desktop.interchange.setup import parse_setup  # noqa: E402

SEED = 20240301
TPS_CAP = 300
PPWP = "ppwp"
DPRD = "dprd_kabko"

# (kode, nama, jumlah_tps): Kota Bengkulu's kecamatan with their Pemilu 2024 TPS counts.
KECAMATAN: tuple[tuple[str, str, int], ...] = (
    ("177101", "SELEBAR", 208),
    ("177102", "GADING CEMPAKA", 102),
    ("177103", "TELUK SEGARA", 62),
    ("177104", "MUARA BANGKA HULU", 130),
    ("177105", "KAMPUNG MELAYU", 116),
    ("177106", "RATU AGUNG", 132),
    ("177107", "RATU SAMBAN", 59),
    ("177108", "SUNGAI SERUT", 66),
    ("177109", "SINGARAN PATI", 104),
)
# (kode, nama, kursi, kecamatan): synthetic dapil of the SIMULASI, 35 seats in all.
DAPIL: tuple[tuple[str, str, int, tuple[str, ...]], ...] = (
    ("1", "KOTA BENGKULU 1", 7, ("177103", "177104", "177108")),
    ("2", "KOTA BENGKULU 2", 8, ("177101",)),
    ("3", "KOTA BENGKULU 3", 7, ("177102", "177109")),
    ("4", "KOTA BENGKULU 4", 7, ("177105",)),
    ("5", "KOTA BENGKULU 5", 6, ("177106", "177107")),
)
PARTIES = (
    "PARTAI AMANAH RAKYAT",
    "PARTAI BINTANG NUSANTARA",
    "PARTAI CAHAYA BANGSA",
    "PARTAI DAULAT DESA",
    "PARTAI EKA PRASETYA",
    "PARTAI GEMA PERSATUAN",
    "PARTAI HARAPAN SAMUDRA",
    "PARTAI INDONESIA LESTARI",
    "PARTAI JAYA MANDIRI",
    "PARTAI KARYA TANI",
    "PARTAI LANGIT BIRU",
    "PARTAI MERAH PUTIH SEJAHTERA",
    "PARTAI NURANI UMAT",
    "PARTAI ORANG MUDA",
    "PARTAI PELITA KEADILAN",
    "PARTAI RUMAH KITA",
    "PARTAI SURYA KEBANGSAAN",
    "PARTAI TUNAS BARU",
)
# Relative strength of each party (in PARTIES order); dapil and kecamatan vary around it.
PARTY_WEIGHT = (9, 12, 14, 4, 3, 7, 5, 10, 6, 3, 2, 8, 4, 3, 5, 2, 6, 2)
PAIRS = (
    "H. Arman Surya Wijaya, S.H. – Dr. Ir. Nyoman Sudarsana, M.Sc.",
    "Prof. Dr. Ratna Dewi Kartika, M.A. – H. Muhammad Iqbal Harahap, S.E.",
    "Ir. Benny Sitompul, M.M. – Hj. Siti Khadijah Rahman, S.Ag.",
)
PPWP_SHARE = (0.31, 0.46, 0.23)
FIRST_L = ("Ahmad", "Budi", "Dedi", "Eko", "Fajar", "Hendra", "Irfan", "Joko", "Rudi", "Yusuf")
FIRST_P = ("Ani", "Citra", "Dewi", "Fitri", "Indah", "Lina", "Maya", "Nur", "Rina", "Sari")
LAST = (
    "Saputra",
    "Pratama",
    "Wibowo",
    "Hidayat",
    "Lubis",
    "Sembiring",
    "Putri",
    "Rahayu",
    "Kusuma",
    "Siregar",
    "Nasution",
    "Harahap",
    "Wijaya",
    "Gunawan",
    "Lestari",
    "Anggraini",
)

# The deliberate differences (Sirekap and one saksi copy) and the planted ties, in the DPRD Kota
# contest unless named otherwise.
OCR_CANDIDATE = ("177101", 3)  # Sirekap misreads a 3 as 8: party 3's first candidate with a 3
SAKSI_PARTY = 2  # the saksi of party 2 holds a copy of Gading Cempaka with +15 for candidate 2
SAKSI_UNIT = "177102"
SPREAD_TIE = ("1", 3)  # dapil 1, party 3: equal votes at the cut, decided by persebaran suara
OPEN_TIE = ("5", 2)  # dapil 5, party 2: equal votes at the cut, equal spread: the meeting decides

Values = dict[str, int]


def _names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """Candidate names and sex, at least one woman in every three (UU 7/2017 Pasal 246)."""
    people = []
    for i in range(count):
        sex = "P" if i % 3 == 1 or rng.random() < 0.2 else "L"
        first = rng.choice(FIRST_P if sex == "P" else FIRST_L)
        people.append((f"{first} {rng.choice(LAST)}", sex))
    return people


def setup(rng: random.Random) -> dict[str, Any]:
    parties = []
    for number, name in enumerate(PARTIES, 1):
        lists = {}
        for code, _, seats, _ in DAPIL:
            size = seats if number <= 12 else max(3, seats - rng.randint(1, 3))
            lists[code] = [
                {"nomor_urut": i, "nama": person, "jenis_kelamin": sex}
                for i, (person, sex) in enumerate(_names(rng, size), 1)
            ]
        parties.append({"nomor_urut": number, "nama": name, "calon": lists})
    return {
        "format": "rekap-pleno/1",
        "pemilihan": "Pemilihan Umum Tahun 2024",
        "jenis": "pemilu",
        "tingkat": "kabko",
        "wilayah": {
            "kode": "1771",
            "nama": "KOTA BENGKULU",
            "provinsi": {"kode": "17", "nama": "BENGKULU"},
        },
        "tempat": "Aula Hotel Raflesia Indah, Bengkulu (SIMULASI)",
        "tanggal": "2024-03-01",
        "unit": [{"kode": k, "nama": n, "jumlah_tps": t} for k, n, t in KECAMATAN],
        "kontestasi": [
            {
                "kode": PPWP,
                "judul": "Pemilihan Umum Presiden dan Wakil Presiden",
                "pilihan": [{"nomor_urut": i, "nama": n} for i, n in enumerate(PAIRS, 1)],
            },
            {
                "kode": DPRD,
                "judul": "Pemilihan Umum Anggota DPRD Kota Bengkulu",
                "dapil": [
                    {"kode": c, "nama": n, "kursi": s, "unit": list(u)} for c, n, s, u in DAPIL
                ],
                "partai": parties,
            },
        ],
        "anggota": [
            {"nama": "Drs. Hasanuddin Rasyid, M.Si.", "jabatan": "Ketua"},
            {"nama": "Meilani Oktaviani Putri, S.H.", "jabatan": "Anggota"},
            {"nama": "Gustian Pramudya, S.Sos.", "jabatan": "Anggota"},
            {"nama": "Heri Kurniawan Sitepu, S.IP.", "jabatan": "Anggota"},
            {"nama": "Yuliana Marpaung, M.Pd.", "jabatan": "Anggota"},
        ],
        "saksi": [
            {"nama": "Bambang Sutrisno", "kontestasi": PPWP, "nomor_urut": 1},
            {"nama": "Lestari Handayani", "kontestasi": PPWP, "nomor_urut": 2},
            {"nama": "Taufik Hidayatullah", "kontestasi": PPWP, "nomor_urut": 3},
            {"nama": "Rosmawati Situmorang", "kontestasi": DPRD, "nomor_urut": 2},
            {"nama": "Agus Salim Tanjung", "kontestasi": DPRD, "nomor_urut": 3},
        ],
    }


# --- numbers ----------------------------------------------------------------------------------


def _split(total: int, rng: random.Random) -> tuple[int, int]:
    male = round(total * rng.uniform(0.485, 0.515))
    return male, total - male


def _admin(rng: random.Random, tps: int) -> Values:
    """Sections I–III and the totals of V for one kecamatan (the same voters for both contests)."""
    dpt = round(tps * rng.uniform(240, 275))
    v: Values = {}
    v["pemilih_dpt_l"], v["pemilih_dpt_p"] = _split(dpt, rng)
    for group, rate in (("pengguna_dpt", rng.uniform(0.72, 0.82)),):
        v[f"{group}_l"] = round(v["pemilih_dpt_l"] * rate)
        v[f"{group}_p"] = round(v["pemilih_dpt_p"] * rate * 1.02)
    v["pengguna_pindahan_l"], v["pengguna_pindahan_p"] = rng.randint(5, 40), rng.randint(5, 40)
    v["pengguna_ktp_l"], v["pengguna_ktp_p"] = rng.randint(10, 60), rng.randint(10, 60)
    for s in ("l", "p"):
        v[f"pengguna_total_{s}"] = sum(
            v[f"{g}_{s}"] for g in ("pengguna_dpt", "pengguna_pindahan", "pengguna_ktp")
        )
    for g in ("pemilih_dpt", "pengguna_dpt", "pengguna_pindahan", "pengguna_ktp", "pengguna_total"):
        v[f"{g}_j"] = v[f"{g}_l"] + v[f"{g}_p"]
    voted = v["pengguna_total_j"]
    received = dpt + -(-dpt * 2 // 100) + rng.randint(0, tps // 2)
    damaged = rng.randint(0, tps // 3)
    v["surat_suara_diterima"], v["surat_suara_digunakan"] = received, voted
    v["surat_suara_rusak"], v["surat_suara_sisa"] = damaged, received - voted - damaged
    v["disabilitas_l"], v["disabilitas_p"] = rng.randint(3, 30), rng.randint(3, 30)
    v["disabilitas_j"] = v["disabilitas_l"] + v["disabilitas_p"]
    invalid = round(voted * rng.uniform(0.02, 0.06))
    v["suara_sah"], v["suara_tidak_sah"], v["suara_total"] = voted - invalid, invalid, voted
    v["c_pemberitahuan_kembali"] = round(dpt * rng.uniform(0.01, 0.04))
    return v


def _shares(rng: random.Random, valid: int, weights: list[float]) -> list[int]:
    """``valid`` split in proportion to ``weights`` (exact sum)."""
    raw = [valid * w / sum(weights) for w in weights]
    parts = [int(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - parts[i], reverse=True)
    for i in order[: valid - sum(parts)]:
        parts[i] += 1
    return parts


def _dprd_votes(rng: random.Random, valid: int, lists: dict[int, int], bias: list[float]) -> Values:
    """Section IV of the DPRD form of one kecamatan: party-only, candidate and total rows."""
    v: Values = {}
    totals = _shares(rng, valid, [w * b for w, b in zip(PARTY_WEIGHT, bias, strict=True)])
    for number, total in enumerate(totals, 1):
        size = lists[number]
        weights = [rng.uniform(0.15, 1.0) ** 2 for _ in range(size)]
        party_only = round(total * rng.uniform(0.08, 0.2))
        for i, votes in enumerate(_shares(rng, total - party_only, weights), 1):
            v[f"suara_caleg_{number:02d}_{i:02d}"] = votes
        v[f"suara_partai_{number:02d}"] = party_only
        v[f"jumlah_suara_partai_{number:02d}"] = total
    return v


def generate(pleno: dict[str, Any]) -> dict[tuple[str, str], Values]:
    rng = random.Random(SEED + 1)
    dapil_of = {unit: code for code, _, _, units in DAPIL for unit in units}
    parties = pleno["kontestasi"][1]["partai"]
    rows: dict[tuple[str, str], Values] = {}
    for code, _, tps in KECAMATAN:
        admin = _admin(rng, tps)
        ppwp = dict(admin)
        pair_weights = [s * rng.uniform(0.8, 1.2) for s in PPWP_SHARE]
        for i, votes in enumerate(_shares(rng, admin["suara_sah"], pair_weights), 1):
            ppwp[f"suara_{i:02d}"] = votes
        rows[(PPWP, code)] = ppwp
        lists = {p["nomor_urut"]: len(p["calon"][dapil_of[code]]) for p in parties}
        bias = [rng.uniform(0.6, 1.4) for _ in PARTIES]
        dprd = {k: v for k, v in admin.items() if k != "c_pemberitahuan_kembali"}
        dprd.update(_dprd_votes(rng, admin["suara_sah"], lists, bias))
        dprd["c_pemberitahuan_kembali"] = admin["c_pemberitahuan_kembali"]
        rows[(DPRD, code)] = dprd
    return rows


# --- the planted ties -----------------------------------------------------------------------


def _key(party: int, candidate: int) -> str:
    return f"suara_caleg_{party:02d}_{candidate:02d}"


def _give(row: Values, party: int, keep: tuple[int, ...], amount: int) -> None:
    """Take ``amount`` votes of ``party`` in one kecamatan from its party-only row and the
    candidates not in ``keep`` (largest first): they go to a candidate of ``keep`` meanwhile."""
    kept = {_key(party, n) for n in keep}
    candidates = [k for k in row if k.startswith(f"suara_caleg_{party:02d}_") and k not in kept]
    pool = [f"suara_partai_{party:02d}", *sorted(candidates, key=lambda k: -row[k])]
    for key in pool:
        taken = min(row[key], amount)
        row[key] -= taken
        amount -= taken
    if amount:
        raise SystemExit(f"make_demo_pemilu: party {party} has too few votes to plant a tie")


def _take(row: Values, party: int, amount: int) -> None:
    row[f"suara_partai_{party:02d}"] += amount


def plant_tie(
    pleno: Any, rows: dict[tuple[str, str], Values], dapil: str, party: int, spread_wins: bool
) -> tuple[int, int, int]:
    """Make the candidates at the seat cut of ``party`` in ``dapil`` equal in votes (the party's
    totals stay as they are). With ``spread_wins`` the one below the cut keeps votes in one
    kecamatan only, so the law decides; otherwise both keep votes everywhere and the tie stays
    open for the meeting. Returns (candidate at the cut, the one below, their votes)."""
    units = next(d[3] for d in DAPIL if d[0] == dapil)
    result = _results(pleno, rows)[int(dapil) - 1]
    seats = result.seats_of(party) or 0
    if seats < 1:
        raise SystemExit(f"make_demo_pemilu: party {party} wins no seat in dapil {dapil}")
    election = next(e for e in result.elections if e.party == party)
    cut, other = (number for number, _, _ in election.ranking[seats - 1 : seats + 1])
    if spread_wins:
        by_votes = sorted(units, key=lambda u: -rows[(DPRD, u)][f"jumlah_suara_partai_{party:02d}"])
        first, *rest = (rows[(DPRD, u)] for u in by_votes)
        for row in rest:
            moved = row[_key(party, other)]
            row[_key(party, other)] = 0
            _take(row, party, moved)
            _give(first, party, (cut, other), moved)
            first[_key(party, other)] += moved
    total = {n: sum(rows[(DPRD, u)][_key(party, n)] for u in units) for n in (cut, other)}
    surplus = total[cut] - total[other]
    for unit in units:
        row = rows[(DPRD, unit)]
        taken = min(surplus, row[_key(party, cut)] - 1)
        row[_key(party, cut)] -= taken
        _take(row, party, taken)
        surplus -= taken
    if surplus:
        raise SystemExit("make_demo_pemilu: could not equalise the tie")
    return cut, other, total[other]


def _results(pleno: Any, rows: dict[tuple[str, str], Values]) -> Any:
    tallies = {
        RegionCode(code): Tally({FieldKey(k): v for k, v in rows[(DPRD, code)].items()})
        for code, _, _ in KECAMATAN
    }
    return district_results(pleno.contest(DPRD), Level.KABKO, pleno.units, tallies, {})


# --- sources and checks ---------------------------------------------------------------------


SIREKAP_SKIPS = ("surat_", "disabilitas", "c_")
"""Sirekap carries no sections II and III (nor item 5)."""


def _difference(unit: str, source: str, key: str, ppk: int, other: int, what: str) -> str:
    return f"| dprd_kabko | {unit} | {source} | `{key}` | {ppk} | {other} | {what} |"


def sources(
    rows: dict[tuple[str, str], Values],
) -> tuple[dict[tuple[str, str, str], Values], list[str]]:
    """Rows per (contest, kecamatan, source), and the deliberate differences as README lines."""
    out: dict[tuple[str, str, str], Values] = {}
    for (contest, code), row in rows.items():
        out[(contest, code, "ppk")] = dict(row)
        out[(contest, code, "sirekap")] = {
            k: v for k, v in row.items() if not k.startswith(SIREKAP_SKIPS)
        }
    unit, party = OCR_CANDIDATE
    sirekap = out[(DPRD, unit, "sirekap")]
    prefix = f"suara_caleg_{party:02d}_"
    key = next((k for k in sorted(sirekap) if k.startswith(prefix) and "3" in str(sirekap[k])), "")
    if not key:
        raise SystemExit("make_demo_pemilu: no candidate vote with a 3 to misread")
    value = sirekap[key]
    sirekap[key] = int(str(value).replace("3", "8", 1))
    notes = [_difference(unit, "sirekap", key, value, sirekap[key], "salah baca OCR: 3 terbaca 8")]
    source = f"saksi_{SAKSI_PARTY:02d}"
    saksi = {k: v for k, v in rows[(DPRD, SAKSI_UNIT)].items() if k != "c_pemberitahuan_kembali"}
    key = f"suara_caleg_{SAKSI_PARTY:02d}_02"
    saksi[key] += 15
    out[(DPRD, SAKSI_UNIT, source)] = saksi
    what = f"salinan saksi partai nomor urut {SAKSI_PARTY} mencatat 15 suara lebih banyak"
    notes.append(_difference(SAKSI_UNIT, source, key, saksi[key] - 15, saksi[key], what))
    return out, notes


def check(pleno: Any, rows: dict[tuple[str, str], Values]) -> None:
    """Every PPK row obeys R01–R14 with no finding."""
    for (contest_code, code), values in rows.items():
        contest = pleno.contest(contest_code)
        unit = pleno.unit(code)
        district = contest.district_of(code)
        context = RuleContext(pleno.kind, unit.tps_count, district.code if district else None)
        findings = check_tally(Tally({FieldKey(k): v for k, v in values.items()}), contest, context)
        if findings:
            raise SystemExit(
                f"make_demo_pemilu: {contest_code} {code}: {[f.message for f in findings]}"
            )
        if set(values) - set(unit_form_keys(contest, code)):
            raise SystemExit(f"make_demo_pemilu: {contest_code} {code}: keys outside its form")


def _check_ties(pleno: Any, rows: dict[tuple[str, str], Values]) -> None:
    """The planted ties come out as planned: one decided by spread, one open, no other."""
    results = _results(pleno, rows)
    open_ties = [t for r in results for t in r.open_ties]
    if len(open_ties) != 1 or not open_ties[0].key.startswith(f"calon:{OPEN_TIE[0]}:"):
        raise SystemExit(f"make_demo_pemilu: expected one open tie, got {open_ties}")
    dapil, party = SPREAD_TIE
    election = next(e for e in results[int(dapil) - 1].elections if e.party == party)
    if "persebaran" not in " ".join(election.decided_by.values()):
        raise SystemExit("make_demo_pemilu: the spread tie was not decided by persebaran suara")


def tallies_csv(pleno: Any, rows: dict[tuple[str, str, str], Values]) -> str:
    names = {code: name for code, name, _ in KECAMATAN}
    keys = list(dict.fromkeys(k for c in pleno.contests for k in form_keys(c)))
    order = {"ppk": 0, "sirekap": 1}
    ordered = sorted(rows, key=lambda k: ([PPWP, DPRD].index(k[0]), k[1], order.get(k[2], 2)))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["pemilihan", "kode_wilayah", "nama_wilayah", "sumber", *keys])
    for contest, code, source in ordered:
        values = rows[(contest, code, source)]
        writer.writerow(
            [contest, code, names[code], source]
            + [str(values[k]) if k in values else "" for k in keys]
        )
    return out.getvalue()


def readme(notes: list[str], ties: list[str]) -> str:
    lines = [
        "# Data demo Pemilu (SIMULASI)",
        "",
        "The Pemilu demo of Rekap Desktop (`rekap-desktop demo --pemilu`): a Kota-level Pemilu",
        "2024 recapitulation meeting shaped like **KOTA BENGKULU** (1771), with the PPWP contest",
        "and the DPRD Kota contest (18 parties, 5 dapil, 35 seats).",
        "",
        "**Everything here is SIMULASI.** The kecamatan codes, names and Pemilu 2024 TPS counts",
        "are Kota Bengkulu's; the dapil, every party and person name and every number are",
        "synthetic (fixed random seed). Every PPK row passes rules R01–R14 with no finding.",
        "",
        "| file | content |",
        "|---|---|",
        "| `pleno.json` | setup (formats §1): 9 kecamatan, `ppwp` (three pairs), `dprd_kabko` "
        "(dapil, parties, candidate lists per dapil), 5 KPU members, 5 saksi |",
        "| `tallies.csv` | `rekap-csv/1`: `ppk` and `sirekap` rows for every contest and "
        "kecamatan (party totals in `jumlah_suara_partai_PP`), one `saksi_02` row |",
        "",
        "## Deliberate differences",
        "",
        "| contest | kecamatan | source | field | ppk | other | what |",
        "|---|---|---|---|---|---|---|",
        *notes,
        "",
        "## Planted ties (seat allocation of the DPRD Kota)",
        "",
        *ties,
        "",
        "## Regenerate",
        "",
        "```",
        "python resources/sample_data/make_demo_pemilu.py [--out DIR]",
        "```",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "pemilu")
    out = parser.parse_args().out
    data = setup(random.Random(SEED))
    setup_text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    pleno = parse_setup(setup_text.encode("utf-8"), "pleno.json")
    rows = generate(data)
    ties = []
    for (dapil, party), spread_wins in ((SPREAD_TIE, True), (OPEN_TIE, False)):
        cut, other, votes = plant_tie(pleno, rows, dapil, party, spread_wins)
        how = (
            f"calon nomor urut {cut} terpilih karena suaranya tersebar di lebih banyak kecamatan "
            "(PKPU 6/2024 Pasal 29 ayat (1))"
            if spread_wins
            else "persebarannya juga sama: rapat memutuskan dan mencatatnya (PIN komisioner)"
        )
        ties.append(
            f"- Dapil {dapil}, partai nomor urut {party}: calon nomor urut {cut} dan {other} "
            f"sama-sama memperoleh {votes} suara pada kursi terakhir partai; {how}."
        )
    check(pleno, rows)
    _check_ties(pleno, rows)
    table, notes = sources(rows)
    out.mkdir(parents=True, exist_ok=True)
    (out / "pleno.json").write_text(setup_text, encoding="utf-8")
    (out / "tallies.csv").write_text(tallies_csv(pleno, table), encoding="utf-8")
    (out / "README.md").write_text(readme(notes, ties), encoding="utf-8")


if __name__ == "__main__":
    main()
