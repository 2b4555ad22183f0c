"""Decisions the meeting recorded on ties the law leaves open (equal quotients, equal votes)."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from rekap_desktop.storage.orm import Base


class SeatDecisionRow(Base):
    """One recorded decision; a later decision on the same tie key replaces it (history stays in
    the audit chain and in this table)."""

    __tablename__ = "seat_decision"
    id: Mapped[int] = mapped_column(primary_key=True)
    contest: Mapped[str] = mapped_column(String(20))
    tie_key: Mapped[str] = mapped_column(String(400))
    chosen: Mapped[str] = mapped_column(String(200))
    """The chosen numbers, comma-separated, ascending."""
    reason: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(200))
    decided_at: Mapped[str] = mapped_column(String(32))


class SeatMeetingRow(Base):
    """One record of the seat meeting of a contest; a later record replaces it (the earlier stay
    here and in the audit chain)."""

    __tablename__ = "seat_meeting"
    id: Mapped[int] = mapped_column(primary_key=True)
    contest: Mapped[str] = mapped_column(String(20))
    held_at: Mapped[str] = mapped_column(String(32))
    place: Mapped[str] = mapped_column(Text)
    decree_number: Mapped[str] = mapped_column(String(200))
    court_notice: Mapped[str] = mapped_column(Text)
    attendance: Mapped[str] = mapped_column(Text)
    """JSON: {"anggota": [names], "bawaslu": [names], "partai": [[number, name]]}."""
    recorded_by: Mapped[str] = mapped_column(String(200))
    recorded_at: Mapped[str] = mapped_column(String(32))
