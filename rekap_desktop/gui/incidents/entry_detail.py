"""One register entry as rich text: the detail pane of the register and the earlier record shown
with a rule-17 refusal."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape

from rekap_desktop.domain.corrections import Correction
from rekap_desktop.domain.election import Pleno
from rekap_desktop.domain.incidents import (
    KIND_LABELS,
    PARAF_LABELS,
    STATUS_LABELS,
    SUBJECT_LABELS,
    Incident,
)
from rekap_desktop.text.fields import field_label
from rekap_desktop.text.numbers import format_date, format_number


def unit_text(pleno: Pleno, code: str | None) -> str:
    unit = pleno.unit(code) if code else None
    return f"{unit.code} {unit.name}" if unit else (code or "–")


def contest_text(pleno: Pleno, code: str | None) -> str:
    contest = pleno.contest(code) if code else None
    return contest.title if contest else (code or "–")


def entry_html(
    pleno: Pleno, entry: Incident, linked: Sequence[tuple[int, Correction]] | None = None
) -> str:
    """The entry as rich text; ``linked``: the corrections made for it, with their ids (None:
    only the ids the entry names are shown)."""
    rows = [
        ("Jenis", KIND_LABELS[entry.kind]),
        ("Status", STATUS_LABELS[entry.status]),
        ("Asal", _origin(pleno, entry)),
        ("Waktu dicatat", _time(entry.recorded_at)),
        ("Butir tata cara", str(entry.procedure_item) if entry.procedure_item else "–"),
        ("Diajukan oleh", entry.raised_by),
        ("Tentang", SUBJECT_LABELS[entry.subject]),
        ("Kecamatan", unit_text(pleno, entry.unit)),
        ("Pemilihan", contest_text(pleno, entry.contest)),
        ("Rincian", field_label(entry.field, pleno.kind.value) if entry.field else "–"),
        ("Pembetulan terkait", _corrections(pleno, entry, linked)),
        ("Bukti", _evidence(entry)),
        ("Versi", str(entry.version)),
    ]
    table = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows)
    parts = [
        f"<h3>Entri No. {entry.number}</h3><table cellspacing='2'>{table}</table>",
        _block("Uraian", entry.description),
        _block("Pendapat Bawaslu", entry.bawaslu_opinion),
        _block("Penyelesaian / alasan", entry.resolution),
    ]
    if entry.paraf:
        names = "".join(
            f"<li>{escape(p.name)} — {escape(PARAF_LABELS[p.role])}</li>" for p in entry.paraf
        )
        parts.append(f"<p><b>Paraf</b></p><ul>{names}</ul>")
    return "".join(parts)


def _corrections(
    pleno: Pleno, entry: Incident, linked: Sequence[tuple[int, Correction]] | None
) -> str:
    if linked is None:
        return ", ".join(f"#{c}" for c in entry.corrections) or "–"
    return (
        "; ".join(
            f"#{number} {field_label(c.field, pleno.kind.value)}, "
            f"{unit_text(pleno, c.unit)}, {contest_text(pleno, c.contest)}: "
            f"{format_number(c.before)} → {format_number(c.after)}"
            for number, c in linked
        )
        or "–"
    )


def _origin(pleno: Pleno, entry: Incident) -> str:
    if entry.origin_number is None:
        return entry.origin_label()
    unit = pleno.unit(entry.unit or "")
    name = unit.name if unit else entry.unit or ""
    status = STATUS_LABELS[entry.origin_status] if entry.origin_status else "–"
    return f"Dari Kecamatan {name} No. {entry.origin_number} (status di kecamatan: {status})"


def _time(iso: str | None) -> str:
    if not iso:
        return "–"
    moment = datetime.fromisoformat(iso)
    return f"{format_date(moment.date())}, pukul {moment:%H.%M}"


def _evidence(entry: Incident) -> str:
    if not entry.evidence:
        return "–"
    return "; ".join(
        f"{e.file_name} ({format_number(max(1, e.size // 1024))} KB)" for e in entry.evidence
    )


def _block(title: str, body: str) -> str:
    text = escape(body).replace("\n", "<br>") if body else "–"
    return f"<p><b>{escape(title)}:</b><br>{text}</p>"
