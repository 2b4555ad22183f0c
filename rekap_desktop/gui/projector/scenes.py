"""Scenes: what the projector shows, as plain frozen data (no Qt, no database).

A scene holds text ready to paint (numbers already written the Indonesian way), so the same scene
renders identically in the preview and on the live screen. Scenes are built from committed state
by ``cues``; nothing here can hold a half-typed value.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from rekap_desktop.text.numbers import format_date


class Banner(StrEnum):
    """The kind of banner: what kind of numbers the hall is looking at (it sets the colours)."""

    SIMULASI = "SIMULASI"
    BELUM_DITETAPKAN = "BELUM DITETAPKAN"
    DITETAPKAN = "DITETAPKAN"


_BANNER_NOTES = {
    Banner.SIMULASI: "data contoh untuk latihan, bukan hasil pemilihan",
    Banner.BELUM_DITETAPKAN: "angka sementara, belum ditetapkan rapat pleno",
    Banner.DITETAPKAN: "ditetapkan dalam rapat pleno terbuka",
}

SIMULASI_SHORT_NOTE = "data contoh, bukan hasil pemilihan"
SIREKAP_NOTE = "alat bantu, bukan hasil resmi"
DIFFERS_MARK = "≠"
READ_MARK = "✓"
SETTLED_MARK = "✓"
DIFFERS_STATUS = f"{DIFFERS_MARK} berbeda"
CORRECTED = "dibetulkan"
"""A settled row whose determined value is not the PPK's."""
AGREED = "disepakati"
"""A settled row whose determined value is the PPK's."""
INCOMPLETE = "belum lengkap"
"""A Sirekap value of a partial upload: not compared (not all TPS are in it)."""
PROVISIONAL = "SEMENTARA — belum semua kecamatan dibacakan"


@dataclass(frozen=True)
class BannerState:
    """The persistent banner of a scene: its kind and, once determined, when."""

    kind: Banner
    determined_at: datetime | None = None
    """The time of the penetapan; None while not determined (or when the time is unknown)."""
    determined: bool = False

    @property
    def label(self) -> str:
        if self.kind is Banner.SIMULASI and self.determined:
            return f"{Banner.SIMULASI.value} · {Banner.DITETAPKAN.value}{self._time()}"
        if self.kind is Banner.DITETAPKAN:
            return f"{Banner.DITETAPKAN.value}{self._time()}"
        return self.kind.value

    @property
    def note(self) -> str:
        if self.kind is Banner.SIMULASI and self.determined:
            return SIMULASI_SHORT_NOTE  # the label already takes half the line
        return _BANNER_NOTES[self.kind]

    def _time(self) -> str:
        at = self.determined_at
        if at is None:
            return ""
        day = format_date(at.date()).partition(", ")[2]  # without the weekday: a banner is short
        return f" pukul {at:%H.%M}, {day}"


Determined = bool | datetime
"""Whether the result is determined: False, True, or the time of the penetapan."""


def banner_for(is_demo: bool, determined: Determined) -> BannerState:
    """SIMULASI for demo data whatever its state (saying DITETAPKAN once determined); else
    DITETAPKAN once determined, BELUM DITETAPKAN before. ``determined`` may be the time of the
    penetapan."""
    done = determined is not False
    at = determined if isinstance(determined, datetime) else None
    if is_demo:
        return BannerState(Banner.SIMULASI, at, done)
    return (
        BannerState(Banner.DITETAPKAN, at, True) if done else BannerState(Banner.BELUM_DITETAPKAN)
    )


@dataclass(frozen=True)
class TitleScene:
    banner: BannerState
    meeting: str
    region: str
    place: str
    date_text: str


@dataclass(frozen=True)
class AgendaTextScene:
    """A text read to the hall (agenda items 2–3: peraturan teknis, tata tertib)."""

    banner: BannerState
    number: int
    title: str
    text: str


@dataclass(frozen=True)
class SourceColumn:
    code: str
    title: str
    note: str = ""
    """Shown under the title; Sirekap always carries SIREKAP_NOTE."""


