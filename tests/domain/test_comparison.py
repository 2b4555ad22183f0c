"""Comparing sources field by field, with the PPK form as the reference (procedure item 10)."""

from __future__ import annotations

import pytest

from rekap_desktop.domain.comparison import CellStatus, Difference, cell_status, differences
from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.sources import BAWASLU, PLENO, PPK, SIREKAP, saksi
from rekap_desktop.domain.tally import Tally

KEYS = [FieldKey(k) for k in ("suara_01", "suara_02", "suara_sah", "suara_tidak_sah")]


def tally(**values: int) -> Tally:
    return Tally({FieldKey(k): v for k, v in values.items()})


@pytest.mark.parametrize(
    ("value", "reference", "is_reference", "status"),
    [
        (10, 10, True, CellStatus.REFERENCE),
        (None, None, True, CellStatus.MISSING),
        (10, 10, False, CellStatus.AGREES),
        (0, 0, False, CellStatus.AGREES),
        (18, 13, False, CellStatus.DIFFERS),
        (0, 13, False, CellStatus.DIFFERS),
        (None, 13, False, CellStatus.MISSING),
        (13, None, False, CellStatus.NO_REFERENCE),
        (None, None, False, CellStatus.MISSING),
    ],
)
def test_cell_status(
    value: int | None, reference: int | None, is_reference: bool, status: CellStatus
) -> None:
    # GIVEN a cell's value, the PPK value of the same field, and whether the cell is the PPK's
    # WHEN its status is computed
    # THEN it says reference / agrees / differs / missing / no reference; 0 is a value, not missing
    assert cell_status(value, reference, is_reference) is status


def test_differences_list_only_fields_where_recorded_sources_disagree() -> None:
    # GIVEN the PPK form, Sirekap misreading 3 as 8 on suara_02, a saksi copy that agrees with the
    # PPK, and Bawaslu who recorded only suara_sah
    tallies = {
        SIREKAP: tally(suara_01=100, suara_02=8120, suara_sah=8220, suara_tidak_sah=5),
        PPK: tally(suara_01=100, suara_02=3120, suara_sah=3220, suara_tidak_sah=5),
        saksi(2): tally(suara_01=100, suara_02=3120, suara_sah=3220),
        BAWASLU: tally(suara_sah=3220),
    }

    # WHEN the differences are computed over the form keys
    found = differences(tallies, KEYS)

    # THEN suara_02 and suara_sah differ, with every recorded source's value in source order;
    # suara_01 (all agree) and suara_tidak_sah (only recorded where equal) are not listed
    assert found == [
        Difference(FieldKey("suara_02"), {PPK: 3120, SIREKAP: 8120, saksi(2): 3120}),
        Difference(
            FieldKey("suara_sah"),
            {PPK: 3220, SIREKAP: 8220, saksi(2): 3220, BAWASLU: 3220},
        ),
    ]
    assert [list(d.values) for d in found] == [
        [PPK, SIREKAP, saksi(2)],
        [PPK, SIREKAP, saksi(2), BAWASLU],
    ]
    assert [d.differing_sources() for d in found] == [(SIREKAP,), (SIREKAP,)]


def test_a_field_recorded_by_one_source_only_is_no_difference() -> None:
    # GIVEN only Sirekap recorded suara_01, and the PPK recorded nothing
    tallies = {PPK: Tally(), SIREKAP: tally(suara_01=10)}

    # WHEN the differences are computed
    # THEN there is nothing to compare, so nothing differs
    assert differences(tallies, KEYS) == []


def test_differences_follow_the_order_of_the_keys() -> None:
    # GIVEN two sources that disagree on every field
    tallies = {
        PPK: tally(suara_01=1, suara_02=2, suara_sah=3, suara_tidak_sah=4),
        PLENO: tally(suara_01=9, suara_02=9, suara_sah=9, suara_tidak_sah=9),
    }

    # WHEN the differences are computed for keys in a chosen order
    order = [KEYS[3], KEYS[0], KEYS[2], KEYS[1]]
    found = differences(tallies, order)

    # THEN they come in that order
    assert [d.field for d in found] == order


def test_disagreement_without_a_ppk_value_names_every_recorded_source() -> None:
    # GIVEN Sirekap and a saksi disagree while the PPK form has no value for the field
    tallies = {
        PPK: tally(suara_01=5),
        SIREKAP: tally(suara_02=7),
        saksi(1): tally(suara_02=9),
    }

    # WHEN the differences are computed
    found = differences(tallies, KEYS)

    # THEN the field is listed and, with no reference, every recorded source counts as differing
    assert found == [Difference(FieldKey("suara_02"), {SIREKAP: 7, saksi(1): 9})]
    assert found[0].differing_sources() == (SIREKAP, saksi(1))


def test_no_sources_no_differences() -> None:
    # GIVEN no tallies at all
    # WHEN the differences are computed
    # THEN there are none
    assert differences({}, KEYS) == []
