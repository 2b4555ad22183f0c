"""Printed forms: every print is a numbered version kept with its PDF (Pasal 32: print, check,
correct, reprint), so a sidik data read from paper can be traced to what was printed."""

from __future__ import annotations

from sqlalchemy import Index, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from rekap_desktop.storage.orm import Base


class PrintVersionRow(Base):
    __tablename__ = "print_version"
    __table_args__ = (
        UniqueConstraint("kind", "contest", "version"),
        Index("ix_print_version_fingerprint", "fingerprint"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    contest: Mapped[str] = mapped_column(String(20))
    """Contest code, or "" for a form of the whole meeting."""
    version: Mapped[int]
    paper: Mapped[str] = mapped_column(String(8))
    fingerprint: Mapped[str] = mapped_column(String(20))
    content_hash: Mapped[str] = mapped_column(String(64))
    watermark: Mapped[str] = mapped_column(String(20))
    determined: Mapped[bool]
    pages: Mapped[int]
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    printed_at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(200))
