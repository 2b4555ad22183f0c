"""Perolehan kursi dan calon terpilih: seat allocation (Sainte-Laguë) and elected candidates.

The law as the program applies it:

- Seats: each party's votes in the dapil are divided by 1, 3, 5, 7, …; seats go to the largest
  quotients in turn (UU 7/2017 Pasal 415 ayat (2)). Every party takes part for DPRD Provinsi and
  DPRD Kabupaten/Kota; for DPR only parties with at least 4 % of the national valid votes
  (UU 7/2017 Pasal 414 ayat (1): "paling sedikit 4%", so exactly 4 % is eligible).
- Candidates: a party's seats go to its candidates in order of their votes (UU 7/2017 Pasal 422;
  PKPU 6/2024).
- Candidate tie (PKPU 6/2024 Pasal 29 ayat (1)): equal votes → the candidate whose votes are spread
  over a wider area "secara berjenjang" is elected: the number of the meeting's units (kecamatan at
  a kab/kota meeting) in which the candidate got votes, then, tier by tier down to the TPS, the
  number of desa/kelurahan and of TPS (``SpreadTier``; the same steps as PKPU 3/2025 Pasal 10
  lists for a replacement). When every tier is equal, ayat (2): the woman is elected. A tier whose
  data the meeting does not hold (the program keeps votes per unit only) stops the rule: the tie
  stays open and its message names the data the meeting must obtain to apply the law. Tied
  candidates with 0 votes have a spread of 0 at every tier, so ayat (2) applies to them directly.
  A party that won seats but whose candidates got no vote at all elects by ballot number (nomor
  urut DCT, PKPU 6/2024).
- Equal quotients for the last seat(s) with more tied parties than seats left: no rule found → OPEN.
- DPD: the 4 candidates with the most votes in the province are elected; a tie across the 4th place
  → OPEN (see ``elect_dpd`` for the spread rule the program cannot measure).

Everything is exact (``Fraction``), deterministic (dict order never matters) and O(seats × parties).
An open tie is a value (``OpenTie``), never an exception; the meeting's choice comes back through
``decisions`` keyed by ``OpenTie.key``. The key names the seat (or place) and the tied contenders,
so a later change of votes that changes the tie makes an old decision stop applying.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from itertools import groupby
from types import MappingProxyType

from rekap_desktop.text.numbers import format_number, join_and

DPR_THRESHOLD = Fraction(4, 100)
"""UU 7/2017 Pasal 414 ayat (1): paling sedikit 4 % of the national valid votes (DPR only)."""

BY_QUOTIENT = "hasil bagi terbesar"
BY_DECISION = "keputusan rapat"
TIE_PENDING = "hasil bagi sama (menunggu keputusan rapat)"
"""``SeatStep.decided_by`` of the last step of an allocation stopped by an open tie."""

BY_VOTES = "suara terbanyak"
BY_SPREAD = "persebaran suara (PKPU 6/2024 Pasal 29 ayat (1))"
"""``decided_by`` when the spread over the meeting's units (or a finer tier) decided."""
BY_WOMAN = "perempuan (PKPU 6/2024 Pasal 29 ayat (2))"
BY_BALLOT = "nomor urut (tidak ada calon bersuara)"

KIND_SEAT = "kursi"
KIND_CANDIDATE = "calon"
KIND_DPD = "dpd"

_NO_DECISIONS: Mapping[str, tuple[int, ...]] = MappingProxyType({})


@dataclass(frozen=True)
class Quotient:
    """Hasil bagi: a party's votes divided by its current Sainte-Laguë divisor."""

    party: int
    votes: int
    divisor: int

    @property
    def value(self) -> Fraction:
        return Fraction(self.votes, self.divisor)


@dataclass(frozen=True)
class SeatStep:
    """One seat of the dapil: every taking-part party's quotient and who took the seat.

    ``winner`` is None only for the last step of an allocation stopped by an open tie; its
    ``decided_by`` is then ``TIE_PENDING``.
    """

    seat: int
    quotients: tuple[Quotient, ...]
    winner: int | None
    decided_by: str


