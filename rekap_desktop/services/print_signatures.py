"""The signature blocks of the determined forms as the penetapan recorded them: a KPU member or
saksi who refused to sign is printed with "Menolak menandatangani" and the reason beside the name
(PKPU 18/2024 Pasal 33(3)), instead of an empty line to sign on."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TypeVar

from rekap_desktop.documents.berita_acara import MinutesSnapshot
from rekap_desktop.documents.d_hasil import DHasilSnapshot
from rekap_desktop.documents.d_hasil_legislatif import LegislativeDHasilSnapshot
from rekap_desktop.documents.parts import Signatory
from rekap_desktop.storage.procedure_store import Signature

Signed = TypeVar("Signed", DHasilSnapshot, LegislativeDHasilSnapshot, MinutesSnapshot)


def refusals(signatures: Iterable[Signature]) -> dict[str, str]:
    """Who refused to sign at penetapan (name folded for matching) → the recorded reason."""
    return {_key(s.name): s.reason.strip() for s in signatures if not s.signed}


def with_refusals(snapshot: Signed, refused: dict[str, str]) -> Signed:
    """``snapshot`` with each refusal written beside the signer's name."""
    if not refused:
        return snapshot
    return replace(
        snapshot,
        members=_marked(snapshot.members, refused),
        witnesses=_marked(snapshot.witnesses, refused),
    )


def _marked(people: tuple[Signatory, ...], refused: dict[str, str]) -> tuple[Signatory, ...]:
    return tuple(
        replace(p, refusal=refused[_key(p.name)]) if p.name and _key(p.name) in refused else p
        for p in people
    )


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()
