"""Tables of the procedure (tata cara rapat): the move log and the records of each agenda item."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from rekap_desktop.storage.orm import Base


class ProcedureMoveRow(Base):
    """One accepted move of the procedure, in order; the state is rebuilt by replaying them."""

    __tablename__ = "procedure_move"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    item: Mapped[str | None] = mapped_column(String(20))
    unit: Mapped[str | None] = mapped_column(String(20))
    contest: Mapped[str | None] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")


class AttendanceRow(Base):
    """Daftar hadir (item 1): one person present; a saksi names contest and choice."""

    __tablename__ = "attendance"
    id: Mapped[int] = mapped_column(primary_key=True)
    role: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(Text)
    contest: Mapped[str | None] = mapped_column(String(20))
    choice: Mapped[int | None]
    mandate_checked: Mapped[bool | None]
    note: Mapped[str] = mapped_column(Text, default="")
    arrived_at: Mapped[str] = mapped_column(String(32))
    left_at: Mapped[str | None] = mapped_column(String(32))


class ProcedureTextRow(Base):
    """Peraturan teknis / tata tertib (items 2–3): each edit is a new version."""

    __tablename__ = "procedure_text"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40))
    body: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[str] = mapped_column(String(32))


class BoxCheckRow(Base):
    """Pembukaan kotak (item 4) of one kecamatan; a later check adds a row."""

    __tablename__ = "box_check"
    id: Mapped[int] = mapped_column(primary_key=True)
    unit: Mapped[str] = mapped_column(String(20))
    seal_intact: Mapped[bool]
    forms_found: Mapped[str] = mapped_column(Text)
    """JSON list of the forms found inside."""
    note: Mapped[str] = mapped_column(Text, default="")
    checked_at: Mapped[str] = mapped_column(String(32))


class ReturnedNoticeRow(Base):
    """Returned, undistributed C.Pemberitahuan of one desa/kelurahan (item 5); newest wins."""

    __tablename__ = "returned_notice"
    id: Mapped[int] = mapped_column(primary_key=True)
    unit: Mapped[str] = mapped_column(String(20))
    village: Mapped[str] = mapped_column(Text)
    count: Mapped[int]
    entered_at: Mapped[str] = mapped_column(String(32))


class PauseRow(Base):
    """Skors (item 11): reason, start and end."""

    __tablename__ = "pause"
    id: Mapped[int] = mapped_column(primary_key=True)
    reason: Mapped[str] = mapped_column(Text)
    started_at: Mapped[str] = mapped_column(String(32))
    ended_at: Mapped[str | None] = mapped_column(String(32))


class ObjectionCallRow(Base):
    """Item 12: when the room was asked, and what it answered."""

    __tablename__ = "objection_call"
    id: Mapped[int] = mapped_column(primary_key=True)
    asked_at: Mapped[str] = mapped_column(String(32))
    none_raised: Mapped[bool]
    objections: Mapped[str] = mapped_column(Text, default="")


class SignatureRow(Base):
    """Penetapan: one signatory of one determination, signed or refused with a reason."""

    __tablename__ = "signature"
    id: Mapped[int] = mapped_column(primary_key=True)
    move_id: Mapped[int] = mapped_column(index=True)
    """The DETERMINE move this signature belongs to."""
    name: Mapped[str] = mapped_column(Text)
    position: Mapped[str] = mapped_column(String(100))
    signed: Mapped[bool]
    reason: Mapped[str] = mapped_column(Text, default="")
