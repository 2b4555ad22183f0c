"""Putuskan perolehan sama: the meeting chooses exactly ``places`` of the tied contenders and says
why; the commissioner's PIN is asked afterwards by the seat view."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.domain.seats import OpenTie
from rekap_desktop.gui.widgets.dialog_parts import answer_buttons


class TieDialog(QDialog):
    """One check box per contender; OK only with exactly ``tie.places`` chosen and a reason."""

    def __init__(self, tie: OpenTie, names: dict[int, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Putuskan perolehan yang sama")
        self.tie = tie
        message = QLabel(tie.message)
        message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(QLabel(f"<b>Pilih tepat {tie.places} dari {len(tie.contenders)}:</b>"))
        self.boxes: dict[int, QCheckBox] = {}
        for number in tie.contenders:
            box = QCheckBox(names.get(number, f"Nomor urut {number}"))
            self.boxes[number] = box
            layout.addWidget(box)
        self.reason = QLineEdit()
        if tie.data_needed:
            # PKPU 6/2024 Pasal 29 decides once the counts are known: the reason is those counts
            tier = tie.data_needed[0]
            layout.addWidget(QLabel(f"Jumlah {tier.name} bersuara per calon ({tier.document}):"))
            example = ", ".join(f"nomor urut {n}: …" for n in tie.contenders)
            self.reason.setPlaceholderText(f"mis. {example} {tier.name}")
        else:
            layout.addWidget(QLabel("Alasan / dasar keputusan rapat:"))
            self.reason.setPlaceholderText(
                "mis. hasil musyawarah rapat pleno, disaksikan saksi dan Bawaslu"
            )
        layout.addWidget(self.reason)
        self.problem = QLabel()
        self.problem.setObjectName("problemLabel")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color:#a00000")
        layout.addWidget(self.problem)
        buttons = answer_buttons("Putuskan (perlu PIN)", self.try_accept, self.reject)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())

    def chosen(self) -> tuple[int, ...]:
        return tuple(n for n, box in self.boxes.items() if box.isChecked())

    def reason_text(self) -> str:
        return self.reason.text().strip()

    def problems(self) -> list[str]:
        found: list[str] = []
        if len(self.chosen()) != self.tie.places:
            found.append(
                f"Pilih tepat {self.tie.places} dari {len(self.tie.contenders)} "
                f"(terpilih sekarang {len(self.chosen())})."
            )
        if not self.reason_text():
            found.append("Alasan/dasar keputusan wajib diisi.")
        return found

    def try_accept(self) -> None:
        """Wrong input is told in place and nothing is decided."""
        problems = self.problems()
        if problems:
            self.problem.setText(" ".join(problems))
            return
        self.accept()
