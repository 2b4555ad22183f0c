"""First start of a new meeting: the Ketua KPU sets their PIN before anything else."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.domain.problems import InputRejected
from rekap_desktop.domain.roles import Role
from rekap_desktop.services.users_service import UsersService


class FirstKetuaDialog(QDialog):
    def __init__(self, users: UsersService, members: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.users = users
        self.setWindowTitle("PIN Ketua KPU")
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.addItems(members)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #a00000;")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Ketua KPU:", self.name)
        form.addRow("PIN:", self.pin)
        form.addRow("Ulangi PIN:", self.repeat)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Pleno baru: Ketua KPU menetapkan PIN-nya lebih dahulu. PIN ini diperlukan untuk "
            "penetapan, membuka kembali hasil, memulihkan cadangan dan menambah pengguna; "
            "paling sedikit 6 angka."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def try_accept(self) -> None:
        if self.pin.text() != self.repeat.text():
            self.problem.setText("Kedua PIN tidak sama.")
            return
        try:
            self.users.add_user(self.name.currentText(), Role.KETUA, self.pin.text())
        except InputRejected as error:
            self.problem.setText("; ".join(p.message for p in error.problems))
            return
        self.accept()
