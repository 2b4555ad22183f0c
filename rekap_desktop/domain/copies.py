"""Salinan dan tanda terima: which copy of which printed version of a form went to whom, when, and
how (paper from the print centre, a signed PDF on a USB stick, or both).

Saksi and Bawaslu receive copies of the D.Hasil and the D.Kejadian Khusus (at a kecamatan's
close, at a skors, at penetapan); the Court has found copies handed to saksi late, so each copy is
recorded with the print version it carries (its sidik data), numbered per version ("salinan
ke-3"), and given a tanda terima the receiver initials.

A saksi receiving a copy must be a saksi of the meeting for that contest (in the setup or recorded
at the daftar hadir); one who is not (a replacement arriving late, a second saksi of the same
choice) is recorded explicitly as "saksi lain" with the choice they stand for.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from rekap_desktop.domain.election import Level, Pleno

MAX_NAME = 200
MAX_NOTE = 300


class CopyMoment(StrEnum):
    """When in the meeting copies are handed."""

    PENUTUPAN_KECAMATAN = "penutupan_kecamatan"
    SKORS = "skors"
    PENETAPAN = "penetapan"


class ReceiverKind(StrEnum):
    SAKSI = "saksi"
    SAKSI_LAIN = "saksi_lain"
    """A saksi not (yet) in the meeting's lists, named with the choice they stand for."""
    BAWASLU = "bawaslu"
    PEMANTAU = "pemantau"
    LAINNYA = "lainnya"
    """Anyone else, with a note saying as what (e.g. "PPK Palaran")."""


class Medium(StrEnum):
    KERTAS = "kertas"
    USB = "usb"
    KERTAS_DAN_USB = "kertas_usb"

    @property
    def has_usb(self) -> bool:
        return self is not Medium.KERTAS


MOMENT_LABELS = {
    CopyMoment.PENUTUPAN_KECAMATAN: "Penutupan kecamatan",
    CopyMoment.SKORS: "Skors",
    CopyMoment.PENETAPAN: "Penetapan",
}
RECEIVER_LABELS = {
    ReceiverKind.SAKSI: "Saksi",
    ReceiverKind.SAKSI_LAIN: "Saksi lain (pengganti / belum tercatat)",
    ReceiverKind.BAWASLU: "Bawaslu / Panwaslu",
    ReceiverKind.PEMANTAU: "Pemantau",
    ReceiverKind.LAINNYA: "Lainnya",
}
MEDIUM_LABELS = {
    Medium.KERTAS: "Kertas (Pusat Cetak)",
    Medium.USB: "PDF bertanda tangan (USB)",
    Medium.KERTAS_DAN_USB: "Kertas dan PDF bertanda tangan (USB)",
}


@dataclass(frozen=True)
class Receiver:
    """Who receives a copy: a saksi stands for ``choice`` of ``contest`` (the document's contest
    when it has one); ``note`` is a pemantau's lembaga or, for another receiver, as what."""

    name: str
    kind: ReceiverKind
    contest: str | None = None
    choice: int | None = None
    note: str = ""

    @property
    def is_saksi(self) -> bool:
        return self.kind in (ReceiverKind.SAKSI, ReceiverKind.SAKSI_LAIN)

    def key(self) -> tuple[str, ReceiverKind, str | None, int | None]:
        """Two lines of one request naming the same person for the same role are one receiver."""
        return (" ".join(self.name.split()).casefold(), self.kind, self.contest, self.choice)


@dataclass(frozen=True)
class PrintedVersion:
    """A print version kept in the print history: what a copy carries."""

    print_id: int
    kind: str
    """The form's kind as the print log names it ("d-hasil", "kejadian-khusus" …)."""
    contest: str | None
    version: int
    fingerprint: str
    determined: bool
    """Printed after the result was determined (not a DRAF)."""
    printed_at: str


@dataclass(frozen=True)
class HandRequest:
    """Copies of ``print_ids`` handed to each of ``receivers`` at ``moment`` (at a kecamatan's
    close: ``unit``); ``handed_by`` is the KPU official handing them ("" leaves a line to write
    the name on the tanda terima); ``folder`` is where the signed PDFs go (USB medium)."""

    print_ids: tuple[int, ...]
    receivers: tuple[Receiver, ...]
    medium: Medium
    moment: CopyMoment
    unit: str | None = None
    handed_by: str = ""
    folder: str | None = None


@dataclass(frozen=True)
class HandedCopy:
    """One copy handed: numbered per print version, in a handing (one request, one tanda terima
    per receiver)."""

    number: int
    """Salinan ke-N of its print version."""
    handing: int
    """Nomor penyerahan: the copies recorded together."""
    printed: PrintedVersion
    document: str
    """The form as the tanda terima names it (its title and contest)."""
    receiver: Receiver
    medium: Medium
    moment: CopyMoment
    unit: str | None
    handed_by: str
    handed_at: str
    recorded_by: str

    @property
    def copy_label(self) -> str:
        return f"Salinan ke-{self.number}"


