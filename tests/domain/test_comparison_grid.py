"""The side-by-side comparison of one kecamatan × contest: columns, cell and row states, findings
on the cells they concern, summary and the "hanya selisih" filter."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rekap_desktop.domain.comparison import (
    CellStatus,
    RowState,
    compare,
    comparison_columns,
)
from rekap_desktop.domain.election import Choice, Contest, ElectionKind, Unit
from rekap_desktop.domain.ids import ChoiceNo, ContestCode, FieldKey, RegionCode
from rekap_desktop.domain.rules import Severity
from rekap_desktop.domain.sources import BAWASLU, PLENO, PPK, SIREKAP, Source, saksi
from rekap_desktop.domain.tally import Tally, form_keys

UNIT = Unit(RegionCode("990101"), "UTARA", 2)


def form(values: dict[str, int], **changes: int) -> Tally:
    return Tally({FieldKey(k): v for k, v in {**values, **changes}.items()})


def test_columns_are_ppk_sirekap_each_saksi_bawaslu_pleno() -> None:
    # GIVEN sources recorded in any order, two saksi copies among them
    # WHEN the columns are laid out
    # THEN PPK | Sirekap | saksi by number | Bawaslu | pleno, absent fixed columns included
    assert comparison_columns([saksi(2), BAWASLU, saksi(1), PPK]) == (
        PPK,
        SIREKAP,
        saksi(1),
        saksi(2),
        BAWASLU,
        PLENO,
    )


def test_every_field_is_a_row_with_statuses_findings_and_a_summary(
    walikota: Contest, consistent_form: dict[str, int]
) -> None:
    # GIVEN the PPK form, Sirekap reading 120 as 170 on suara_01 (2↔7), and a saksi copy agreeing
    tallies = {
        PPK: form(consistent_form),
        SIREKAP: form(consistent_form, suara_01=170),
        saksi(1): form(consistent_form),
    }
    # WHEN compared
    result = compare(walikota, UNIT, ElectionKind.PILKADA, tallies)
    # THEN every form field is a row, labelled in Indonesian with the choice name
    assert [r.field for r in result.rows] == list(form_keys(walikota))
    row = result.row("suara_01")
    assert row is not None
    assert row.label == "IV Suara sah pilihan nomor urut 1 (PASLON 1)"
    assert [c.status for c in row.cells] == [
        CellStatus.REFERENCE,
        CellStatus.DIFFERS,
        CellStatus.AGREES,
        CellStatus.MISSING,
        CellStatus.MISSING,
    ]
    assert row.state is RowState.DIFFERS
    # AND Sirekap's R03 error sits on its suara_01 cell with the 2↔7 misread
    sirekap = row.cell(SIREKAP)
    assert sirekap is not None
    assert [f.code for f in sirekap.errors] == ["R03"]
    assert sirekap.warnings == ()
    assert [m.message for m in sirekap.misreads] == [
        "Kemungkinan salah baca: angka 2 terbaca 7 (120 → 170). Cocokkan dengan formulir fisik."
    ]
    # AND the summary counts the rows and names Sirekap as the differing source
    assert (result.summary.agreeing, result.summary.differing, result.summary.settled) == (
        len(result.rows) - 1,
        1,
        0,
    )
    assert result.summary.differing_sources == (SIREKAP,)
    assert [r.field for r in result.only_differences()] == ["suara_01"]
    assert not result.is_complete
    assert [(n.source, n.code, n.severity) for n in result.notes] == [
        (SIREKAP, "R03", Severity.ERROR),
        (SIREKAP, "SALAH BACA", Severity.WARNING),
    ]


def test_a_determined_value_settles_the_row_and_completes_the_pair(
    walikota: Contest, consistent_form: dict[str, int]
) -> None:
    # GIVEN a saksi copy differing on suara_01 and the meeting's determined value for it
    tallies = {
        PPK: form(consistent_form),
        saksi(1): form(consistent_form, suara_01=130),
        PLENO: form({"suara_01": 120}),
    }
    # WHEN compared
    result = compare(walikota, UNIT, ElectionKind.PILKADA, tallies)
    # THEN the row is settled, the pleno cell agrees with the PPK, and the pair is complete
    row = result.row("suara_01")
    assert row is not None and row.state is RowState.SETTLED
    pleno = row.cell(PLENO)
    assert pleno is not None and pleno.status is CellStatus.AGREES
    assert result.summary.differing == 0 and result.summary.settled == 1
    assert result.summary.differing_sources == (saksi(1),)
    assert result.is_complete


def test_no_ppk_form_is_never_complete(walikota: Contest) -> None:
    # GIVEN only Sirekap recorded a value
    result = compare(walikota, UNIT, ElectionKind.PILKADA, {SIREKAP: form({"suara_01": 5})})
    # THEN that row has no reference, the others are unrecorded, and the pair cannot be read
    row = result.row("suara_01")
    assert row is not None and row.state is RowState.NO_REFERENCE
    assert result.summary.unrecorded == len(result.rows) - 1
    assert not result.has_reference and not result.is_complete


def test_pemilu_labels_use_the_pemilu_voter_categories(walikota: Contest) -> None:
    # GIVEN a Pemilu meeting
    result = compare(walikota, UNIT, ElectionKind.PEMILU, {PPK: Tally()})
    # THEN I.B.3 names the DPK
    row = result.row("pengguna_ktp_j")
    assert row is not None
    assert row.label == "I.B.3 Pengguna hak pilih dalam DPK (KTP-el) – Jumlah"


SOURCES: list[Source] = [SIREKAP, saksi(1), saksi(2), BAWASLU]


WALIKOTA = Contest(
    ContestCode("walikota"),
    "Pemilihan Wali Kota",
    (Choice(ChoiceNo(1), "PASLON 1"), Choice(ChoiceNo(2), "PASLON 2")),
)


@given(
    ppk=st.one_of(st.none(), st.integers(0, 5000)),
    others=st.lists(st.one_of(st.none(), st.integers(0, 5000)), min_size=4, max_size=4),
)
def test_row_state_follows_the_cells(ppk: int | None, others: list[int | None]) -> None:
    # GIVEN any values of one field across PPK and four other sources
    tallies = {PPK: form({} if ppk is None else {"suara_02": ppk})}
    for source, value in zip(SOURCES, others, strict=True):
        if value is not None:
            tallies[source] = form({"suara_02": value})
    # WHEN compared
    row = compare(WALIKOTA, UNIT, ElectionKind.PILKADA, tallies).row("suara_02")
    assert row is not None
    recorded = [v for v in others if v is not None]
    # THEN the state is what the values say
    if ppk is None:
        expected = RowState.NO_REFERENCE if recorded else RowState.UNRECORDED
    elif any(v != ppk for v in recorded):
        expected = RowState.DIFFERS
    else:
        expected = RowState.AGREES
    assert row.state is expected
    # AND each recorded cell agrees exactly when it equals the PPK value
    for cell in row.cells[1:-1]:
        if cell.value is None:
            assert cell.status is CellStatus.MISSING
        elif ppk is not None:
            assert (cell.status is CellStatus.AGREES) == (cell.value == ppk)


def test_the_determined_values_are_checked_beside_the_other_contest(
    walikota: Contest, consistent_form: dict[str, int]
) -> None:
    # GIVEN the Wali Kota PPK form, a settled suara sah that breaks R03, and the Gubernur forms
    #       of the same kecamatan whose PPK DPT has one woman more, settled back to the same DPT
    tallies = {PPK: form(consistent_form), PLENO: form({"suara_sah": 191})}
    gubernur = {
        PPK: form(consistent_form, pemilih_dpt_p=131, pemilih_dpt_j=251),
        PLENO: form({"pemilih_dpt_p": 130, "pemilih_dpt_j": 250}),
    }
    # WHEN compared beside the Gubernur forms
    result = compare(
        walikota, UNIT, ElectionKind.PILKADA, tallies, {"Pemilihan Gubernur": gubernur}
    )
    # THEN the determined values (PPK with the settled value over it) break R03 and R04 only:
    #      their DPT equals the Gubernur's determined DPT
    assert [f.code for f in result.determined_errors] == ["R03", "R04"]
    assert "tertulis 191" in result.determined_errors[0].message
    # AND the PPK column is checked against the Gubernur's PPK form: R17 on P and J
    ppk_codes = [(n.code, n.fields) for n in result.notes if n.source == PPK]
    assert ppk_codes == [
        ("R17", (FieldKey("pemilih_dpt_p"),)),
        ("R17", (FieldKey("pemilih_dpt_j"),)),
    ]
    # AND without a PPK form nothing is determined, so nothing is found on it
    assert (
        compare(walikota, UNIT, ElectionKind.PILKADA, {SIREKAP: form({})}).determined_errors == ()
    )
