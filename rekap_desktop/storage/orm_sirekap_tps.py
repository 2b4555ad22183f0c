"""Sirekap's own flags and photo addresses per TPS of an imported form (migration 0016_sirekap_tps).
Recorded in the audit chain like every other table (storage/row_records.py reads every ``orm*``
module)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from rekap_desktop.storage.orm import Base


class SirekapTpsRow(Base):
    """The TPS files of one imported form version (domain/sirekap_marks.TpsMark), packed like
    kept_rows: one row per form, not per TPS. A row per TPS made an import of 8,417 TPS files
    take 5.8 s instead of 2.5 s, most of it the audit chain recording each row."""

    __tablename__ = "sirekap_tps"
    tally_id: Mapped[int] = mapped_column(ForeignKey("tally.id"), primary_key=True)
    tps_count: Mapped[int]
    marks: Mapped[str] = mapped_column(Text)
    """JSON: per TPS ``[code, status_suara, status_adm, psu, photo_only, [photo per page]]``
    (null where the file did not say; "" for a page without a photo)."""
