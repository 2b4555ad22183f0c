"""Copies (salinan) of printed form versions handed to saksi, Bawaslu and others (migration
0018_copies)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from rekap_desktop.storage.orm import Base

S20 = String(20)
S200 = String(200)


class HandedCopyRow(Base):
    """One copy: ``number`` counts the copies of its print version ("salinan ke-3"); ``handing``
    groups the copies recorded together (one tanda terima per receiver)."""

    __tablename__ = "handed_copy"
    __table_args__ = (UniqueConstraint("print_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    handing: Mapped[int]
    print_id: Mapped[int] = mapped_column(ForeignKey("print_version.id"))
    number: Mapped[int]
    document: Mapped[str] = mapped_column(Text)
    """The form as the tanda terima names it, as it was named when handed."""
    receiver_name: Mapped[str] = mapped_column(S200)
    receiver_kind: Mapped[str] = mapped_column(S20)
    contest: Mapped[str | None] = mapped_column(S20)
    choice: Mapped[int | None]
    receiver_note: Mapped[str] = mapped_column(Text)
    medium: Mapped[str] = mapped_column(S20)
    moment: Mapped[str] = mapped_column(String(30))
    unit: Mapped[str | None] = mapped_column(S20)
    handed_by: Mapped[str] = mapped_column(S200)
    handed_at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(S200)
