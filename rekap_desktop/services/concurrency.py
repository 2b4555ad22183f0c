"""Several stations on one meeting: an edit based on an older view of a field is refused.

A station reads a pair's forms together with their versions (``seen``) and sends those versions
back with its write. Inside the write's transaction, with the write lock already held, the field
is compared with the version the station saw: if another station wrote that field since, the
write is refused naming the field, the kecamatan, who changed it and when. Nothing is lost
silently; a write that does not say what it saw (command line, imports) is not checked.
"""

from __future__ import annotations

from datetime import datetime

from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.sources import Source
from rekap_desktop.services.pair_view import FormVersions as FormVersions
from rekap_desktop.services.service_base import Target, source_name
from rekap_desktop.storage import meeting_store
from rekap_desktop.storage.unit_of_work import Session
from rekap_desktop.text.numbers import format_date, format_number

"""Source code → version of that source's form as the station's view showed it (absent: no
form yet)."""


class ConcurrentEdit(InputRejected):
    """Another station changed the field after this station's view was read; nothing written."""


def refuse_if_changed(
    session: Session,
    target: Target,
    sources: tuple[Source, ...],
    field: FieldKey,
    seen: FormVersions | None,
) -> None:
    """Refuse the write when ``field`` of any of ``sources``' forms changed since ``seen``.

    Call it inside the write unit (``w.session``, the write lock held)."""
    if seen is None:
        return
    problems = []
    for source in sources:
        key = (target.contest.code, target.unit.code, source.code)
        written = meeting_store.field_written_since(session, key, field, seen.get(source.code, 0))
        if written is not None:
            problems.append(Problem(_message(target, source, field, written)))
    if problems:
        raise ConcurrentEdit(problems)


def _message(
    target: Target, source: Source, field: FieldKey, written: meeting_store.FieldWrite
) -> str:
    who = written.actor or "stasiun lain"
    value = format_number(written.value) if written.value is not None else "kosong"
    return (
        f"{target.label(field)} ({source_name(source)}, {target.where()}) sudah diubah oleh "
        f"{who} pada {_when(written.at)} menjadi {value} setelah tampilan Anda dimuat; "
        "isian Anda tidak disimpan. Tampilan sudah diperbarui: periksa nilai sekarang, lalu "
        "ulangi bila masih perlu."
    )


def _when(at: str) -> str:
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at
    return f"{format_date(moment.date())} pukul {moment:%H.%M.%S}"
