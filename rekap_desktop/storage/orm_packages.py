"""Tables of data exchange: Sirekap snapshot progress per unit, sender keys trusted by the
operator, and the result packages (``.rekap``) imported from the level below."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from rekap_desktop.storage.orm import Base


class SirekapProgressRow(Base):
    """What one Sirekap import showed for one unit: snapshot time (``ts``) and TPS progress."""

    __tablename__ = "sirekap_progress"
    __table_args__ = (Index("ix_sirekap_progress_unit", "contest", "unit"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id"))
    contest: Mapped[str] = mapped_column(String(20))
    unit: Mapped[str] = mapped_column(String(20))
    ts: Mapped[str] = mapped_column(String(32))
    done: Mapped[int | None]
    total: Mapped[int | None]
    imported_at: Mapped[str] = mapped_column(String(32))


class TrustedKeyRow(Base):
    """A sender's Ed25519 key the operator confirmed by its fingerprint (read aloud, on paper)."""

    __tablename__ = "trusted_key"
    fingerprint: Mapped[str] = mapped_column(String(80), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))
    region: Mapped[str] = mapped_column(String(20))
    """The unit (sender's region) the key was first confirmed for."""
    trusted_at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(200))


class PackageImportRow(Base):
    """A result package imported for one unit; a later package must be newer."""

    __tablename__ = "package_import"
    id: Mapped[int] = mapped_column(primary_key=True)
    unit: Mapped[str] = mapped_column(String(20), index=True)
    manifest_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[str] = mapped_column(String(40))
    """The package's own time (manifest ``dibuat``)."""
    fingerprint: Mapped[str] = mapped_column(String(80))
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id"))
    summary: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[str] = mapped_column(String(32))
