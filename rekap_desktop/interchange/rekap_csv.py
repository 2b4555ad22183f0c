"""Tally table ``rekap-csv/1`` as CSV or XLSX (formats §2): read all-or-nothing, and write.

Reading is built for national-size files (823,236 TPS rows, see ``_TableReader.read_lines``):
the first row of each (contest, unit, source) is checked in full; the following rows below the
same unit skip the checks already made, and their data cells are summed a batch at a time. Any
cell that is not a small plain number sends its batch back through the row-by-row checks, so
every problem is still named by row and column.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import add, itemgetter
from typing import Any

from rekap_desktop.domain.election import Contest, Pleno, Unit
from rekap_desktop.domain.ids import ContestCode, FieldKey, RegionCode
from rekap_desktop.domain.kept_rows import KeptRows
from rekap_desktop.domain.problems import InputRejected, Problem
from rekap_desktop.domain.sources import Source, SourceKind
from rekap_desktop.domain.tally import choice_number, form_keys
from rekap_desktop.interchange.xlsx_guard import refuse_inflating, refuse_uncalculated_formulas
from rekap_desktop.text.numbers import parse_number

CONTEST, CODE, NAME, SOURCE = "pemilihan", "kode_wilayah", "nama_wilayah", "sumber"
KEY_COLUMNS = (CONTEST, CODE, NAME, SOURCE)
MAX_PROBLEMS = 50
MAX_VALUE = 2**63 - 1
"""Largest value a database integer column holds; also bounds a sum of rows."""
NO_DATA = "tidak ada baris data"
BATCH_ROWS = 2000
_SMALL = {str(i): i for i in range(10_000)}
"""Digit strings of the numbers a TPS form holds: a dict look-up is cheaper than int()."""
_MIXED = "baris unit dan baris di bawahnya tidak boleh dicampur"
_ADVICE = "isi bilangan bulat ≥ 0, atau kosongkan bila tidak dicatat"

Row = Sequence[str]
Picker = Callable[[Row], tuple[str, ...]]


@dataclass(frozen=True)
class TallyRecord:
    """The values one source gives for one unit of the meeting in one contest."""

    contest: ContestCode
    unit: RegionCode
    """The meeting's unit the row(s) belong to."""
    source: Source
    values: dict[FieldKey, int]
    """Recorded values, summed over the rows below the unit; absent = not recorded."""
    rows: tuple[int, ...]
    """1-based file rows (the header is row 1) that made this record."""
    kept: KeptRows | None = None
    """The desa/TPS rows the values were summed from, as they came (None: the unit's own row)."""


def read_rekap_table(data: bytes, file_name: str, pleno: Pleno) -> list[TallyRecord]:
    """Every (contest, unit, source) of a rekap-csv/XLSX file; ``InputRejected`` on any problem."""
    reader = _TableReader(pleno)
    records = reader.read(data, file_name)
    if reader.problems:
        raise InputRejected(reader.sorted_problems(), file_name)
    return records


# --- reading: what each contest reads -------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    """The header columns one contest (in one dapil) reads, in form order, and those it must not."""

    keys: tuple[FieldKey, ...]
    columns: tuple[int, ...]
    pick: Picker
    foreign: tuple[tuple[int, str], ...]
    """Other data columns, with the message for a value found in one."""
    pick_foreign: Picker
    numbers: frozenset[int]
    """Numbers a saksi may stand for: the choices, or the parties of a legislative contest."""
    batched: bool
    """Its columns are all the columns after the key columns, in order: rows can be batched."""


def _picker(columns: Sequence[int]) -> Picker:
    if len(columns) == 1:
        only = columns[0]
        return lambda row: (row[only],)
    if not columns:
        return lambda row: ()
    pick: Picker = itemgetter(*columns)
    return pick


def _plan(
    contest: Contest,
    dapil: str | None,
    data: dict[str, int],
    unnamed: list[int],
    after_keys: tuple[int, ...] | None,
) -> _Plan:
    own = form_keys(contest, dapil)
    keys = tuple(k for k in own if k in data)
    columns = tuple(data[k] for k in keys)
    where = f"pemilihan '{contest.code}'" + (f" dapil {dapil}" if dapil else "")
    foreign = [(i, _foreign_message(k, contest, where)) for k, i in data.items() if k not in own]
    foreign += [(i, "kolom tanpa judul di kepala berisi nilai; kosongkan") for i in unnamed]
    if contest.is_party_list:
        numbers = frozenset(p.number for p in contest.parties)
    else:
        numbers = frozenset(c.number for c in contest.choices)
    pick, pick_foreign = _picker(columns), _picker([i for i, _ in foreign])
    batched = columns == after_keys
    return _Plan(keys, columns, pick, tuple(foreign), pick_foreign, numbers, batched)