@dataclass(frozen=True)
class SpreadTier:
    """A tier of PKPU 6/2024 Pasal 29 ayat (1) below the meeting's units: how many of its areas
    each candidate got votes in, or None when the meeting does not hold that data (``document``
    says where the meeting finds it)."""

    name: str
    document: str
    counts: Mapping[int, int] | None = None


@dataclass(frozen=True)
class OpenTie:
    """A tie the law (as far as the program knows the data) leaves to the meeting."""

    key: str
    kind: str
    contenders: tuple[int, ...]
    places: int
    message: str
    data_needed: tuple[SpreadTier, ...] = ()
    """The tiers of PKPU 6/2024 Pasal 29 whose counts the meeting must obtain: the law, not the
    meeting's choice, decides once it has them (empty: the law leaves the choice open)."""


BELOW_KECAMATAN = (
    SpreadTier("desa/kelurahan", "rincian per desa/kelurahan Model D.Hasil Kecamatan dari PPK"),
    SpreadTier("TPS", "Model C.Hasil Salinan setiap TPS"),
)
"""The tiers below the kecamatan, whose data the program does not hold (it keeps votes per unit)."""


@dataclass(frozen=True)
class SeatAllocation:
    """Perolehan kursi partai politik in one dapil."""

    seats: int
    eligible: tuple[int, ...]
    excluded: tuple[int, ...]
    steps: tuple[SeatStep, ...]
    party_seats: Mapping[int, int]
    open_tie: OpenTie | None

    @property
    def allocated(self) -> int:
        """Seats handed out so far (all of them unless a tie is open)."""
        return sum(self.party_seats.values())


@dataclass(frozen=True)
class CandidateElection:
    """Calon terpilih of one party in one dapil (``party`` None: DPD of a province).

    ``shortfall`` counts the seats the party won beyond its number of candidates: every candidate is
    elected and the law's remedy for the rest lies outside this program.
    """

    party: int | None
    seats: int
    elected: tuple[int, ...]
    ranking: tuple[tuple[int, int, int], ...]
    decided_by: Mapping[int, str]
    open_tie: OpenTie | None
    shortfall: int = 0


def eligible_parties(
    national_votes: Mapping[int, int], threshold: Fraction = DPR_THRESHOLD
) -> frozenset[int]:
    """Parties with at least ``threshold`` of the national valid votes (DPR only).

    UU 7/2017 Pasal 414 ayat (1): "paling sedikit 4%", so exactly the threshold is eligible. With no
    valid votes at all no party has a share, so none is eligible.
    """
    _check_votes(national_votes, "national_votes")
    if not 0 <= threshold <= 1:
        raise ValueError(f"threshold must lie between 0 and 1, got {threshold}")
    total = sum(national_votes.values())
    if total == 0:
        return frozenset()
    return frozenset(p for p, v in national_votes.items() if Fraction(v, total) >= threshold)


def allocate_seats(
    votes: Mapping[int, int],
    seats: int,
    *,
    dapil: str,
    eligible: Collection[int] | None = None,
    decisions: Mapping[str, tuple[int, ...]] = _NO_DECISIONS,
) -> SeatAllocation:
    """Sainte-Laguë, one seat at a time (UU 7/2017 Pasal 415 ayat (2)).

    ``votes`` holds every party's votes in the dapil; ``eligible`` (DPR: ``eligible_parties`` of the
    national votes) limits who takes part, None means every party (DPRD). When t parties share the
    largest quotient and r ≥ t seats are left, each takes a seat in ballot-number order; when r < t
    the allocation stops at an open tie. A quotient of 0 never wins a seat: when seats are left and
    every taking-part party has 0 votes, that is an open tie among all of them (for as many of the
    remaining seats as there are such parties) — in practice the recapitulation is not entered yet.
    """
    _check_votes(votes, "votes")
    if seats < 1:
        raise ValueError(f"a dapil has at least 1 seat, got {seats}")
    allowed = None if eligible is None else frozenset(eligible)
    taking_part = tuple(sorted(p for p in votes if allowed is None or p in allowed))
    excluded = tuple(sorted(p for p in votes if allowed is not None and p not in allowed))
    if not taking_part:
        raise ValueError(f"no party takes part in the seat allocation of dapil {dapil}")

    won = dict.fromkeys(taking_part, 0)
    steps: list[SeatStep] = []
    open_tie: OpenTie | None = None

    def quotients() -> tuple[Quotient, ...]:
        return tuple(Quotient(p, votes[p], 2 * won[p] + 1) for p in taking_part)

    def take(party: int, current: tuple[Quotient, ...], decided_by: str) -> None:
        steps.append(SeatStep(len(steps) + 1, current, party, decided_by))
        won[party] += 1

    while len(steps) < seats:
        current = quotients()
        best = max(q.value for q in current)
        tied = tuple(q for q in current if q.value == best)
        left = seats - len(steps)
        if best > 0 and len(tied) <= left:
            take(tied[0].party, current, BY_QUOTIENT)
            continue
        tie = _seat_tie(dapil, len(steps) + 1, tied, min(len(tied), left), left)
        chosen = _decision(decisions, tie)
        if chosen is None:
            steps.append(SeatStep(len(steps) + 1, current, None, TIE_PENDING))
            open_tie = tie
            break
        for party in chosen:
            take(party, quotients(), BY_DECISION)

    return SeatAllocation(
        seats=seats,
        eligible=taking_part,
        excluded=excluded,
        steps=tuple(steps),
        party_seats=MappingProxyType(dict(won)),
        open_tie=open_tie,
    )


