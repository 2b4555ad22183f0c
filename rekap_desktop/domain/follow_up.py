"""Sesi lanjutan: a determined result taken up again on a legal basis (a Constitutional Court
ruling ordering a re-recapitulation or a re-vote, a Bawaslu recommendation, or a correction the
plenary decided), for the kecamatan (and pemilihan) it names only, and closed by the next
penetapan.

Penetapan 0 is the first determination; each follow-up session ends with one more (its number is
the session's). The rules here are pure: whether a session may be opened, whether a change is in
its scope, and which determined values changed between two penetapan.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from rekap_desktop.text.numbers import format_day


class Basis(StrEnum):
    """The legal basis a follow-up session is opened on."""

    MK_RECAP = "putusan-mk-rekap-ulang"
    MK_REVOTE = "putusan-mk-psu"
    BAWASLU = "rekomendasi-bawaslu"
    PLENO = "keputusan-pleno"


BASIS_LABELS = {
    Basis.MK_RECAP: "Putusan Mahkamah Konstitusi — rekapitulasi ulang",
    Basis.MK_REVOTE: "Putusan Mahkamah Konstitusi — pemungutan suara ulang (PSU)",
    Basis.BAWASLU: "Rekomendasi Bawaslu",
    Basis.PLENO: "Keputusan rapat pleno atas pembetulan",
}
BASIS_DOCUMENTS = {
    Basis.MK_RECAP: "Putusan MK",
    Basis.MK_REVOTE: "Putusan MK",
    Basis.BAWASLU: "Rekomendasi Bawaslu",
    Basis.PLENO: "Keputusan rapat pleno",
}
"""How the basis document is named in a sentence: "berdasarkan Putusan MK Nomor …"."""

MAX_DOCUMENT_NUMBER = 120
MAX_DESCRIPTION = 2000

Values = Mapping[tuple[str, str, str], int | None]
"""Determined values of one penetapan: (contest, unit, field) → value (None: not recorded)."""


def parse_basis(text: str) -> Basis | None:
    """A basis by its code ("putusan-mk-psu") or its label, case-insensitively."""
    wanted = text.strip().lower()
    for basis in Basis:
        if wanted in (basis.value, BASIS_LABELS[basis].lower()):
            return basis
    return None


@dataclass(frozen=True)
class FollowUpRequest:
    """What the ketua states when opening a session."""

    basis: Basis
    document_number: str
    document_date: date | None
    units: tuple[str, ...]
    """The kecamatan codes in scope."""
    contests: tuple[str, ...] = ()
    """The pemilihan in scope; empty: every pemilihan of the meeting."""
    description: str = ""


@dataclass(frozen=True)
class FollowUpSession:
    number: int
    basis: Basis
    document_number: str
    document_date: date
    units: tuple[str, ...]
    contests: tuple[str, ...]
    """Empty: every pemilihan."""
    description: str
    opened_by: str
    opened_at: str
    closed_by: str = ""
    closed_at: str = ""

    @property
    def is_open(self) -> bool:
        return not self.closed_at

    def covers(self, contest: str | None, unit: str) -> bool:
        """Whether a change of ``unit`` (a kecamatan, or a desa/TPS code inside one) and
        ``contest`` (None: every pemilihan) is in this session's scope."""
        # a desa/TPS code begins with its kecamatan's (6472041001011 is in 647204)
        in_units = any(unit.startswith(u) for u in self.units)
        if not in_units:
            return False
        if not self.contests:
            return True
        return contest is not None and contest in self.contests

    def title(self) -> str:
        """ "Sesi lanjutan ke-1"."""
        return f"Sesi lanjutan ke-{self.number}"

    def document_line(self) -> str:
        """E.g. "Putusan MK Nomor 12/PHPU.BUP-XXIII/2025 tanggal 24 Februari 2025"."""
        return (
            f"{BASIS_DOCUMENTS[self.basis]} Nomor {self.document_number} "
            f"tanggal {format_day(self.document_date)}"
        )

    def basis_line(self) -> str:
        """E.g. "Sesi lanjutan ke-1 berdasarkan Putusan MK Nomor … tanggal 24 Februari 2025"."""
        return f"{self.title()} berdasarkan {self.document_line()}"


