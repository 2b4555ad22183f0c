"""Sirekap public JSON as served in 2024 (formats §3, domain README §2.5): reading single files.

Four kinds of file are recognised by their content, never by their name:

- a Pilkada ``hhcw`` region file: ``tungsura.chart`` and ``tungsura.table`` keyed by region code,
  then by candidate id, with ``progres`` (done/total TPS) per row;
- a Pemilu TPS file: ``chart`` keyed by candidate id, ``administrasi``, ``images``, ``ts``; its TPS
  code is the 13-digit file name (or read from the photo addresses); its own flags
  (``status_suara``, ``status_adm``, ``psu``) and photo addresses are kept with it
  (domain/sirekap_marks.py), and a file with photos but no numbers is *hanya foto*;
- the ``paslon`` master: per region code, candidate id → ``nomor_urut``;
- a ``wilayah`` list: ``[{nama, id, kode, tingkat}]``, used only to name regions in messages.

The real files' quirks are taken as they come: a ``"null": null`` key in ``chart``, a missing or
null ``administrasi``, a missing ``mode``, any whitespace. Anything else odd is refused with a
message naming the file and the place; nothing here raises anything but ``InputRejected``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from rekap_desktop.domain.ids import FieldKey
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.interchange.json_input import load_json
from rekap_desktop.text.numbers import format_percent

MAX_VALUE = 2**63 - 1
"""Largest value a database integer column holds."""
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_MARK = 1000
"""Longest photo address or ``psu`` marker taken (the real ones are about 150 characters)."""
MAX_PAGES = 50
_TS_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}(:[0-9]{2})?")
_TPS_RE = re.compile(r"[0-9]{13}")
_PHOTO_TPS_RE = re.compile(r"/([0-9]{13})-[0-9]{8}-")
_ID_RE = re.compile(r"[0-9]{1,12}")
_REGION_RE = re.compile(r"[0-9]{1,13}")

_ADMIN_GROUPS = {
    "pemilih_dpt": "pemilih_dpt",
    "pengguna_dpt": "pengguna_dpt",
    "pengguna_dptb": "pengguna_pindahan",
    "pengguna_non_dpt": "pengguna_ktp",
    "pengguna_total": "pengguna_total",
}
ADMIN_KEYS: dict[str, FieldKey] = {
    f"{theirs}_{g}": FieldKey(f"{ours}_{g}")
    for theirs, ours in _ADMIN_GROUPS.items()
    for g in ("l", "p", "j")
} | {k: FieldKey(k) for k in ("suara_sah", "suara_tidak_sah", "suara_total")}
"""Sirekap ``administrasi`` keys → our field keys (Pemilu: DPTb → pindahan, DPK → ktp)."""


@dataclass(frozen=True)
class Progress:
    """TPS whose forms Sirekap has read (``progres``) out of all TPS (``total``)."""

    done: int
    total: int

    @property
    def partial(self) -> bool:
        return self.done < self.total

    @property
    def percent(self) -> float:
        return 100.0 * self.done / self.total if self.total else 0.0

    def label(self) -> str:
        """E.g. "94,6 % TPS"."""
        return f"{format_percent(self.percent)} TPS"

    def __add__(self, other: Progress) -> Progress:
        return Progress(self.done + other.done, self.total + other.total)


@dataclass(frozen=True)
class RegionRow:
    votes: dict[str, int]
    """Candidate id → votes; an id with null is not recorded."""
    progress: Progress | None


@dataclass(frozen=True)
class RegionFile:
    """A Pilkada ``hhcw`` region file: one row per child region."""

    name: str
    ts: str
    rows: dict[str, RegionRow]
    progress: Progress | None


@dataclass(frozen=True)
class TpsFile:
    """A Pemilu (or Pilkada) TPS file."""

    name: str
    ts: str
    code: str
    votes: dict[str, int] | None
    """None when Sirekap has not read the votes yet."""
    admin: dict[FieldKey, int]
    status_suara: bool | None = None
    status_adm: bool | None = None
    psu: str | None = None
    """``psu`` as text (None: null); see domain/sirekap_marks.py."""
    images: tuple[str, ...] = ()
    """Per page, its photo address ("" where the file has null)."""

    @property
    def photo_only(self) -> bool:
        """Photos but no number at all: neither votes nor ``administrasi``."""
        return self.votes is None and not self.admin and any(self.images)


@dataclass(frozen=True)
class PaslonMaster:
    """Per region code: candidate id → nomor urut (ballot number)."""

    name: str
    regions: dict[str, dict[str, int]]


@dataclass(frozen=True)
class WilayahList:
    name: str
    names: dict[str, str]


SirekapFile = RegionFile | TpsFile | PaslonMaster | WilayahList


def read_sirekap_file(data: bytes, name: str) -> SirekapFile:
    """The file's content, recognised by its shape; ``InputRejected`` naming the file otherwise."""
    if len(data) > MAX_FILE_BYTES:
        raise InputRejected([Problem("berkas terlalu besar untuk berkas Sirekap")], name)
    try:
        document = load_json(data.decode("utf-8-sig"), name, _unique_keys)
    except _DuplicateKey as duplicate:
        message = f"kunci '{duplicate.key}' ganda dalam satu objek"
        raise InputRejected([Problem(message)], name) from None
    except UnicodeDecodeError:
        raise InputRejected([Problem("berkas bukan teks UTF-8")], name) from None
    except json.JSONDecodeError as error:
        where = f"baris {error.lineno} kolom {error.colno}"
        raise InputRejected([Problem(f"JSON tidak sah ({where})")], name) from None
    return parse_document(document, name)


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object whose key appears twice is refused: JSON readers would keep either value."""
    document = dict(pairs)
    if len(document) == len(pairs):
        return document
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise _DuplicateKey(key)
        seen.add(key)
    raise AssertionError("unreachable: a shorter dict has a repeated key")


def parse_document(document: Any, name: str) -> SirekapFile:
    if isinstance(document, list):
        return _wilayah(document, name)
    if not isinstance(document, dict):
        raise InputRejected([Problem("bukan berkas Sirekap (isi harus objek JSON)")], name)
    mode = document.get("mode")
    if mode is not None and mode != "hhcw":
        raise InputRejected(
            [Problem(f"mode '{mode}' tidak didukung; hanya hasil hitung C (hhcw)")], name
        )
    if "tungsura" in document:
        return _pilkada(document, name)
    if "chart" in document or "administrasi" in document:
        return _tps(document, name, document.get("chart"), document.get("images"))
    if document and all(_is_master_entry(v) for v in document.values()):
        return _master(document, name)
    raise InputRejected(
        [Problem("bukan berkas Sirekap yang dikenal (hhcw wilayah, TPS, paslon atau wilayah)")],
        name,
    )


# --- Pilkada region files -------------------------------------------------------------------


def _pilkada(document: dict[str, Any], name: str) -> RegionFile | TpsFile:
    tungsura = _object(document["tungsura"], "tungsura", name)
    table = tungsura.get("table")
    if table is None and tungsura.get("chart") is None:  # a TPS file with photos only
        return _tps(document, name, None, document.get("images"))
    chart = _object(tungsura.get("chart"), "tungsura.chart", name)
    ts = _ts(document, name)
    if table is None:  # a TPS-level Pilkada file has no table
        return _tps(document, name, chart, document.get("images"))
    rows = {
        code: _region_row(raw, f"tungsura.table.{code}", name)
        for code, raw in _object(table, "tungsura.table", name).items()
    }
    for code in rows:
        if not _REGION_RE.fullmatch(code):
            raise InputRejected([Problem(f"tungsura.table: kode wilayah '{code}' tidak sah")], name)
    progress = _progress(document.get("progres"), "progres", name)
    if progress is None:
        progress = _progress(chart.get("progres"), "tungsura.chart.progres", name)
    return RegionFile(name, ts, rows, progress)


def _region_row(raw: Any, where: str, name: str) -> RegionRow:
    row = _object(raw, where, name)
    return RegionRow(_votes(row, where, name), _progress(row.get("progres"), where, name))


# --- TPS files ------------------------------------------------------------------------------


def _tps(document: dict[str, Any], name: str, chart: Any, images: Any) -> TpsFile:
    ts = _ts(document, name)
    code = _tps_code(name, images)
    votes = None if chart is None else _votes(_object(chart, "chart", name), "chart", name)
    raw_admin = document.get("administrasi")
    admin: dict[FieldKey, int] = {}
    if raw_admin is not None:
        for key, value in _object(raw_admin, "administrasi", name).items():
            ours = ADMIN_KEYS.get(key)
            if ours is not None and value is not None:
                admin[ours] = _count(value, f"administrasi.{key}", name)
    return TpsFile(
        name,
        ts,
        code,
        votes or None,
        admin,
        _flag(document, "status_suara", name),
        _flag(document, "status_adm", name),
        _psu(document.get("psu"), name),
        _images(images, name),
    )


def _flag(document: dict[str, Any], key: str, name: str) -> bool | None:
    value = document.get(key)
    if value is not None and not isinstance(value, bool):
        raise InputRejected([Problem(f"'{key}' harus true/false, bukan {value!r:.40}")], name)
    return value


def _psu(value: Any, name: str) -> str | None:
    """``psu`` as text: a string as it is, any other marker as compact JSON."""
    if value is None:
        return None
    text = value if isinstance(value, str) else json.dumps(value, separators=(",", ":"))
    if len(text) > MAX_MARK:
        raise InputRejected([Problem(f"'psu' terlalu panjang ({len(text)} karakter)")], name)
    return text


def _images(value: Any, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(v is None or isinstance(v, str) for v in value):
        raise InputRejected([Problem("'images' harus daftar alamat foto (teks atau null)")], name)
    if len(value) > MAX_PAGES or any(len(v) > MAX_MARK for v in value if v):
        raise InputRejected([Problem("'images' terlalu panjang untuk daftar foto formulir")], name)
    return tuple((v or "").strip() for v in value)


def _tps_code(name: str, images: Any) -> str:
    stem = name.replace("\\", "/").rsplit("/", 1)[-1].removesuffix(".json")
    if _TPS_RE.fullmatch(stem):
        return stem
    if isinstance(images, list):
        for url in images:
            match = _PHOTO_TPS_RE.search(url) if isinstance(url, str) else None
            if match:
                return match.group(1)
    raise InputRejected(
        [Problem("kode TPS tidak diketahui: beri nama berkas dengan kode TPS 13 angka")], name
    )


# --- master data ----------------------------------------------------------------------------


def _is_master_entry(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(v, dict) and "nomor_urut" in v for v in value.values()
    )


def _master(document: dict[str, Any], name: str) -> PaslonMaster:
    regions: dict[str, dict[str, int]] = {}
    for region, entries in document.items():
        if not _REGION_RE.fullmatch(region):
            raise InputRejected([Problem(f"paslon: kode wilayah '{region}' tidak sah")], name)
        numbers: dict[str, int] = {}
        for candidate, entry in entries.items():
            where = f"paslon.{region}.{candidate}.nomor_urut"
            if not _ID_RE.fullmatch(candidate):
                raise InputRejected([Problem(f"paslon.{region}: id '{candidate}' tidak sah")], name)
            numbers[candidate] = _count(entry["nomor_urut"], where, name)
        regions[region] = numbers
    return PaslonMaster(name, regions)


def _wilayah(document: list[Any], name: str) -> WilayahList:
    names: dict[str, str] = {}
    for i, entry in enumerate(document):
        if not isinstance(entry, dict) or not isinstance(entry.get("kode"), str):
            raise InputRejected([Problem(f"wilayah[{i}]: harus objek dengan 'kode'")], name)
        names[entry["kode"]] = str(entry.get("nama", ""))
    return WilayahList(name, names)


# --- values ---------------------------------------------------------------------------------


def _object(value: Any, where: str, name: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputRejected([Problem(f"'{where}' harus berupa objek")], name)
    return value


def _ts(document: dict[str, Any], name: str) -> str:
    ts = document.get("ts")
    if not isinstance(ts, str) or not _TS_RE.fullmatch(ts.strip()):
        raise InputRejected(
            [Problem("'ts' (waktu data Sirekap) tidak ada atau tidak sah (TTTT-BB-HH jj:mm:dd)")],
            name,
        )
    try:
        snapshot_time(ts)
    except ValueError:
        message = f"'ts' {ts.strip()} bukan tanggal dan jam yang ada"
        raise InputRejected([Problem(message)], name) from None
    return ts.strip()


def snapshot_time(ts: str) -> datetime:
    """A Sirekap ``ts`` ("2024-11-28 10:05:00", "T" or space, seconds optional) as a time."""
    text = ts.strip().replace("T", " ")
    return datetime.strptime(
        text, "%Y-%m-%d %H:%M:%S" if text.count(":") == 2 else "%Y-%m-%d %H:%M"
    )


def _votes(row: dict[str, Any], where: str, name: str) -> dict[str, int]:
    """Candidate id → votes; other keys (``psu``, ``progres``, ``persen``, ``null``) are not
    candidates, and a null value means not read yet."""
    return {
        key: _count(value, f"{where}.{key}", name)
        for key, value in row.items()
        if _ID_RE.fullmatch(key) and value is not None
    }


def _count(value: Any, where: str, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_VALUE:
        raise InputRejected(
            [Problem(f"'{where}' harus bilangan bulat ≥ 0, bukan {value!r:.40}")], name
        )
    return value


def _progress(value: Any, where: str, name: str) -> Progress | None:
    if value is None:
        return None
    raw = _object(value, where, name)
    done = _count(raw.get("progres"), f"{where}.progres", name)
    total = _count(raw.get("total"), f"{where}.total", name)
    if done > total:
        raise InputRejected([Problem(f"'{where}': progres {done} melebihi total {total}")], name)
    return Progress(done, total)
