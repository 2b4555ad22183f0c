"""Cetak ke printer: which printer and how many copies, in Indonesian on every system.

Qt's print dialog is the operating system's own on Windows (in the language Windows happens to
have), so the print centre asks with this small dialog instead; the paper (F4/A4) and the pages
are already chosen in the print centre itself.
"""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

MAX_COPIES = 50
NO_PRINTER = (
    "Tidak ada printer yang terpasang di laptop ini. Pasang printer lewat pengaturan sistem, "
    "atau simpan sebagai PDF."
)


class PrinterDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None = None,
        names: list[str] | None = None,
        default: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Cetak ke printer")
        names = QPrinterInfo.availablePrinterNames() if names is None else names
        default = QPrinterInfo.defaultPrinterName() if default is None else default
        self.printer_box = QComboBox()
        self.printer_box.addItems(names)
        if default in names:
            self.printer_box.setCurrentIndex(names.index(default))
        self.copies = QSpinBox()
        self.copies.setRange(1, MAX_COPIES)
        self.copies.setSuffix(" rangkap")
        self.problem = QLabel(NO_PRINTER if not names else "")
        self.problem.setWordWrap(True)
        self.problem.setVisible(not names)
        self.buttons = QDialogButtonBox()
        self.print_button = self.buttons.addButton("Cetak", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.setEnabled(bool(names))
        self.print_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Printer:", self.printer_box)
        form.addRow("Jumlah salinan:", self.copies)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def configure(self, printer: QPrinter) -> None:
        """Point ``printer`` at the chosen printer, with the copies asked for."""
        printer.setPrinterName(self.printer_box.currentText())
        printer.setCopyCount(self.copies.value())
