"""Sesi lanjutan rules: when a session may be opened, what is in its scope, how it is named, and
which determined values changed between two penetapan."""

from __future__ import annotations

from datetime import date

import pytest

from rekap_desktop.domain.follow_up import (
    Basis,
    FollowUpRequest,
    FollowUpSession,
    changes,
    open_problems,
    out_of_scope,
    parse_basis,
)

UNITS = ("647201", "647202")
CONTESTS = ("gubernur", "walikota")
TODAY = date(2025, 3, 1)


def _request(**changed: object) -> FollowUpRequest:
    values: dict[str, object] = {
        "basis": Basis.MK_RECAP,
        "document_number": "12/PHPU.WAKO-XXIII/2025",
        "document_date": date(2025, 2, 24),
        "units": ("647201",),
        "contests": (),
        "description": "",
    }
    values.update(changed)
    return FollowUpRequest(**values)  # type: ignore[arg-type]


def _session(**changed: object) -> FollowUpSession:
    values: dict[str, object] = {
        "number": 1,
        "basis": Basis.MK_RECAP,
        "document_number": "12/PHPU.WAKO-XXIII/2025",
        "document_date": date(2025, 2, 24),
        "units": ("647201",),
        "contests": (),
        "description": "",
        "opened_by": "Ketua",
        "opened_at": "2025-03-01T10:00:00+08:00",
    }
    values.update(changed)
    return FollowUpSession(**values)  # type: ignore[arg-type]


def _problems(request: FollowUpRequest, *, determined: bool = True) -> list[str]:
    return open_problems(request, UNITS, CONTESTS, determined, None, TODAY)


def test_a_complete_request_on_a_determined_result_may_be_opened() -> None:
    assert _problems(_request()) == []


def test_only_a_determined_result_is_taken_up_again() -> None:
    assert _problems(_request(), determined=False) == [
        "sesi lanjutan hanya dapat dibuka setelah hasil ditetapkan (penetapan); hasil rapat ini "
        "belum ditetapkan atau sedang dibuka kembali"
    ]


def test_one_session_at_a_time() -> None:
    problems = open_problems(_request(), UNITS, CONTESTS, False, _session(), TODAY)
    assert problems == [
        "Sesi lanjutan ke-1 berdasarkan Putusan MK Nomor 12/PHPU.WAKO-XXIII/2025 tanggal "
        "24 Februari 2025 masih terbuka; tetapkan hasilnya dahulu sebelum membuka sesi "
        "lanjutan berikutnya"
    ]


def test_document_number_and_date_are_required_and_the_date_not_in_the_future() -> None:
    assert _problems(_request(document_number="  ", document_date=None)) == [
        "nomor Putusan MK wajib diisi",
        "tanggal Putusan MK wajib diisi (tahun-bulan-hari, mis. 2025-02-24)",
    ]
    assert _problems(_request(basis=Basis.BAWASLU, document_date=date(2025, 3, 2))) == [
        "tanggal Rekomendasi Bawaslu (2 Maret 2025) belum tiba; hari ini 1 Maret 2025"
    ]


def test_the_scope_is_kecamatan_and_pemilihan_of_this_meeting() -> None:
    assert _problems(_request(units=())) == [
        "pilih paling sedikit satu kecamatan yang dibuka dalam sesi lanjutan"
    ]
    assert _problems(_request(units=("647201", "999999"), contests=("dpr",))) == [
        "kecamatan '999999' tidak ada dalam pleno ini",
        "pemilihan 'dpr' tidak ada dalam pleno ini",
    ]


def test_scope_covers_its_kecamatan_their_places_and_its_contests() -> None:
    every = _session()
    assert every.covers("walikota", "647201")
    assert every.covers(None, "647201")
    assert every.covers("gubernur", "6472011001011")  # a TPS of PALARAN
    assert not every.covers("walikota", "647202")
    chosen = _session(contests=("walikota",))
    assert chosen.covers("walikota", "647201")
    assert not chosen.covers("gubernur", "647201")
    assert not chosen.covers(None, "647201")


def test_a_refusal_names_the_unit_and_the_session() -> None:
    assert out_of_scope(_session(), "SAMARINDA ULU", None) == (
        "kecamatan SAMARINDA ULU tidak termasuk cakupan Sesi lanjutan ke-1 berdasarkan Putusan "
        "MK Nomor 12/PHPU.WAKO-XXIII/2025 tanggal 24 Februari 2025; selama sesi lanjutan hanya "
        "kecamatan dan pemilihan dalam cakupannya yang dapat diubah"
    )


def test_the_basis_is_read_by_its_code_or_its_label() -> None:
    assert parse_basis("putusan-mk-psu") is Basis.MK_REVOTE
    assert parse_basis("Rekomendasi Bawaslu") is Basis.BAWASLU
    assert parse_basis("putusan") is None


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ({("w", "1", "suara_01"): 100}, {("w", "1", "suara_01"): 100}, []),
        ({("w", "1", "suara_01"): 100}, {("w", "1", "suara_01"): 90}, [("suara_01", 100, 90)]),
        ({}, {("w", "1", "suara_02"): 5}, [("suara_02", None, 5)]),
    ],
)
def test_changes_are_every_value_that_differs(
    before: dict[tuple[str, str, str], int],
    after: dict[tuple[str, str, str], int],
    expected: list[tuple[str, int | None, int | None]],
) -> None:
    assert [(c.field, c.before, c.after) for c in changes(before, after)] == expected
