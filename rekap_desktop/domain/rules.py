"""Consistency rules of the result form (domain README §3), as numbered findings.

Each rule has a stable code (``R01`` …), a severity and an Indonesian message that names the fields
and says what to do. A rule whose fields are not all recorded is skipped: a form with an
arithmetic error is evidence, so rules report and never raise.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from rekap_desktop.domain.election import Contest, ElectionKind
from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.tally import (
    BALLOT_KEYS,
    GENDERS,
    INVALID,
    RETURNED_NOTICES,
    TOTAL,
    VALID,
    Tally,
    gendered,
    party_total_key,
    party_vote_keys,
    vote_keys,
)
from rekap_desktop.text.fields import field_label
from rekap_desktop.text.numbers import format_number


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    fields: tuple[FieldKey, ...]
    message: str
    advice: str


@dataclass(frozen=True)
class RuleContext:
    """What the rules need to know besides the numbers."""

    kind: ElectionKind
    tps_count: int | None = None
    """Number of TPS the tally covers (1 for a TPS form), when known."""
    district: str | None = None
    """Dapil of the unit for a legislative contest: its candidates are the form's rows."""
    siblings: tuple[tuple[str, Tally], ...] = ()
    """(contest title, form) of the same kecamatan in the other contests of one Pilkada, as the
    same source recorded them: one DPT serves every contest held together (R17)."""


VOTERS_PER_TPS_CAP = {ElectionKind.PEMILU: 300, ElectionKind.PILKADA: 600}
RESERVE_RATE = {ElectionKind.PEMILU: 0.02, ElectionKind.PILKADA: 0.025}
MAX_TPS_BOX = 999

ADVICE_ERROR = (
    "Cocokkan dengan formulir fisik. Bila formulir memang tertulis demikian, angka tetap dicatat "
    "sebagai bukti dan dibahas dalam pleno (catat sebagai kejadian khusus bila perlu)."
)
ADVICE_WARNING = "Periksa kembali; bila ada penjelasan yang sah, cukup dicatat."

(SS_RECEIVED, SS_USED, SS_DAMAGED, SS_UNUSED) = BALLOT_KEYS


class _Checker:
    def __init__(self, tally: Tally, context: RuleContext) -> None:
        self.tally = tally
        self.context = context
        self.findings: list[Finding] = []

    def label(self, key: str) -> str:
        return field_label(key, self.context.kind.value)

    def values(self, keys: Sequence[FieldKey]) -> list[int] | None:
        found = [self.tally.value(k) for k in keys]
        if any(v is None for v in found):
            return None
        return [v for v in found if v is not None]

    def add(self, code: str, severity: Severity, keys: Sequence[FieldKey], message: str) -> None:
        advice = ADVICE_ERROR if severity is Severity.ERROR else ADVICE_WARNING
        self.findings.append(Finding(code, severity, tuple(keys), message, advice))

    def equal_sum(
        self, code: str, target: FieldKey, parts: Sequence[FieldKey], names: str = ""
    ) -> None:
        """``target`` must equal the sum of ``parts`` (error)."""
        got = self.values([target, *parts])
        if got is None or got[0] == sum(got[1:]):
            return
        expected = sum(got[1:])
        names = names or " + ".join(self.label(p).split(" ")[0] for p in parts)
        self.add(
            code,
            Severity.ERROR,
            [target, *parts],
            f"{self.label(target)} tertulis {format_number(got[0])}, padahal {names} = "
            f"{format_number(expected)} (selisih {format_number(got[0] - expected)}).",
        )

    def at_most(
        self, code: str, small: FieldKey, large: FieldKey, bound: Callable[[int], int] = int
    ) -> None:
        """``small`` must not exceed ``large`` (error)."""
        got = self.values([small, large])
        if got is None or got[0] <= bound(got[1]):
            return
        self.add(
            code,
            Severity.ERROR,
            [small, large],
            f"{self.label(small)} ({format_number(got[0])}) melebihi "
            f"{self.label(large)} ({format_number(bound(got[1]))}).",
        )


def check_tally(tally: Tally, contest: Contest, context: RuleContext) -> list[Finding]:
    """All findings of rules R01–R17 for one form, in rule order."""
    checker = _Checker(tally, context)
    for rule in _RULES:
        rule(checker, contest)
    return checker.findings


