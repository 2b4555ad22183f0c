"""The table of forms: one entry per form, from which the print centre's lists and the print
service's rules are read."""

from __future__ import annotations

from rekap_desktop.services.printing.forms_table import (
    AFTER_DETERMINATION,
    FORM_LABELS,
    FORMS,
    NUMBERED,
    PER_CONTEST,
    SEAT_MEETING_FORMS,
)
from rekap_desktop.services.printing.kinds import FormKind


def test_every_form_has_one_entry_naming_it() -> None:
    # GIVEN the forms the meeting prints THEN each has its entry, in the order the print centre
    # lists them, with the title it is named by
    assert list(FORMS) == list(FormKind)
    assert FORM_LABELS[FormKind.D_HASIL] == "Model D.Hasil (per pemilihan)"
    assert all(FORM_LABELS[kind] == spec.title for kind, spec in FORMS.items())


def test_what_each_form_needs_is_read_from_its_entry() -> None:
    # THEN the Nomor, the contest, the penetapan and the seat meeting are asked of the forms
    # that need them, and of no other
    assert NUMBERED == {
        FormKind.BERITA_ACARA,
        FormKind.PENGUMUMAN,
        FormKind.KEPUTUSAN_HASIL,
        FormKind.BERITA_ACARA_LANJUTAN,
    }
    assert AFTER_DETERMINATION == {
        FormKind.KEPUTUSAN_HASIL,
        FormKind.PENETAPAN_TERPILIH,
        FormKind.SURAT_PENGANTAR,
    }
    assert SEAT_MEETING_FORMS == {FormKind.PEROLEHAN_KURSI, FormKind.KEPUTUSAN_KURSI}
    assert PER_CONTEST == {FormKind.D_HASIL, FormKind.PENGEMBALIAN} | (
        AFTER_DETERMINATION | SEAT_MEETING_FORMS
    )
    assert [k for k, spec in FORMS.items() if spec.provisional] == [FormKind.SKORS]
    assert {k for k, spec in FORMS.items() if spec.only_for} == {
        FormKind.PEROLEHAN_KURSI,
        FormKind.KEPUTUSAN_HASIL,
        FormKind.PENETAPAN_TERPILIH,
        FormKind.SURAT_PENGANTAR,
        FormKind.KEPUTUSAN_KURSI,
    }