@dataclass(frozen=True)
class TallyLine:
    """One field row of the form: its label and each source's value as text."""

    label: str
    cells: tuple[str, ...]
    differs: tuple[bool, ...]
    """Per cell: the value differs from the PPK's form (the reference, procedure item 10) and the
    row is not settled yet."""
    status: str = ""
    """What the hall reads in the Status column: ``≠ berbeda``, ``✓ dibetulkan``, ``✓ disepakati``,
    ``belum lengkap`` (a partial Sirekap upload, not compared) or nothing."""

    @property
    def has_difference(self) -> bool:
        return any(self.differs)

    @property
    def is_settled(self) -> bool:
        return self.status.startswith(SETTLED_MARK)


@dataclass(frozen=True)
class TallyScene:
    """One kecamatan × one contest, sources side by side (one section of the form per page)."""

    banner: BannerState
    contest_title: str
    unit: str
    section: str
    columns: tuple[SourceColumn, ...]
    lines: tuple[TallyLine, ...]
    page: int
    pages: int
    difference_pages: tuple[int, ...] = ()
    """The pages (1-based) holding a difference not yet settled, this one included."""
    legend: str = ""
    """Extra words for the legend line (a partial Sirekap upload)."""

    @property
    def difference_count(self) -> int:
        return sum(line.has_difference for line in self.lines)

    @property
    def settled_count(self) -> int:
        return sum(line.is_settled for line in self.lines)


@dataclass(frozen=True)
class RecapLine:
    code: str
    name: str
    cells: tuple[str, ...]
    total: str
    read: bool
    """This kecamatan has been read out in the meeting."""


@dataclass(frozen=True)
class RecapScene:
    """Running recapitulation: kecamatan × choices with totals, and a bar chart of the totals."""

    banner: BannerState
    contest_title: str
    source_note: str
    choice_headers: tuple[str, ...]
    lines: tuple[RecapLine, ...]
    total: RecapLine
    bars: tuple[tuple[str, int], ...]
    read_count: int
    unit_count: int
    page: int
    pages: int
    row_heading: str = "Kecamatan"
    """What the rows are: kecamatan, or the dapil of a legislative contest."""
    spread_lines: tuple[str, ...] = ()
    """An equal first place decided by the spread of the votes (UU 10/2016 Pasal 107(2)/109(2)):
    the rule, each pair's figures and the verdict; shown once every kecamatan has been read."""


@dataclass(frozen=True)
class SeatLine:
    """One row of a seat scene: a seat won (seat, party, hasil bagi, basis) or an elected
    candidate (party and candidate, votes, basis)."""

    first: str
    label: str
    number: str
    basis: str


@dataclass(frozen=True)
class SeatScene:
    """Perolehan kursi of one dapil: the Sainte-Laguë steps, or the calon terpilih."""

    banner: BannerState
    contest_title: str
    subtitle: str
    headers: tuple[str, str, str, str]
    lines: tuple[SeatLine, ...]
    note: str
    page: int
    pages: int
    provisional: str = ""
    """Said plainly above the table while not every kecamatan has been read out."""


@dataclass(frozen=True)
class PhotoScene:
    """A form photo attached to a kecamatan/contest/source; ``zoom`` 1.0 fits the screen."""

    banner: BannerState
    path: str
    caption: str
    zoom: float = 1.0


@dataclass(frozen=True)
class IncidentScene:
    """Kejadian Khusus dan/atau Keberatan: notice of one register entry."""

    banner: BannerState
    number: int
    kind: str
    status: str
    where: str
    raised_by: str
    description: str


@dataclass(frozen=True)
class PauseScene:
    """Skors: the meeting is paused since ``since``."""

    banner: BannerState
    since: datetime
    reason: str


@dataclass(frozen=True)
class BlankScene:
    """Black screen: nothing is shown, not even the banner (there are no numbers to qualify)."""


@dataclass(frozen=True)
class LogoScene:
    banner: BannerState
    region: str


Scene = (
    TitleScene
    | AgendaTextScene
    | TallyScene
    | RecapScene
    | SeatScene
    | PhotoScene
    | IncidentScene
    | PauseScene
    | BlankScene
    | LogoScene
)