def elect_candidates(
    party: int,
    seats: int,
    votes: Mapping[int, int],
    *,
    dapil: str,
    spread: Mapping[int, int],
    women: Collection[int],
    ballot_order: Sequence[int],
    decisions: Mapping[str, tuple[int, ...]] = _NO_DECISIONS,
    unit_name: str = "kecamatan",
    finer: Sequence[SpreadTier] = BELOW_KECAMATAN,
) -> CandidateElection:
    """Calon terpilih of a party that won ``seats`` in the dapil (UU 7/2017 Pasal 422; PKPU 6/2024).

    ``votes`` holds every candidate of ``ballot_order`` (the DCT, nomor urut) with their votes;
    ``spread`` the number of the meeting's units (``unit_name``: "kecamatan") in which the candidate
    got votes (> 0); ``finer`` the tiers below them, down to the TPS; ``women`` the women among
    them. Ties are broken by spread tier by tier (Pasal 29 ayat (1)), then by sex (ayat (2)); what
    remains tied is an open tie of kind "calon". When no candidate got any vote the seats go by
    nomor urut.
    """
    if seats < 1:
        raise ValueError(f"party {party} must have won at least 1 seat, got {seats}")
    candidates = _check_candidates(votes, spread, ballot_order)
    rules = _Rules(
        kind=KIND_CANDIDATE,
        key_prefix=f"calon:{dapil}:{party:02d}",
        who=f"Dapil {dapil}, partai nomor urut {party}",
        by_spread=True,
        women=frozenset(women),
        by_ballot=True,
        unit_name=unit_name,
        finer=tuple(finer),
    )
    return _elect(rules, party, seats, candidates, votes, spread, decisions)


def elect_dpd(
    votes: Mapping[int, int],
    *,
    spread: Mapping[int, int],
    seats: int = 4,
    decisions: Mapping[str, tuple[int, ...]] = _NO_DECISIONS,
) -> CandidateElection:
    """Calon anggota DPD terpilih: the ``seats`` (4) candidates with the most votes in the province.

    A tie across the 4th place goes by the more even spread over all kabupaten/kota of the province
    (UU 7/2017 Pasal 423 ayat (2); PKPU 6/2024 Pasal 33 ayat (2), as quoted in news reports). How
    even a spread is, and over the whole province, is more than the count of units with votes this
    program holds, so the program does not apply that rule: the tie is an open tie of kind "dpd"
    whose message gives each contender's count for the meeting to weigh. ``spread`` is otherwise
    reported in the ranking only and never orders it.
    """
    if seats < 1:
        raise ValueError(f"DPD elects at least 1 member, got {seats}")
    candidates = _check_candidates(votes, spread, sorted(votes))
    rules = _Rules(
        kind=KIND_DPD,
        key_prefix="dpd",
        who="Anggota DPD",
        by_spread=False,
        women=frozenset(),
        by_ballot=False,
    )
    return _elect(rules, None, seats, candidates, votes, spread, decisions)


