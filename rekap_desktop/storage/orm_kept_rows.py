"""The desa/TPS rows a form version was summed from (migration 0013_kept_rows)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from rekap_desktop.storage.orm import Base


class KeptRowsRow(Base):
    """All rows below one unit of one form version, packed (domain/kept_rows.py): one row of
    this table per form, not per TPS, so a national file of 823,236 TPS rows adds a few
    thousand rows here. The audit chain records each by the digest of its columns."""

    __tablename__ = "kept_rows"
    tally_id: Mapped[int] = mapped_column(ForeignKey("tally.id"), primary_key=True)
    keys: Mapped[str] = mapped_column(Text)
    """The field keys of each row's values, comma-separated, in order."""
    row_count: Mapped[int]
    codes: Mapped[str] = mapped_column(Text)
    """The rows' region codes, one per line."""
    cells: Mapped[str] = mapped_column(Text)
    """The rows' values, one row per line (see ``KeptRows.cells``). Plain text: the imported
    file itself is kept compressed beside it (import_batch), and compressing these again cost
    an import of 823,236 TPS rows about a second."""