def open_problems(
    request: FollowUpRequest,
    units: Collection[str],
    contests: Collection[str],
    determined: bool,
    open_session: FollowUpSession | None,
    today: date | None = None,
) -> list[str]:
    """Why the session may not be opened (Indonesian), empty when it may. ``units`` and
    ``contests``: the meeting's codes; ``today``: the meeting's clock (a document dated later is
    refused), None: not checked."""
    if open_session is not None:
        return [
            f"{open_session.basis_line()} masih terbuka; tetapkan hasilnya dahulu sebelum "
            "membuka sesi lanjutan berikutnya"
        ]
    problems: list[str] = []
    if not determined:
        problems.append(
            "sesi lanjutan hanya dapat dibuka setelah hasil ditetapkan (penetapan); hasil rapat "
            "ini belum ditetapkan atau sedang dibuka kembali"
        )
    problems.extend(_document_problems(request, today))
    problems.extend(_scope_problems(request, units, contests))
    if len(request.description) > MAX_DESCRIPTION:
        problems.append(f"uraian terlalu panjang (paling {MAX_DESCRIPTION} karakter)")
    return problems


def _document_problems(request: FollowUpRequest, today: date | None) -> list[str]:
    problems: list[str] = []
    number = request.document_number.strip()
    what = BASIS_DOCUMENTS[request.basis]
    if not number:
        problems.append(f"nomor {what} wajib diisi")
    elif len(number) > MAX_DOCUMENT_NUMBER:
        problems.append(f"nomor {what} terlalu panjang (paling {MAX_DOCUMENT_NUMBER} karakter)")
    if request.document_date is None:
        problems.append(f"tanggal {what} wajib diisi (tahun-bulan-hari, mis. 2025-02-24)")
    elif today is not None and request.document_date > today:
        problems.append(
            f"tanggal {what} ({format_day(request.document_date)}) belum tiba; "
            f"hari ini {format_day(today)}"
        )
    return problems


def _scope_problems(
    request: FollowUpRequest, units: Collection[str], contests: Collection[str]
) -> list[str]:
    if not request.units:
        return ["pilih paling sedikit satu kecamatan yang dibuka dalam sesi lanjutan"]
    problems = [
        f"kecamatan '{code}' tidak ada dalam pleno ini"
        for code in request.units
        if code not in units
    ]
    problems += [
        f"pemilihan '{code}' tidak ada dalam pleno ini"
        for code in request.contests
        if code not in contests
    ]
    if len(set(request.units)) != len(request.units):
        problems.append("kecamatan yang sama dipilih lebih dari sekali")
    return problems


def out_of_scope(session: FollowUpSession, unit_name: str, contest_title: str | None) -> str:
    """The refusal of a change outside the open session's scope."""
    where = f"kecamatan {unit_name}" + (f" ({contest_title})" if contest_title else "")
    return (
        f"{where} tidak termasuk cakupan {session.basis_line()}; selama sesi lanjutan hanya "
        "kecamatan dan pemilihan dalam cakupannya yang dapat diubah"
    )


@dataclass(frozen=True, order=True)
class ValueChange:
    """One determined value that differs between two penetapan."""

    contest: str
    unit: str
    field: str
    before: int | None
    after: int | None


def changes(before: Values, after: Values) -> list[ValueChange]:
    """Every (contest, unit, field) whose determined value differs, in code order."""
    keys = set(before) | set(after)
    return sorted(
        ValueChange(*key, before.get(key), after.get(key))
        for key in keys
        if before.get(key) != after.get(key)
    )