@dataclass(frozen=True)
class _Rules:
    """What separates a party's candidates (spread, sex, nomor urut) from DPD (votes only)."""

    kind: str
    key_prefix: str
    who: str
    by_spread: bool
    women: frozenset[int]
    by_ballot: bool
    unit_name: str = "wilayah"
    finer: tuple[SpreadTier, ...] = ()


def _elect(
    rules: _Rules,
    party: int | None,
    seats: int,
    candidates: tuple[int, ...],
    votes: Mapping[int, int],
    spread: Mapping[int, int],
    decisions: Mapping[str, tuple[int, ...]],
) -> CandidateElection:
    position = {c: i for i, c in enumerate(candidates)}
    places = min(seats, len(candidates))
    elected: dict[int, str] = {}  # insertion order is the order of election
    tie: OpenTie | None = None

    def order(c: int) -> tuple[int, int, int]:
        return (-votes[c], -spread[c] if rules.by_spread else 0, position[c])

    if rules.by_ballot and candidates and not any(votes[c] for c in candidates):
        elected.update(dict.fromkeys(candidates[:places], BY_BALLOT))
    else:
        for count, group in groupby(sorted(candidates, key=order), key=lambda c: votes[c]):
            left = places - len(elected)
            if left == 0:
                break
            tied = tuple(group)
            if len(tied) <= left:
                elected.update(dict.fromkeys(tied, BY_VOTES))
                continue
            tie = _boundary(rules, count, tied, left, elected, spread)
            break
    if tie is not None:
        chosen = _decision(decisions, tie)
        if chosen is not None:
            elected.update(dict.fromkeys(chosen, BY_DECISION))
            tie = None

    rest = sorted((c for c in candidates if c not in elected), key=order)
    ranking = tuple((c, votes[c], spread[c]) for c in (*elected, *rest))
    return CandidateElection(
        party=party,
        seats=seats,
        elected=tuple(elected),
        ranking=ranking,
        decided_by=MappingProxyType(dict(elected)),
        open_tie=tie,
        shortfall=seats - places,
    )


def _boundary(
    rules: _Rules,
    count: int,
    tied: tuple[int, ...],
    left: int,
    elected: dict[int, str],
    spread: Mapping[int, int],
) -> OpenTie | None:
    """Candidates with equal votes across the last place: elect whom the law decides (into
    ``elected``) and return what stays open."""
    place = len(elected) + 1
    if not rules.by_spread:
        widths = "; ".join(f"nomor urut {c}: {format_number(spread[c])}" for c in sorted(tied))
        reason = (
            "UU 7/2017 Pasal 423 ayat (2) dan PKPU 6/2024 Pasal 33 ayat (2) menetapkan calon yang "
            "dukungan pemilihnya lebih merata penyebarannya di seluruh kabupaten/kota di provinsi; "
            "program ini hanya mengetahui jumlah wilayah bersuara di rapat ini "
            f"({widths}), bukan kemerataan se-provinsi."
        )
        return _candidate_tie(rules, place, tied, left, count, reason)
    if count > 0:
        tiers = (SpreadTier(rules.unit_name, "", spread), *rules.finer)
        return _by_tiers(rules, count, tied, left, elected, tiers)
    return _by_sex(
        rules, count, tied, left, elected, "Tanpa suara, persebarannya 0 di semua tingkat"
    )


def _by_tiers(
    rules: _Rules,
    count: int,
    tied: tuple[int, ...],
    left: int,
    elected: dict[int, str],
    tiers: tuple[SpreadTier, ...],
) -> OpenTie | None:
    """PKPU 6/2024 Pasal 29 ayat (1): the wider spread, tier by tier; then ayat (2)."""
    widths: list[str] = []
    for index, tier in enumerate(tiers):
        if tier.counts is None:
            return _missing_tier(rules, count, tied, left, elected, tiers[index:], widths)
        counts = tier.counts
        remaining: tuple[int, ...] = ()
        for width, same in groupby(sorted(tied, key=lambda c: -counts[c]), key=lambda c: counts[c]):
            same_spread = tuple(same)  # still in ballot order: the sort is stable
            if len(same_spread) <= left:
                elected.update(dict.fromkeys(same_spread, BY_SPREAD))
                left -= len(same_spread)
                if left == 0:
                    return None
                continue
            remaining = same_spread
            widths.append(f"{format_number(width)} {tier.name}")
            break
        tied = remaining
    lead = f"Persebaran suaranya sama di setiap tingkat ({', '.join(widths)})"
    return _by_sex(rules, count, tied, left, elected, lead)


