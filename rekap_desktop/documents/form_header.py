"""The head every form opens with (its name, the KPU's region, the election and contest), and
the canonical content derived from a form's data: what the sidik data covers is marked on the
data's fields, not written out again per form."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from typing import Any

from rekap_desktop.documents.fingerprint import content_hash, short_code

SIDIK = "sidik"
"""Field metadata: the key under which the field's value is part of the sidik data."""
OMIT_EMPTY = "omit_empty"
"""Field metadata: left out while empty, so a form without it keeps the sidik data it always
had (notes and people recorded only on some meetings)."""


def sidik(key: str, *, omit_empty: bool = False) -> dict[str, Any]:
    """The metadata marking a field as part of the sidik data under ``key``."""
    return {SIDIK: key, OMIT_EMPTY: omit_empty}


def stated(key: str, *, omit_empty: bool = False, default: Any = None) -> Any:
    """A field with a default that is part of the sidik data under ``key``."""
    return field(default=default, metadata=sidik(key, omit_empty=omit_empty))


@dataclass(frozen=True)
class FormHeader:
    """The head of every form; the watermark and the region's printed lines are how the form is
    printed, not what it states."""

    form_name: str
    """E.g. "MODEL D.HASIL KABUPATEN/KOTA-KWK"."""
    region: str
    region_fields: tuple[tuple[str, str], ...] = ()
    election_name: str | None = None
    """The election as a whole (None on the forms that name only their issuer)."""
    contest_title: str | None = None
    """The contest of a per-contest recapitulation form (None on the others)."""
    watermark: str | None = None


def header_content(header: FormHeader) -> dict[str, Any]:
    content: dict[str, Any] = {"formulir": header.form_name, "wilayah": header.region}
    if header.election_name is not None:
        content["nama_pemilihan"] = header.election_name
    if header.contest_title is not None:
        content["pemilihan"] = header.contest_title
    return content


class Headed:
    """A form's data with its header: the header's fields read through (``data.form_name``)."""

    header: FormHeader

    @property
    def form_name(self) -> str:
        return self.header.form_name

    @property
    def region(self) -> str:
        return self.header.region

    @property
    def region_fields(self) -> tuple[tuple[str, str], ...]:
        return self.header.region_fields

    @property
    def election_name(self) -> str:
        return self.header.election_name or ""

    @property
    def contest_title(self) -> str:
        return self.header.contest_title or ""

    @property
    def watermark(self) -> str | None:
        return self.header.watermark


def form_content(data: Headed) -> dict[str, Any]:
    """Everything the form states (not how it is printed): its header and the fields marked
    with :func:`sidik`, each as plain JSON values."""
    return header_content(data.header) | _marked(data)


def form_fingerprint(data: Headed) -> str:
    return short_code(content_hash(form_content(data)))


def _marked(data: object) -> dict[str, Any]:
    content: dict[str, Any] = {}
    for f in fields(data):  # type: ignore[arg-type]
        key = f.metadata.get(SIDIK)
        value = getattr(data, f.name)
        if key is None or (f.metadata.get(OMIT_EMPTY) and not value):
            continue
        content[key] = plain(value)
    return content


def plain(value: object) -> Any:
    """A value as the canonical JSON states it: a record with marked fields as an object of
    them, any other record as the list of its fields in order, dates in ISO form."""
    if is_dataclass(value) and not isinstance(value, type):
        if any(SIDIK in f.metadata for f in fields(value)):
            return _marked(value)
        return [plain(getattr(value, f.name)) for f in fields(value)]
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
