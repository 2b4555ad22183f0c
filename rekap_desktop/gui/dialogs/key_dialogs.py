"""Key fingerprints to read aloud: this installation's own key ("Kunci instalasi"), and the
confirmation of a sender's key the first time one of its result packages is imported."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.services.keys import normalise_fingerprint
from rekap_desktop.services.package_import import SenderCheck

GROUP_POINT_SIZE = 26


def fingerprint_grid(fingerprint: str) -> QWidget:
    """The fingerprint as numbered groups in large digits, to be read aloud group by group."""
    grid = QWidget()
    layout = QGridLayout(grid)
    digits = QFont("DejaVu Sans Mono")
    digits.setStyleHint(QFont.StyleHint.Monospace)
    digits.setPointSize(GROUP_POINT_SIZE)
    digits.setBold(True)
    for column, group in enumerate(fingerprint.split()):
        number = QLabel(f"kelompok {column + 1}")
        number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        value = QLabel(group)
        value.setObjectName(f"group{column + 1}")
        value.setFont(digits)
        value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(value, 0, column)
        layout.addWidget(number, 1, column)
    layout.setHorizontalSpacing(18)
    return grid


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class InstallationKeyDialog(QDialog):
    """Kunci instalasi: the sidik of the key that signs this installation's packages and is
    printed in the footer of every form."""

    def __init__(self, fingerprint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fingerprint = fingerprint
        self.setWindowTitle("Kunci instalasi")
        layout = QVBoxLayout(self)
        layout.addWidget(
            _wrapped(
                "Sidik kunci instalasi ini. Kunci ini menandatangani paket hasil (.rekap) yang "
                "diekspor dari komputer ini, dan sidiknya tercetak di kaki setiap formulir "
                "(\u201cKunci instalasi: \u2026\u201d)."
            )
        )
        layout.addWidget(fingerprint_grid(fingerprint))
        layout.addWidget(
            _wrapped(
                "Bacakan kelompok demi kelompok kepada operator tingkat berikutnya, atau "
                "tuliskan pada berita acara penyerahan, agar paket dapat dicocokkan."
            )
        )
        buttons = QDialogButtonBox()
        buttons.addButton("Tutup", QDialogButtonBox.ButtonRole.RejectRole)
        self.copy_button = QPushButton("Salin sidik")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.fingerprint)


class SenderKeyDialog(QDialog):
    """The first package of a sender's key: the operator types the sidik the sender read aloud
    (or wrote on paper) and may trust the key only when it matches the package's."""

    def __init__(self, check: SenderCheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        self.setWindowTitle("Konfirmasi kunci pengirim")
        layout = QVBoxLayout(self)
        unit = f"{check.unit} {check.unit_name}"
        if check.key_changed:
            earlier = "; ".join(check.earlier)
            head = (
                f"PERHATIAN: paket {unit} ditandatangani dengan kunci yang BERBEDA dari kunci "
                f"yang dikonfirmasi sebelumnya untuk unit ini ({earlier}). Percayai kunci baru "
                "hanya bila pengirim menyatakan komputernya berganti."
            )
        else:
            head = (
                f"Paket {unit} ditandatangani dengan kunci yang belum dikenal di pleno ini. "
                "Sidik kunci pengirim menurut paket:"
            )
        self.head = _wrapped(head)
        if check.key_changed:
            self.head.setStyleSheet("color:#8a1c00; font-weight:bold")
        layout.addWidget(self.head)
        layout.addWidget(fingerprint_grid(check.fingerprint))
        layout.addWidget(
            _wrapped(
                "Minta pengirim membacakan sidik kunci instalasinya (tercetak di kaki setiap "
                "formulirnya sebagai \u201cKunci instalasi\u201d), lalu ketik di sini:"
            )
        )
        self.typed = QLineEdit()
        self.typed.setPlaceholderText("mis. 04182 55910 73306 01947 86620 39015")
        self.typed.textChanged.connect(self._compare)
        layout.addWidget(self.typed)
        self.verdict = QLabel("Belum diketik.")
        layout.addWidget(self.verdict)
        buttons = QDialogButtonBox()
        self.trust_button = buttons.addButton(
            "Sidik cocok: percayai kunci dan impor", QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        self.trust_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.typed.setFocus()

    def matches(self) -> bool:
        return normalise_fingerprint(self.typed.text()) == self.check.fingerprint

    def _compare(self) -> None:
        typed = normalise_fingerprint(self.typed.text())
        expected = self.check.fingerprint
        if not typed:
            self.verdict.setText("Belum diketik.")
        elif typed == expected:
            self.verdict.setText("\u2713 Sidik cocok dengan kunci paket.")
        elif expected.startswith(typed):
            self.verdict.setText("\u2026 sejauh ini cocok; lanjutkan mengetik.")
        else:
            groups = zip(typed.split(), expected.split(), strict=False)
            first = next((i for i, (a, b) in enumerate(groups, 1) if a != b), None)
            where = f" (kelompok {first})" if first else ""
            self.verdict.setText(f"\u2260 Sidik TIDAK cocok{where}: jangan percayai kunci ini.")
        self.trust_button.setEnabled(typed == expected)

    def accept(self) -> None:
        if self.matches():
            super().accept()
