"""Pusat Cetak (Ctrl+P): form, contest and paper; a preview of the real PDF pages; print to a
chosen printer or save the PDF (each is recorded as a numbered print version); the print log; and
the look-up of a sidik data typed from paper."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QSize, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.domain.election import contest_office
from rekap_desktop.domain.paper import Paper
from rekap_desktop.gui import file_dialogs
from rekap_desktop.gui.background import BackgroundTask, JobControl
from rekap_desktop.gui.operations import Failure, run_operation, show_failure
from rekap_desktop.gui.print_centre.pdf_printing import load_pdf, print_pdf
from rekap_desktop.gui.print_centre.printer_dialog import PrinterDialog
from rekap_desktop.gui.widgets.item_data import add_enum_item, enum_data, select_enum
from rekap_desktop.gui.window_geometry import fit_to_screen
from rekap_desktop.services.printing.service import (
    FORM_LABELS,
    NUMBERED,
    PER_CONTEST,
    FormKind,
    PrintRecord,
    PrintService,
)
from rekap_desktop.text.numbers import format_number

SHORT_LABELS = {
    FormKind.D_HASIL: "D.Hasil",
    FormKind.KEJADIAN_KHUSUS: "D.Kejadian Khusus",
    FormKind.PENGEMBALIAN: "Pengembalian C.Pemb.",
    FormKind.DAFTAR_HADIR: "Daftar hadir",
    FormKind.SKORS: "Catatan skors",
    FormKind.PENGUMUMAN: "Pengumuman",
    FormKind.BERITA_ACARA: "Berita acara",
    FormKind.PEROLEHAN_KURSI: "Perolehan kursi",
    FormKind.DAFTAR_PEMBETULAN: "Daftar pembetulan",
    FormKind.HITUNG_ULANG: "BA hitung ulang",
    FormKind.KEPUTUSAN_HASIL: "Keputusan hasil",
    FormKind.PENETAPAN_TERPILIH: "BA paslon terpilih",
    FormKind.SURAT_PENGANTAR: "Surat pengantar",
    FormKind.KEPUTUSAN_KURSI: "Keputusan kursi",
    FormKind.BERITA_ACARA_LANJUTAN: "BA pleno lanjutan",
    FormKind.TANDA_TERIMA: "Tanda terima salinan",
    FormKind.DAFTAR_SALINAN: "Daftar salinan",
}
LOG_HEADERS = ("No", "Formulir", "Pemilihan", "Versi", "Kertas", "Sidik data", "Dicetak", "Final")


@dataclass(frozen=True)
class PreviewRequest:
    kind: FormKind
    contest: str | None
    paper: Paper
    number: str | None = None
    """The official Nomor typed for a berita acara or pengumuman."""


@dataclass(frozen=True)
class Preview:
    request: PreviewRequest
    pdf: bytes
    pages: int
    fingerprint: str
    watermark: str | None


@dataclass(frozen=True)
class Printed:
    record: PrintRecord


def render_preview(service: PrintService, request: PreviewRequest) -> Preview:
    """The preview PDF of ``request`` (run on a worker thread: no widget here)."""
    prepared = service.prepare(request.kind, request.contest, request.number)
    rendered = prepared.render(request.paper)
    return Preview(request, rendered.pdf, rendered.pages, prepared.fingerprint, prepared.watermark)


class PrintCentreDialog(QDialog):
    preview_shown = Signal()
    """The newest preview asked for is shown (or its failure was)."""
    print_finished = Signal(object)
    """A print or a save ended: its PrintRecord, or None when it was refused or failed."""

    def __init__(self, print_service: PrintService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = print_service
        self.setWindowTitle("Pusat Cetak — formulir, pratinjau dan riwayat cetak")
        # As large as it was made for, but never past a laptop's screen (1366×768 included).
        fit_to_screen(self, QSize(1280, 820))
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.records: list[PrintRecord] = []
        self._wanted: PreviewRequest | None = None
        self._wanted_number = 0
        self._preview_task: BackgroundTask[Preview] | None = None
        self._print_task: BackgroundTask[Printed] | None = None
        self._build()
        self.refresh_log()
        self.refresh_preview()

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.form_box = QComboBox()
        self._fill_forms()
        self.contest_box = QComboBox()
        self._fill_contests()
        self.paper_box = QComboBox()
        add_enum_item(self.paper_box, "F4 (215 × 330 mm), mendatar", Paper.F4)
        add_enum_item(self.paper_box, "A4 (210 × 297 mm), mendatar", Paper.A4)
        self.form_box.currentIndexChanged.connect(self._form_changed)
        for box in (self.contest_box, self.paper_box):
            box.currentIndexChanged.connect(self.refresh_preview)
        choose = QFormLayout()
        choose.addRow("Formulir", self.form_box)
        choose.addRow("Pemilihan", self.contest_box)
        choose.addRow("Kertas", self.paper_box)
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText("mis. 12/PL.02.6-BA/6472/2024 (kosong: diisi tangan)")
        self.number_edit.setToolTip(
            "Nomor resmi berita acara atau pengumuman dari sekretariat; dicetak di bawah judul"
        )
        self.number_edit.editingFinished.connect(self.refresh_preview)
        choose.addRow("Nomor", self.number_edit)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.print_button = QPushButton("Cetak ke printer…")
        self.print_button.clicked.connect(self._choose_printer)
        self.save_button = QPushButton("Simpan PDF…")
        self.save_button.clicked.connect(self._choose_file)
        for button in (self.print_button, self.save_button):
            # Enter in the Nomor or sidik data field must not print: no button is the default.
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        left = QVBoxLayout()
        left.addLayout(choose)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # busy, no known end
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setVisible(False)
        self.job_label = QLabel()
        self.job_label.setWordWrap(True)
        left.addWidget(self.status_label)
        left.addWidget(self.busy_bar)
        left.addLayout(buttons)
        left.addWidget(self.job_label)
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
        button.setAutoDefault(False)  # the field's own Enter looks up; no button is default
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

    def _fill_forms(self) -> None:
        """The meeting's forms as they are now: the stages after the recapitulation appear once
        its result is determined (and go when it is re-opened)."""
        previous = enum_data(self.form_box, FormKind)
        was_blocked = self.form_box.blockSignals(True)
        self.form_box.clear()
        for kind in self.service.kinds():
            add_enum_item(self.form_box, FORM_LABELS[kind], kind)
        if previous is not None:
            select_enum(self.form_box, previous)
        self.form_box.blockSignals(was_blocked)

    def _fill_contests(self) -> None:
        """The contests the chosen form is printed for (seats: the legislative ones only)."""
        previous = self.contest_box.currentData()
        was_blocked = self.contest_box.blockSignals(True)
        self.contest_box.clear()
        for contest in self.service.contests(self.kind()):
            self.contest_box.addItem(contest.title, contest.code)
        found = self.contest_box.findData(previous)
        self.contest_box.setCurrentIndex(max(found, 0))
        self.contest_box.blockSignals(was_blocked)

    def _form_changed(self) -> None:
        self._fill_contests()
        self.refresh_preview()

    def kind(self) -> FormKind:
        kind = enum_data(self.form_box, FormKind)
        assert kind is not None  # every item carries its form
        return kind

    def contest(self) -> str | None:
        return str(self.contest_box.currentData()) if self.kind() in PER_CONTEST else None

    def paper(self) -> Paper:
        return enum_data(self.paper_box, Paper) or Paper.F4

    def number(self) -> str | None:
        """The Nomor typed, for the forms that carry one (None: blank or another form)."""
        typed = self.number_edit.text().strip()
        return typed if typed and self.kind() in NUMBERED else None

    def select(self, kind: FormKind, contest: str | None = None, paper: Paper = Paper.F4) -> None:
        """Choose all three at once: one preview for the whole choice, not one per box."""
        boxes = (self.form_box, self.contest_box, self.paper_box)
        blocked = [box.blockSignals(True) for box in boxes]
        select_enum(self.form_box, kind)
        self._fill_contests()
        if contest is not None:
            self.contest_box.setCurrentIndex(self.contest_box.findData(contest))
        select_enum(self.paper_box, paper)
        for box, was_blocked in zip(boxes, blocked, strict=True):
            box.blockSignals(was_blocked)
        self.refresh_preview()

    # -- preview (rendered off the GUI thread; the newest request wins) ------------------------

    def request(self) -> PreviewRequest:
        """The chosen form, contest and paper, read from the widgets (on the GUI thread)."""
        return PreviewRequest(self.kind(), self.contest(), self.paper(), self.number())

    def preview_pending(self) -> bool:
        """A preview was asked for and is not shown yet."""
        return self._wanted is not None

    def refresh_preview(self) -> None:
        """Ask for the preview of the current choice; an older request still rendering is dropped
        when it arrives, so a stale preview is never shown for a changed choice."""
        self.contest_box.setEnabled(self.kind() in PER_CONTEST)
        self.number_edit.setEnabled(self.kind() in NUMBERED)
        self._wanted_number += 1
        self._wanted = self.request()
        self.document.close()
        self._buffer = None
        self.status_label.setText("Menyiapkan pratinjau…")
        self._show_busy()
        if self._preview_task is None:
            self._start_preview()

    def _start_preview(self) -> None:
        request, number, service = self._wanted, self._wanted_number, self.service
        assert request is not None
        task: BackgroundTask[Preview] = BackgroundTask(
            lambda _control: render_preview(service, request), self
        )
        task.succeeded.connect(lambda preview: self._preview_rendered(number, preview))
        task.failed.connect(lambda failure: self._preview_failed(number, failure))
        self._preview_task = task
        task.start()

    def _preview_ended(self, number: int) -> bool:
        """True when the ended render is the one wanted now; else start the newest request."""
        self._preview_task = None
        if number == self._wanted_number:
            self._wanted = None
            self._show_busy()
            return True
        if self._wanted is not None:
            self._start_preview()
        return False

    def _preview_rendered(self, number: int, preview: Preview) -> None:
        if not self._preview_ended(number):
            return
        self._show_pdf(preview.pdf)
        mark = f" · tanda air {preview.watermark}" if preview.watermark else ""
        self.status_label.setText(
            f"Pratinjau: {preview.pages} halaman · sidik data {preview.fingerprint}{mark}"
        )
        self.preview_shown.emit()

    def _preview_failed(self, number: int, failure: Failure) -> None:
        if not self._preview_ended(number):
            return
        self.status_label.setText("Pratinjau tidak dapat dibuat.")
        show_failure(self, "Pratinjau", failure)
        self.preview_shown.emit()

    def _show_pdf(self, pdf: bytes) -> None:
        self.document.close()
        self._buffer = load_pdf(self.document, pdf)

    def _show_busy(self) -> None:
        self.busy_bar.setVisible(self.preview_pending() or self.is_busy())

    # -- printing and saving (off the GUI thread; the buttons wait meanwhile) -----------------

    def is_busy(self) -> bool:
        """A print or a save is running."""
        return self._print_task is not None

    def _choose_printer(self) -> None:
        choice = PrinterDialog(self)
        if choice.exec() == QDialog.DialogCode.Accepted:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            choice.configure(printer)
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Record a print version and send its PDF to ``printer``; ``print_finished`` follows."""
        request, service = self.request(), self.service

        def job(control: JobControl) -> Printed:
            record, pdf = service.print_form(
                request.kind, request.contest, request.paper, request.number
            )
            # Painting a QPrinter is allowed off the GUI thread.
            print_pdf(pdf, printer, record.stored.paper, control.progress)
            return Printed(record)

        self._start_job("Cetak", "Mencetak…", job)

    def _choose_file(self) -> None:
        name = f"{self.kind().value}{'-' + (self.contest() or '') if self.contest() else ''}.pdf"
        path = file_dialogs.save_file(self, "Simpan PDF", name, "PDF (*.pdf)")
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> None:
        """Record a print version and write its PDF to ``path``; ``print_finished`` follows."""
        request, service = self.request(), self.service

        def job(_control: JobControl) -> Printed:
            record, pdf = service.print_form(
                request.kind, request.contest, request.paper, request.number
            )
            path.write_bytes(pdf)
            return Printed(record)

        self._start_job("Simpan PDF", "Menyimpan PDF…", job)

    def _start_job(self, title: str, doing: str, job: Callable[[JobControl], Printed]) -> None:
        if self._print_task is not None:
            return
        task: BackgroundTask[Printed] = BackgroundTask(job, self)
        task.succeeded.connect(self._printed)
        task.failed.connect(lambda failure: self._print_failed(title, failure))
        task.progressed.connect(self._pages_printed)
        self._print_task = task
        self.job_label.setText(doing)
        self._set_job_running(True)
        task.start()

    def _pages_printed(self, done: int, total: int) -> None:
        """The printer's progress, page by page (a 37-page D.Hasil takes seconds)."""
        self.busy_bar.setRange(0, total)
        self.busy_bar.setValue(done)
        self.job_label.setText(
            f"Mencetak halaman {format_number(done)} dari {format_number(total)}…"
        )

    def _set_job_running(self, running: bool) -> None:
        self.print_button.setEnabled(not running)
        self.save_button.setEnabled(not running)
        self.busy_bar.setRange(0, 0)  # busy, no known end until the first page is printed
        self._show_busy()

    def _printed(self, printed: Printed) -> None:
        self._print_task = None
        self._set_job_running(False)
        self.refresh_log()
        s = printed.record.stored
        self.job_label.setText(f"Tercatat: cetakan #{s.id}, versi {s.version}.")
        self.print_finished.emit(printed.record)

    def _print_failed(self, title: str, failure: Failure) -> None:
        self._print_task = None
        self._set_job_running(False)
        self.job_label.setText(f"{title} gagal.")
        self.refresh_log()
        show_failure(self, title, failure)
        self.print_finished.emit(None)

    def reopen(self) -> None:
        """Opened again from the cockpit: the forms, the log and the preview as the data is now,
        and the keyboard on Formulir as at the first opening (not on the button last pressed)."""
        self._fill_forms()
        self._fill_contests()
        self.refresh_log()
        self.refresh_preview()
        self.form_box.setFocus()

    def stop(self) -> None:
        """Wait for the work still running (when the cockpit closes for good)."""
        for task in (self._preview_task, self._print_task):
            if task is not None:
                task.stop()

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
            self._wanted_number += 1  # a preview still rendering must not replace this one
            self._wanted = None
            self._show_busy()
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
    which = f" ({contest_office(s.contest)})" if s.contest else ""
    final = ", FINAL" if record.final else ""
    head = (
        f"{FORM_LABELS[FormKind(s.kind)]}{which}, versi {s.version}{final}; dicetak "
        f"{s.printed_at.replace('T', ' ')[:19]} oleh {s.actor}."
    )
    if changed:
        return f"{head} DATA TELAH BERUBAH sejak dicetak (sidik data sekarang: {now or '–'})."
    return f"{head} Data tidak berubah sejak dicetak."