def _foreign_message(key: str, contest: Contest, where: str) -> str:
    number = choice_number(key)
    if number is not None and not contest.is_party_list:
        return f"pilihan nomor urut {number} tidak ada dalam {where}; kosongkan"
    return f"kolom ini bukan bagian dari {where}; kosongkan"


def _value_problem(text: str) -> str:
    """Why a (stripped, non-empty) cell is not a whole number ≥ 0, in words."""
    shown = text if len(text) <= 30 else text[:30] + "…"
    body = text[1:] if text[0] in "-−" else text
    digits = body.replace(".", "").replace(",", "")
    if not (digits.isascii() and digits.isdigit()):
        return f"'{shown}' bukan angka; {_ADVICE}"
    if body is not text:
        return f"nilai negatif '{shown}' tidak boleh; {_ADVICE}"
    if digits != body:
        return f"bilangan desimal '{shown}' tidak boleh; {_ADVICE} (titik hanya pemisah ribuan)"
    return f"'{shown}' terlalu besar; {_ADVICE}"


class _Group:
    """Running totals of one (contest, unit, source)."""

    __slots__ = (
        "plan",
        "unit",
        "source",
        "sums",
        "seen",
        "full",
        "own",
        "codes",
        "rows",
        "kept",
        "batch",
    )

    def __init__(self, plan: _Plan, unit: str = "", source: str = "") -> None:
        self.plan = plan
        self.unit = unit
        self.source = source
        self.sums = [0] * len(plan.keys)
        self.seen = [False] * len(plan.keys)
        self.full = False
        """Some row recorded every column; ``seen`` then needs no look."""
        self.own = 0
        """Row of the unit's own row, 0 when none."""
        self.codes: list[str] = []
        self.rows: list[int] = []
        """Code and row of each row below the unit, in file order."""
        self.kept: list[str] = []
        """Values of each row below the unit, packed (see ``KeptRows``); a batch's rows are
        added when it is summed."""
        self.batch: list[str] = []
        """Data parts of the last rows, not yet summed (see ``_TableReader.flush``)."""

    def values(self) -> dict[FieldKey, int]:
        triples = zip(self.plan.keys, self.sums, self.seen, strict=True)
        return {key: total for key, total, seen in triples if seen or self.full}


def _packed(cells: Sequence[str]) -> str:
    """A row's values as ``KeptRows`` holds them: plain numbers, "" where not recorded (a cell
    that is no number is named as a problem elsewhere, and the file is refused)."""
    return ",".join(map(_plain, cells))


def _plain(cell: str) -> str:
    text = cell.strip()
    if not text or text in _SMALL:
        return text
    value = parse_number(text) if len(text) <= 24 else None
    return "" if value is None else str(value)


class _Stop(Exception):
    """Too many problems: reading stops."""


