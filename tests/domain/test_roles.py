from __future__ import annotations

from datetime import datetime, timedelta

from rekap_desktop.domain.roles import Action, Role, locked_until, may_confirm, pin_problem

NOW = datetime(2024, 12, 5, 10, 0)


def test_operators_confirm_nothing_commissioners_most_ketua_all() -> None:
    for action in Action:
        assert not may_confirm(Role.OPERATOR, action)
        assert may_confirm(Role.KETUA, action)
    assert may_confirm(Role.ANGGOTA, Action.APPROVE_CORRECTION)
    assert not may_confirm(Role.ANGGOTA, Action.REOPEN_DETERMINED)


def test_lock_after_five_recent_failures_only() -> None:
    four = [NOW - timedelta(seconds=s) for s in (10, 20, 30, 40)]
    assert locked_until(four, NOW) is None
    assert locked_until([*four, NOW], NOW) == NOW + timedelta(minutes=5)
    old = [NOW - timedelta(minutes=6)] * 5
    assert locked_until(old, NOW) is None


def test_pin_rules() -> None:
    assert pin_problem("123", Role.OPERATOR) == "PIN paling sedikit 4 karakter."
    assert pin_problem(" 1234", Role.OPERATOR) is not None
    assert pin_problem("1234", Role.OPERATOR) is None


def test_commissioner_pins_have_six_digits() -> None:
    assert pin_problem("12345", Role.KETUA) == (
        "PIN Ketua KPU paling sedikit 6 angka; yang dimasukkan hanya 5."
    )
    assert pin_problem("1234", Role.ANGGOTA) == (
        "PIN Anggota KPU paling sedikit 6 angka; yang dimasukkan hanya 4."
    )
    assert pin_problem("123456", Role.KETUA) is None
    assert pin_problem("123456", Role.ANGGOTA) is None
