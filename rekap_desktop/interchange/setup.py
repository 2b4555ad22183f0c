"""Pleno setup file ``pleno.json`` (formats §1): parse into the domain ``Pleno`` and write it back.

Every problem is collected (not only the first) and names where it is, as a JSON path such as
``kontestasi[1].pilihan[0]``, so the operator can fix the file in one go.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from rekap_desktop.domain.election import (
    BLANK_COLUMN_SAKSI,
    PARTY_LIST_CONTESTS,
    PEMILU_CONTESTS,
    PILKADA_CONTESTS,
    SEAT_RANGES,
    Candidate,
    Choice,
    Contest,
    District,
    ElectionKind,
    Level,
    Member,
    Observer,
    Party,
    Pleno,
    Region,
    Unit,
    Witness,
)
from rekap_desktop.domain.ids import ChoiceNo, ContestCode, RegionCode
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.interchange.json_input import load_json

FORMAT = "rekap-pleno/1"
MAX_NUMBER = 99
"""Nomor urut are written with two digits in the tally keys (``suara_01``)."""
MAX_TEXT_LENGTH = 500
"""Any name or title: the longest real one (a paslon with both names and their degrees) is far
shorter; a name of megabytes would go on every printed page."""
MAX_CODE_LENGTH = 20
"""Region codes run to 13 digits (a TPS)."""

_CONTESTS = {ElectionKind.PILKADA: PILKADA_CONTESTS, ElectionKind.PEMILU: PEMILU_CONTESTS}
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SEXES = ("L", "P")
_JSON_ERRORS = (
    ("Expecting property name", "nama kunci harus diapit tanda kutip ganda"),
    ("Expecting ',' delimiter", "kurang tanda koma"),
    ("Expecting ':' delimiter", "kurang tanda titik dua"),
    ("Expecting value", "nilai kosong atau tidak sah"),
    ("Extra data", "ada teks setelah akhir JSON"),
    ("Unterminated string", "teks tidak ditutup tanda kutip"),
    ("Invalid control character", "karakter kendali di dalam teks"),
)


def parse_setup(data: bytes, file_name: str = "pleno.json", *, kept: bool = False) -> Pleno:
    """The meeting described by a setup file; ``InputRejected`` lists every problem found.

    ``kept``: a setup written earlier (the meeting stored in a database, another office's result
    package). Earlier versions accepted a saksi for the kolom kosong; such a saksi is left out
    instead of refusing a meeting that already exists."""
    document = _load_json(data, file_name)
    reader = _SetupReader(kept)
    pleno = reader.pleno(document)
    if reader.problems:
        raise InputRejected(reader.problems, file_name)
    return pleno


def _load_json(data: bytes, file_name: str) -> object:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = f"berkas bukan teks UTF-8 (bita ke-{error.start + 1}); simpan ulang sebagai UTF-8"
        raise InputRejected([Problem(message, row=line)], file_name) from None
    duplicates: list[str] = []
    try:
        document = load_json(text, file_name, lambda pairs: _object(pairs, duplicates))
    except json.JSONDecodeError as error:
        detail = next((t for m, t in _JSON_ERRORS if error.msg.startswith(m)), error.msg)
        message = f"JSON tidak sah di kolom {error.colno}: {detail}"
        raise InputRejected([Problem(message, row=error.lineno)], file_name) from None
    if duplicates:
        problems = [Problem(f"kunci '{key}' ganda dalam satu objek") for key in duplicates]
        raise InputRejected(problems, file_name)
    return document


def _object(pairs: list[tuple[str, Any]], duplicates: list[str]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    duplicates.extend(key for i, key in enumerate(keys) if key in keys[:i])
    return dict(pairs)


def _too_long(key: str, length: int, limit: int, unit: str) -> str:
    return f"'{key}' terlalu panjang ({length:,} {unit}; paling banyak {limit})".replace(",", ".")


def _shown(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


class _SetupReader:
    """Checks and maps a parsed JSON document; placeholders stand in for wrong values."""

    def __init__(self, kept: bool = False) -> None:
        self.problems: list[Problem] = []
        self.kept = kept

    def fail(self, path: str, message: str) -> None:
        self.problems.append(Problem(f"{path}: {message}" if path else message))

    # --- generic checks -------------------------------------------------------------------

    def obj(self, value: object, path: str, required: str, optional: str = "") -> dict[str, Any]:
        """``value`` as an object with the given keys (space-separated); {} when it is not one."""
        if not isinstance(value, dict):
            self.fail(path, "harus berupa objek JSON {…}")
            return {}
        for key in required.split():
            if key not in value:
                self.fail(path, f"kunci '{key}' wajib ada")
        allowed = set(required.split()) | set(optional.split())
        for key in value:
            if key not in allowed:
                self.fail(path, f"kunci '{key}' tidak dikenal")
        return value

    def items(self, obj: dict[str, Any], key: str, path: str, empty_ok: bool) -> list[Any]:
        """(path, item) pairs of the list ``obj[key]``; none when it is missing or not a list."""
        if key not in obj:
            return []
        return self.listing(obj[key], f"{path}.{key}" if path else key, empty_ok)

    def listing(self, value: object, path: str, empty_ok: bool) -> list[Any]:
        if not isinstance(value, list):
            self.fail(path, "harus berupa daftar […]")
            return []
        if not value and not empty_ok:
            self.fail(path, "daftar tidak boleh kosong")
        return [(f"{path}[{i}]", item) for i, item in enumerate(value)]

    def text(self, obj: dict[str, Any], key: str, path: str) -> str:
        value = obj.get(key, "")
        if not (isinstance(value, str) and value.strip()):
            if key in obj:
                self.fail(path, f"'{key}' harus berupa teks yang tidak kosong")
            return ""
        if len(value) > MAX_TEXT_LENGTH:
            self.fail(path, _too_long(key, len(value), MAX_TEXT_LENGTH, "karakter"))
            return ""
        return value

    def code(self, obj: dict[str, Any], key: str, path: str) -> str:
        value = obj.get(key, "")
        if isinstance(value, str) and len(value) > MAX_CODE_LENGTH:
            self.fail(path, _too_long(key, len(value), MAX_CODE_LENGTH, "angka"))
            return ""
        if not (isinstance(value, str) and value.isdigit() and value.isascii()):
            if key in obj:
                self.fail(path, f"'{key}' harus berupa kode angka saja, tertulis {_shown(value)}")
            return ""
        return value

    def integer(
        self, obj: dict[str, Any], key: str, path: str, low: int, high: int | None = None
    ) -> int | None:
        """A whole number in [low, high]; None when missing or wrong (a bool is not a number)."""
        value = obj.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            if low <= value and (high is None or value <= high):
                return value
        if key in obj:
            limit = f"{low}–{high}" if high is not None else f"≥ {low}"
            self.fail(path, f"'{key}' harus bilangan bulat {limit}, tertulis {_shown(value)}")
        return None

    def number(self, obj: dict[str, Any], path: str, seen: set[int]) -> ChoiceNo:
        """A nomor urut 1–99 that is not among ``seen``."""
        number = self.integer(obj, "nomor_urut", path, 1, MAX_NUMBER)
        if number is None:
            return ChoiceNo(0)
        if number in seen:
            self.fail(path, f"nomor_urut {number} ganda")
        seen.add(number)
        return ChoiceNo(number)

    def choose(self, top: dict[str, Any], key: str, allowed: tuple[str, ...]) -> str | None:
        value = top.get(key)
        if key in top and value not in allowed:
            self.fail(key, f"harus salah satu dari {' | '.join(allowed)}, tertulis {_shown(value)}")
        return value if value in allowed else None

    # --- the document ---------------------------------------------------------------------

    def pleno(self, document: object) -> Pleno:
        top = self.obj(
            document,
            "",
            "format pemilihan jenis tingkat wilayah unit kontestasi",
            "tempat tanggal anggota saksi pemantau",
        )
        if "format" in top and top["format"] != FORMAT:
            self.fail("format", f'harus "{FORMAT}", tertulis {_shown(top["format"])}')
        kind = self.choose(top, "jenis", tuple(ElectionKind))
        level = self.choose(top, "tingkat", tuple(Level))
        region = self.region(top)
        units = self.units(top, region.code, level)
        contests = self.contests(top, kind, units)
        members = tuple(
            self.member(item, path) for path, item in self.items(top, "anggota", "", True)
        )
        witnesses = tuple(
            witness
            for path, item in self.items(top, "saksi", "", True)
            if (witness := self.witness(item, path, contests)) is not None
        )
        observers = tuple(
            self.observer(item, path, contests)
            for path, item in self.items(top, "pemantau", "", True)
        )
        return Pleno(
            name=self.text(top, "pemilihan", ""),
            kind=ElectionKind(kind or ElectionKind.PILKADA),
            level=Level(level or Level.KABKO),
            region=region,
            units=units,
            contests=contests,
            place=self.text(top, "tempat", "") or None,
            held_on=self.held_on(top),
            members=members,
            witnesses=witnesses,
            province=self.province(top),
            observers=observers,
        )

    def held_on(self, top: dict[str, Any]) -> date | None:
        if "tanggal" not in top:
            return None
        value = top["tanggal"]
        if isinstance(value, str) and _DATE_RE.match(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.fail("tanggal", f"harus tanggal berbentuk TTTT-BB-HH, tertulis {_shown(value)}")
        return None

    def region(self, top: dict[str, Any]) -> Region:
        wilayah = (
            self.obj(top["wilayah"], "wilayah", "kode nama", "provinsi") if "wilayah" in top else {}
        )
        code = self.code(wilayah, "kode", "wilayah")
        return Region(RegionCode(code), self.text(wilayah, "nama", "wilayah"))

    def province(self, top: dict[str, Any]) -> Region | None:
        """``wilayah.provinsi`` (optional): the provinsi printed in every form's header."""
        wilayah = top.get("wilayah")
        if not isinstance(wilayah, dict) or "provinsi" not in wilayah:
            return None
        path = "wilayah.provinsi"
        provinsi = self.obj(wilayah["provinsi"], path, "kode nama")
        code = self.code(provinsi, "kode", path)
        region = str(wilayah.get("kode", ""))
        if code and region and not region.startswith(code):
            self.fail(f"{path}.kode", f"wilayah {region} tidak berada di provinsi {code}")
        return Region(RegionCode(code), self.text(provinsi, "nama", path))

    def units(self, top: dict[str, Any], region: str, level: str | None) -> tuple[Unit, ...]:
        units: list[Unit] = []
        seen: set[str] = set()
        for path, item in self.items(top, "unit", "", False):
            obj = self.obj(item, path, "kode nama", "jumlah_tps")
            code = self.code(obj, "kode", path)
            # The nation has no code of its own that prefixes the provinces' codes.
            below = code.startswith(region) and len(code) > len(region)
            if code and region and level != Level.NASIONAL and not below:
                self.fail(path, f"kode {code} tidak berada di bawah wilayah {region}")
            if code and code in seen:
                self.fail(path, f"kode {code} ganda")
            seen.add(code)
            tps = self.integer(obj, "jumlah_tps", path, 0)
            units.append(Unit(RegionCode(code), self.text(obj, "nama", path), tps))
        codes = sorted(seen - {""})
        for upper, lower in zip(codes, codes[1:], strict=False):
            if lower.startswith(upper):
                self.fail("unit", f"kode {lower} berada di bawah unit lain ({upper})")
        return tuple(units)

    def member(self, item: object, path: str) -> Member:
        obj = self.obj(item, path, "nama jabatan")
        return Member(self.text(obj, "nama", path), self.text(obj, "jabatan", path))

    def witness(self, item: object, path: str, contests: tuple[Contest, ...]) -> Witness | None:
        """A saksi; None for a kolom kosong saksi of a kept setup (see ``parse_setup``)."""
        obj = self.obj(item, path, "nama kontestasi nomor_urut")
        code = self.text(obj, "kontestasi", path)
        number = self.integer(obj, "nomor_urut", path, 1, MAX_NUMBER)
        contest = self.contest_named(code, path, contests)
        if contest is not None and number is not None and number not in contest.saksi_numbers():
            if not contest.is_blank_column(number):
                self.fail(path, f"nomor_urut {number} tidak ada dalam kontestasi '{code}'")
            elif self.kept:
                return None
            else:
                self.fail(path, f"nomor_urut {number} kontestasi '{code}': {BLANK_COLUMN_SAKSI}")
        return Witness(self.text(obj, "nama", path), ContestCode(code), ChoiceNo(number or 0))

    def observer(self, item: object, path: str, contests: tuple[Contest, ...]) -> Observer:
        """Pemantau: a name, optionally the institution and the contest watched."""
        obj = self.obj(item, path, "nama", "lembaga kontestasi")
        code = self.text(obj, "kontestasi", path)
        self.contest_named(code, path, contests)
        institution = self.text(obj, "lembaga", path)
        return Observer(self.text(obj, "nama", path), institution, ContestCode(code) or None)

    def contest_named(self, code: str, path: str, contests: tuple[Contest, ...]) -> Contest | None:
        contest = next((c for c in contests if c.code == code), None)
        if code and contest is None:
            self.fail(path, f"kontestasi '{code}' tidak ada dalam daftar 'kontestasi'")
        return contest

    # --- contests ---------------------------------------------------------------------------

    def contests(
        self, top: dict[str, Any], kind: str | None, units: tuple[Unit, ...]
    ) -> tuple[Contest, ...]:
        seen: set[str] = set()
        return tuple(
            self.contest(item, path, kind, units, seen)
            for path, item in self.items(top, "kontestasi", "", False)
        )

    def contest(
        self, item: object, path: str, kind: str | None, units: tuple[Unit, ...], seen: set[str]
    ) -> Contest:
        raw = item.get("kode") if isinstance(item, dict) else None
        known = raw in PILKADA_CONTESTS or raw in PEMILU_CONTESTS
        party_list = raw in PARTY_LIST_CONTESTS or (
            not known and isinstance(item, dict) and "partai" in item
        )
        obj = self.obj(
            item, path, "kode judul dapil partai" if party_list else "kode judul pilihan"
        )
        code = self.text(obj, "kode", path)
        valid = _CONTESTS[ElectionKind(kind)] if kind else PILKADA_CONTESTS + PEMILU_CONTESTS
        if code and code not in valid:
            self.fail(
                path, f"kode '{code}' tidak sah untuk {kind or 'rapat ini'}: {', '.join(valid)}"
            )
        if code and code in seen:
            self.fail(path, f"kode '{code}' ganda")
        seen.add(code)
        title = self.text(obj, "judul", path)
        if not party_list:
            return Contest(ContestCode(code), title, choices=self.choices(obj, path))
        districts = self.districts(obj, path, units, SEAT_RANGES.get(code))
        parties = self.parties(obj, path, {d.code for d in districts})
        return Contest(ContestCode(code), title, parties=parties, districts=districts)

    def choices(self, obj: dict[str, Any], path: str) -> tuple[Choice, ...]:
        choices: list[Choice] = []
        seen: set[int] = set()
        for item_path, item in self.items(obj, "pilihan", path, False):
            choice = self.obj(item, item_path, "nomor_urut nama", "kolom_kosong sirekap_id")
            number = self.number(choice, item_path, seen)
            blank = choice.get("kolom_kosong", False)
            if not isinstance(blank, bool):
                self.fail(
                    item_path, f"'kolom_kosong' harus true atau false, tertulis {_shown(blank)}"
                )
                blank = False
            if blank and any(c.blank_column for c in choices):
                self.fail(item_path, "kolom kosong lebih dari satu dalam satu kontestasi")
            name = self.text(choice, "nama", item_path)
            choices.append(Choice(number, name, blank, self.sirekap_id(choice, item_path)))
        return tuple(choices)

    def sirekap_id(self, obj: dict[str, Any], path: str) -> str | None:
        value = obj.get("sirekap_id")
        if value is None or (isinstance(value, str) and value.strip()):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        self.fail(path, f"'sirekap_id' harus teks atau bilangan bulat, tertulis {_shown(value)}")
        return None

    def districts(
        self,
        obj: dict[str, Any],
        path: str,
        units: tuple[Unit, ...],
        seat_range: tuple[int, int] | None,
    ) -> tuple[District, ...]:
        """Dapil; a unit entry covers the units whose code starts with it (itself or a region
        above it), and each unit must be covered by exactly one dapil."""
        districts: list[District] = []
        owners: dict[str, list[str]] = {u.code: [] for u in units if u.code}
        for item_path, item in self.items(obj, "dapil", path, False):
            dapil = self.obj(item, item_path, "kode nama kursi unit")
            code = self.text(dapil, "kode", item_path)
            if code and any(d.code == code for d in districts):
                self.fail(item_path, f"kode dapil '{code}' ganda")
            entries: list[RegionCode] = []
            for entry_path, entry in self.items(dapil, "unit", item_path, False):
                entry = self.code({"unit": entry}, "unit", entry_path)
                covered = [unit for unit in owners if unit.startswith(entry)] if entry else []
                if entry and not covered:
                    self.fail(entry_path, f"kode {entry} bukan unit rapat ini")
                for unit in covered:
                    owners[unit].append(code)
                entries.append(RegionCode(entry))
            seats = self.integer(dapil, "kursi", item_path, 1) or 0
            low, high = seat_range or (seats, seats)
            if seats and not low <= seats <= high:
                self.fail(
                    item_path,
                    f"kursi {seats} di luar batas undang-undang untuk pemilihan ini: {low}–{high}",
                )
            name = self.text(dapil, "nama", item_path)
            districts.append(District(code, name, seats, tuple(entries)))
        for unit, dapils in owners.items() if districts else ():
            if len(dapils) != 1:
                where = f"dapil {', '.join(dapils)}" if dapils else "tidak satu dapil pun"
                self.fail(path, f"unit {unit} harus tepat di satu dapil, ada di {where}")
        return tuple(districts)

    def parties(self, obj: dict[str, Any], path: str, districts: set[str]) -> tuple[Party, ...]:
        parties: list[Party] = []
        seen: set[int] = set()
        for item_path, item in self.items(obj, "partai", path, False):
            party = self.obj(item, item_path, "nomor_urut nama calon")
            number = self.number(party, item_path, seen)
            name = self.text(party, "nama", item_path)
            parties.append(Party(number, name, self.candidates(party, item_path, districts)))
        return tuple(parties)

    def candidates(
        self, party: dict[str, Any], path: str, districts: set[str]
    ) -> dict[str, tuple[Candidate, ...]]:
        lists = party.get("calon", {})
        if not isinstance(lists, dict):
            self.fail(path, "'calon' harus berupa objek {kode dapil: [calon …]}")
            return {}
        result: dict[str, tuple[Candidate, ...]] = {}
        for dapil, value in lists.items():
            list_path = f"{path}.calon[{_shown(dapil)}]"
            if dapil not in districts:
                self.fail(list_path, f"dapil '{dapil}' tidak ada dalam daftar 'dapil'")
            seen: set[int] = set()
            result[dapil] = tuple(
                self.candidate(item, item_path, seen)
                for item_path, item in self.listing(value, list_path, True)
            )
        return result

    def candidate(self, item: object, path: str, seen: set[int]) -> Candidate:
        obj = self.obj(item, path, "nomor_urut nama jenis_kelamin")
        number = self.number(obj, path, seen)
        sex = obj.get("jenis_kelamin", "")
        if "jenis_kelamin" in obj and sex not in _SEXES:
            self.fail(path, f'\'jenis_kelamin\' harus "L" atau "P", tertulis {_shown(sex)}')
            sex = ""
        return Candidate(number, self.text(obj, "nama", path), sex)


