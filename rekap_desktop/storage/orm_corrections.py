"""Tables of the comparison (items 7–10): corrections, confirmations, double-entry passes, pairs
marked read and form photos. Migration 0004 (what each source said: 0011)."""

from __future__ import annotations

from sqlalchemy import Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from rekap_desktop.storage.orm import Base

S20 = String(20)


class CorrectionRow(Base):
    """Pembetulan: a settled field; the determined value is the pleno form version it wrote."""

    __tablename__ = "correction"
    id: Mapped[int] = mapped_column(primary_key=True)
    contest: Mapped[str] = mapped_column(S20)
    unit: Mapped[str] = mapped_column(S20)
    field: Mapped[str] = mapped_column(String(40))
    before: Mapped[int | None]
    after: Mapped[int]
    reason: Mapped[str] = mapped_column(String(40))
    reason_text: Mapped[str] = mapped_column(Text, default="")
    basis: Mapped[str] = mapped_column(Text)
    proposed_by: Mapped[str] = mapped_column(Text)
    approved_by: Mapped[str] = mapped_column(Text)
    incident_number: Mapped[int | None]
    source_values: Mapped[str | None] = mapped_column(Text, default=None)
    """JSON {source code: value} of every source's form at the time (migration 0011); None on
    corrections made before it was kept."""
    pleno_version: Mapped[int]
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(200))


class EntryConfirmationRow(Base):
    """ "Sesuai": a field read aloud equal to the value shown."""

    __tablename__ = "entry_confirmation"
    id: Mapped[int] = mapped_column(primary_key=True)
    contest: Mapped[str] = mapped_column(S20)
    unit: Mapped[str] = mapped_column(S20)
    source: Mapped[str] = mapped_column(S20)
    field: Mapped[str] = mapped_column(String(40))
    value: Mapped[int]
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(200))


class EntryPassRow(Base):
    """One keyed value of one pass of a double entry; the latest row per field counts."""

    __tablename__ = "entry_pass"
    __table_args__ = (Index("ix_entry_pass_form", "contest", "unit", "source", "pass_no"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    contest: Mapped[str] = mapped_column(S20)
    unit: Mapped[str] = mapped_column(S20)
    source: Mapped[str] = mapped_column(S20)
    pass_no: Mapped[int]
    field: Mapped[str] = mapped_column(String(40))
    value: Mapped[int]
    applied: Mapped[bool] = mapped_column(default=False)
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(200))


class PairStatusRow(Base):
    """A kecamatan × contest marked read (or reopened by a later entry); the latest row counts."""

    __tablename__ = "pair_status"
    id: Mapped[int] = mapped_column(primary_key=True)
    contest: Mapped[str] = mapped_column(S20)
    unit: Mapped[str] = mapped_column(S20)
    status: Mapped[str] = mapped_column(S20)
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(200))


class FormPhotoRow(Base):
    """A photo (JPG/PNG) of a form of one kecamatan × contest × source, kept as bytes."""

    __tablename__ = "form_photo"
    id: Mapped[int] = mapped_column(primary_key=True)
    contest: Mapped[str] = mapped_column(S20)
    unit: Mapped[str] = mapped_column(S20)
    source: Mapped[str] = mapped_column(S20)
    file_name: Mapped[str] = mapped_column(String(500))
    mime: Mapped[str] = mapped_column(String(20))
    width: Mapped[int]
    height: Mapped[int]
    size_bytes: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(200))
