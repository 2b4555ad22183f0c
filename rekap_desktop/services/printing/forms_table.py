"""The table of forms: for each FormKind its title, what it needs (a contest, a Nomor, a
determined result, a recorded seat meeting), which contests it is printed for, and the builder
that gathers its data and hands it to its renderer. Adding a form is one entry here (and its
builder)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rekap_desktop.domain.deciding_level import decides_here, seats_decided_here
from rekap_desktop.domain.election import Contest, ElectionKind, Pleno
from rekap_desktop.services.printing import copies as copy_forms
from rekap_desktop.services.printing import form_builders as build
from rekap_desktop.services.printing.follow_up import follow_up_minutes_form
from rekap_desktop.services.printing.form_builders import Build
from rekap_desktop.services.printing.kinds import FormKind

Contests = Callable[[Pleno], list[Contest]]
"""The contests of the meeting a form can be printed for."""


def every_contest(pleno: Pleno) -> list[Contest]:
    return list(pleno.contests)


def seat_contests(pleno: Pleno) -> list[Contest]:
    """The legislative contests and the DPD whose seats this level decides."""
    return list(seats_decided_here(pleno))


def pilkada_decided_here(pleno: Pleno) -> list[Contest]:
    pilkada = pleno.kind is ElectionKind.PILKADA
    return [c for c in pleno.contests if pilkada and decides_here(c.code, pleno.level)]


def sent_up(pleno: Pleno) -> list[Contest]:
    return [c for c in pleno.contests if not decides_here(c.code, pleno.level)]


def seats_decreed_here(pleno: Pleno) -> list[Contest]:
    return [c for c in pleno.contests if c.is_party_list and decides_here(c.code, pleno.level)]


@dataclass(frozen=True)
class FormSpec:
    title: str
    """How the print centre and the messages name the form."""
    build: Build
    per_contest: bool = False
    """Printed for one contest (asked for with --pemilihan)."""
    contests: Contests = every_contest
    only_for: str | None = None
    """Which contests it is for, as a refusal names them (None: every contest)."""
    numbered: bool = False
    """Carries an official Nomor typed in the print centre."""
    after_determination: bool = False
    """A stage after the recapitulation: printed only once its result is determined."""
    seat_meeting: bool = False
    """A form of the seat meeting: final once that meeting is recorded."""
    needs_seat_meeting: bool = False
    """Offered only once a seat meeting is recorded."""
    provisional: bool = False
    """Always SEMENTARA, whatever the state of the meeting."""
    first_contest: bool = False
    """The same for every contest: printed for the first when none is named."""


PILKADA_HERE = "pemilihan kepala daerah yang hasilnya ditetapkan di tingkat ini"

FORMS: dict[FormKind, FormSpec] = {
    FormKind.D_HASIL: FormSpec(
        "Model D.Hasil (per pemilihan)", build.d_hasil_form, per_contest=True
    ),
    FormKind.KEJADIAN_KHUSUS: FormSpec(
        "Model D.Kejadian Khusus dan/atau Keberatan Saksi", build.register_form
    ),
    FormKind.PENGEMBALIAN: FormSpec(
        "Rekap Pengembalian C.Pemberitahuan",
        build.returns_form,
        per_contest=True,
        first_contest=True,
    ),
    FormKind.DAFTAR_HADIR: FormSpec("Daftar hadir rapat pleno", build.attendance_form),
    FormKind.SKORS: FormSpec(
        "Catatan sementara saat skors (SEMENTARA)", build.interim_form, provisional=True
    ),
    FormKind.PENGUMUMAN: FormSpec(
        "Pengumuman hasil rekapitulasi", build.announcement_form, numbered=True
    ),
    FormKind.BERITA_ACARA: FormSpec("Berita acara rapat pleno", build.minutes_form, numbered=True),
    FormKind.PEROLEHAN_KURSI: FormSpec(
        "Penetapan perolehan kursi dan calon terpilih",
        build.seats_form,
        per_contest=True,
        contests=seat_contests,
        only_for="pemilihan legislatif dan DPD",
        seat_meeting=True,
    ),
    FormKind.DAFTAR_PEMBETULAN: FormSpec("Daftar Pembetulan", build.corrections_list_form),
    FormKind.HITUNG_ULANG: FormSpec(
        "Berita acara pencocokan/penghitungan suara ulang", build.recounts_form
    ),
    FormKind.KEPUTUSAN_HASIL: FormSpec(
        "Keputusan KPU tentang penetapan hasil pemilihan (dengan lampiran)",
        build.result_decree_form,
        per_contest=True,
        contests=pilkada_decided_here,
        only_for=PILKADA_HERE,
        numbered=True,
        after_determination=True,
    ),
    FormKind.PENETAPAN_TERPILIH: FormSpec(
        "Berita acara penetapan pasangan calon terpilih",
        build.elected_pair_form,
        per_contest=True,
        contests=pilkada_decided_here,
        only_for=PILKADA_HERE,
        after_determination=True,
    ),
    FormKind.SURAT_PENGANTAR: FormSpec(
        "Surat pengantar hasil ke tingkat berikutnya",
        build.cover_letter_form,
        per_contest=True,
        contests=sent_up,
        only_for="pemilihan yang hasilnya diteruskan ke tingkat berikutnya",
        after_determination=True,
    ),
    FormKind.KEPUTUSAN_KURSI: FormSpec(
        "Keputusan KPU tentang perolehan kursi dan calon terpilih",
        build.seat_decree_form,
        per_contest=True,
        contests=seats_decreed_here,
        only_for="pemilihan legislatif yang kursinya ditetapkan di tingkat ini",
        seat_meeting=True,
        needs_seat_meeting=True,
    ),
    FormKind.BERITA_ACARA_LANJUTAN: FormSpec(
        "Berita Acara Rapat Pleno Lanjutan", follow_up_minutes_form, numbered=True
    ),
    FormKind.TANDA_TERIMA: FormSpec(
        "Tanda terima salinan (penyerahan terakhir)", copy_forms.receipts_form
    ),
    FormKind.DAFTAR_SALINAN: FormSpec("Daftar penyerahan salinan", copy_forms.copies_list_form),
}

FORM_LABELS = {kind: spec.title for kind, spec in FORMS.items()}
NUMBERED = frozenset(kind for kind, spec in FORMS.items() if spec.numbered)
"""Forms that carry an official Nomor typed in the print centre (the seat Keputusan carries
the number its meeting recorded)."""
PER_CONTEST = frozenset(kind for kind, spec in FORMS.items() if spec.per_contest)
AFTER_DETERMINATION = frozenset(k for k, spec in FORMS.items() if spec.after_determination)
SEAT_MEETING_FORMS = frozenset(k for k, spec in FORMS.items() if spec.seat_meeting)
