"""The meeting's plausibility thresholds and its overrides of plausibility warnings (migration
0015_plausibility_overrides). Both tables are recorded in the audit chain like every other
(storage/row_records.py reads every ``orm*`` module)."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from rekap_desktop.storage.orm import Base


class PlausibilityOverrideRow(Base):
    """One recorded override: the warning as it was stated, the reason and the commissioner."""

    __tablename__ = "plausibility_override"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20))
    contest: Mapped[str] = mapped_column(String(20))
    unit: Mapped[str] = mapped_column(String(20))
    place: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(20))
    fields: Mapped[str] = mapped_column(Text)
    """The warning's field keys, comma-separated, in the warning's order."""
    message: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    overridden_by: Mapped[str] = mapped_column(String(200))
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(200))


class PlausibilityLimitsRow(Base):
    """Ambang kewajaran set by the meeting (one row; none yet means the defaults). Shares and the
    score are kept as exact fractions ("1/10", "7/2") so what was set is what is applied."""

    __tablename__ = "plausibility_limits"
    id: Mapped[int] = mapped_column(primary_key=True)
    invalid_share: Mapped[str] = mapped_column(String(40))
    ballot_share: Mapped[str] = mapped_column(String(40))
    ballot_sheets: Mapped[int]
    zero_share: Mapped[str] = mapped_column(String(40))
    outlier_z: Mapped[str] = mapped_column(String(40))
    min_places: Mapped[int]
    set_by: Mapped[str] = mapped_column(String(200))
    set_at: Mapped[str] = mapped_column(String(32))
