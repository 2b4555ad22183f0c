"""Tables of the follow-up sessions (sesi lanjutan, migration 0017_follow_up_sessions): each
session with its basis and scope, the determined values of every penetapan, and the session a
result package imported from the level below was sent in."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from rekap_desktop.storage.orm import Base


class FollowUpSessionRow(Base):
    """One sesi lanjutan: opened with its legal basis and scope, closed by the next penetapan."""

    __tablename__ = "follow_up_session"
    number: Mapped[int] = mapped_column(primary_key=True)
    basis: Mapped[str] = mapped_column(String(40))
    document_number: Mapped[str] = mapped_column(Text)
    document_date: Mapped[str] = mapped_column(String(10))
    """ISO date of the basis document."""
    units: Mapped[str] = mapped_column(Text)
    """The kecamatan codes in scope, comma-separated."""
    contests: Mapped[str] = mapped_column(Text, default="")
    """The pemilihan in scope, comma-separated; empty: every pemilihan."""
    description: Mapped[str] = mapped_column(Text, default="")
    opened_by: Mapped[str] = mapped_column(String(200))
    opened_at: Mapped[str] = mapped_column(String(32))
    closed_by: Mapped[str] = mapped_column(String(200), default="")
    closed_at: Mapped[str] = mapped_column(String(32), default="")
    last_print: Mapped[int] = mapped_column(default=0)
    """The newest print (``print_version.id``) when the session was opened: the prints of the
    penetapan it re-opened are those up to it."""


class DeterminedValuesRow(Base):
    """The determined values of one penetapan (0: the first; N: the one closing session N),
    packed as JSON ``[[contest, unit, field, value], …]``."""

    __tablename__ = "determined_values"
    penetapan: Mapped[int] = mapped_column(primary_key=True)
    taken_at: Mapped[str] = mapped_column(String(32))
    determined_at: Mapped[str] = mapped_column(String(32), default="")
    """When that penetapan was made (the move's time), as far as it is known."""
    entries: Mapped[str] = mapped_column(Text)
    last_print: Mapped[int] = mapped_column(default=0)
    """The newest print (``print_version.id``) when the values were kept: the prints made
    under this penetapan come after it."""


class PackageSessionRow(Base):
    """The session (0: the first penetapan) a result package imported here was sent in."""

    __tablename__ = "package_session"
    manifest_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit: Mapped[str] = mapped_column(String(20), index=True)
    session: Mapped[int]
