"""The operator's main window: the recapitulation of every contest, live from the database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop import __version__
from rekap_desktop.domain.election import Contest
from rekap_desktop.domain.incidents import IncidentStatus
from rekap_desktop.domain.sources import BAWASLU, PPK, SIREKAP, Source
from rekap_desktop.gui.operations import run_operation
from rekap_desktop.gui.recap_model import RecapModel, RecapTable
from rekap_desktop.services.events import Change
from rekap_desktop.services.pleno_service import ImportReport, PlenoService
from rekap_desktop.services.results import ContestRecap, recap_contests
from rekap_desktop.text.numbers import format_date, format_number

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
        outcome = item.recap.outcome
        verdict = outcome.reason
        if outcome.number is not None:
            choice = self.contest.choice(outcome.number)
            name = choice.name if choice else ""
            state = "unggul" if outcome.elected else "tidak memenuhi syarat terpilih"
            verdict = f"Nomor urut {outcome.number} {name}: {state}. {outcome.reason}"
        self.outcome.setText(f"Sumber: {source_label(item.source)} — {verdict}")


class MainWindow(QMainWindow):
    def __init__(self, service: PlenoService) -> None:
        super().__init__()
        self.service = service
        self.pleno = service.pleno()
        self.setWindowTitle(self._title())
        self.pages = {c.code: ContestPage(c) for c in self.pleno.contests}
        self.source_box = QComboBox()
        for label, source in SOURCE_CHOICES:
            self.source_box.addItem(label, source)
        self.source_box.currentIndexChanged.connect(self.refresh)
        self.tabs = QTabWidget()
        for contest in self.pleno.contests:
            self.tabs.addTab(self.pages[contest.code], contest.title)
        self.setCentralWidget(self._central())
        self.audit_label = QLabel()
        self.incident_label = QLabel()
        self.statusBar().addPermanentWidget(self.incident_label)
        self.statusBar().addPermanentWidget(self.audit_label)
        self._build_menu()
        service.bus.subscribe(self.on_changed)
        self.refresh()
        self.resize(1200, 720)

    def _title(self) -> str:
        demo = " — SIMULASI" if self.service.is_demo() else ""
        return f"Rekap Desktop — {self.pleno.region.name}{demo}"

    def _central(self) -> QWidget:
        central = QWidget()
        layout = QVBoxLayout(central)
        if self.service.is_demo():
            banner = QLabel("SIMULASI — data demo, bukan hasil resmi")
            banner.setObjectName("simulasiBanner")
            banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
            banner.setStyleSheet(
                "background:#7a1f00; color:white; font-weight:bold; padding:4px; font-size:14pt"
            )
            layout.addWidget(banner)
        heading = QLabel(f"Rapat Pleno Terbuka Rekapitulasi — {self.pleno.region.name}")
        heading.setStyleSheet("font-size:16pt; font-weight:bold")
        layout.addWidget(heading)
        details = [self.pleno.name, self.pleno.place or ""]
        if self.pleno.held_on:
            details.append(format_date(self.pleno.held_on))
        layout.addWidget(QLabel(" · ".join(d for d in details if d)))
        row = QHBoxLayout()
        row.addWidget(QLabel("Sumber angka:"))
        row.addWidget(self.source_box)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.tabs)
        return central

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("&Berkas")
        self.import_action = QAction("&Impor rekap-csv/XLSX…", self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.choose_import)
        self.export_action = QAction("&Ekspor rekap-csv/XLSX…", self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.choose_export)
        quit_action = QAction("&Keluar", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (self.import_action, self.export_action, quit_action):
            file_menu.addAction(action)
        help_menu = self.menuBar().addMenu("Ba&ntuan")
        about = QAction("&Tentang Rekap Desktop", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    # -- refreshing from committed state ---------------------------------------------------

    def on_changed(self, _change: Change) -> None:
        self.refresh()

    def selected_source(self) -> Source | None:
        data = self.source_box.currentData()
        return data if isinstance(data, Source) else None

    def refresh(self) -> None:
        for item in recap_contests(self.service, source=self.selected_source()):
            self.pages[item.recap.contest.code].show_recap(item)
        report = self.service.verify_audit()
        state = f"utuh ({format_number(report.entries)} entri)" if report.ok else "RUSAK"
        self.audit_label.setText(f"Rantai audit: {state}")
        open_items = sum(
            1 for i in self.service.incidents() if i.status == IncidentStatus.TERBUKA.value
        )
        self.incident_label.setText(f"Kejadian/keberatan terbuka: {open_items}")

    # -- actions ---------------------------------------------------------------------------

    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Impor rekap-csv/XLSX", "", "Tabel rekap (*.csv *.xlsx)"
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> ImportReport | None:
        report = run_operation(self, "Impor", lambda: self.service.import_tally_file(path))
        if report is not None:
            self.statusBar().showMessage(
                f"{report.file_name}: {format_number(report.rows)} baris diimpor, "
                f"{len(report.changed_forms)} formulir berubah.",
                10_000,
            )
        return report

    def choose_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Ekspor rekap-csv/XLSX", "rekap.csv", "CSV (*.csv);;Excel (*.xlsx)"
        )
        if name:
            count = run_operation(self, "Ekspor", lambda: self.service.export(Path(name)))
            if count is not None:
                self.statusBar().showMessage(f"{count} formulir diekspor.", 10_000)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "Tentang Rekap Desktop",
            f"Rekap Desktop {__version__}\nAplikasi luring rapat pleno terbuka rekapitulasi "
            "hasil penghitungan perolehan suara.",
        )

    def closeEvent(self, event: object) -> None:  # noqa: N802 (Qt name)
        self.service.bus.unsubscribe(self.on_changed)
        super().closeEvent(event)  # type: ignore[arg-type]