def _r01_voters_sum(c: _Checker, contest: Contest) -> None:
    for g in GENDERS:
        parts = [gendered(grp, g) for grp in ("pengguna_dpt", "pengguna_pindahan", "pengguna_ktp")]
        c.equal_sum("R01", gendered("pengguna_total", g), parts)


def _r02_gender_sum(c: _Checker, contest: Contest) -> None:
    for group in (
        "pemilih_dpt",
        "pengguna_dpt",
        "pengguna_pindahan",
        "pengguna_ktp",
        "pengguna_total",
        "disabilitas",
    ):
        parts = [gendered(group, "l"), gendered(group, "p")]
        c.equal_sum("R02", gendered(group, "j"), parts, "Laki-laki + Perempuan")


def _r03_valid_votes(c: _Checker, contest: Contest) -> None:
    keys = vote_keys(contest, c.context.district)
    if keys:
        c.equal_sum("R03", VALID, keys, "jumlah suara sah semua pilihan (IV)")


def _r04_total_votes(c: _Checker, contest: Contest) -> None:
    c.equal_sum("R04", TOTAL, [VALID, INVALID])


def _r05_votes_vs_voters(c: _Checker, contest: Contest) -> None:
    voters = gendered("pengguna_total", "j")
    got = c.values([TOTAL, voters])
    if got is None or got[0] == got[1]:
        return
    more = got[0] > got[1]
    c.add(
        "R05",
        Severity.ERROR if more else Severity.WARNING,
        [TOTAL, voters],
        f"{c.label(TOTAL)} ({format_number(got[0])}) "
        f"{'lebih besar' if more else 'lebih kecil'} dari {c.label(voters)} "
        f"({format_number(got[1])}); seharusnya sama.",
    )


def _r06_ballots_used(c: _Checker, contest: Contest) -> None:
    voters = gendered("pengguna_total", "j")
    got = c.values([SS_USED, voters])
    if got is None or got[0] == got[1]:
        return
    c.add(
        "R06",
        Severity.WARNING,
        [SS_USED, voters],
        f"{c.label(SS_USED)} ({format_number(got[0])}) tidak sama dengan {c.label(voters)} "
        f"({format_number(got[1])}).",
    )


def _r07_ballot_balance(c: _Checker, contest: Contest) -> None:
    c.equal_sum("R07", SS_RECEIVED, [SS_USED, SS_DAMAGED, SS_UNUSED])


