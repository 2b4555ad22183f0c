"""Catalogue of audit event kinds: every change of state is recorded as one of these."""

from enum import StrEnum


class AuditEvent(StrEnum):
    PLENO_CREATED = "pleno_created"
    """A meeting was created from a setup file or as the demo."""
    TALLIES_IMPORTED = "tallies_imported"
    """Tallies of one or more (contest, unit, source) were imported from a file."""
    INCIDENT_RECORDED = "incident_recorded"
    """A kejadian khusus or keberatan was entered or carried from a lower level."""