# --- writing ------------------------------------------------------------------------------


def setup_to_dict(pleno: Pleno) -> dict[str, object]:
    """The setup file of ``pleno`` (formats §1); optional keys without a value are left out."""
    result: dict[str, object] = {
        "format": FORMAT,
        "pemilihan": pleno.name,
        "jenis": pleno.kind.value,
        "tingkat": pleno.level.value,
        "wilayah": _region_dict(pleno),
        "tempat": pleno.place,
        "tanggal": pleno.held_on.isoformat() if pleno.held_on else None,
        "unit": [
            _without_empty({"kode": u.code, "nama": u.name, "jumlah_tps": u.tps_count})
            for u in pleno.units
        ],
        "kontestasi": [_contest_dict(c) for c in pleno.contests],
        "anggota": [{"nama": m.name, "jabatan": m.position} for m in pleno.members],
        "saksi": [
            {"nama": w.name, "kontestasi": w.contest, "nomor_urut": w.choice}
            for w in pleno.witnesses
        ],
        "pemantau": [
            _without_empty({"nama": o.name, "lembaga": o.institution, "kontestasi": o.contest})
            for o in pleno.observers
        ],
    }
    return _without_empty(result)


def _region_dict(pleno: Pleno) -> dict[str, object]:
    region: dict[str, object] = {"kode": pleno.region.code, "nama": pleno.region.name}
    if pleno.province is not None:
        region["provinsi"] = {"kode": pleno.province.code, "nama": pleno.province.name}
    return region


def _without_empty(obj: dict[str, object]) -> dict[str, object]:
    # ``is False`` rather than ``==``: a jumlah_tps of 0 is a value.
    return {k: v for k, v in obj.items() if not (v is None or v is False or v in ("", []))}


def _contest_dict(contest: Contest) -> dict[str, object]:
    result: dict[str, object] = {"kode": contest.code, "judul": contest.title}
    if not contest.is_party_list:
        result["pilihan"] = [
            _without_empty(
                {
                    "nomor_urut": c.number,
                    "nama": c.name,
                    "kolom_kosong": c.blank_column,
                    "sirekap_id": c.sirekap_id,
                }
            )
            for c in contest.choices
        ]
        return result
    result["dapil"] = [
        {"kode": d.code, "nama": d.name, "kursi": d.seats, "unit": list(d.units)}
        for d in contest.districts
    ]
    result["partai"] = [
        {"nomor_urut": p.number, "nama": p.name, "calon": _candidates_dict(p)}
        for p in contest.parties
    ]
    return result


def _candidates_dict(party: Party) -> dict[str, object]:
    return {
        dapil: [{"nomor_urut": c.number, "nama": c.name, "jenis_kelamin": c.sex} for c in listed]
        for dapil, listed in party.candidates.items()
    }
