"""Jejak audit for people: the chain's entries read as sentences with who, kind, kecamatan and
pemilihan (domain/audit_summary), for the cockpit's viewer and the evidence pack; and the chain's
verification beside them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rekap_desktop.domain.audit_log import AuditLogEntry
from rekap_desktop.domain.audit_summary import AuditNames, read_entry
from rekap_desktop.domain.chain_report import ChainReport
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage import audit, audit_reading
from rekap_desktop.storage.audit_reading import StoredEntry
from rekap_desktop.storage.unit_of_work import snapshot


@dataclass(frozen=True)
class AuditReading:
    """Entries after a given one, and the whole chain's verification as of the same moment."""

    entries: tuple[AuditLogEntry, ...]
    chain: ChainReport


@dataclass(frozen=True)
class ChainExport:
    stored: tuple[StoredEntry, ...]
    readable: tuple[AuditLogEntry, ...]
    chain: ChainReport

    @property
    def head(self) -> tuple[int, str]:
        """(id, hash) of the newest entry; (0, GENESIS) for an empty chain."""
        return (self.stored[-1].id, self.stored[-1].hash) if self.stored else (0, audit.GENESIS)


class AuditLogService:
    def __init__(self, pleno: PlenoService) -> None:
        self.pleno_service = pleno
        self._names: AuditNames | None = None

    def names(self) -> AuditNames:
        """The meeting's names for the codes entries record (built once: the setup is fixed)."""
        if self._names is None:
            self._names = AuditNames(self.pleno_service.pleno(), _form_names())
        return self._names

    def read(self, after: int = 0) -> AuditReading:
        """The entries after entry ``after`` (0: all), readable, and the chain verified; one
        snapshot, so the verification speaks of the entries returned."""
        names = self.names()
        with snapshot(self.pleno_service.engine) as session:
            stored = audit_reading.entries_after(session, after)
            chain = audit.verify(session)
        return AuditReading(tuple(readable(s, names) for s in stored), chain)

    def export(self) -> ChainExport:
        """Every entry exactly as stored and as read, and the chain verified, in one snapshot
        (the evidence pack's audit exhibits)."""
        names = self.names()
        with snapshot(self.pleno_service.engine) as session:
            stored = audit_reading.entries_after(session)
            chain = audit.verify(session)
        return ChainExport(tuple(stored), tuple(readable(s, names) for s in stored), chain)


def readable(entry: StoredEntry, names: AuditNames) -> AuditLogEntry:
    return read_entry(
        entry.id, entry.at, entry.actor, entry.event, entry.payload, entry.hash, names
    )


def _form_names() -> Mapping[str, str]:
    # Loaded when first read: the table of forms brings the form renderers with it.
    from rekap_desktop.services.printing.forms_table import FORM_LABELS

    return {kind.value: title for kind, title in FORM_LABELS.items()}