class _TableReader:
    def __init__(self, pleno: Pleno) -> None:
        self.pleno = pleno
        self.problems: list[Problem] = []
        self.units: dict[str, Unit] = {u.code: u for u in pleno.units}
        self.lengths = sorted({len(code) for code in self.units}, reverse=True)
        self.contests: dict[str, str] = {}
        """Cell text → contest code, for the texts met so far."""
        self.sources: dict[str, str] = {}
        """Cell text → source code; codes (not Source objects) keep the hot loop's hashing in C."""
        self.source_codes: dict[str, Source] = {}
        self.groups: dict[tuple[str, str, str], _Group] = {}
        self.lane: dict[tuple[str, str, str], _Group] = {}
        """(contest cell, source cell, unit code) → group, for rows that may skip the checks
        already made on an earlier row of the same group."""
        self.columns: list[str] = []
        self.index: dict[str, int] = {}
        self.lead = 0
        """Number of leading key columns when all data columns follow them, else 0."""
        self.plans: dict[tuple[str, str | None], _Plan] = {}
        """Plan per (contest, unit); (contest, None) for a row whose unit is unknown."""
        self.separator = ","
        self.csv_lines: Callable[[], int] = lambda: 0

    def problem(
        self, message: str, row: int | None = None, column: int | str | None = None
    ) -> None:
        """Note a problem (``column`` by index or name); stop reading when there are too many."""
        name = self.columns[column] if isinstance(column, int) else column
        self.problems.append(Problem(message, row, name))
        if len(self.problems) >= MAX_PROBLEMS:
            raise _Stop

    def sorted_problems(self) -> list[Problem]:
        ordered = sorted(self.problems, key=lambda p: p.row or 0)
        if len(ordered) >= MAX_PROBLEMS:
            ordered.append(Problem(f"lebih dari {MAX_PROBLEMS} masalah; pemeriksaan henti"))
        return ordered

    def read(self, data: bytes, file_name: str) -> list[TallyRecord]:
        try:
            if data[:4] == b"PK\x03\x04" or file_name.lower().endswith(".xlsx"):
                self.read_rows(_xlsx_rows(data))
            else:
                self.read_csv(data)
            if not self.groups and not self.problems:
                self.problem(NO_DATA)
            return self.finish()
        except InputRejected as error:  # the workbook cannot be read (on)
            self.problems += error.problems
        except csv.Error as error:
            self.problems.append(Problem(f"CSV tidak terbaca: {error}", self.csv_lines()))
        except UnicodeDecodeError:
            self.problems.append(_decode_problem(data))
        except _Stop:
            pass
        return []

    # --- the file -------------------------------------------------------------------------

    def read_csv(self, data: bytes) -> None:
        end = data.find(b"\n")
        first = data[: end if end >= 0 else len(data)]
        self.separator = ";" if first.count(b";") > first.count(b",") else ","
        if b'"' in data:
            text = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="")
            reader = csv.reader(text, delimiter=self.separator)
            self.csv_lines = lambda: reader.line_num
            self.read_rows(reader)
        else:  # without quotes, CSV is plain splitting: see read_lines
            lines = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig")
            self.read_lines(map(str.rstrip, lines, repeat("\n")))

    def read_rows(self, rows: Iterator[Row]) -> None:
        header = next(rows, None)
        if header is not None and self.header(header):
            for number, row in enumerate(rows, 2):
                self.row(number, row)

    def read_lines(self, lines: Iterator[str]) -> None:
        """The hot loop. A row of a group met before (same contest, source and unit) has its
        key columns split off and its data part batched; ``flush`` sums a whole batch at once."""
        separator = self.separator
        header = next(lines, None)
        if header is None or not self.header(header.split(separator)):
            return
        lead, lane = self.lead, self.lane
        contest_at, code_at, source_at = self.index[CONTEST], self.index[CODE], self.index[SOURCE]
        prefix = self.lengths[0] if len(self.lengths) == 1 else 0
        for number, line in enumerate(lines, 2):
            parts = line.split(separator, lead)
            if len(parts) > lead > 0:
                code = parts[code_at]
                group = lane.get((parts[contest_at], parts[source_at], code[:prefix]))
                if group is not None and len(code) > prefix and code.isdigit() and code.isascii():
                    group.codes.append(code)
                    group.rows.append(number)
                    batch = group.batch
                    batch.append(parts[lead])
                    if len(batch) >= BATCH_ROWS:
                        self.flush(group)
                    continue
            self.row(number, line.split(separator))

    def header(self, cells: Row) -> bool:
        """Check the header and plan the columns; False when the header is unusable."""
        self.columns = [cell.strip().lower() for cell in cells]
        known = {key for contest in self.pleno.contests for key in form_keys(contest)}
        for i, name in enumerate(self.columns):
            if name in self.index:
                self.problem("kolom ganda di kepala", 1, name)
            elif name and name not in KEY_COLUMNS and name not in known:
                self.problem("kolom tidak dikenal untuk pemilihan mana pun di rapat ini", 1, name)
            if name:
                self.index.setdefault(name, i)
        for name in (CONTEST, CODE, SOURCE):
            if name not in self.index:
                self.problem("kolom wajib tidak ada di kepala", 1, name)
        if self.problems:
            return False
        keys_at = sorted(i for name, i in self.index.items() if name in KEY_COLUMNS)
        self.lead = len(keys_at) if keys_at == list(range(len(keys_at))) else 0
        data = {name: i for name, i in self.index.items() if name not in KEY_COLUMNS}
        unnamed = [i for i, name in enumerate(self.columns) if not name]
        after_keys = tuple(range(self.lead, len(self.columns))) if self.lead else None
        by_dapil: dict[tuple[str, str | None], _Plan] = {}
        for contest in self.pleno.contests:
            for unit in (None, *self.units):
                district = contest.district_of(unit) if unit else None
                dapil = district.code if district else None
                if (contest.code, dapil) not in by_dapil:
                    by_dapil[contest.code, dapil] = _plan(contest, dapil, data, unnamed, after_keys)
                self.plans[contest.code, unit] = by_dapil[contest.code, dapil]
        return True

    # --- one row, checked in full ---------------------------------------------------------

    def row(self, number: int, cells: Row) -> None:
        row = self.fit(number, cells)
        if row is None:
            return
        contest_text, source_text = row[self.index[CONTEST]], row[self.index[SOURCE]]
        contest = self.contests.get(contest_text) or self.contest_of(number, row)
        if contest is None:
            return
        unit, own, code = self.locate(number, row[self.index[CODE]])
        source = self.sources.get(source_text) or self.source_of(number, source_text)
        if unit is None or source is None:
            self.add_values(number, row, _Group(self.plans[contest, unit.code if unit else None]))
            return
        group = self.groups.get((contest, unit.code, source))
        if group is None:
            group = self.new_group(number, contest, unit, source)
        if own:
            self.own_row(number, row, group, unit)
        else:
            self.flush(group)  # a batch's rows must stay the last ones of group.rows
            group.codes.append(code)
            group.rows.append(number)
            group.kept.append(_packed(group.plan.pick(row)))
            if group.plan.batched:
                self.lane[contest_text, source_text, unit.code] = group
        self.add_values(number, row, group)

    def fit(self, number: int, cells: Row) -> Row | None:
        """A row as wide as the header; None for an empty line."""
        width = len(self.columns)
        if not "".join(cells).strip():
            return None
        if len(cells) == width:
            return cells
        if len(cells) < width:
            return [*cells, *[""] * (width - len(cells))]
        if "".join(cells[width:]).strip():
            self.problem(f"baris berisi {len(cells)} sel, lebih dari {width} kolom kepala", number)
        return cells[:width]

    def contest_of(self, number: int, row: Row) -> str | None:
        text = row[self.index[CONTEST]]
        code = text.strip().lower()
        if self.pleno.contest(code) is not None:
            self.contests[text] = code
            return code
        where = ", ".join(c.code for c in self.pleno.contests)
        self.problem(f"pemilihan '{code}' tidak ada di rapat ini ({where})", number, CONTEST)
        return None

    def locate(self, number: int, text: str) -> tuple[Unit | None, bool, str]:
        """(unit, whether the code is the unit itself, the code); no unit means a problem."""
        code = text.strip()
        if not (code.isdigit() and code.isascii()):
            self.problem(f"kode wilayah '{code}' harus berupa angka saja", number, CODE)
            return None, False, code
        if code in self.units:
            return self.units[code], True, code
        for length in self.lengths:
            if len(code) > length and code[:length] in self.units:
                return self.units[code[:length]], False, code
        self.problem(f"kode {code} bukan unit rapat ini dan tidak berada di bawahnya", number, CODE)
        return None, False, code

    def source_of(self, number: int, text: str) -> str | None:
        source = Source.parse(text)
        if source is None:
            known = "ppk, sirekap, saksi_NN, bawaslu"
            self.problem(f"sumber '{text.strip()}' tidak dikenal ({known})", number, SOURCE)
            return None
        if source.kind is SourceKind.PLENO:
            self.problem("sumber 'pleno' hanya ditulis oleh rapat pleno sendiri", number, SOURCE)
            return None
        self.sources[text] = source.code
        self.source_codes[source.code] = source
        return source.code

    def new_group(self, number: int, contest: str, unit: Unit, code: str) -> _Group:
        plan = self.plans[contest, unit.code]
        group = self.groups[contest, unit.code, code] = _Group(plan, unit.code, code)
        source = self.source_codes[code]
        if source.choice is not None and source.choice not in plan.numbers:
            message = f"{source}: nomor urut {source.choice} tidak ada dalam pemilihan '{contest}'"
            self.problem(message, number, SOURCE)
        return group

    def own_row(self, number: int, row: Row, group: _Group, unit: Unit) -> None:
        if group.own:
            message = f"baris ganda: kode {unit.code} sumber {group.source} sudah ada di baris "
            self.problem(f"{message}{group.own}", number, CODE)
        group.own = group.own or number
        name = _unmarked(row[self.index[NAME]].strip()) if NAME in self.index else ""
        if name and name.casefold() != unit.name.strip().casefold():
            self.problem(f"nama tidak sesuai unit {unit.code} ({unit.name})", number, NAME)

    # --- values -----------------------------------------------------------------------------

    def add_values(self, number: int, row: Row, group: _Group) -> None:
        plan = group.plan
        values = plan.pick(row)
        try:  # the usual TPS row: every cell a small number, looked up rather than parsed
            group.sums = list(map(add, group.sums, map(_SMALL.__getitem__, values)))
            group.full = True
        except KeyError:
            joined = "".join(values)
            plain = joined.isdigit() and joined.isascii() and "" not in values
            if plain and max(map(len, values), default=0) <= 18:
                group.sums = list(map(add, group.sums, map(int, values)))
                group.full = True
            else:
                self.check_values(number, row, plan, group)
        if plan.foreign and "".join(plan.pick_foreign(row)).strip():
            for column, message in plan.foreign:
                if row[column].strip():
                    self.problem(message, number, column)

    def check_values(self, number: int, row: Row, plan: _Plan, group: _Group) -> None:
        sums, seen = group.sums, group.seen
        for position, column in enumerate(plan.columns):
            text = row[column].strip()
            if not text:
                continue
            value = parse_number(text) if len(text) <= 24 else None
            if value is None or value > MAX_VALUE:
                self.problem(_value_problem(text), number, column)
                continue
            sums[position] += value
            seen[position] = True

    def flush(self, group: _Group) -> None:
        """Sum a batch column by column: one join, one split and one look-up per cell, all in C.
        A batch with a cell that is not a small plain number is read again row by row."""
        batch = group.batch
        if not batch:
            return
        cells = self.separator.join(batch).split(self.separator)
        width = len(group.plan.columns)
        numbers: list[int] | None = None
        # Every row as wide as the header, not just the batch as a whole: a short row and a long
        # one would otherwise keep the cell count and shift the cells between them a column off.
        if len(cells) == width * len(batch) and self.as_wide_as_the_header(batch, width):
            try:
                numbers = list(map(_SMALL.__getitem__, cells))
            except KeyError:
                pass
        if numbers is None:
            for number, data in zip(group.rows[-len(batch) :], batch, strict=True):
                row = self.fit(number, [""] * self.lead + data.split(self.separator))
                if row is None:
                    group.kept.append("," * (width - 1))
                else:
                    self.add_values(number, row, group)
                    group.kept.append(_packed(group.plan.pick(row)))
        else:
            group.sums = [total + sum(numbers[i::width]) for i, total in enumerate(group.sums)]
            group.full = True
            if self.separator == ",":
                group.kept += batch
            else:
                group.kept += [data.replace(self.separator, ",") for data in batch]
        batch.clear()

    def as_wide_as_the_header(self, batch: list[str], width: int) -> bool:
        separators = list(map(str.count, batch, repeat(self.separator)))
        return separators == [width - 1] * len(batch)

    # --- the end --------------------------------------------------------------------------

    def finish(self) -> list[TallyRecord]:
        records: list[TallyRecord] = []
        for (contest, unit, source), group in self.groups.items():
            self.flush(group)
            self.check_duplicates(group)
            self.check_mixed(group)
            self.check_nesting(group)
            values = group.values()
            for key, total in values.items():
                if total > MAX_VALUE:
                    self.problem(f"jumlah unit {unit} sumber {source} terlalu besar", None, key)
            rows = (group.own,) if group.own else tuple(group.rows)
            found = self.source_codes[source]
            kept = (
                None
                if group.own
                else KeptRows(group.plan.keys, tuple(group.codes), tuple(group.kept))
            )
            records.append(
                TallyRecord(ContestCode(contest), RegionCode(unit), found, values, rows, kept)
            )
        contests = {c.code: i for i, c in enumerate(self.pleno.contests)}
        units = {u.code: i for i, u in enumerate(self.pleno.units)}
        records.sort(key=lambda r: (contests[r.contest], units[r.unit], r.source.sort_key))
        return records

    def check_duplicates(self, group: _Group) -> None:
        if len(set(group.codes)) == len(group.codes):
            return
        first: dict[str, int] = {}
        for code, number in zip(group.codes, group.rows, strict=True):
            seen_at = first.setdefault(code, number)
            if seen_at != number:
                message = f"baris ganda: kode {code} sumber {group.source} sudah ada di baris "
                self.problem(f"{message}{seen_at}", number, CODE)

    def check_mixed(self, group: _Group) -> None:
        """One source gives either the unit's own row or rows below it, never both."""
        if not (group.own and group.rows):
            return
        below = group.rows[0]
        if group.own < below:
            where = f"baris unit {group.unit} sendiri (baris {group.own})"
            self.problem(f"sumber {group.source} sudah memberi {where}; {_MIXED}", below, CODE)
        else:
            where = f"baris di bawah unit {group.unit} (baris {below})"
            self.problem(f"sumber {group.source} sudah memberi {where}; {_MIXED}", group.own, CODE)

    def check_nesting(self, group: _Group) -> None:
        """Rows of one source at two levels (a desa and its TPS) would be counted twice."""
        if len({len(code) for code in group.codes}) < 2:
            return
        rows = dict(zip(group.codes, group.rows, strict=True))
        codes = sorted(rows)
        for upper, lower in zip(codes, codes[1:], strict=False):
            if lower.startswith(upper):
                message = (
                    f"kode {lower} berada di bawah kode {upper} (baris {rows[upper]}) "
                    f"dari sumber {group.source} yang sama; nilainya akan terhitung dua kali"
                )
                self.problem(message, rows[lower], CODE)


