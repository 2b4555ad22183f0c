from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Action, Role
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.users_service import UsersService
from rekap_desktop.storage.engine import open_engine

START = datetime(2024, 12, 5, 9, 0).astimezone()


class FakeClock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def users(db_url: str, clock: FakeClock) -> Iterator[UsersService]:
    engine = open_engine(db_url)
    service = UsersService(engine, clock=clock)
    service.add_user("Ketua Uji", Role.KETUA, "111111")
    ketua = service.confirm("Ketua Uji", "111111", Action.MANAGE_USERS)
    service.add_user("Anggota Uji", Role.ANGGOTA, "222222", ketua)
    service.add_user("Operator Uji", Role.OPERATOR, "333333", ketua)
    yield service
    engine.dispose()


def _messages(error: pytest.ExceptionInfo[InputRejected]) -> list[str]:
    return [p.message for p in error.value.problems]


def test_a_commissioner_confirms_and_is_named(users: UsersService) -> None:
    confirmation = users.confirm("Anggota Uji", "222222", Action.APPROVE_CORRECTION)
    assert confirmation.audit_fields() == {
        "dikonfirmasi_oleh": "Anggota Uji",
        "peran_pengonfirmasi": "anggota",
    }


def test_an_operator_is_refused_an_approval(users: UsersService) -> None:
    with pytest.raises(InputRejected) as error:
        users.confirm("Operator Uji", "333333", Action.APPROVE_CORRECTION)
    assert _messages(error) == [
        "Operator tidak berwenang menyetujui pembetulan; perlu Anggota KPU atau Ketua KPU."
    ]


def test_only_the_ketua_reopens_a_determined_result(users: UsersService) -> None:
    with pytest.raises(InputRejected, match="perlu Ketua KPU"):
        users.confirm("Anggota Uji", "222222", Action.REOPEN_DETERMINED)
    assert users.confirm("Ketua Uji", "111111", Action.REOPEN_DETERMINED).user.role is Role.KETUA


def test_five_wrong_pins_lock_the_user_for_five_minutes(
    users: UsersService, clock: FakeClock
) -> None:
    # GIVEN four wrong PINs, each telling how many tries are left
    for left in (4, 3, 2, 1):
        with pytest.raises(InputRejected) as error:
            users.confirm("Anggota Uji", "9999", Action.DETERMINE)
        assert _messages(error) == [f"PIN salah untuk menetapkan hasil; sisa {left} kali percobaan"]
    # WHEN the fifth is wrong too THEN the user is locked, even with the right PIN
    with pytest.raises(InputRejected, match="terkunci 5 menit"):
        users.confirm("Anggota Uji", "9999", Action.DETERMINE)
    with pytest.raises(
        InputRejected, match="terkunci karena 5 kali salah PIN; coba lagi pukul 09.05"
    ):
        users.confirm("Anggota Uji", "222222", Action.DETERMINE)
    # AND five minutes later the right PIN works again
    clock.now = START + timedelta(minutes=5, seconds=1)
    assert users.confirm("Anggota Uji", "222222", Action.DETERMINE).user.name == "Anggota Uji"


def test_user_rules(db_url: str) -> None:
    engine = open_engine(db_url)
    service = UsersService(engine)
    with pytest.raises(InputRejected, match="pengguna pertama harus Ketua KPU"):
        service.add_user("Operator", Role.OPERATOR, "333333")
    with pytest.raises(InputRejected, match="paling sedikit 6"):
        service.add_user("Ketua", Role.KETUA, "12")
    with pytest.raises(InputRejected, match="PIN Ketua KPU paling sedikit 6 angka"):
        service.add_user("Ketua", Role.KETUA, "1234")
    service.add_user("Ketua", Role.KETUA, "123456")
    with pytest.raises(InputRejected, match="perlu konfirmasi PIN Ketua KPU"):
        service.add_user("Lain", Role.ANGGOTA, "555555")
    assert not any("123456" in e for e in _audit_payloads(engine))
    engine.dispose()


