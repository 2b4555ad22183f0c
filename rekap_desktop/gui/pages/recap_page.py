"""The recapitulation of every contest, live from the database, with the source switch.

Reachable at all times from the cockpit ("Rekapitulasi").
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.domain.election import Contest, Pleno
from rekap_desktop.domain.sources import BAWASLU, PPK, SIREKAP, Source
from rekap_desktop.gui.recap_model import RecapModel, RecapTable
from rekap_desktop.services.pleno_service import PlenoService
from rekap_desktop.services.results import ContestRecap, recap_contests

SOURCE_CHOICES: tuple[tuple[str, Source | None], ...] = (
    ("Hasil pleno (formulir PPK + pembetulan)", None),
    ("Formulir D.Hasil PPK", PPK),
    ("Sirekap — alat bantu, bukan hasil resmi", SIREKAP),
    ("Salinan Bawaslu", BAWASLU),
)


def source_label(code: str) -> str:
    labels = {
        "ppk": "formulir D.Hasil PPK",
        "pleno": "hasil pleno (PPK + pembetulan)",
        "sirekap": "Sirekap (alat bantu, bukan hasil resmi)",
        "bawaslu": "salinan Bawaslu",
    }
    return labels.get(code, f"salinan {code.replace('_', ' nomor urut ')}")


class ContestPage(QWidget):
    """One contest: its units × choices table and the outcome under it."""

    def __init__(self, contest: Contest) -> None:
        super().__init__()
        self.contest = contest
        self.model = RecapModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.outcome = QLabel()
        self.outcome.setObjectName("outcome")
        layout = QVBoxLayout(self)
        title = QLabel(contest.title)
        title.setObjectName("contestTitle")
        layout.addWidget(title)
        layout.addWidget(self.table)
        layout.addWidget(self.outcome)

    def show_recap(self, item: ContestRecap) -> None:
        self.model.set_table(RecapTable.from_recap(item.recap))
        if self.contest.is_party_list:
            seats = sum(d.seats for d in self.contest.districts)
            self.outcome.setText(
                f"Sumber: {source_label(item.source)} — jumlah per partai = suara partai + suara "
                f"calonnya; {len(self.contest.districts)} dapil, {seats} kursi. Perolehan kursi "
                "dan calon terpilih: tab «Perolehan kursi»."
            )
            return
        outcome = item.recap.outcome
        verdict = outcome.reason
        if outcome.number is not None:
            choice = self.contest.choice(outcome.number)
            name = choice.name if choice else ""
            state = "unggul" if outcome.elected else "tidak memenuhi syarat terpilih"
            verdict = f"Nomor urut {outcome.number} {name}: {state}. {outcome.reason}"
        self.outcome.setText(f"Sumber: {source_label(item.source)} — {verdict}")


class RecapView(QWidget):
    """Source switch over one tab per contest."""

    def __init__(self, service: PlenoService, pleno: Pleno) -> None:
        super().__init__()
        self.service = service
        self._stale = True  # not computed yet
        self.pages = {c.code: ContestPage(c) for c in pleno.contests}
        self.source_box = QComboBox()
        for label, source in SOURCE_CHOICES:
            self.source_box.addItem(label, source)
        self.source_box.currentIndexChanged.connect(self.refresh)
        self.tabs = QTabWidget()
        for contest in pleno.contests:
            self.tabs.addTab(self.pages[contest.code], contest.title)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel("Sumber angka:"))
        row.addWidget(self.source_box)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.tabs)

    def selected_source(self) -> Source | None:
        data = self.source_box.currentData()
        return data if isinstance(data, Source) else None

    def refresh(self) -> None:
        self._stale = False
        for item in recap_contests(self.service, source=self.selected_source()):
            self.pages[item.recap.contest.code].show_recap(item)

    def refresh_when_shown(self) -> None:
        """Refresh now when on screen, else the next time it is shown: the cockpit refreshes
        after every change, and a hidden tab need not recompute every contest each time."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        if self._stale:
            self.refresh()
        super().showEvent(event)
