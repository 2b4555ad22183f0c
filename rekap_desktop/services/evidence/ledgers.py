"""The meeting's ledgers as exhibits, each printable (PDF) and machine-readable (CSV and JSON):
the Daftar Pembetulan, the register of kejadian khusus and keberatan, the records of pencocokan
and penghitungan suara ulang, the print history with its sidik data. A ledger is one ``Ledger``
entry: its title, its file stem, its rows and its printed form."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rekap_desktop.documents.parts import PageStamp
from rekap_desktop.documents.riwayat_cetak import PrintHistoryData, PrintLine, render_print_history
from rekap_desktop.domain.copies import MEDIUM_LABELS, MOMENT_LABELS
from rekap_desktop.domain.election import CONTEST_OFFICES
from rekap_desktop.services.copies_service import CopiesService
from rekap_desktop.services.evidence.context import EvidenceContext, ExhibitFile, PdfSource
from rekap_desktop.services.evidence.tables import csv_bytes, json_bytes
from rekap_desktop.services.incident_service import register_snapshot
from rekap_desktop.services.printing.corrections import correction_lines
from rekap_desktop.services.printing.recap_forms import meeting_header
from rekap_desktop.services.printing.service import FORM_LABELS, FormKind, PrintRecord
from rekap_desktop.services.recount_service import RecountService, recount_facts
from rekap_desktop.storage.incident_store import content
from rekap_desktop.text.numbers import format_stored_moment

Rows = Callable[[EvidenceContext], list[dict[str, Any]]]
"""A ledger's records as rows (objects of plain values, Indonesian keys)."""
LEDGER_FORMAT = "rekap-daftar/1"


@dataclass(frozen=True)
class Ledger:
    title: str
    stem: str
    """File name stem inside ``daftar/`` (``daftar-pembetulan`` → .pdf, .csv, .json)."""
    rows: Rows
    columns: tuple[str, ...]
    """The keys of every row, in order: the CSV's header, also when the ledger has no row yet."""
    form: FormKind | None = None
    """The print centre's form of this ledger (rendered now), if it has one."""
    pdf: PdfSource | None = None
    """Its own printed list, for a ledger without a form of the print centre."""

    @property
    def heading(self) -> str:
        return self.title

    def files(self, ctx: EvidenceContext) -> list[ExhibitFile]:
        rows = self.rows(ctx)
        found: list[ExhibitFile] = []
        printed = ctx.form_pdf(self.form) if self.form is not None else None
        if printed is None and self.pdf is not None:
            printed = self.pdf(ctx)
        if printed is not None:
            pdf, pages = printed
            found.append(
                ExhibitFile(f"{self.title} (cetak)", f"daftar/{self.stem}.pdf", pdf, pages)
            )
        document = {"format": LEDGER_FORMAT, "daftar": self.title, "baris": rows}
        found += [
            ExhibitFile(
                f"{self.title} (data CSV)", f"daftar/{self.stem}.csv", csv_bytes(rows, self.columns)
            ),
            ExhibitFile(
                f"{self.title} (data JSON)", f"daftar/{self.stem}.json", json_bytes(document)
            ),
        ]
        return found


def correction_rows(ctx: EvidenceContext) -> list[dict[str, Any]]:
    return [
        {
            "nomor": line.number,
            "kecamatan": line.unit,
            "pemilihan": line.contest,
            "rincian": line.row,
            "semula": line.before,
            "menjadi": line.after,
            "sumber_nilai": line.source,
            "alasan": line.reason,
            "dasar": line.basis,
            "diusulkan_oleh": line.proposed_by,
            "disetujui_oleh": line.approved_by,
            "nomor_kejadian": line.incident_number,
        }
        for line in correction_lines(ctx.pleno_service)
    ]


def register_rows(ctx: EvidenceContext) -> list[dict[str, Any]]:
    return [content(entry) for entry in register_snapshot(ctx.pleno_service.engine)]


def recount_rows(ctx: EvidenceContext) -> list[dict[str, Any]]:
    return [
        {
            "nomor": record.recount.number,
            "waktu": record.recount.at,
            **recount_facts(record.recount),
            "pembetulan": [number for number, _ in record.corrections],
        }
        for record in RecountService(ctx.pleno_service).records()
    ]


def copy_rows(ctx: EvidenceContext) -> list[dict[str, Any]]:
    """Every copy handed, as its tanda terima states it: which version went to whom, when."""
    copies = CopiesService(ctx.pleno_service)
    return [
        {
            "penyerahan": copy.handing,
            "salinan_ke": copy.number,
            "dokumen": copy.document,
            "cetakan": copy.printed.print_id,
            "versi": copy.printed.version,
            "sidik_data": copy.printed.fingerprint,
            "penerima": copy.receiver.name,
            "sebagai": copies.role(copy.receiver),
            "media": MEDIUM_LABELS[copy.medium],
            "saat": MOMENT_LABELS[copy.moment],
            "kode_wilayah": copy.unit,
            "diserahkan_oleh": copy.handed_by,
            "waktu": copy.handed_at,
            "dicatat_oleh": copy.recorded_by,
        }
        for copy in copies.handed()
    ]


