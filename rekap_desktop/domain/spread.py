"""Equal first place in a Pilkada: the pair whose support is more evenly spread is elected.

UU 10/2016 Pasal 107 ayat (2) (Bupati, Wali Kota): "Dalam hal terdapat jumlah perolehan suara yang
sama …, pasangan calon yang memperoleh dukungan pemilih yang lebih merata penyebarannya di seluruh
kecamatan di kabupaten/kota tersebut ditetapkan sebagai pasangan calon … terpilih." Pasal 109
ayat (2) says the same for the Gubernur over "seluruh kabupaten/kota di provinsi tersebut".

The law names no measure of "lebih merata". The program reads it as three counts the room can check
on the D.Hasil, taken in turn until one separates the tied pairs:

1. *luas*: the number of areas (kecamatan, or kabupaten/kota) in which the pair got any vote — as
   PKPU 6/2024 Pasal 29 measures the spread of legislative candidates;
2. *unggul*: the number of areas in which the pair got more votes than every other tied pair (with
   equal totals, winning more areas means the votes are less concentrated);
3. *terendah*: the pair's lowest share of an area's valid votes — the higher the floor, the more
   even the support (areas without valid votes are left out).

Every figure is exact (``Fraction``) and printed, so the meeting sees what decided. Pairs equal on
all three are not separated: the law gives no further rule and the program says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from rekap_desktop.domain.ids import ChoiceNo
from rekap_desktop.text.numbers import format_fraction, format_number, join_and

KABKO_BASIS = "UU 10/2016 Pasal 107 ayat (2)"
PROVINCE_BASIS = "UU 10/2016 Pasal 109 ayat (2)"

STEP_WIDTH = "luas"
STEP_LEADING = "unggul"
STEP_FLOOR = "terendah"

_STEP_WORDS = {
    STEP_WIDTH: "memperoleh suara di lebih banyak {area}",
    STEP_LEADING: "unggul di lebih banyak {area}",
    STEP_FLOOR: "persentase suara terendahnya di satu {area} lebih tinggi",
}


@dataclass(frozen=True)
class AreaVotes:
    """One area of the meeting (a kecamatan at a kab/kota meeting): each choice's votes and the
    area's valid votes (suara sah)."""

    votes: Mapping[ChoiceNo, int]
    valid: int


@dataclass(frozen=True)
class SpreadFigures:
    """How one tied pair's votes are spread over the areas."""

    number: ChoiceNo
    votes: int
    areas_with_votes: int
    areas_leading: int
    lowest_share: Fraction | None
    """Lowest share of an area's valid votes; None when no area has valid votes."""

    def key(self) -> tuple[int, int, Fraction]:
        """Larger is more evenly spread, compared step by step."""
        return (self.areas_with_votes, self.areas_leading, self.lowest_share or Fraction(0))

    def describe(self, area: str, area_count: int) -> str:
        """ "nomor urut 1: bersuara di 10 dari 10 kecamatan, unggul di 6, terendah 41,20 %" """
        lowest = "–" if self.lowest_share is None else _percent(self.lowest_share)
        return (
            f"nomor urut {self.number}: bersuara di {format_number(self.areas_with_votes)} dari "
            f"{format_number(area_count)} {area}, unggul di {format_number(self.areas_leading)}, "
            f"terendah {lowest}"
        )


@dataclass(frozen=True)
class SpreadDecision:
    """The law's decision on an equal first place, with the figures that decided it."""

    basis: str
    area: str
    area_count: int
    votes: int
    figures: tuple[SpreadFigures, ...]
    winner: ChoiceNo | None
    step: str | None
    """Which count separated the pairs (``STEP_…``); None when none did."""

    def verdict(self) -> str:
        """The last sentence: who is more evenly spread and by which count, or that none is."""
        if self.winner is None or self.step is None:
            return (
                "Persebarannya sama pada ketiga ukuran; ketentuan tersebut tidak membedakan mereka "
                "dan tidak ada pasangan calon yang ditetapkan terpilih dengan data ini."
            )
        why = _STEP_WORDS[self.step].format(area=self.area)
        return f"Nomor urut {self.winner} lebih merata ({why})."

    def lines(self) -> tuple[str, ...]:
        """The decision in short lines for the projector: the rule, each pair, the verdict."""
        head = (
            f"Suara terbanyak sama ({format_number(self.votes)} suara) — {self.basis}: yang "
            f"lebih merata penyebarannya di seluruh {self.area} ditetapkan terpilih"
        )
        pairs = tuple("N" + f.describe(self.area, self.area_count)[1:] for f in self.figures)
        return (head, *pairs, self.verdict())

    def summary(self) -> str:
        """The decision as read and printed, figures included."""
        numbers = join_and(f.number for f in self.figures)
        figures = "; ".join(f.describe(self.area, self.area_count) for f in self.figures)
        head = (
            f"Nomor urut {numbers} memperoleh suara terbanyak yang sama "
            f"({format_number(self.votes)} suara). {self.basis}: pasangan calon yang dukungan "
            f"pemilihnya lebih merata penyebarannya di seluruh {self.area} ditetapkan terpilih. "
            f"Persebaran: {figures}."
        )
        return f"{head} {self.verdict()}"


def spread_decision(
    tied: Sequence[ChoiceNo], areas: Sequence[AreaVotes], *, area: str, basis: str
) -> SpreadDecision:
    """Decide an equal first place between ``tied`` (two or more numbers) over ``areas``."""
    if len(set(tied)) < 2:
        raise ValueError(f"a tie needs at least two different choices, got {tuple(tied)}")
    numbers = tuple(sorted(set(tied)))
    figures = tuple(_figures(n, numbers, areas) for n in numbers)
    totals = {f.votes for f in figures}
    if len(totals) != 1:
        raise ValueError(f"the tied choices have different totals: {sorted(totals)}")
    winner, step = _separate(figures)
    return SpreadDecision(basis, area, len(areas), totals.pop(), figures, winner, step)


def _figures(
    number: ChoiceNo, tied: tuple[ChoiceNo, ...], areas: Sequence[AreaVotes]
) -> SpreadFigures:
    own = [a.votes.get(number, 0) for a in areas]
    rivals = [max(a.votes.get(n, 0) for n in tied if n != number) for a in areas]
    shares = [Fraction(v, a.valid) for v, a in zip(own, areas, strict=True) if a.valid > 0]
    return SpreadFigures(
        number=number,
        votes=sum(own),
        areas_with_votes=sum(v > 0 for v in own),
        areas_leading=sum(v > r for v, r in zip(own, rivals, strict=True)),
        lowest_share=min(shares) if shares else None,
    )


def _separate(figures: tuple[SpreadFigures, ...]) -> tuple[ChoiceNo | None, str | None]:
    """The single best pair and the first count on which it is ahead of every other; (None, None)
    when two or more pairs are best on every count."""
    best = max(f.key() for f in figures)
    top = [f for f in figures if f.key() == best]
    if len(top) > 1:
        return None, None
    winner = top[0]
    others = [f.key() for f in figures if f is not winner]
    for index, step in enumerate((STEP_WIDTH, STEP_LEADING, STEP_FLOOR)):
        # the first count on which the winner is strictly ahead of the best of the rest, the
        # earlier counts being equal (that is how the lexicographic order decided it)
        runner_up = max(others)
        if winner.key()[index] > runner_up[index]:
            return winner.number, step
        others = [k for k in others if k[index] == winner.key()[index]]
    raise AssertionError("a unique best key must be ahead on some count")  # pragma: no cover


def _percent(share: Fraction) -> str:
    return f"{format_fraction(share.numerator * 100, share.denominator)} %"