@dataclass(frozen=True)
class MeetingPeople:
    """What a request is checked against: the meeting's saksi per (contest, choice), the numbers
    a saksi may stand for per contest (the kolom kosong has none), the units and contests."""

    saksi: Mapping[tuple[str, int], Collection[str]]
    saksi_numbers: Mapping[str, Collection[int]]
    contest_titles: Mapping[str, str]
    units: Mapping[str, str]
    """Unit code → name."""


@dataclass(frozen=True)
class Found:
    """The print versions a request names that exist, and those that may not be copied."""

    versions: Mapping[int, PrintedVersion]
    not_copied: Mapping[int, str] = field(default_factory=dict)
    """Print id → the form's name, for the prints that are no document to copy (a receipt)."""


def same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def request_problems(request: HandRequest, found: Found, people: MeetingPeople) -> list[str]:
    """What makes the request unacceptable, in Indonesian (empty: it may be recorded)."""
    problems = _document_problems(request, found)
    problems += _moment_problems(request, people)
    contests = {v.contest for v in found.versions.values() if v.contest}
    if not request.receivers:
        problems.append("pilih sedikitnya satu penerima salinan")
    seen: set[tuple[str, ReceiverKind, str | None, int | None]] = set()
    for index, receiver in enumerate(request.receivers, start=1):
        name = receiver.name.strip()
        where = f"penerima ke-{index}" + (f" ({name})" if name else "")
        problems += [f"{where}: {p}" for p in receiver_problems(receiver, contests, people)]
        if receiver.key() in seen:
            problems.append(f"{where}: dipilih dua kali")
        seen.add(receiver.key())
    if len(request.handed_by) > MAX_NAME:
        problems.append(f"nama yang menyerahkan terlalu panjang (paling {MAX_NAME} karakter)")
    if request.medium.has_usb and not (request.folder or "").strip():
        problems.append("salinan PDF (USB): pilih folder tujuan (mis. flashdisk)")
    return problems


def _document_problems(request: HandRequest, found: Found) -> list[str]:
    if not request.print_ids:
        return ["pilih sedikitnya satu cetakan yang salinannya diserahkan"]
    problems = []
    for print_id in request.print_ids:
        if print_id in found.not_copied:
            problems.append(
                f"cetakan #{print_id} ({found.not_copied[print_id]}) bukan dokumen yang "
                "disalin untuk saksi dan Bawaslu"
            )
        elif print_id not in found.versions:
            problems.append(f"cetakan #{print_id} tidak ada dalam riwayat cetak pleno ini")
        elif request.moment is CopyMoment.PENETAPAN and not found.versions[print_id].determined:
            problems.append(
                f"cetakan #{print_id} dicetak sebelum penetapan (DRAF): pada penetapan diserahkan "
                "salinan cetakan sesudah hasil ditetapkan"
            )
    if len(set(request.print_ids)) != len(request.print_ids):
        problems.append("cetakan yang sama dipilih dua kali")
    return problems


def _moment_problems(request: HandRequest, people: MeetingPeople) -> list[str]:
    unit = (request.unit or "").strip()
    if request.moment is CopyMoment.PENUTUPAN_KECAMATAN:
        if not unit:
            return ["penutupan kecamatan: pilih kecamatan yang ditutup"]
        if unit not in people.units:
            return [f"kecamatan '{unit}' tidak ada dalam pleno ini"]
        return []
    if unit:
        return [f"kecamatan hanya diisi untuk {MOMENT_LABELS[request.moment].lower()}: kosongkan"]
    return []


def receiver_problems(
    receiver: Receiver, document_contests: Collection[str], people: MeetingPeople
) -> list[str]:
    """What is wrong with one receiver of copies of documents of ``document_contests``."""
    name = receiver.name.strip()
    if not name:
        return ["nama penerima wajib diisi"]
    problems = []
    if len(name) > MAX_NAME:
        problems.append(f"nama terlalu panjang (paling {MAX_NAME} karakter)")
    if len(receiver.note) > MAX_NOTE:
        problems.append(f"keterangan terlalu panjang (paling {MAX_NOTE} karakter)")
    if receiver.kind is ReceiverKind.LAINNYA and not receiver.note.strip():
        problems.append("penerima lain: tulis sebagai apa ia menerima (mis. 'PPK Palaran')")
    if receiver.is_saksi:
        problems += _saksi_problems(receiver, document_contests, people)
    return problems


