"""Tables (SQLAlchemy 2 typed ORM), kept apart from the domain's frozen dataclasses."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class MeetingRow(Base):
    """The one rapat pleno this database holds, as its setup file (formats §1)."""

    __tablename__ = "meeting"
    id: Mapped[int] = mapped_column(primary_key=True)
    setup_json: Mapped[str] = mapped_column(Text)
    is_demo: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[str] = mapped_column(String(32))


class ImportBatchRow(Base):
    """A file imported as a whole; its bytes are kept (compressed) as evidence."""

    __tablename__ = "import_batch"
    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(500))
    file_format: Mapped[str] = mapped_column(String(40))
    sha256: Mapped[str] = mapped_column(String(64))
    row_count: Mapped[int]
    content_zlib: Mapped[bytes] = mapped_column(LargeBinary)
    imported_at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(200))


class TallyRow(Base):
    """One version of the form of one (contest, unit, source); newer versions never erase older."""

    __tablename__ = "tally"
    __table_args__ = (
        UniqueConstraint("contest", "unit", "source", "version"),
        Index("ix_tally_current", "is_current", "contest", "unit", "source"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    contest: Mapped[str] = mapped_column(String(20))
    unit: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(20))
    version: Mapped[int]
    is_current: Mapped[bool]
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))
    created_at: Mapped[str] = mapped_column(String(32))
    values: Mapped[list[TallyValueRow]] = relationship(
        back_populates="tally", cascade="all, delete-orphan", lazy="selectin"
    )


class TallyValueRow(Base):
    __tablename__ = "tally_value"
    tally_id: Mapped[int] = mapped_column(ForeignKey("tally.id"), primary_key=True)
    field: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int]
    tally: Mapped[TallyRow] = relationship(back_populates="values")


class IncidentRow(Base):
    """Kejadian Khusus dan/atau Keberatan Saksi: one entry of the register."""

    __tablename__ = "incident"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    unit: Mapped[str | None] = mapped_column(String(20))
    contest: Mapped[str | None] = mapped_column(String(20))
    raised_by: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(40))
    resolution: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(20))
    origin_number: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[str] = mapped_column(String(32))
    # Added by migration 0007 (the full register entry).
    origin_status: Mapped[str | None] = mapped_column(String(40))
    raiser_role: Mapped[str | None] = mapped_column(String(20))
    raiser_name: Mapped[str] = mapped_column(Text, default="")
    raiser_contest: Mapped[str | None] = mapped_column(String(20))
    raiser_choice: Mapped[int | None]
    subject: Mapped[str] = mapped_column(String(20), default="hasil")
    field: Mapped[str | None] = mapped_column(String(40))
    procedure_item: Mapped[int | None]
    bawaslu_opinion: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(default=1)


class AuditEntryRow(Base):
    """Append-only, hash-chained audit log; written in the transaction of the change it records."""

    __tablename__ = "audit_entry"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(200))
    event: Mapped[str] = mapped_column(String(60))
    payload: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
