"""Kunci layar on a real database: the idle time has a default, only the ketua changes it (PIN,
audited), and unlocking with a wrong PIN counts toward the five-try lock-out."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from rekap_desktop.domain.confirmation import User
from rekap_desktop.domain.idle_lock import DEFAULT_IDLE_MINUTES
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Action, Role
from rekap_desktop.services.events import Change, ChangeBus
from rekap_desktop.services.screen_lock import ScreenLockService
from rekap_desktop.services.users_service import UsersService
from rekap_desktop.storage import audit
from rekap_desktop.storage.engine import open_engine
from rekap_desktop.storage.orm import AuditEntryRow

NOW = datetime(2024, 12, 5, 9, 0).astimezone()


@pytest.fixture
def services(db_url: str) -> Iterator[tuple[UsersService, ScreenLockService]]:
    engine = open_engine(db_url)
    bus = ChangeBus()
    users = UsersService(engine, bus, clock=lambda: NOW)
    users.add_user("Ketua Uji", Role.KETUA, "111111")
    ketua = users.confirm("Ketua Uji", "111111", Action.MANAGE_USERS)
    users.add_user("Anggota Uji", Role.ANGGOTA, "222222", ketua)
    users.add_user("Operator Uji", Role.OPERATOR, "333333", ketua)
    yield users, ScreenLockService(engine, bus)
    engine.dispose()


def _last_entry(users: UsersService) -> AuditEntryRow:
    with Session(users.engine) as session:
        row = session.scalars(select(AuditEntryRow).order_by(AuditEntryRow.id.desc())).first()
        assert row is not None
        return row


def test_a_new_meeting_locks_after_the_default_time(
    services: tuple[UsersService, ScreenLockService],
) -> None:
    _, lock = services
    assert lock.idle_minutes() == DEFAULT_IDLE_MINUTES == 10


def test_the_ketua_sets_the_idle_time_with_the_pin_and_it_is_audited(
    services: tuple[UsersService, ScreenLockService],
) -> None:
    users, lock = services
    seen: list[Change] = []
    lock.bus.subscribe(seen.append)
    # WHEN the ketua confirms 3 minutes, then turns the lock off
    lock.set_idle_minutes("3", users.confirm("Ketua Uji", "111111", Action.SET_IDLE_LOCK))
    assert lock.idle_minutes() == 3
    lock.set_idle_minutes("0", users.confirm("Ketua Uji", "111111", Action.SET_IDLE_LOCK))
    # THEN the setting is stored, announced, and each change is in the chain naming the ketua
    assert lock.idle_minutes() == 0
    assert [c.what for c in seen] == ["idle_lock_set", "idle_lock_set"]
    entry = _last_entry(users)
    assert (entry.event, entry.actor) == ("idle_lock_set", "Ketua Uji")
    payload = json.loads(entry.payload)
    assert payload["baris"]["idle_lock"]["1"]["minutes"] == 0  # the row written, as written
    assert {k: v for k, v in payload.items() if k != "baris"} == {
        "menit": 0,
        "sebelum": 3,
        "dikonfirmasi_oleh": "Ketua Uji",
        "peran_pengonfirmasi": "ketua",
    }
    with Session(users.engine) as session:
        assert audit.verify(session).ok


def test_an_anggota_may_not_set_the_idle_time(
    services: tuple[UsersService, ScreenLockService],
) -> None:
    users, lock = services
    # WHEN an anggota tries to confirm it THEN refused: only the ketua
    with pytest.raises(InputRejected) as refused:
        users.confirm("Anggota Uji", "222222", Action.SET_IDLE_LOCK)
    assert str(refused.value) == (
        "Anggota KPU tidak berwenang mengatur waktu kunci layar; perlu Ketua KPU."
    )
    # WHEN the setting is sent without a confirmation, or one for another action THEN refused
    with pytest.raises(InputRejected, match="perlu konfirmasi PIN Ketua KPU"):
        lock.set_idle_minutes("5", None)
    other = users.confirm("Ketua Uji", "111111", Action.MANAGE_USERS)
    with pytest.raises(InputRejected, match="perlu konfirmasi PIN Ketua KPU"):
        lock.set_idle_minutes("5", other)
    assert lock.idle_minutes() == DEFAULT_IDLE_MINUTES


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("lima", "waktu kunci layar 'lima' bukan bilangan bulat menit"),
        ("-1", "waktu kunci layar '-1' bukan bilangan bulat menit"),
        ("2,5", "waktu kunci layar '2,5' bukan bilangan bulat menit"),
        ("241", "waktu kunci layar paling lama 240 menit, bukan 241"),
    ],
)
def test_a_bad_idle_time_is_refused_and_nothing_changes(
    services: tuple[UsersService, ScreenLockService], text: str, message: str
) -> None:
    users, lock = services
    confirmation = users.confirm("Ketua Uji", "111111", Action.SET_IDLE_LOCK)
    head = _last_entry(users).id
    with pytest.raises(InputRejected) as refused:
        lock.set_idle_minutes(text, confirmation)
    assert str(refused.value).startswith(message)
    assert (lock.idle_minutes(), _last_entry(users).id) == (DEFAULT_IDLE_MINUTES, head)


def test_any_user_unlocks_and_wrong_pins_count_toward_the_lock_out(
    services: tuple[UsersService, ScreenLockService],
) -> None:
    users, _ = services
    # WHEN the operator unlocks with the right PIN THEN it is the operator, audited
    assert users.unlock("Operator Uji", "333333") == User("Operator Uji", Role.OPERATOR)
    assert (_last_entry(users).event, _last_entry(users).actor) == (
        "screen_unlocked",
        "Operator Uji",
    )
    # WHEN a wrong PIN is typed THEN refused, saying how many tries are left
    with pytest.raises(InputRejected) as refused:
        users.unlock("Operator Uji", "0000")
    assert str(refused.value) == "PIN salah untuk membuka kunci layar; sisa 4 kali percobaan"
    # WHEN four more wrong PINs follow (one of them at a guarded action) THEN the user is locked
    for _ in range(3):
        with pytest.raises(InputRejected):
            users.unlock("Operator Uji", "0000")
    with pytest.raises(InputRejected):
        users.confirm("Operator Uji", "0000", Action.APPROVE_CORRECTION)
    with pytest.raises(InputRejected) as locked:
        users.unlock("Operator Uji", "333333")
    assert (
        str(locked.value) == "Operator Uji terkunci karena 5 kali salah PIN; coba lagi pukul 09.05"
    )
