"""Tables of the Kejadian Khusus / Keberatan register beyond the entry itself (migration 0007):
earlier versions, paraf, evidence, links to corrections and rule-17 refusals."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from rekap_desktop.storage.orm import Base


class IncidentVersionRow(Base):
    """An entry as it was before an edit or a change of status; never changed afterwards."""

    __tablename__ = "incident_version"
    __table_args__ = (UniqueConstraint("incident_id", "version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id"), index=True)
    version: Mapped[int]
    content_json: Mapped[str] = mapped_column(Text)
    replaced_at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(200))


class IncidentParafRow(Base):
    """Who initialled a resolved objection: the objector and the witnessing saksi."""

    __tablename__ = "incident_paraf"
    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id"), index=True)
    position: Mapped[int]
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(20))


class IncidentEvidenceRow(Base):
    """A photo or document attached to an entry, kept whole."""

    __tablename__ = "incident_evidence"
    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(500))
    media_type: Mapped[str] = mapped_column(String(60))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    attached_at: Mapped[str] = mapped_column(String(32))


class IncidentCorrectionRow(Base):
    """A correction (pembetulan) the entry caused, by the correction's id."""

    __tablename__ = "incident_correction"
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id"), primary_key=True)
    correction_id: Mapped[int] = mapped_column(Integer, primary_key=True)


class IncidentRepeatRow(Base):
    """Rule 17: an objection that was not reopened because the kecamatan had resolved it."""

    __tablename__ = "incident_repeat_refusal"
    id: Mapped[int] = mapped_column(primary_key=True)
    refused_at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(200))
    earlier_incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id"))
    content_json: Mapped[str] = mapped_column(Text)
