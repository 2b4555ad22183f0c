"""Sumber: the codes that name where a form's numbers come from (formats §2, column ``sumber``)."""

from __future__ import annotations

import pytest

from rekap_desktop.domain.sources import (
    BAWASLU,
    PLENO,
    PPK,
    SIREKAP,
    Source,
    SourceKind,
    saksi,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ppk", Source(SourceKind.PPK)),
        ("sirekap", Source(SourceKind.SIREKAP)),
        ("bawaslu", Source(SourceKind.BAWASLU)),
        ("pleno", Source(SourceKind.PLENO)),
        ("saksi_02", Source(SourceKind.SAKSI, 2)),
        ("saksi_10", Source(SourceKind.SAKSI, 10)),
        ("  PPK ", Source(SourceKind.PPK)),
        ("Saksi_01", Source(SourceKind.SAKSI, 1)),
    ],
)
def test_parse_reads_every_source_code(text: str, expected: Source) -> None:
    # GIVEN a source code as written in a rekap-csv file (case and surrounding blanks do not matter)
    # WHEN it is parsed
    # THEN the matching source comes back
    assert Source.parse(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "saksi",
        "saksi_2",
        "saksi_002",
        "saksi_",
        "saksi_ab",
        "saksi_٠٢",
        "saksi-02",
        "foo",
        "",
        "kpu",
    ],
)
def test_parse_refuses_what_is_not_a_source(text: str) -> None:
    # GIVEN a saksi code without its two-digit choice number, or an unknown word
    # WHEN it is parsed
    # THEN it is refused (None)
    assert Source.parse(text) is None


@pytest.mark.parametrize("source", [PPK, SIREKAP, BAWASLU, PLENO, saksi(1), saksi(2), saksi(12)])
def test_code_round_trips(source: Source) -> None:
    # GIVEN a source
    # WHEN its code is written and read back
    # THEN the same source comes back, and str() is the code
    assert Source.parse(source.code) == source
    assert str(source) == source.code


def test_codes_are_the_format_words() -> None:
    # GIVEN the named sources and two saksi
    # WHEN their codes are written
    codes = [s.code for s in (PPK, SIREKAP, BAWASLU, PLENO, saksi(2), saksi(11))]

    # THEN they are exactly the words of the interchange format, saksi with two digits
    assert codes == ["ppk", "sirekap", "bawaslu", "pleno", "saksi_02", "saksi_11"]


def test_sort_order_puts_the_reference_first_and_saksi_by_number() -> None:
    # GIVEN sources in a scrambled order
    scrambled = [PLENO, saksi(3), BAWASLU, saksi(1), SIREKAP, PPK, saksi(2)]

    # WHEN they are sorted by their sort key
    ordered = sorted(scrambled, key=lambda s: s.sort_key)

    # THEN the PPK form comes first, then Sirekap, the saksi by choice number, Bawaslu, pleno
    assert ordered == [PPK, SIREKAP, saksi(1), saksi(2), saksi(3), BAWASLU, PLENO]


def test_sources_are_usable_as_dictionary_keys() -> None:
    # GIVEN two equal saksi sources made separately
    # WHEN they are used as keys
    values = {saksi(2): 10}
    values[Source(SourceKind.SAKSI, 2)] = 20

    # THEN they are the same key
    assert values == {saksi(2): 20}


def test_a_stored_code_reads_back_and_an_unknown_one_is_a_bug() -> None:
    import pytest

    from rekap_desktop.domain.sources import Source, saksi

    assert Source.stored("saksi_02") == saksi(2)
    with pytest.raises(ValueError, match="unknown stored source"):
        Source.stored("foo")
