"""Kept while the services move to :mod:`rekap_desktop.storage.unit_of_work` (the one unit of
work); nothing new may use it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rekap_desktop.storage.unit_of_work import (
    AUDIT_LOCK_KEY,
    Engine,
    Session,
    storage_refusal,
    write,
)

__all__ = ["AUDIT_LOCK_KEY", "storage_refusal", "write_transaction"]


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Session]:
    """A session in one write unit (lock taken, storage refusals in Indonesian)."""
    with write(engine, "operator") as unit:
        yield unit.session