def print_rows(ctx: EvidenceContext) -> list[dict[str, Any]]:
    return [_print_row(number, r) for number, r in enumerate(ctx.prints.log(), start=1)]


def _print_row(number: int, record: PrintRecord) -> dict[str, Any]:
    stored = record.stored
    return {
        "nomor": number,
        "formulir": form_title(stored.kind),
        "jenis_formulir": stored.kind,
        "pemilihan": stored.contest or None,
        "versi": stored.version,
        "dicetak": stored.printed_at,
        "oleh": stored.actor,
        "kertas": stored.paper,
        "halaman": stored.pages,
        "sidik_data": stored.fingerprint,
        "sha256_isi": stored.content_hash,
        "tanda_air": stored.watermark or None,
        "final": record.final,
    }


def form_title(kind: str) -> str:
    try:
        return FORM_LABELS[FormKind(kind)]
    except (ValueError, KeyError):
        return kind


def contest_name(code: str | None) -> str:
    return CONTEST_OFFICES.get(code, code) if code else "–"


def print_history_pdf(ctx: EvidenceContext) -> tuple[bytes, int]:
    """Riwayat Cetak: the print log as a list with every version's sidik data."""
    watermark = "SIMULASI" if ctx.pleno_service.is_demo() else None
    lines = tuple(
        PrintLine(
            row["nomor"],
            row["formulir"],
            contest_name(row["pemilihan"]),
            row["versi"],
            format_stored_moment(row["dicetak"]),
            row["oleh"],
            row["kertas"],
            row["halaman"],
            row["sidik_data"],
            "FINAL" if row["final"] else (row["tanda_air"] or ""),
        )
        for row in print_rows(ctx)
    )
    data = PrintHistoryData(meeting_header(ctx.pleno, "RIWAYAT CETAK", watermark), lines)
    stamp = PageStamp(
        installation_key=ctx.prints.installation_key(), chain_head=ctx.prints.chain_head()
    )
    rendered = render_print_history(data, ctx.paper, **stamp)
    return rendered.pdf, rendered.pages


CORRECTION_COLUMNS = tuple(
    "nomor kecamatan pemilihan rincian semula menjadi sumber_nilai alasan dasar "
    "diusulkan_oleh disetujui_oleh nomor_kejadian".split()
)
REGISTER_COLUMNS = tuple(
    "nomor waktu butir jenis diajukan_oleh pengaju tentang kode_wilayah pemilihan rincian "
    "uraian pendapat_bawaslu penyelesaian status asal nomor_kecamatan status_kecamatan paraf "
    "pembetulan bukti versi".split()
)
RECOUNT_COLUMNS = tuple(
    "nomor waktu kode_wilayah pemilihan jenis tempat diusulkan_oleh alasan nomor_kejadian "
    "keputusan diputuskan_oleh kotak catatan_kotak dihitung_oleh saksi sumber_acuan ditemukan "
    "hasil pembetulan".split()
)
PRINT_COLUMNS = tuple(
    "nomor formulir jenis_formulir pemilihan versi dicetak oleh kertas halaman sidik_data "
    "sha256_isi tanda_air final".split()
)
COPY_COLUMNS = tuple(
    "penyerahan salinan_ke dokumen cetakan versi sidik_data penerima sebagai media saat "
    "kode_wilayah diserahkan_oleh waktu dicatat_oleh".split()
)

LEDGERS: tuple[Ledger, ...] = (
    Ledger(
        "Daftar Pembetulan",
        "daftar-pembetulan",
        correction_rows,
        CORRECTION_COLUMNS,
        FormKind.DAFTAR_PEMBETULAN,
    ),
    Ledger(
        "Register kejadian khusus dan keberatan (Model D.Kejadian Khusus)",
        "register-kejadian",
        register_rows,
        REGISTER_COLUMNS,
        FormKind.KEJADIAN_KHUSUS,
    ),
    Ledger(
        "Pencocokan dan penghitungan suara ulang",
        "hitung-ulang",
        recount_rows,
        RECOUNT_COLUMNS,
        FormKind.HITUNG_ULANG,
    ),
    Ledger(
        "Riwayat cetak dengan sidik data",
        "riwayat-cetak",
        print_rows,
        PRINT_COLUMNS,
        pdf=print_history_pdf,
    ),
    Ledger(
        "Penyerahan salinan dan tanda terima",
        "salinan",
        copy_rows,
        COPY_COLUMNS,
        FormKind.DAFTAR_SALINAN,
    ),
)
"""The ledgers of the pack, in the order the index lists them. Adding one is one entry."""