def _r08_reserve(c: _Checker, contest: Contest) -> None:
    dpt = gendered("pemilih_dpt", "j")
    got = c.values([SS_RECEIVED, dpt])
    if got is None:
        return
    received, voters = got
    rate = RESERVE_RATE[c.context.kind]
    # Integer per-mille arithmetic: exact, and no float overflow on absurdly large values.
    per_mille = round(rate * 1000)
    expected = voters - (-voters * per_mille // 1000)
    # Each TPS rounds its reserve up, so an aggregate may exceed the rounded total by < 1 per TPS.
    slack = c.context.tps_count or 0
    if voters <= received <= expected + slack:
        return
    percent = f"{rate * 100:g}".replace(".", ",")
    c.add(
        "R08",
        Severity.WARNING,
        [SS_RECEIVED, dpt],
        f"{c.label(SS_RECEIVED)} ({format_number(received)}) tidak sesuai {c.label(dpt)} "
        f"({format_number(voters)}) + cadangan {percent}% "
        f"(diharapkan {format_number(voters)}–{format_number(expected + slack)}).",
    )


def _r09_dpt_users(c: _Checker, contest: Contest) -> None:
    for g in GENDERS:
        c.at_most("R09", gendered("pengguna_dpt", g), gendered("pemilih_dpt", g))


def _r10_disability(c: _Checker, contest: Contest) -> None:
    for g in GENDERS:
        c.at_most("R10", gendered("disabilitas", g), gendered("pengguna_total", g))


def _r11_ballots_available(c: _Checker, contest: Contest) -> None:
    voters = gendered("pengguna_total", "j")
    got = c.values([voters, SS_RECEIVED, SS_DAMAGED])
    if got is None or got[0] <= got[1] - got[2]:
        return
    c.add(
        "R11",
        Severity.ERROR,
        [voters, SS_RECEIVED, SS_DAMAGED],
        f"{c.label(voters)} ({format_number(got[0])}) melebihi surat suara yang tersedia "
        f"(II.1 − II.3 = {format_number(got[1] - got[2])}).",
    )


def _r12_capacity(c: _Checker, contest: Contest) -> None:
    tps = c.context.tps_count
    if not tps:
        return
    cap = VOTERS_PER_TPS_CAP[c.context.kind]
    dpt = gendered("pemilih_dpt", "j")
    voters = c.tally.value(dpt)
    if voters is not None and voters > cap * tps:
        c.add(
            "R12",
            Severity.ERROR,
            [dpt],
            f"{c.label(dpt)} ({format_number(voters)}) melebihi batas {format_number(cap)} "
            f"pemilih per TPS × {format_number(tps)} TPS = {format_number(cap * tps)}.",
        )
    limit = MAX_TPS_BOX * tps
    for key, value in c.tally.items():
        if value > limit:
            c.add(
                "R12",
                Severity.ERROR,
                [key],
                f"{c.label(key)} ({format_number(value)}) mustahil untuk {format_number(tps)} "
                f"TPS (paling banyak {format_number(limit)}); kemungkinan salah baca.",
            )


def _r13_party_total(c: _Checker, contest: Contest) -> None:
    """Legislative: each party's written total = its party-only votes + all its candidates'."""
    for party in contest.parties:
        parts = party_vote_keys(contest, party, c.context.district)
        names = f"suara partai nomor urut {party.number} + suara semua calonnya"
        c.equal_sum("R13", party_total_key(party.number), parts, names)


def _r14_valid_party_totals(c: _Checker, contest: Contest) -> None:
    """Legislative: suara sah = the sum of the parties' written totals."""
    totals = [party_total_key(p.number) for p in contest.parties]
    if totals:
        c.equal_sum("R14", VALID, totals, "jumlah suara sah semua partai (IV)")


def _r15_ballots_used_are_votes(c: _Checker, contest: Contest) -> None:
    """Every ballot used (II.2) is in the box, valid or not: V.C counts exactly those."""
    c.equal_sum("R15", SS_USED, [TOTAL], "V.C jumlah suara sah dan tidak sah")


def _r16_returned_notices(c: _Checker, contest: Contest) -> None:
    """Undistributed notices come from the DPT: there cannot be more of them than voters."""
    dpt = gendered("pemilih_dpt", "j")
    got = c.values([RETURNED_NOTICES, dpt])
    if got is None or got[0] <= got[1]:
        return
    c.add(
        "R16",
        Severity.ERROR,
        [RETURNED_NOTICES, dpt],
        f"C.Pemberitahuan yang dikembalikan karena tidak terdistribusi ({format_number(got[0])}) "
        f"melebihi {c.label(dpt)} ({format_number(got[1])}).",
    )


def _r17_same_dpt(c: _Checker, contest: Contest) -> None:
    """Pilkada: the Gubernur and Bupati/Wali Kota contests share one DPT per kecamatan."""
    if c.context.kind is not ElectionKind.PILKADA:
        return
    for title, other in c.context.siblings:
        for g in GENDERS:
            key = gendered("pemilih_dpt", g)
            mine, theirs = c.tally.value(key), other.value(key)
            if mine is None or theirs is None or mine == theirs:
                continue
            c.add(
                "R17",
                Severity.ERROR,
                [key],
                f"{c.label(key)} ({format_number(mine)}) berbeda dengan DPT kecamatan yang sama "
                f"pada {title} ({format_number(theirs)}); satu Pilkada memakai satu DPT.",
            )


_RULES: tuple[Callable[[_Checker, Contest], None], ...] = (
    _r01_voters_sum,
    _r02_gender_sum,
    _r03_valid_votes,
    _r04_total_votes,
    _r05_votes_vs_voters,
    _r06_ballots_used,
    _r07_ballot_balance,
    _r08_reserve,
    _r09_dpt_users,
    _r10_disability,
    _r11_ballots_available,
    _r12_capacity,
    _r13_party_total,
    _r14_valid_party_totals,
    _r15_ballots_used_are_votes,
    _r16_returned_notices,
    _r17_same_dpt,
)
