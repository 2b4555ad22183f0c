"""A candidate tie in a DPRD Kabupaten/Kota dapil at the KPU Kab/Kota: PKPU 6/2024 Pasal 29
measured over the kecamatan, and the data below the kecamatan named for the meeting to obtain."""

from __future__ import annotations

from rekap_desktop.domain.election import Candidate, Contest, District, Level, Party, Unit
from rekap_desktop.domain.ids import ChoiceNo, ContestCode, FieldKey, RegionCode
from rekap_desktop.domain.legislative import district_results
from rekap_desktop.domain.seats import BY_SPREAD, CandidateElection
from rekap_desktop.domain.tally import Tally

UNITS = tuple(Unit(RegionCode(f"99010{n}"), f"KEC {n}") for n in (1, 2, 3))
CONTEST = Contest(
    ContestCode("dprd_kabko"),
    "Pemilihan Anggota DPRD Kota Uji",
    parties=(
        Party(
            ChoiceNo(1),
            "PARTAI A",
            {"1": (Candidate(ChoiceNo(1), "A", "L"), Candidate(ChoiceNo(2), "B", "L"))},
        ),
        Party(ChoiceNo(2), "PARTAI B"),
    ),
    districts=(District("1", "UJI 1", 2, tuple(u.code for u in UNITS)),),
)


def party_a(one: tuple[int, int, int], two: tuple[int, int, int]) -> CandidateElection:
    """Party A (60 votes) and B (50 on the party alone) take one seat each of the two."""
    tallies = {
        u.code: Tally(
            {
                FieldKey("suara_caleg_01_01"): a,
                FieldKey("suara_caleg_01_02"): b,
                FieldKey("suara_partai_02"): 50 if u is UNITS[0] else 0,
            }
        )
        for u, a, b in zip(UNITS, one, two, strict=True)
    }
    (district,) = district_results(CONTEST, Level.KABKO, UNITS, tallies, {})
    assert district.allocation is not None and dict(district.allocation.party_seats) == {1: 1, 2: 1}
    return next(e for e in district.elections if e.party == 1)


def test_votes_in_more_kecamatan_elect() -> None:
    # GIVEN candidates 1 and 2 of party A with 30 votes each; 1 in three kecamatan, 2 in two
    election = party_a((10, 10, 10), (15, 15, 0))
    # THEN 1 is elected by the spread (PKPU 6/2024 Pasal 29 ayat (1))
    assert (election.elected, dict(election.decided_by)) == ((1,), {1: BY_SPREAD})


def test_equal_kecamatan_name_the_desa_and_tps_data_to_obtain() -> None:
    # GIVEN both in two kecamatan
    election = party_a((10, 20, 0), (20, 10, 0))
    # THEN the seat waits for the desa/kelurahan (then TPS) counts, which the message names
    tie = election.open_tie
    assert election.elected == () and tie is not None
    assert "Persebaran suaranya juga sama (2 kecamatan bersuara)." in tie.message
    assert (
        "per desa/kelurahan (rincian per desa/kelurahan Model D.Hasil Kecamatan dari PPK), lalu "
        "per TPS (Model C.Hasil Salinan setiap TPS)"
    ) in tie.message
    assert "Rapat memutuskan" not in tie.message
