"""Fuzzing every exchange reader: any input gives a value or a refusal, never a crash."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.interchange import package as pkg
from rekap_desktop.interchange.sirekap import read_sirekap_file
from rekap_desktop.interchange.sirekap_records import snapshots
from tests.interchange.exchange_fixtures import PASLON, dump, pleno, region_file, tps_file

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MEETING = pleno()
MASTER = read_sirekap_file(dump(PASLON), "pkwkk.json")

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["7000001", "7000002", "990101", "progres", "null"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["7000001", "7000002", "990101", "990102", "progres", "total", "null", "ts", "x"]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=25,
)


def _read_all(data: bytes) -> None:
    try:
        snapshots([MASTER, read_sirekap_file(data, "9901011001001.json")], MEETING)
    except InputRejected:
        pass


@FAST
@given(st.binary(max_size=400))
def test_random_bytes_never_crash_the_sirekap_reader(data: bytes) -> None:
    # GIVEN any bytes WHEN read THEN a value or a refusal
    _read_all(data)


@FAST
@given(st.integers(min_value=0, max_value=2000), st.sampled_from([True, False]))
def test_truncated_files_never_crash(cut: int, region: bool) -> None:
    # GIVEN a valid file cut anywhere WHEN read THEN a value or a refusal
    data = dump(region_file() if region else tps_file((1, 2)))
    _read_all(data[:cut])


@FAST
@given(json_values, st.sampled_from(["tungsura", "chart", "administrasi", "progres", "ts"]))
def test_wrong_types_anywhere_never_crash(value: Any, where: str) -> None:
    # GIVEN a region or TPS file with one part replaced by a random JSON value
    base = region_file() if where in ("tungsura", "progres") else tps_file((1, 2))
    base[where] = value
    # WHEN read THEN a value or a refusal
    _read_all(json.dumps(base).encode())


@FAST
@given(json_values)
def test_random_table_rows_never_crash(row: Any) -> None:
    # GIVEN a table row of any shape and size (huge numbers included)
    document = region_file()
    document["tungsura"]["table"]["990101"] = row
    # WHEN read THEN a value or a refusal
    _read_all(json.dumps(document).encode())


@FAST
@given(st.binary(max_size=600))
def test_random_bytes_never_crash_the_package_reader(data: bytes) -> None:
    # GIVEN any bytes WHEN read as a package THEN a refusal, never a crash
    try:
        pkg.read_package(data, "x.rekap")
    except InputRejected:
        pass


@FAST
@given(
    st.dictionaries(
        st.text(
            st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
            min_size=1,
            max_size=20,
        ),
        st.binary(max_size=50),
        min_size=0,
        max_size=5,
    )
)
def test_random_zips_never_crash_the_package_reader(members: dict[str, bytes]) -> None:
    # GIVEN a zip of random member names and contents
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    # WHEN read THEN a refusal, never a crash
    try:
        pkg.read_package(out.getvalue(), "x.rekap")
    except InputRejected:
        pass
