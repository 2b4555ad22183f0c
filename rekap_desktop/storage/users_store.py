"""The stored users, their wrong-PIN attempts and the idle-lock setting, read and written inside a
caller's session (the users service's write units, the confirmation check)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from rekap_desktop.storage.orm_users import IdleLockRow, PinFailureRow, UserRow


def stored_role(session: Session, name: str) -> str | None:
    """The role stored for the user ``name`` now, or None when there is no such user."""
    return session.scalars(select(UserRow.role).where(UserRow.name == name)).first()


def all_users(session: Session) -> list[UserRow]:
    """Every user, in the order they were added."""
    return list(session.scalars(select(UserRow).order_by(UserRow.id)))


def user_named(session: Session, name: str) -> UserRow | None:
    return session.scalars(select(UserRow).where(UserRow.name == name)).first()


def add_user(session: Session, name: str, role: str, pin_hash: str, at: str) -> None:
    session.add(UserRow(name=name, role=role, pin_hash=pin_hash, created_at=at))


def pin_failures(session: Session, user_id: int) -> list[str]:
    """When the user's wrong PINs were typed (ISO times), oldest first."""
    return list(
        session.scalars(
            select(PinFailureRow.at)
            .where(PinFailureRow.user_id == user_id)
            .order_by(PinFailureRow.id)
        )
    )


def add_pin_failure(session: Session, user_id: int, at: str) -> None:
    session.add(PinFailureRow(user_id=user_id, at=at))


def idle_minutes(session: Session) -> int | None:
    """The idle-lock minutes the ketua set; None while never set."""
    return session.scalar(select(IdleLockRow.minutes).where(IdleLockRow.id == 1))


def set_idle_minutes(session: Session, minutes: int, by: str, at: str) -> int | None:
    """Store the idle-lock minutes; what they were before (None: never set)."""
    row = session.get(IdleLockRow, 1)
    before = None if row is None else row.minutes
    if row is None:
        row = IdleLockRow(id=1)
        session.add(row)
    row.minutes, row.set_by, row.set_at = minutes, by, at
    return before