def _decode_problem(data: bytes) -> Problem:
    try:
        data.decode("utf-8-sig")
        start = 0
    except UnicodeDecodeError as error:
        start = error.start
    message = "berkas bukan teks UTF-8; simpan ulang sebagai CSV UTF-8 (atau XLSX)"
    return Problem(message, data[:start].count(b"\n") + 1)


def _xlsx_rows(data: bytes) -> Iterator[Row]:
    """Rows of the first sheet as text, the way a CSV would give them."""
    import openpyxl  # here, not at the top: it takes longer to import than a CSV takes to read

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        refuse_inflating(archive)
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except InputRejected:
        raise
    except Exception as error:  # openpyxl and zipfile raise many kinds on a damaged file
        raise InputRejected([Problem(f"berkas XLSX rusak atau tidak terbaca ({error})")]) from error
    try:
        sheet = book.worksheets[0]
        refuse_uncalculated_formulas(archive, sheet._worksheet_path)
        for values in sheet.iter_rows(min_row=1, values_only=True):
            yield [_cell_text(value) for value in values]
    except InputRejected:
        raise
    except Exception as error:  # as above, from the sheet's XML
        raise InputRejected([Problem(f"lembar XLSX rusak atau tidak terbaca ({error})")]) from error
    finally:
        book.close()
        archive.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- writing ------------------------------------------------------------------------------


