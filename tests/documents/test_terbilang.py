from __future__ import annotations

import pytest

from rekap_desktop.documents.terbilang import terbilang


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (0, "nol"),
        (1, "satu"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (100, "seratus"),
        (111, "seratus sebelas"),
        (999, "sembilan ratus sembilan puluh sembilan"),
        (1_000, "seribu"),
        (1_001, "seribu satu"),
        (2_000, "dua ribu"),
        (11_000, "sebelas ribu"),
        (100_000, "seratus ribu"),
        (1_000_000, "satu juta"),
        (
            1_234_567,
            "satu juta dua ratus tiga puluh empat ribu lima ratus enam puluh tujuh",
        ),
        (2_000_000_001, "dua miliar satu"),
        (3_000_000_000_000, "tiga triliun"),
        (-5, "minus lima"),
    ],
)
def test_terbilang_writes_indonesian_words(value: int, words: str) -> None:
    # GIVEN a whole number WHEN written in words THEN it reads as on a KPU form
    assert terbilang(value) == words
