"""The meeting's decisions on error findings of the determined values (migration
0012_finding_decisions)."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from rekap_desktop.storage.orm import Base


class FindingDecisionRow(Base):
    """One recorded decision: the finding as it was stated, the reason and the commissioner."""

    __tablename__ = "finding_decision"
    id: Mapped[int] = mapped_column(primary_key=True)
    contest: Mapped[str] = mapped_column(String(20))
    unit: Mapped[str] = mapped_column(String(20))
    code: Mapped[str] = mapped_column(String(20))
    fields: Mapped[str] = mapped_column(Text)
    """The finding's field keys, comma-separated, in the finding's order."""
    message: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(200))
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(200))
