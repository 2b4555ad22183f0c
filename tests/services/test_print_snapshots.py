"""Form names of the snapshots: -KWK for Pilkada, the contest's suffix for Pemilu."""

from __future__ import annotations

from dataclasses import replace

from rekap_desktop.domain.election import (
    Choice,
    Contest,
    ElectionKind,
    Level,
    Member,
    Pleno,
    Region,
    Unit,
)
from rekap_desktop.domain.ids import ChoiceNo, ContestCode, RegionCode
from rekap_desktop.domain.recap import recapitulate
from rekap_desktop.domain.tally import Tally
from rekap_desktop.services.printing.recap_forms import d_hasil_data, form_suffix

CONTEST = Contest(
    ContestCode("ppwp"),
    "Pemilihan Presiden dan Wakil Presiden",
    (Choice(ChoiceNo(1), "PASANGAN A"), Choice(ChoiceNo(2), "PASANGAN B")),
)
PLENO = Pleno(
    "Pemilihan Umum Uji",
    ElectionKind.PEMILU,
    Level.KABKO,
    Region(RegionCode("9901"), "KOTA UJI"),
    (Unit(RegionCode("990101"), "UTARA", 3),),
    (CONTEST,),
    members=(Member("Ketua Uji", "Ketua"),),
)


def test_pemilu_forms_carry_the_contest_suffix_and_pilkada_forms_kwk() -> None:
    # GIVEN a Pemilu and a Pilkada meeting WHEN forms are named THEN the suffix follows the rules
    assert form_suffix(PLENO, "ppwp") == "-PPWP"
    assert form_suffix(PLENO, "dprd_kabko") == "-DPRD KAB/KOTA"
    pilkada = replace(PLENO, kind=ElectionKind.PILKADA)
    assert form_suffix(pilkada, "walikota") == "-KWK"
    assert form_suffix(pilkada, None) == "-KWK"


def test_d_hasil_snapshot_of_pemilu_has_all_sections_and_pemilu_labels() -> None:
    # GIVEN one unit's PPWP form
    tally = Tally({"suara_01": 120, "suara_02": 80, "suara_sah": 200, "pengguna_ktp_j": 4})
    recap = recapitulate(CONTEST, PLENO.units, {RegionCode("990101"): tally})
    # WHEN its D.Hasil data is built
    data = d_hasil_data(PLENO, recap, "DRAF")
    # THEN it is the Pemilu form with sections I–V and Pemilu voter categories
    assert data.form_name == "MODEL D.HASIL KABKO-PPWP"
    assert [s.title.split(".")[0] for s in data.sections] == ["I", "II", "III", "IV", "V"]
    labels = {r.label: r.values for s in data.sections for r in s.rows}
    assert labels["Pengguna hak pilih dalam DPK (KTP-el) – Jumlah"] == (4,)
    assert labels["Nomor urut 1: PASANGAN A"] == (120,)
    assert labels["Jumlah suara tidak sah"] == (None,)
    assert [w.role for w in data.witnesses] == [
        "Nomor urut 1: PASANGAN A",
        "Nomor urut 2: PASANGAN B",
    ]
