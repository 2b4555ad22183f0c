"""Users of the meeting, their PIN hashes, and wrong-PIN attempts (for the lock-out)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from rekap_desktop.storage.orm import Base


class UserRow(Base):
    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    pin_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[str] = mapped_column(String(32))


class PinFailureRow(Base):
    __tablename__ = "pin_failure"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    at: Mapped[str] = mapped_column(String(32))


class IdleLockRow(Base):
    """Kunci layar: the idle time the ketua set (one row; none yet means the default)."""

    __tablename__ = "idle_lock"
    id: Mapped[int] = mapped_column(primary_key=True)
    minutes: Mapped[int]
    set_by: Mapped[str] = mapped_column(String(200))
    set_at: Mapped[str] = mapped_column(String(32))
