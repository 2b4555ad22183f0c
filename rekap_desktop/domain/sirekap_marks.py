"""What a Sirekap TPS file says about its own figures, kept beside the TPS row (issue #21).

A TPS file carries ``status_suara`` and ``status_adm`` (booleans whose meaning KPU did not
publish: false is read here as "belum/tidak terverifikasi di Sirekap"), ``psu`` (null, or a marker
of a pemungutan suara ulang; "Reguler" is the ordinary vote) and ``images``, the addresses of the
photos of the form's pages. A file with photos but no numbers at all (as Pilkada 2024 served at
kab/kota level) is *hanya foto*: its TPS is kept with its photos, never as zero results.

The photos themselves are not fetched (the program is offline): the operator may have the files,
which Sirekap names ``{13-digit TPS}-{YYYYMMDD}-{HHMMSS}--{uuid}.jpg``; a file named
``{TPS}.jpg`` or ``{TPS}.png`` is taken too (:func:`photo_files`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

TPS_CODE = 13
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png")
_ORDINARY_VOTE = "reguler"


@dataclass(frozen=True)
class TpsMark:
    """Sirekap's own flags on one TPS, and where its form's photos were published."""

    code: str
    status_suara: bool | None = None
    """None: the file did not say."""
    status_adm: bool | None = None
    psu: str | None = None
    """The file's ``psu`` as text (None: null)."""
    images: tuple[str, ...] = ()
    """Per page of the form, in order, its photo address ("" where Sirekap had none)."""
    photo_only: bool = False
    """Photos, but neither votes nor ``administrasi``: no number was taken from this TPS."""

    @property
    def photos(self) -> tuple[str, ...]:
        """The photo addresses there are, in page order."""
        return tuple(url for url in self.images if url)

    @property
    def repeated_vote(self) -> bool:
        """``psu`` marks a pemungutan suara ulang (anything but null or "Reguler")."""
        return self.psu is not None and self.psu.strip().lower() not in ("", _ORDINARY_VOTE)

    def words(self) -> str:
        """E.g. "status suara: belum; PSU; hanya foto" ("" when there is nothing to say)."""
        said = []
        if self.status_suara is False:
            said.append("status suara: belum")
        if self.status_adm is False:
            said.append("status adm: belum")
        if self.repeated_vote:
            marker = (self.psu or "").strip()
            said.append("PSU" if marker.lower() in ("true", "psu") else f"PSU ({marker})")
        if self.photo_only:
            said.append("hanya foto")
        return "; ".join(said)

    def page_urls(self) -> list[str]:
        """Each published photo as "hal. 2: https://…", for the operator to copy."""
        return [f"hal. {page}: {url}" for page, url in enumerate(self.images, 1) if url]


def marks_words(marks: Iterable[TpsMark], named: bool = True) -> str:
    """Several TPS of one desa in one text: "TPS 004: hanya foto; TPS 009: status suara: belum"
    (``named`` False: without the TPS number, for a line that is the TPS itself)."""
    said = []
    for mark in marks:
        words = mark.words()
        if words:
            said.append(f"TPS {mark.code[-3:]}: {words}" if named else words)
    return "; ".join(said)


def photo_files(code: str, names: Iterable[str], images: Sequence[str] = ()) -> list[str]:
    """The names among ``names`` that are photos of place ``code`` (a TPS, or a desa for all its
    TPS): ``{code}.jpg``/``.png`` or Sirekap's ``{code}-…``; a desa code takes
    ``{desa}{3 digits}…``. Ordered by the form's pages where ``images`` names them (the file
    saved under the photo address's own name), else by name."""
    found = [name for name in names if _is_photo_of(code, name)]
    pages = {url.rsplit("/", 1)[-1].lower(): page for page, url in enumerate(images) if url}
    return sorted(found, key=lambda name: (pages.get(name.lower(), len(pages)), name))


def _is_photo_of(code: str, name: str) -> bool:
    lower = name.lower()
    if not lower.endswith(PHOTO_SUFFIXES) or not lower.startswith(code):
        return False
    rest = lower[len(code) :]
    if len(code) < TPS_CODE:  # a desa: its TPS' photos, the 3 digits of each TPS next
        number, rest = rest[: TPS_CODE - len(code)], rest[TPS_CODE - len(code) :]
        if not (len(number) == TPS_CODE - len(code) and number.isdigit()):
            return False
    return rest.startswith("-") or rest.startswith(".")
