"""Every dialog and page class of the GUI is opened and accepted through its widgets by at least
one test (marked ``@drives``; the mark is checked while that test runs). A new dialog or page
that no test drives fails here."""

from __future__ import annotations

from tests.gui.registry import dialog_and_page_classes, driven_classes

KNOWN_UNTESTED: frozenset[str] = frozenset()
"""Dialogs and pages no test drives through their widgets yet: none. Should one ever be listed
here, the list may only shrink: a class that gets a driving test must be taken off it (checked
below)."""


def test_every_dialog_and_page_is_driven_by_a_test() -> None:
    classes = dialog_and_page_classes()
    driven = driven_classes()
    untested = classes - set(driven) - KNOWN_UNTESTED
    assert not untested, f"tidak ada tes yang menjalankan lewat widgetnya: {sorted(untested)}"


def test_the_known_untested_list_only_names_untested_classes() -> None:
    classes = dialog_and_page_classes()
    driven = driven_classes()
    assert KNOWN_UNTESTED <= classes, f"bukan kelas dialog/halaman: {KNOWN_UNTESTED - classes}"
    now_driven = KNOWN_UNTESTED & set(driven)
    assert not now_driven, f"sudah dijalankan tes, hapus dari daftar: {sorted(now_driven)}"
