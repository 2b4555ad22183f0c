"""Serahkan salinan (Ctrl+Shift+S): pick the printed version (newest first), tick the receivers
with Space (each saksi present of its contest and Bawaslu are suggested; others are typed and
added with Alt+T), the moment, the medium and who hands them; Enter records the copies (and, for
USB, writes each signed PDF) and prints or saves the tanda terima."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.domain.copies import (
    MEDIUM_LABELS,
    MOMENT_LABELS,
    RECEIVER_LABELS,
    CopyMoment,
    HandRequest,
    Medium,
    PrintedVersion,
    Receiver,
    ReceiverKind,
)
from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.gui import file_dialogs
from rekap_desktop.gui.copies.receivers import ReceiverList
from rekap_desktop.gui.operations import failure_of, refusal_text, show_failure
from rekap_desktop.gui.widgets.dialog_parts import answer_buttons, refusal_label
from rekap_desktop.gui.widgets.item_data import add_enum_item, enum_data, select_enum
from rekap_desktop.services.copies_service import CopiesService, Handing
from rekap_desktop.text.numbers import format_stored_moment

if TYPE_CHECKING:
    from rekap_desktop.services.printing.service import PrintService

RECEIPT_CHOICES = {
    "cetak": "Cetak tanda terima ke printer…",
    "simpan": "Simpan tanda terima (PDF) ke folder",
    "nanti": "Nanti, lewat Pusat Cetak (Ctrl+P)",
}
TITLE = "Serahkan salinan"


class HandCopiesDialog(QDialog):
    def __init__(
        self,
        copies: CopiesService,
        printing: PrintService | None = None,
        parent: QWidget | None = None,
        print_id: int | None = None,
    ) -> None:
        """``printing`` prints the tanda terima (None: only "nanti" is offered); ``print_id``
        is the print version chosen first (else the newest)."""
        super().__init__(parent)
        self.copies = copies
        self.printing = printing
        self.handing: Handing | None = None
        self.receipt_file: Path | None = None
        """Where the tanda terima was saved (choice "simpan")."""
        self.setWindowTitle("Serahkan salinan dan tanda terima")
        self.resize(900, 640)
        pleno = copies.pleno_service.pleno()
        self.versions: list[PrintedVersion] = copies.versions()
        self.version_list = QListWidget()
        self.version_list.setWordWrap(True)
        for printed in self.versions:
            self.version_list.addItem(QListWidgetItem(self._version_text(printed)))
        self.receiver_list = ReceiverList()
        self.moment_box = QComboBox()
        for moment in CopyMoment:
            add_enum_item(self.moment_box, MOMENT_LABELS[moment], moment)
        self.unit_box = QComboBox()
        self.unit_box.addItem("—", None)
        for unit in pleno.units:
            self.unit_box.addItem(f"{unit.code} {unit.name}", unit.code)
        self.medium_box = QComboBox()
        for medium in Medium:
            add_enum_item(self.medium_box, MEDIUM_LABELS[medium], medium)
        self.folder_edit = QLineEdit()
        self.folder_edit.setPlaceholderText("folder flashdisk untuk PDF bertanda tangan")
        self.handed_by_box = QComboBox()
        self.handed_by_box.setEditable(True)
        self.handed_by_box.addItems([m.name for m in pleno.members])
        self.receipt_box = QComboBox()
        for code, label in RECEIPT_CHOICES.items():
            if printing is not None or code == "nanti":
                self.receipt_box.addItem(label, code)
        self.refusal = refusal_label("refusal")
        self._build()
        self.version_list.currentRowChanged.connect(self._version_chosen)
        self.moment_box.currentIndexChanged.connect(self._moment_changed)
        chosen = next((i for i, v in enumerate(self.versions) if v.print_id == print_id), 0)
        self.version_list.setCurrentRow(chosen if self.versions else -1)
        self._version_chosen(self.version_list.currentRow())
        self.version_list.setFocus()

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        versions = QGroupBox("&Cetakan yang disalin (terbaru di atas)")
        QVBoxLayout(versions).addWidget(self.version_list)
        receivers = QGroupBox("&Penerima (Spasi: centang / lepas)")
        box = QVBoxLayout(receivers)
        box.addWidget(self.receiver_list)
        box.addWidget(self._adding())
        form = QFormLayout()
        form.addRow("&Saat", self.moment_box)
        form.addRow("&Kecamatan", self.unit_box)
        form.addRow("&Media", self.medium_box)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        choose = QPushButton("&Jelajahi…")
        choose.setAutoDefault(False)
        choose.clicked.connect(self._choose_folder)
        folder_row.addWidget(choose)
        folder_label = QLabel("F&older")
        folder_label.setBuddy(self.folder_edit)
        form.addRow(folder_label, folder_row)
        form.addRow("&Diserahkan oleh", self.handed_by_box)
        form.addRow("T&anda terima", self.receipt_box)
        top = QHBoxLayout()
        top.addWidget(versions, 1)
        top.addWidget(receivers, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(form)
        layout.addWidget(self.refusal)
        self.buttons = answer_buttons("Serahkan dan catat", self._accept, self.reject, default=True)
        layout.addWidget(self.buttons)

    def _adding(self) -> QWidget:
        """A receiver the list does not suggest: name, as what, the saksi's choice, a note."""
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("nama penerima lain")
        self.kind_box = QComboBox()
        for kind in ReceiverKind:
            add_enum_item(self.kind_box, RECEIVER_LABELS[kind], kind)
        select_enum(self.kind_box, ReceiverKind.SAKSI_LAIN)
        self.choice_box = QComboBox()
        self.choice_box.addItem("— (bukan saksi)", None)
        for contest in self.copies.pleno_service.pleno().contests:
            for number in contest.saksi_numbers():
                self.choice_box.addItem(
                    f"{contest.title}: nomor {number}", f"{contest.code}:{number}"
                )
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText("lembaga / sebagai apa / catatan")
        add = QPushButton("&Tambah penerima")
        add.setAutoDefault(False)
        add.clicked.connect(self.add_typed)
        group = QGroupBox("Penerima lain")
        form = QFormLayout(group)
        form.addRow("&Nama", self.name_edit)
        form.addRow("Se&bagai", self.kind_box)
        form.addRow("Saksi &untuk", self.choice_box)
        form.addRow("Kete&rangan", self.note_edit)
        form.addRow(add)
        return group

    # -- choices -----------------------------------------------------------------------------

    def _version_text(self, printed: PrintedVersion) -> str:
        final = "ditetapkan" if printed.determined else "DRAF/sementara"
        return (
            f"#{printed.print_id} · {self.copies.document_name(printed)} · versi "
            f"{printed.version} · {printed.fingerprint} · {final} · "
            f"{format_stored_moment(printed.printed_at)}"
        )

    def chosen_version(self) -> PrintedVersion | None:
        row = self.version_list.currentRow()
        return self.versions[row] if 0 <= row < len(self.versions) else None

    def _version_chosen(self, _row: int) -> None:
        printed = self.chosen_version()
        if printed is None:
            self.refusal.setText("Belum ada cetakan. Cetak formulirnya dulu di Pusat Cetak.")
            return
        suggestion = self.copies.suggestion(printed)
        select_enum(self.moment_box, suggestion.moment)
        self.unit_box.setCurrentIndex(max(self.unit_box.findData(suggestion.unit), 0))
        self._moment_changed()
        self.receiver_list.show_receivers([(r, self.copies.role(r)) for r in suggestion.receivers])

    def _moment_changed(self) -> None:
        at_close = enum_data(self.moment_box, CopyMoment) is CopyMoment.PENUTUPAN_KECAMATAN
        self.unit_box.setEnabled(at_close)
        if not at_close:
            self.unit_box.setCurrentIndex(0)

    def _choose_folder(self) -> None:
        folder = file_dialogs.folder(self, "Folder salinan PDF (flashdisk)")
        if folder:
            self.folder_edit.setText(folder)

    def add_typed(self) -> None:
        """Add the typed receiver to the list (ticked); its checks come when it is recorded."""
        kind = enum_data(self.kind_box, ReceiverKind) or ReceiverKind.LAINNYA
        contest, choice = None, None
        picked = self.choice_box.currentData()
        if picked:
            code, number = str(picked).split(":")
            contest, choice = code, int(number)
        receiver = Receiver(self.name_edit.text(), kind, contest, choice, self.note_edit.text())
        if not receiver.name.strip():
            self.refusal.setText("Tulis nama penerima lain dulu.")
            self.name_edit.setFocus()
            return
        self.receiver_list.add(receiver, self.copies.role(receiver))
        self.name_edit.clear()
        self.note_edit.clear()
        self.refusal.clear()
        self.receiver_list.setFocus()

    def request(self) -> HandRequest:
        printed = self.chosen_version()
        return HandRequest(
            print_ids=(printed.print_id,) if printed else (),
            receivers=self.receiver_list.chosen(),
            medium=enum_data(self.medium_box, Medium) or Medium.KERTAS,
            moment=enum_data(self.moment_box, CopyMoment) or CopyMoment.SKORS,
            unit=self.unit_box.currentData(),
            handed_by=self.handed_by_box.currentText(),
            folder=self.folder_edit.text(),
        )

    # -- recording ---------------------------------------------------------------------------

    def _accept(self) -> None:
        try:
            self.handing = self.copies.hand(self.request())
        except InputRejected as error:
            self.refusal.setText(refusal_text(error))
            return
        except Exception as error:  # a bug: said, and the dialog stays open
            show_failure(self, TITLE, failure_of(error))
            return
        self._receipt()
        self.accept()

    def _receipt(self) -> None:
        """The tanda terima of the handing just recorded, as chosen; a failure here is said, the
        copies stay recorded (the receipt can be printed again from the print centre)."""
        choice = self.receipt_box.currentData()
        if choice == "nanti" or self.printing is None:
            return
        try:
            from rekap_desktop.domain.paper import Paper
            from rekap_desktop.services.printing.kinds import FormKind

            record, pdf = self.printing.print_form(FormKind.TANDA_TERIMA, None, Paper.F4)
            if choice == "simpan":
                self.receipt_file = self._save(pdf)
            else:
                self._print(pdf, record.stored.paper)
        except Exception as error:
            show_failure(self, "Tanda terima", failure_of(error))

    def _save(self, pdf: bytes) -> Path | None:
        assert self.handing is not None
        name = f"tanda-terima-penyerahan-{self.handing.number}.pdf"
        folder = self.folder_edit.text().strip()
        if folder:
            path = Path(folder) / name
        else:
            chosen = file_dialogs.save_file(self, "Simpan tanda terima", name, "PDF (*.pdf)")
            if not chosen:
                return None
            path = Path(chosen)
        path.write_bytes(pdf)
        return path

    def _print(self, pdf: bytes, paper: str) -> None:
        from PySide6.QtPrintSupport import QPrinter

        from rekap_desktop.gui.print_centre.pdf_printing import print_pdf
        from rekap_desktop.gui.print_centre.printer_dialog import PrinterDialog

        choice = PrinterDialog(self)
        if choice.exec() == QDialog.DialogCode.Accepted:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            choice.configure(printer)
            print_pdf(pdf, printer, paper)
