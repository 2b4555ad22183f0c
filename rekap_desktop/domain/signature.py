"""One line of the signature list of the determined result: who, in which position, whether they
signed and why not (the closing page fills it in, services check it, storage keeps it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Signature:
    name: str
    position: str
    signed: bool
    reason: str = ""
