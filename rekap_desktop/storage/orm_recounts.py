"""Pencocokan and penghitungan suara ulang records, and the corrections each caused (migration
0014_recounts)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from rekap_desktop.storage.orm import Base

S20 = String(20)


class RecountRow(Base):
    """One check of chosen TPS/desa; ``number`` is the Nomor of its berita acara."""

    __tablename__ = "recount"
    number: Mapped[int] = mapped_column(primary_key=True)
    contest: Mapped[str] = mapped_column(S20)
    unit: Mapped[str] = mapped_column(S20)
    kind: Mapped[str] = mapped_column(S20)
    places: Mapped[str] = mapped_column(Text)
    """The desa/TPS codes checked, comma-separated."""
    proposed_by: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    incident_number: Mapped[int | None]
    decision: Mapped[str] = mapped_column(S20)
    decided_by: Mapped[str] = mapped_column(String(200))
    box_state: Mapped[str] = mapped_column(S20)
    box_note: Mapped[str] = mapped_column(Text, default="")
    counted_by: Mapped[str] = mapped_column(Text)
    witnesses: Mapped[str] = mapped_column(Text)
    """One name per line."""
    reference_source: Mapped[str] = mapped_column(S20)
    found: Mapped[str] = mapped_column(Text)
    """JSON list of [place, field, recorded, found]."""
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(200))


class RecountCorrectionRow(Base):
    """A correction made on the strength of a recount's berita acara."""

    __tablename__ = "recount_correction"
    correction_id: Mapped[int] = mapped_column(ForeignKey("correction.id"), primary_key=True)
    recount_number: Mapped[int] = mapped_column(ForeignKey("recount.number"))
