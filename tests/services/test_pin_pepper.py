"""A copied database file does not give up the PINs: the PIN key outside the database enters every
hash; hashes from before the key still verify and are replaced at the next correct PIN."""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from rekap_desktop.domain.audit_events import AuditEvent
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Action, Role
from rekap_desktop.services.demo import DEMO_PINS
from rekap_desktop.services.pin_hashing import PEPPERED, PIN_KEY_FILE
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.users_service import UsersService
from rekap_desktop.storage.engine import open_engine
from rekap_desktop.storage.orm import AuditEntryRow
from rekap_desktop.storage.orm_users import PinFailureRow, UserRow

KETUA = "Ketua Uji"
PIN = DEMO_PINS[Role.KETUA]


def _stored_hash(engine: Engine) -> str:
    with Session(engine) as session:
        return session.scalars(select(UserRow.pin_hash).where(UserRow.name == KETUA)).one()


def test_the_stored_hash_cannot_be_tried_without_the_pin_key(tmp_path: Path) -> None:
    # GIVEN a ketua added on a laptop (SQLite file)
    engine = open_engine(str(tmp_path / "pleno.sqlite"))
    UsersService(engine).add_user(KETUA, Role.KETUA, PIN)
    stored = _stored_hash(engine)
    # THEN the file holds no argon2 hash of the PIN itself: trying PINs on it finds nothing
    assert stored.startswith(PEPPERED + "$")
    argon2_part = stored.split("$", 2)[2]
    with pytest.raises(VerificationError):
        PasswordHasher().verify(argon2_part, PIN)
    # AND the program, which has the PIN key, still accepts the PIN
    assert UsersService(engine).confirm(KETUA, PIN, Action.DETERMINE).user.name == KETUA
    engine.dispose()


def test_a_hash_from_before_the_pin_key_verifies_and_is_replaced(tmp_path: Path) -> None:
    # GIVEN a database whose ketua's PIN was hashed by an earlier version (argon2 alone)
    engine = open_engine(str(tmp_path / "pleno.sqlite"))
    users = UsersService(engine)
    users.add_user(KETUA, Role.KETUA, PIN)
    with Session(engine) as session, session.begin():
        row = session.scalars(select(UserRow)).one()
        row.pin_hash = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1).hash(PIN)
    # WHEN the ketua gives the right PIN
    assert users.confirm(KETUA, PIN, Action.DETERMINE).user.name == KETUA
    # THEN the hash is replaced by one the PIN key enters, audited, and the PIN still works
    assert _stored_hash(engine).startswith(PEPPERED + "$")
    with Session(engine) as session:
        events = list(session.scalars(select(AuditEntryRow.event).order_by(AuditEntryRow.id)))
    assert events[-1] == AuditEvent.PIN_STRENGTHENED
    assert users.confirm(KETUA, PIN, Action.DETERMINE).user.name == KETUA
    assert PlenoService(engine).verify_audit().ok
    engine.dispose()


def test_a_pin_of_another_installation_is_named_not_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a database made on another laptop (another key folder, so another PIN key)
    engine = open_engine(str(tmp_path / "pleno.sqlite"))
    UsersService(engine).add_user(KETUA, Role.KETUA, PIN)
    monkeypatch.setenv("REKAP_KEY_DIR", str(tmp_path / "laptop-lain"))
    # WHEN the ketua gives the right PIN here
    # THEN it says which file is missing, and no wrong PIN is counted against the ketua
    with pytest.raises(InputRejected, match=PIN_KEY_FILE):
        UsersService(engine).confirm(KETUA, PIN, Action.DETERMINE)
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(PinFailureRow)) == 0
    engine.dispose()


def test_a_server_database_shared_by_stations_hashes_without_the_key(db_url: str) -> None:
    # GIVEN a database of any kind
    engine = open_engine(db_url)
    UsersService(engine).add_user(KETUA, Role.KETUA, PIN)
    # THEN a server database (each station has its own key folder) keeps plain argon2 hashes,
    # which every station can check; a file on this laptop gets the PIN key
    peppered = _stored_hash(engine).startswith(PEPPERED + "$")
    assert peppered is (engine.dialect.name == "sqlite")
    assert UsersService(engine).confirm(KETUA, PIN, Action.DETERMINE).user.role is Role.KETUA
    engine.dispose()