def _saksi_problems(
    receiver: Receiver, document_contests: Collection[str], people: MeetingPeople
) -> list[str]:
    contest = receiver.contest
    if contest is None or contest not in people.contest_titles:
        return [f"saksi: pemilihan '{contest or ''}' tidak ada dalam pleno ini"]
    title = people.contest_titles[contest]
    others = sorted(c for c in document_contests if c != contest)
    if others:
        named = ", ".join(people.contest_titles.get(c, c) for c in others)
        return [f"saksi {title} tidak menerima salinan dokumen {named}"]
    if receiver.choice is None:
        return [f"saksi {title}: nomor urut yang diwakili wajib diisi"]
    if receiver.choice not in people.saksi_numbers.get(contest, ()):
        return [f"nomor urut {receiver.choice} tidak mempunyai saksi di {title}"]
    if receiver.kind is ReceiverKind.SAKSI_LAIN:
        return []
    known = people.saksi.get((contest, receiver.choice), ())
    if not any(same_name(receiver.name, k) for k in known):
        return [
            f"bukan saksi nomor urut {receiver.choice} {title} yang tercatat (susunan pleno atau "
            "daftar hadir); catat sebagai 'saksi lain' bila ia saksi pengganti"
        ]
    return []


def next_numbers(print_ids: Sequence[int], last: Mapping[int, int], receivers: int) -> list[int]:
    """The copy numbers, per print in request order then per receiver, continuing each print's
    last number (``last``: print id → the highest number it has)."""
    numbers = []
    for print_id in print_ids:
        start = last.get(print_id, 0)
        numbers += [start + i for i in range(1, receivers + 1)]
    return numbers


def receiver_role(pleno: Pleno, receiver: Receiver) -> str:
    """As what the receiver signs the tanda terima: "Saksi Pemilihan Wali Kota …, Nomor urut 2:
    NAMA", "Bawaslu", "Pemantau, JPPR" …"""
    note = receiver.note.strip()
    if receiver.is_saksi:
        return _saksi_role(pleno, receiver) + (f" ({note})" if note else "")
    if receiver.kind is ReceiverKind.BAWASLU:
        body = "Panwaslu Kecamatan" if pleno.level is Level.KECAMATAN else "Bawaslu"
        return f"{body}, {note}" if note else body
    if receiver.kind is ReceiverKind.PEMANTAU:
        return f"Pemantau, {note}" if note else "Pemantau"
    return note


def _saksi_role(pleno: Pleno, receiver: Receiver) -> str:
    lead = "Saksi" if receiver.kind is ReceiverKind.SAKSI else "Saksi lain"
    contest = pleno.contest(receiver.contest or "")
    number = receiver.choice or 0
    if contest is None:
        return f"{lead} {receiver.contest}, nomor urut {number}"
    if contest.is_party_list:
        party = contest.party(number)
        named = f" ({party.name})" if party else ""
        return f"{lead} {contest.title}, partai nomor urut {number}{named}"
    choice = contest.choice(number)
    return f"{lead} {contest.title}, " + (choice.label() if choice else f"nomor urut {number}")


def meeting_people(pleno: Pleno, recorded_saksi: Sequence[tuple[str, str, int]]) -> MeetingPeople:
    """The meeting's saksi (the setup's and ``recorded_saksi``, (name, contest, choice) from the
    daftar hadir), the numbers each contest has saksi for, its contests and units."""
    saksi: dict[tuple[str, int], list[str]] = {}
    for witness in pleno.witnesses:
        saksi.setdefault((witness.contest, witness.choice), []).append(witness.name)
    for name, contest, choice in recorded_saksi:
        saksi.setdefault((contest, choice), []).append(name)
    return MeetingPeople(
        saksi=saksi,
        saksi_numbers={c.code: set(c.saksi_numbers()) for c in pleno.contests},
        contest_titles={c.code: c.title for c in pleno.contests},
        units={u.code: u.name for u in pleno.units},
    )


def moment_text(pleno: Pleno, copy: HandedCopy) -> str:
    """ "Penutupan kecamatan PALARAN", "Skors", "Penetapan"."""
    unit = pleno.unit(copy.unit) if copy.unit else None
    label = MOMENT_LABELS[copy.moment]
    return f"{label} {unit.name}" if unit else label


def completed(
    receiver: Receiver, document_contests: Collection[str], people: MeetingPeople
) -> Receiver:
    """A saksi named without the contest or the number they stand for, completed from the
    meeting's saksi of that name (among the documents' contests) when exactly one fits."""
    if not receiver.is_saksi or (receiver.contest and receiver.choice is not None):
        return receiver
    fits = {
        key
        for key, names in people.saksi.items()
        if any(same_name(receiver.name, n) for n in names)
        and (receiver.contest in (None, key[0]))
        and (not document_contests or key[0] in document_contests)
        and (receiver.choice in (None, key[1]))
    }
    if len(fits) != 1:
        contests = set(document_contests)
        if receiver.contest is None and len(contests) == 1:
            return replace(receiver, contest=next(iter(contests)))
        return receiver
    ((contest, choice),) = fits
    return replace(receiver, contest=contest, choice=choice)