def _audit_payloads(engine: object) -> list[str]:
    from sqlalchemy import Engine, text

    assert isinstance(engine, Engine)
    with engine.connect() as connection:
        return [r[0] for r in connection.execute(text("SELECT payload FROM audit_entry"))]


def test_audit_chain_holds_after_user_actions(users: UsersService) -> None:
    with pytest.raises(InputRejected):
        users.confirm("Anggota Uji", "0000", Action.DETERMINE)
    assert PlenoService(users.engine).verify_audit().ok


def _try_pin(url: str, pin: str) -> str:
    """One station's PIN check, in its own process: 'ok', 'salah', 'terkunci' or the error."""
    engine = open_engine(url)
    try:
        UsersService(engine).confirm("Ketua Uji", pin, Action.REOPEN_DETERMINED)
        return "ok"
    except InputRejected as error:
        text = str(error)
        return "terkunci" if "terkunci karena" in text else "salah" if "PIN salah" in text else text
    finally:
        engine.dispose()


def test_pins_checked_at_once_cannot_outrun_the_lock_out(users: UsersService, db_url: str) -> None:
    # GIVEN 30 wrong PINs and the right one, typed at eight stations at the same moment
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from rekap_desktop.storage.orm_users import PinFailureRow

    pins = ["0000"] * 15 + ["111111"] + ["0000"] * 15
    spawn = multiprocessing.get_context("spawn")
    # WHEN every one is checked
    with ProcessPoolExecutor(8, mp_context=spawn) as pool:
        outcomes = list(pool.map(_try_pin, [db_url] * len(pins), pins))
    # THEN exactly five wrong PINs were checked and recorded; every later try met the lock
    assert set(outcomes) <= {"ok", "salah", "terkunci"}, outcomes
    assert outcomes.count("salah") == 5
    with Session(users.engine) as session:
        assert session.scalar(select(func.count()).select_from(PinFailureRow)) == 5
    assert outcomes.count("ok") + outcomes.count("terkunci") == 26


def test_each_added_user_is_recorded_with_their_own_role_and_the_confirmer(
    users: UsersService,
) -> None:
    # GIVEN the ketua, then an anggota and an operator added with the ketua's confirmation
    from sqlalchemy import text

    # WHEN the audit entries of the added users are read
    with users.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT actor, payload FROM audit_entry WHERE event = 'user_added' ORDER BY id")
        ).all()
    # THEN each names the user's own role, and the confirmer with theirs (the operator is not
    # recorded as "ketua")
    recorded = [(actor, json.loads(payload)) for actor, payload in rows]
    # (without the rows each wrote, "baris": the chain's record of the row, checked elsewhere)
    assert [(a, {k: v for k, v in p.items() if k != "baris"}) for a, p in recorded] == [
        ("Ketua Uji", {"nama": "Ketua Uji", "peran": "ketua"}),
        (
            "Ketua Uji",
            {
                "nama": "Anggota Uji",
                "peran": "anggota",
                "dikonfirmasi_oleh": "Ketua Uji",
                "peran_pengonfirmasi": "ketua",
            },
        ),
        (
            "Ketua Uji",
            {
                "nama": "Operator Uji",
                "peran": "operator",
                "dikonfirmasi_oleh": "Ketua Uji",
                "peran_pengonfirmasi": "ketua",
            },
        ),
    ]


def test_a_user_name_longer_than_the_column_is_refused(users: UsersService) -> None:
    # WHEN a user of 201 characters is added THEN refused in Indonesian (on PostgreSQL too)
    ketua = users.confirm("Ketua Uji", "111111", Action.MANAGE_USERS)
    with pytest.raises(InputRejected) as refused:
        users.add_user("N" * 201, Role.OPERATOR, "333333", ketua)
    assert _messages(refused) == ["nama pengguna terlalu panjang (paling banyak 200 karakter)"]
    assert len(users.users()) == 3
