"""Kejadian Khusus / Keberatan register rules: valid entries, lifecycle, rule 17, evidence."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rekap_desktop.domain import incident_rules as rules
from rekap_desktop.domain.election import (
    Choice,
    Contest,
    ElectionKind,
    Level,
    Pleno,
    Region,
    Unit,
    Witness,
)
from rekap_desktop.domain.ids import ChoiceNo, ContestCode, RegionCode
from rekap_desktop.domain.incidents import (
    Incident,
    IncidentKind,
    IncidentStatus,
    Origin,
    Paraf,
    ParafRole,
    Raiser,
    RaiserRole,
)

WALIKOTA = ContestCode("walikota")
SAKSI = (
    Witness("Ayu Lestari", WALIKOTA, ChoiceNo(2)),
    Witness("Ridwan Nasution", WALIKOTA, ChoiceNo(1)),
)
PLENO = Pleno(
    name="Pemilihan Uji",
    kind=ElectionKind.PILKADA,
    level=Level.KABKO,
    region=Region(RegionCode("9901"), "KOTA UJI"),
    units=(Unit(RegionCode("990101"), "UTARA"), Unit(RegionCode("990102"), "SELATAN")),
    contests=(
        Contest(
            WALIKOTA,
            "Pemilihan Wali Kota Uji",
            (Choice(ChoiceNo(1), "KOLOM KOSONG", True), Choice(ChoiceNo(2), "CALON A")),
        ),
    ),
    witnesses=SAKSI,
)
AYU = Raiser(RaiserRole.SAKSI, "Ayu Lestari", "walikota", 2)
OBJECTION = Incident(
    kind=IncidentKind.KEBERATAN_SAKSI,
    raised_by="",
    description="Suara nomor urut 2 di UTARA kurang 10.",
    status=IncidentStatus.TERBUKA,
    unit="990101",
    contest="walikota",
    field="suara_02",
    raiser=AYU,
    procedure_item=9,
    number=4,
)
KECAMATAN_RESOLVED = Incident(
    kind=IncidentKind.KEBERATAN_SAKSI,
    raised_by="Budi (saksi nomor urut 2, walikota)",
    description="Keberatan atas suara nomor urut 2.",
    status=IncidentStatus.DISELESAIKAN,
    unit="990101",
    contest="walikota",
    resolution="Dicocokkan dengan C.Hasil; sama.",
    origin=Origin.KECAMATAN,
    origin_number="1",
    origin_status=IncidentStatus.DISELESAIKAN,
    number=1,
)


def test_a_complete_objection_by_a_registered_saksi_has_no_problems() -> None:
    # GIVEN an objection by a saksi in the attendance list WHEN checked THEN nothing is wrong
    assert rules.draft_problems(OBJECTION, PLENO, SAKSI) == []


def test_bad_drafts_are_named_one_problem_each() -> None:
    # GIVEN an entry with an empty description, an unknown saksi, unit, row, item and correction
    bad = replace(
        OBJECTION,
        description="   ",
        raiser=replace(AYU, name="Orang Lain"),
        unit="990199",
        field="suara_09",
        procedure_item=18,
        corrections=(0,),
    )
    # WHEN checked THEN each problem is named in Indonesian
    assert rules.draft_problems(bad, PLENO, SAKSI) == [
        "uraian kejadian/keberatan tidak boleh kosong",
        "saksi 'Orang Lain' tidak terdaftar dalam daftar hadir sebagai saksi nomor urut 2 "
        "Pemilihan Wali Kota Uji (terdaftar: Ayu Lestari)",
        "kecamatan '990199' bukan unit pleno ini",
        "rincian 'suara_09' tidak ada di formulir Pemilihan Wali Kota Uji",
        "butir tata cara 18 tidak ada (1–17)",
        "nomor pembetulan 0 tidak sah (harus bilangan bulat positif)",
    ]


def test_saksi_name_matches_regardless_of_case_and_spacing() -> None:
    # GIVEN the saksi's name typed in lower case with extra spaces
    draft = replace(OBJECTION, raiser=replace(AYU, name="  ayu   lestari "))
    # WHEN checked THEN it is the registered saksi
    assert rules.draft_problems(draft, PLENO, SAKSI) == []


def test_resolving_an_objection_needs_the_objectors_paraf() -> None:
    # GIVEN an open objection WHEN resolved without the objector's paraf THEN refused
    assert rules.resolve(OBJECTION, "Dicocokkan.", (), SAKSI) == rules.Refusal(
        "entri No. 4: paraf yang mengajukan keberatan wajib dicatat (tata cara butir 16)"
    )


def test_resolving_with_paraf_closes_the_entry_and_counts_a_version() -> None:
    # GIVEN an open objection
    paraf = (Paraf("Ayu Lestari", ParafRole.PENGAJU), Paraf("Ridwan Nasution", ParafRole.PENYAKSI))
    # WHEN resolved with the objector's and a witnessing saksi's paraf
    settled = rules.resolve(OBJECTION, "  Dicocokkan; sama. ", paraf, SAKSI)
    # THEN it is diselesaikan with the trimmed resolution and the paraf, as version 2
    assert settled == replace(
        OBJECTION,
        status=IncidentStatus.DISELESAIKAN,
        resolution="Dicocokkan; sama.",
        paraf=paraf,
        version=2,
    )


def test_a_witnessing_saksi_must_be_registered() -> None:
    # GIVEN a paraf by someone not in attendance WHEN resolving THEN refused
    paraf = (Paraf("Ayu Lestari", ParafRole.PENGAJU), Paraf("Tamu", ParafRole.PENYAKSI))
    assert rules.resolve(OBJECTION, "Selesai.", paraf, SAKSI) == rules.Refusal(
        "entri No. 4: 'Tamu' bukan saksi yang terdaftar dalam daftar hadir"
    )


def test_unresolvable_needs_a_reason_and_then_is_final() -> None:
    # GIVEN an open entry WHEN marked unresolvable without a reason THEN refused
    assert rules.mark_unresolvable(OBJECTION, " ") == rules.Refusal(
        "entri No. 4: alasan 'tidak dapat diselesaikan' wajib diisi"
    )
    # WHEN marked with a reason THEN it carries the reason, and nothing more may change
    marked = rules.mark_unresolvable(OBJECTION, "Saksi tetap menolak.")
    assert isinstance(marked, Incident)
    assert (marked.status, marked.resolution) == (
        IncidentStatus.TIDAK_DAPAT_DISELESAIKAN,
        "Saksi tetap menolak.",
    )
    assert rules.revise(marked, OBJECTION) == rules.Refusal(
        "entri No. 4 sudah ditandai tidak dapat diselesaikan; tidak dapat diubah lagi"
    )


def test_a_carried_resolved_entry_is_final() -> None:
    # GIVEN an entry the kecamatan resolved WHEN someone tries to resolve it again THEN refused
    assert rules.resolve(KECAMATAN_RESOLVED, "Lagi.", (), SAKSI) == rules.Refusal(
        "entri No. 1 sudah diselesaikan di kecamatan dan bersifat final"
    )


def test_revise_keeps_number_origin_status_and_counts_a_version() -> None:
    # GIVEN an open entry WHEN its description and Bawaslu opinion are completed
    draft = replace(OBJECTION, description="Lengkap.", bawaslu_opinion="Sesuai.", number=None)
    revised = rules.revise(OBJECTION, draft)
    # THEN the new text is kept under the same number as version 2
    assert revised == replace(
        OBJECTION, description="Lengkap.", bawaslu_opinion="Sesuai.", version=2
    )


@pytest.mark.parametrize(
    ("draft", "refused"),
    [
        (replace(OBJECTION, field="suara_02"), True),
        (replace(OBJECTION, field=None), True),
        (replace(OBJECTION, field="suara_01"), True),  # the kecamatan item names no row
        (replace(OBJECTION, unit="990102"), False),
        (replace(OBJECTION, contest=None, field=None), False),
        (replace(OBJECTION, kind=IncidentKind.KEJADIAN_KHUSUS), False),
        (replace(OBJECTION, kind=IncidentKind.KEBERATAN_BAWASLU), True),
    ],
)
def test_rule_17_matches_same_kecamatan_and_subject(draft: Incident, refused: bool) -> None:
    # GIVEN a register holding an objection the kecamatan resolved about the whole contest
    # WHEN a new entry is checked
    # THEN only an objection on the same kecamatan and contest is refused
    repeat = rules.repeat_of(draft, [KECAMATAN_RESOLVED])
    assert (repeat is not None) is refused
    if repeat is not None:
        assert repeat.earlier == KECAMATAN_RESOLVED


def test_rule_17_compares_fields_when_both_name_one() -> None:
    # GIVEN a kecamatan objection about suara_01 only
    earlier = replace(KECAMATAN_RESOLVED, field="suara_01")
    # WHEN objections about suara_02 and suara_01 are checked THEN only suara_01 is refused
    assert rules.repeat_of(OBJECTION, [earlier]) is None
    assert rules.repeat_of(replace(OBJECTION, field="suara_01"), [earlier]) is not None


def test_rule_17_ignores_kecamatan_items_left_open() -> None:
    # GIVEN a kecamatan objection that was not resolved there (it stays open here)
    still_open = replace(
        KECAMATAN_RESOLVED, status=IncidentStatus.TERBUKA, origin_status=IncidentStatus.TERBUKA
    )
    # WHEN the same objection is raised THEN it is not a repeat
    assert rules.repeat_of(OBJECTION, [still_open]) is None


@pytest.mark.parametrize(
    ("head", "size", "expected"),
    [
        (b"\xff\xd8\xff\xe0rest", 10, "image/jpeg"),
        (b"\x89PNG\r\n\x1a\nrest", 10, "image/png"),
        (b"%PDF-1.7\n", 10, "application/pdf"),
        (b"GIF89a", 10, rules.Refusal("x: bukan berkas JPG, PNG atau PDF (dilihat dari isinya)")),
        (b"%PDF-", 50 * 1024 * 1024 + 1, rules.Refusal("x: ukuran 50 MB melebihi batas 50 MB")),
        (b"", 0, rules.Refusal("x: berkas kosong")),
    ],
)
def test_evidence_is_recognised_by_content_and_size(
    head: bytes, size: int, expected: str | rules.Refusal
) -> None:
    # GIVEN the first bytes and size of a file WHEN checked THEN its type or the refusal
    assert rules.evidence_type("x", head, size) == expected


def test_determination_is_blocked_by_each_open_entry_only() -> None:
    # GIVEN one open and one settled entry WHEN asked THEN only the open one blocks
    assert rules.determination_blockers([OBJECTION, KECAMATAN_RESOLVED]) == (
        "entri No. 4 (Keberatan saksi, 990101) masih terbuka: selesaikan atau tandai "
        "'tidak dapat diselesaikan' dengan alasannya",
    )
    assert rules.determination_blockers([KECAMATAN_RESOLVED]) == ()


def test_raiser_labels_name_the_role() -> None:
    # GIVEN raisers of each kind WHEN labelled THEN the role is readable
    assert AYU.label() == "Ayu Lestari (saksi nomor urut 2, walikota)"
    assert Raiser(RaiserRole.BAWASLU).label() == "Bawaslu"
    assert Raiser(RaiserRole.PPK, "Ketua PPK Utara").label() == "Ketua PPK Utara (PPK)"
    assert Raiser(RaiserRole.LAIN, "Pemantau").label() == "Pemantau"