def write_rekap_csv(records: Iterable[TallyRecord], pleno: Pleno) -> bytes:
    """The records as a rekap-csv/1 table: UTF-8, ``,``, a blank cell for "not recorded"."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in _table(records, pleno):
        writer.writerow(_csv_cell(cell) for cell in row)
    return out.getvalue().encode("utf-8")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet program take a text cell for a formula."""
TEXT_MARK = "'"


def _csv_cell(cell: object) -> object:
    """A text that a spreadsheet would run as a formula is written behind a ' (read back
    without it): opening an export in a spreadsheet never runs what a name contains."""
    if cell is None:
        return ""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return TEXT_MARK + cell
    return cell


def _unmarked(text: str) -> str:
    if text.startswith(TEXT_MARK) and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def write_rekap_xlsx(records: Iterable[TallyRecord], pleno: Pleno) -> bytes:
    """The same table as ``write_rekap_csv`` in the first sheet of a workbook, values as numbers."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("rekap")
    for row in _table(records, pleno):
        for i, value in enumerate(row):
            if isinstance(value, str) and value.startswith("="):
                row[i] = cell = WriteOnlyCell(sheet, value)  # text, not a formula
                cell.data_type = "s"
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _table(records: Iterable[TallyRecord], pleno: Pleno) -> Iterator[list[Any]]:
    """Header, then one row per record in contest, unit and source order."""
    ordered = list(records)
    contests = {c.code: i for i, c in enumerate(pleno.contests)}
    units = {u.code: (i, u.name) for i, u in enumerate(pleno.units)}
    ordered.sort(
        key=lambda r: (
            contests.get(r.contest, len(contests)),
            units.get(r.unit, (len(units), ""))[0],
            r.source.sort_key,
        )
    )
    recorded = {key for record in ordered for key in record.values}
    keys = list(dict.fromkeys(k for c in pleno.contests for k in form_keys(c) if k in recorded))
    yield [*KEY_COLUMNS, *keys]
    for r in ordered:
        name = units.get(r.unit, (0, ""))[1]
        yield [r.contest, r.unit, name, r.source.code, *(r.values.get(k) for k in keys)]
