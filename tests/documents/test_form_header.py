"""Every form opens with one shared header, and its canonical content (what the sidik data
covers) is derived from the fields of its data, not written out per form."""

from __future__ import annotations

import ast
import dataclasses
import importlib
from dataclasses import replace
from pathlib import Path

import pytest

import rekap_desktop.documents as documents
from rekap_desktop.documents.form_header import (
    FormHeader,
    form_content,
    form_fingerprint,
    header_content,
)
from rekap_desktop.documents.parts import Signatory
from tests.documents.samples import d_hasil as sample

FORM_MODULES = (
    "berita_acara",
    "d_hasil",
    "d_hasil_legislatif",
    "daftar_hadir",
    "daftar_pembetulan",
    "kejadian_khusus",
    "keputusan",
    "penetapan_terpilih",
    "pengembalian",
    "pengumuman",
    "perolehan_kursi",
    "skors",
    "surat_pengantar",
)


def _form_data_classes() -> list[type]:
    classes = []
    for name in FORM_MODULES:
        module = importlib.import_module(f"rekap_desktop.documents.{name}")
        classes += [
            c
            for c in vars(module).values()
            if isinstance(c, type)
            and c.__module__ == module.__name__
            and c.__name__.endswith("Data")
        ]
    return classes


def test_every_forms_data_holds_the_shared_header() -> None:
    # GIVEN the data of every form THEN its first field is the one shared header
    classes = _form_data_classes()
    assert len(classes) == len(FORM_MODULES)
    for cls in classes:
        first = dataclasses.fields(cls)[0]
        assert (first.name, first.type) == ("header", "FormHeader"), cls.__name__
        assert not {"form_name", "region", "region_fields", "election_name", "watermark"} & {
            f.name for f in dataclasses.fields(cls)
        }, cls.__name__


@pytest.mark.parametrize("name", FORM_MODULES)
def test_no_form_writes_its_canonical_content_by_hand(name: str) -> None:
    # GIVEN a form's module THEN it defines no content of its own for the sidik data
    source = Path(documents.__file__).with_name(f"{name}.py").read_text(encoding="utf-8")
    defined = {n.name for n in ast.walk(ast.parse(source)) if isinstance(n, ast.FunctionDef)}
    assert not {"canonical_content", "fingerprint"} & defined


def test_the_header_states_the_form_and_the_watermark_is_not_content() -> None:
    # GIVEN a D.Hasil WHEN its canonical content is derived THEN it opens with the header's
    # name, region, election and contest, and leaves out how it is printed
    data = sample(2, 2, "DRAF")
    content = form_content(data)
    assert [content[k] for k in ("formulir", "wilayah", "nama_pemilihan", "pemilihan")] == [
        data.header.form_name,
        "KOTA UJI",
        data.header.election_name,
        data.header.contest_title,
    ]
    assert "DRAF" not in str(content)
    final = replace(data, header=replace(data.header, watermark=None))
    assert form_fingerprint(final) == form_fingerprint(data)
    # WHEN the header's form name changes THEN so does the sidik data
    renamed = replace(data, header=replace(data.header, form_name="MODEL D.HASIL LAIN"))
    assert form_fingerprint(renamed) != form_fingerprint(data)


def test_fields_recorded_only_sometimes_leave_the_content_as_it_was() -> None:
    # GIVEN a D.Hasil without other people present, and the same with one
    data = sample(2, 2)
    others = replace(data, others=(Signatory("Pengawas Uji", "Bawaslu"),))
    # THEN the first has no such key; the second states them
    assert "hadir_lain" not in form_content(data)
    assert form_content(others)["hadir_lain"] == [["Pengawas Uji", "Bawaslu", None]]


def test_a_form_without_election_or_contest_names_only_what_it_has() -> None:
    header = FormHeader(form_name="KEPUTUSAN UJI", region="KOTA UJI")
    assert header_content(header) == {"formulir": "KEPUTUSAN UJI", "wilayah": "KOTA UJI"}