def _missing_tier(
    rules: _Rules,
    count: int,
    tied: tuple[int, ...],
    left: int,
    elected: dict[int, str],
    missing: tuple[SpreadTier, ...],
    widths: list[str],
) -> OpenTie:
    """The law goes on to a tier the meeting holds no data of: say which data to obtain."""
    names = join_and(widths)
    steps = ", lalu ".join(f"per {t.name} ({t.document})" for t in missing)
    reason = (
        f"Persebaran suaranya juga sama ({names} bersuara). PKPU 6/2024 Pasal 29 ayat (1) "
        f"menilai persebaran secara berjenjang; rapat perlu memperoleh jumlah wilayah tempat "
        f"masing-masing calon memperoleh suara {steps}. Calon yang persebarannya lebih luas "
        "pada tingkat pertama yang membedakan ditetapkan terpilih; bila sama di semua tingkat, "
        "ayat (2) mendahulukan calon perempuan."
    )
    closing = (
        "Rapat mencatat penetapan menurut data tersebut beserta angkanya sebagai keputusan atas "
        "hasil yang sama ini."
    )
    tie = _candidate_tie(rules, len(elected) + 1, tied, left, count, reason, closing)
    return replace(tie, data_needed=missing)


def _by_sex(
    rules: _Rules,
    count: int,
    tied: tuple[int, ...],
    left: int,
    elected: dict[int, str],
    lead: str,
) -> OpenTie | None:
    """PKPU 6/2024 Pasal 29 ayat (2): with the spread equal at every tier, women first."""
    place = len(elected) + 1
    women = tuple(c for c in tied if c in rules.women)
    if len(women) <= left:
        elected.update(dict.fromkeys(women, BY_WOMAN))
    if len(women) == left:
        return None
    if len(women) > left:
        reason = (
            f"{lead}, sehingga PKPU 6/2024 Pasal 29 ayat (2) mendahulukan calon perempuan; calon "
            "perempuan yang sama-sama demikian lebih banyak daripada kursi yang tersisa."
        )
        return _candidate_tie(rules, place, women, left, count, reason)
    men = tuple(c for c in tied if c not in rules.women)
    if women:
        who_first = f"calon perempuan nomor urut {join_and(women)} sudah ditetapkan lebih dahulu"
    else:
        who_first = "tidak ada calon perempuan di antara mereka"
    reason = (
        f"{lead}, sehingga PKPU 6/2024 Pasal 29 ayat (2) mendahulukan calon perempuan; "
        f"{who_first}. Di antara calon laki-laki yang tersisa aturan tidak menentukan lebih "
        "lanjut."
    )
    return _candidate_tie(rules, len(elected) + 1, men, left - len(women), count, reason)


def _candidate_tie(
    rules: _Rules,
    place: int,
    contenders: Iterable[int],
    places: int,
    count: int,
    reason: str,
    closing: str = "",
) -> OpenTie:
    numbers = tuple(sorted(contenders))
    last = place + places - 1
    ranks = f"urutan ke-{place}" if places == 1 else f"urutan ke-{place} sampai ke-{last}"
    message = (
        f"{rules.who}: calon nomor urut {join_and(numbers)} memperoleh suara sama "
        f"({format_number(count)} suara) untuk {places} kursi tersisa (calon terpilih {ranks}). "
        f"{reason} "
        + (
            closing
            or f"Rapat memutuskan {places} dari {len(numbers)} calon tersebut yang ditetapkan "
            "terpilih."
        )
    )
    return OpenTie(
        key=f"{rules.key_prefix}:{place}:{_key_numbers(numbers)}",
        kind=rules.kind,
        contenders=numbers,
        places=places,
        message=message,
    )


