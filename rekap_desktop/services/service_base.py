"""What the comparison services share: the meeting's service (each write is one unit of work of
it), the target of an entry checked against the setup, the comparison read inside a session, and
source names in Indonesian."""

from __future__ import annotations

from dataclasses import dataclass

from rekap_desktop.domain.comparison import Comparison
from rekap_desktop.domain.election import Contest, Pleno, Unit
from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.sources import Source, SourceKind
from rekap_desktop.domain.tally import form_keys
from rekap_desktop.services.pair_view import compare_in, find_pair
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.storage.unit_of_work import Session
from rekap_desktop.text.fields import field_label


def source_name(source: Source) -> str:
    """Indonesian name of a source: "formulir PPK", "salinan saksi nomor urut 1" …"""
    names = {
        SourceKind.PPK: "formulir D.Hasil PPK",
        SourceKind.SIREKAP: "Sirekap",
        SourceKind.BAWASLU: "salinan Bawaslu",
        SourceKind.PLENO: "hasil penetapan pleno",
    }
    return names.get(source.kind, f"salinan saksi nomor urut {source.choice}")


@dataclass(frozen=True)
class Target:
    """A checked (contest, unit) of the meeting."""

    pleno: Pleno
    contest: Contest
    unit: Unit

    def label(self, field: str) -> str:
        return field_label(field, self.pleno.kind.value)

    def where(self) -> str:
        return f"{self.unit.name} ({self.unit.code}), {self.contest.code}"

    def field(self, field: str) -> FieldKey:
        if field not in form_keys(self.contest):
            raise InputRejected(
                [Problem(f"rincian '{field}' tidak ada pada formulir {self.where()}")]
            )
        return FieldKey(field)


class ServiceBase:
    """Holds the meeting's service; each write is one unit of work of it
    (``self.pleno_service.write()``)."""

    def __init__(self, pleno: PlenoService) -> None:
        self.pleno_service = pleno

    @property
    def actor(self) -> str:
        return self.pleno_service.actor

    def target(self, contest: str, unit: str) -> Target:
        pleno = self.pleno_service.pleno()
        return Target(pleno, *find_pair(pleno, contest, unit))

    def compare_in(self, session: Session, target: Target) -> Comparison:
        """The comparison of one pair as the session sees it (committed or just written)."""
        return compare_in(session, target.pleno, target.contest, target.unit)
