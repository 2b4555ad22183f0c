"""Pusat Cetak (Ctrl+P): form, contest and paper; a preview of the real PDF pages; print to a
chosen printer or save the PDF (each is recorded as a numbered print version); the print log; and
the look-up of a sidik data typed from paper."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.documents.styles import Paper
from rekap_desktop.gui.operations import run_operation
from rekap_desktop.gui.print_centre.pdf_printing import load_pdf, print_pdf
from rekap_desktop.services.print_service import (
    FORM_LABELS,
    PER_CONTEST,
    FormKind,
    PrintRecord,
    PrintService,
)

SHORT_LABELS = {
    FormKind.D_HASIL: "D.Hasil",
    FormKind.KEJADIAN_KHUSUS: "D.Kejadian Khusus",
    FormKind.PENGEMBALIAN: "Pengembalian C.Pemb.",
    FormKind.DAFTAR_HADIR: "Daftar hadir",
    FormKind.SKORS: "Catatan skors",
    FormKind.PENGUMUMAN: "Pengumuman",
    FormKind.BERITA_ACARA: "Berita acara",
    FormKind.PEROLEHAN_KURSI: "Perolehan kursi",
}
LOG_HEADERS = ("No", "Formulir", "Pemilihan", "Versi", "Kertas", "Sidik data", "Dicetak", "Final")


class PrintCentreDialog(QDialog):
    def __init__(self, print_service: PrintService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = print_service
        self.setWindowTitle("Pusat Cetak — formulir, pratinjau dan riwayat cetak")
        self.resize(1280, 820)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.records: list[PrintRecord] = []
        self._build()
        self.refresh_log()
        self.refresh_preview()

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.form_box = QComboBox()
        for kind in self.service.kinds():
            self.form_box.addItem(FORM_LABELS[kind], kind)
        self.contest_box = QComboBox()
        self._fill_contests()
        self.paper_box = QComboBox()
        self.paper_box.addItem("F4 (215 × 330 mm), mendatar", Paper.F4)
        self.paper_box.addItem("A4 (210 × 297 mm), mendatar", Paper.A4)
        self.form_box.currentIndexChanged.connect(self._form_changed)
        for box in (self.contest_box, self.paper_box):
            box.currentIndexChanged.connect(self.refresh_preview)
        choose = QFormLayout()
        choose.addRow("Formulir", self.form_box)
        choose.addRow("Pemilihan", self.contest_box)
        choose.addRow("Kertas", self.paper_box)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.print_button = QPushButton("Cetak ke printer…")
        self.print_button.clicked.connect(self._choose_printer)
        self.save_button = QPushButton("Simpan PDF…")
        self.save_button.clicked.connect(self._choose_file)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        left = QVBoxLayout()
        left.addLayout(choose)
        left.addWidget(self.status_label)
        left.addLayout(buttons)
        left.addWidget(self._log_group(), 1)
        left.addWidget(self._lookup_group())
        panel = QWidget()
        panel.setLayout(left)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(panel)
        splitter.addWidget(self.view)
        splitter.setSizes([470, 810])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _log_group(self) -> QGroupBox:
        self.log_table = QTableWidget(0, len(LOG_HEADERS))
        self.log_table.setHorizontalHeaderLabels(LOG_HEADERS)
        self.log_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.log_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.log_table.verticalHeader().setVisible(False)
        self.log_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.log_table.cellDoubleClicked.connect(self.show_printed)
        group = QGroupBox("Riwayat cetak (klik dua kali untuk melihat cetakan)")
        box = QVBoxLayout(group)
        box.addWidget(self.log_table)
        return group

    def _lookup_group(self) -> QGroupBox:
        self.lookup_edit = QLineEdit()
        self.lookup_edit.setPlaceholderText("mis. 9F3A-0C21-04BD")
        self.lookup_edit.returnPressed.connect(self._look_up_typed)
        button = QPushButton("Cari")
        button.clicked.connect(self._look_up_typed)
        self.lookup_result = QLabel()
        self.lookup_result.setWordWrap(True)
        self.lookup_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.lookup_edit, 1)
        row.addWidget(button)
        group = QGroupBox("Periksa sidik data dari kertas")
        box = QVBoxLayout(group)
        box.addLayout(row)
        box.addWidget(self.lookup_result)
        return group

    # -- choices -----------------------------------------------------------------------------

    def _fill_contests(self) -> None:
        """The contests the chosen form is printed for (seats: the legislative ones only)."""
        previous = self.contest_box.currentData()
        self.contest_box.blockSignals(True)
        self.contest_box.clear()
        for contest in self.service.contests(self.kind()):
            self.contest_box.addItem(contest.title, contest.code)
        found = self.contest_box.findData(previous)
        self.contest_box.setCurrentIndex(max(found, 0))
        self.contest_box.blockSignals(False)

    def _form_changed(self) -> None:
        self._fill_contests()
        self.refresh_preview()

    def kind(self) -> FormKind:
        return FormKind(self.form_box.currentData())

    def contest(self) -> str | None:
        return str(self.contest_box.currentData()) if self.kind() in PER_CONTEST else None

    def paper(self) -> Paper:
        return Paper(self.paper_box.currentData())

    def select(self, kind: FormKind, contest: str | None = None, paper: Paper = Paper.F4) -> None:
        self.form_box.setCurrentIndex(self.form_box.findData(kind))
        if contest is not None:
            self.contest_box.setCurrentIndex(self.contest_box.findData(contest))
        self.paper_box.setCurrentIndex(self.paper_box.findData(paper))
        self.refresh_preview()

    # -- actions -----------------------------------------------------------------------------

    def refresh_preview(self) -> None:
        self.contest_box.setEnabled(self.kind() in PER_CONTEST)
        prepared = run_operation(
            self, "Pratinjau", lambda: self.service.prepare(self.kind(), self.contest())
        )
        if prepared is None:
            return
        rendered = prepared.render(self.paper())
        self._show_pdf(rendered.pdf)
        mark = f" · tanda air {prepared.watermark}" if prepared.watermark else ""
        self.status_label.setText(
            f"Pratinjau: {rendered.pages} halaman · sidik data {prepared.fingerprint}{mark}"
        )

    def _show_pdf(self, pdf: bytes) -> None:
        self.document.close()
        self._buffer = load_pdf(self.document, pdf)

    def _choose_printer(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> PrintRecord | None:
        """Record a print version and send its PDF to ``printer``."""
        done = run_operation(
            self,
            "Cetak",
            lambda: self.service.print_form(self.kind(), self.contest(), self.paper()),
        )
        if done is None:
            return None
        record, pdf = done
        print_pdf(pdf, printer, record.stored.paper)
        self.refresh_log()
        return record

    def _choose_file(self) -> None:
        name = f"{self.kind().value}{'-' + (self.contest() or '') if self.contest() else ''}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, "Simpan PDF", name, "PDF (*.pdf)")
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> PrintRecord | None:
        """Record a print version and write its PDF to ``path``."""

        def save() -> PrintRecord:
            record, pdf = self.service.print_form(self.kind(), self.contest(), self.paper())
            path.write_bytes(pdf)
            return record

        record = run_operation(self, "Simpan PDF", save)
        self.refresh_log()
        return record

    def refresh_log(self) -> None:
        self.records = run_operation(self, "Riwayat cetak", self.service.log) or []
        self.log_table.setRowCount(len(self.records))
        for row, record in enumerate(reversed(self.records)):
            s = record.stored
            cells = (
                str(s.id),
                SHORT_LABELS[FormKind(s.kind)],
                s.contest or "–",
                str(s.version),
                s.paper,
                s.fingerprint,
                s.printed_at.replace("T", " ")[:19],
                "FINAL" if record.final else "",
            )
            for column, value in enumerate(cells):
                self.log_table.setItem(row, column, QTableWidgetItem(value))

    def show_printed(self, row: int, _column: int = 0) -> None:
        """Show the PDF exactly as it was printed in that version."""
        record = list(reversed(self.records))[row]
        pdf = run_operation(self, "Riwayat cetak", lambda: self.service.pdf(record))
        if pdf is not None:
            self._show_pdf(pdf)
            s = record.stored
            self.status_label.setText(
                f"Cetakan #{s.id}: {s.kind} versi {s.version} · sidik data {s.fingerprint}"
            )

    def _look_up_typed(self) -> None:
        self.look_up(self.lookup_edit.text())

    def look_up(self, code: str) -> str:
        matches = run_operation(self, "Sidik data", lambda: self.service.lookup(code))
        if matches is None:
            text = "Bukan sidik data."
        elif not matches:
            text = f"Sidik data {code.strip().upper()} tidak ditemukan di antara cetakan pleno ini."
        else:
            text = "\n".join(_describe(m.record, m.changed, m.current_fingerprint) for m in matches)
        self.lookup_result.setText(text)
        return text


def _describe(record: PrintRecord, changed: bool, now: str | None) -> str:
    s = record.stored
    which = f" ({s.contest})" if s.contest else ""
    final = ", FINAL" if record.final else ""
    head = (
        f"{FORM_LABELS[FormKind(s.kind)]}{which}, versi {s.version}{final}; dicetak "
        f"{s.printed_at.replace('T', ' ')[:19]} oleh {s.actor}."
    )
    if changed:
        return f"{head} DATA TELAH BERUBAH sejak dicetak (sidik data sekarang: {now or '–'})."
    return f"{head} Data tidak berubah sejak dicetak."