def _seat_tie(dapil: str, seat: int, tied: tuple[Quotient, ...], places: int, left: int) -> OpenTie:
    parties = tuple(q.party for q in tied)
    last = seat + places - 1
    seats_text = f"kursi ke-{seat}" if places == 1 else f"kursi ke-{seat} sampai ke-{last}"
    if tied[0].votes == 0:
        message = (
            f"Dapil {dapil}: {seats_text} belum dapat dibagi karena tidak ada partai peserta "
            f"yang memperoleh suara (partai nomor urut {join_and(parties)}: hasil bagi 0). Hasil "
            "bagi 0 tidak memberikan kursi (UU 7/2017 Pasal 415 ayat (2)); periksa dahulu "
            f"rekapitulasi suaranya. Bila memang demikian, rapat memutuskan {places} partai yang "
            f"memperoleh {seats_text}."
        )
    else:
        detail = "; ".join(
            f"partai nomor urut {q.party}: {format_number(q.votes)} : {q.divisor}" for q in tied
        )
        message = (
            f"Dapil {dapil}: hasil bagi terbesar untuk {seats_text} sama, "
            f"{_format_fraction(tied[0].value)} ({detail}). Tersisa {left} kursi untuk "
            f"{len(tied)} partai. UU 7/2017 Pasal 415 ayat (2) tidak mengatur hasil bagi yang "
            f"sama; rapat memutuskan {places} partai yang memperoleh {seats_text}."
        )
    return OpenTie(
        key=f"kursi:{dapil}:{seat}:{_key_numbers(parties)}",
        kind=KIND_SEAT,
        contenders=parties,
        places=places,
        message=message,
    )


def _decision(decisions: Mapping[str, tuple[int, ...]], tie: OpenTie) -> tuple[int, ...] | None:
    """The meeting's choice for ``tie`` in ballot order, or None when absent or not a valid pick
    (exactly ``places`` different contenders); the service validates before storing."""
    choice = decisions.get(tie.key)
    if choice is None:
        return None
    picked = set(choice)
    if len(picked) != len(choice) or len(picked) != tie.places:
        return None
    if not picked <= set(tie.contenders):
        return None
    return tuple(sorted(picked))


def _check_votes(votes: Mapping[int, int], name: str) -> None:
    for number, count in votes.items():
        if count < 0:
            raise ValueError(f"{name}[{number}] is negative: {count}")


def _check_candidates(
    votes: Mapping[int, int], spread: Mapping[int, int], ballot_order: Sequence[int]
) -> tuple[int, ...]:
    """The candidates in ballot order, after checking that votes and spread agree with them."""
    candidates = tuple(ballot_order)
    if len(set(candidates)) != len(candidates):
        raise ValueError(f"ballot_order repeats a candidate: {candidates}")
    if set(votes) != set(candidates):
        raise ValueError(
            f"votes must name exactly the candidates of ballot_order: {sorted(votes)} vs "
            f"{sorted(candidates)}"
        )
    _check_votes(votes, "votes")
    unknown = set(spread) - set(candidates)
    if unknown:
        raise ValueError(f"spread names unknown candidates: {sorted(unknown)}")
    for c in candidates:
        width = spread.get(c)
        if width is None:
            raise ValueError(f"spread of candidate {c} is missing")
        if width < 0 or (width > 0) != (votes[c] > 0):
            raise ValueError(
                f"spread of candidate {c} ({width}) does not fit their votes ({votes[c]}): "
                "votes in at least one unit exactly when votes > 0"
            )
    return candidates


def _key_numbers(numbers: Iterable[int]) -> str:
    return ",".join(f"{n:02d}" for n in numbers)


def format_quotient(quotient: Quotient) -> str:
    """A hasil bagi as printed for the room: votes : divisor = 6.666,67."""
    return (
        f"{format_number(quotient.votes)} : {quotient.divisor} = {_format_fraction(quotient.value)}"
    )


def _format_fraction(value: Fraction) -> str:
    """An exact quotient the Indonesian way, rounded half up to 2 decimals: 20000/3 → 6.666,67."""
    if value.denominator == 1:
        return format_number(value.numerator)
    hundredths = (value * 100 + Fraction(1, 2)).__floor__()
    whole, cents = divmod(hundredths, 100)
    return f"{format_number(whole)},{cents:02d}"
