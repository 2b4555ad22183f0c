"""The recapitulation of every contest, live from the database, with the source switch.

Reachable at all times from the cockpit ("Rekapitulasi").
"""

from __future__ import annotations

from PySide6.QtCore import QIdentityProxyModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.domain.deciding_level import deciding_body
from rekap_desktop.domain.election import Contest, Pleno
from rekap_desktop.domain.recap import Outcome
from rekap_desktop.domain.sources import BAWASLU, PPK, SIREKAP, Source
from rekap_desktop.gui.recap_model import NUMERIC_FROM, RecapModel, RecapTable
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


HEADING_PADDING = 6
"""Pixels left and right of a column heading's text."""
FONT_STEPS = (1.0, 0.92, 0.85)
"""Sizes of the table's font, tried in turn until the columns fit without scrolling sideways
(a kabupaten's DPRD recapitulation has eighteen party columns and more)."""
NAME_MIN = 110
"""The narrowest a name column (kecamatan, dapil) gets; a longer name is cut with "…"."""


def wrap_heading(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` broken into lines of at most ``width`` pixels at its spaces (its own line breaks
    kept); a single word wider than that is cut with "…" (the tooltip has it whole)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            joined = f"{line} {word}" if line else word
            if line and metrics.horizontalAdvance(joined) > width:
                lines.append(line)
                line = word
            else:
                line = joined
        lines.append(line)
    return "\n".join(metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines)


class WrappedHeadings(QIdentityProxyModel):
    """The recapitulation's column headings wrapped to the widths the table gives them."""

    def __init__(self, metrics: QFontMetrics, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.metrics = metrics
        self.widths: dict[int, int] = {}

    def set_widths(self, widths: list[int]) -> None:
        self.widths = dict(enumerate(widths))
        if widths:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(widths) - 1)

    def headerData(  # noqa: N802 (Qt name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        source = self.sourceModel()
        text = source.headerData(section, orientation) if source is not None else None
        if orientation != Qt.Orientation.Horizontal or not isinstance(text, str):
            return super().headerData(section, orientation, role)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text.replace("\n", " ")
        if role == Qt.ItemDataRole.DisplayRole and section in self.widths:
            return wrap_heading(text, self.metrics, self.widths[section])
        return super().headerData(section, orientation, role)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.ToolTipRole and index.column() < NUMERIC_FROM:
            # A name cut with "…" in a narrow column is read whole on its tooltip.
            text = super().data(index, Qt.ItemDataRole.DisplayRole)
            return text or None
        return super().data(index, role)


class FittedTable(QTableView):
    """A recapitulation table fitted to its width with no horizontal scrolling while the columns
    can still narrow: headings wrap over several lines, name columns are cut with "…", and
    every number column keeps its widest number whole."""

    def __init__(self, model: RecapModel) -> None:
        super().__init__()
        self.recap = model
        self.headings = WrappedHeadings(QFontMetrics(self.horizontalHeader().font()), self)
        self.headings.setSourceModel(model)
        self.setModel(self.headings)
        self.setWordWrap(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self._fitting = False
        self._base_font = QFont(self.font())
        self._needs_at: dict[float, list[tuple[int, int]]] = {}
        """Each font step's column needs: they change with the numbers, not with the width, so a
        resize (the window shown, the tab opened, the splitter moved) does not measure again."""
        model.modelReset.connect(self._needs_at.clear)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self.fit_columns()

    def room(self) -> int:
        """The width to fill, the vertical scroll bar's always left out (so showing it does not
        change the fit)."""
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        return self.width() - 2 * self.frameWidth() - bar

    def fit_columns(self) -> None:
        source = self.headings.sourceModel()
        if self._fitting or source is None or source.columnCount() == 0:
            return
        self._fitting = True
        try:
            room = self.room()
            for step in FONT_STEPS:
                self._scale_font(step)
                needs = self._needs_at.get(step) or self._needs_at.setdefault(step, self._needs())
                if sum(least for least, _ in needs) <= room:
                    break
            widths = fitted_widths(needs, room)
            header = self.horizontalHeader()
            for column, width in enumerate(widths):
                header.resizeSection(column, width)
            self.headings.set_widths([w - 2 * HEADING_PADDING for w in widths])
        finally:
            self._fitting = False

    def _scale_font(self, step: float) -> None:
        for widget in (self, self.horizontalHeader()):
            font = QFont(self._base_font)
            font.setPointSizeF(self._base_font.pointSizeF() * step)
            widget.setFont(font)
        self.headings.metrics = QFontMetrics(self.horizontalHeader().font())
        self.verticalHeader().setDefaultSectionSize(QFontMetrics(self.font()).height() + 10)

    def _needs(self) -> list[tuple[int, int]]:
        """(least, natural) width of each column."""
        source = self.headings.sourceModel()
        metrics = self.headings.metrics
        cells = CellMeasure(self)
        needs = []
        for column in range(source.columnCount()):
            text = str(source.headerData(column, Qt.Orientation.Horizontal) or "")
            lines = text.split("\n")
            natural_heading = max(metrics.horizontalAdvance(line) for line in lines)
            widest = cells.widest(column)
            natural = max(widest, natural_heading + 2 * HEADING_PADDING)
            if column < NUMERIC_FROM:
                least = min(natural, max(NAME_MIN if column else widest, 40))
            else:
                first = metrics.horizontalAdvance(lines[0].split(" ")[0])
                least = max(widest, first + 2 * HEADING_PADDING + 2)
            needs.append((least, max(least, natural)))
        return needs


class CellMeasure:
    """The width a table's cells need, as its item delegate would size them: the delegate's
    margin is measured once per font (plain, bold), each cell's text by the font's metrics
    (asking the delegate for every cell of a legislative recapitulation stalled 0.2 s)."""

    def __init__(self, table: FittedTable) -> None:
        self.table = table
        self.option = QStyleOptionViewItem()
        table.initViewItemOption(self.option)
        self._by_font: dict[bool, tuple[QFontMetrics, int]] = {}

    def widest(self, column: int) -> int:
        widest = 0
        for row, (text, bold) in enumerate(self.table.recap.column_cells(column)):
            metrics, margin = self._font(bold, row, column)
            widest = max(widest, metrics.horizontalAdvance(text) + margin)
        return widest + 3  # the grid line

    def _font(self, bold: bool, row: int, column: int) -> tuple[QFontMetrics, int]:
        if bold not in self._by_font:
            index = self.table.headings.index(row, column, QModelIndex())
            font = index.data(Qt.ItemDataRole.FontRole)
            own = font.resolve(self.option.font) if isinstance(font, QFont) else self.option.font
            metrics = QFontMetrics(own)
            hint = self.table.itemDelegate().sizeHint(self.option, index).width()
            margin = hint - metrics.horizontalAdvance(str(index.data() or ""))
            self._by_font[bold] = (metrics, margin)
        return self._by_font[bold]


def fitted_widths(needs: list[tuple[int, int]], room: int) -> list[int]:
    """Column widths filling ``room``: every column its natural width when they all fit (the
    rest shared out), else its least width plus a share of what is left, in proportion to what
    it lacks; when even the least widths do not fit, the least widths (the table scrolls)."""
    least = [n[0] for n in needs]
    natural = [n[1] for n in needs]
    if sum(natural) <= room:
        spare = room - sum(natural)
        return [w + spare // len(natural) for w in natural]
    spare = room - sum(least)
    if spare <= 0:
        return least
    lacking = [n - w for w, n in zip(least, natural, strict=True)]
    total = sum(lacking) or 1
    return [w + spare * lack // total for w, lack in zip(least, lacking, strict=True)]


class ContestPage(QWidget):
    """One contest: its units × choices table and the outcome under it."""

    def __init__(self, contest: Contest) -> None:
        super().__init__()
        self.contest = contest
        self.model = RecapModel()
        self.table = FittedTable(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.outcome = QLabel()
        self.outcome.setObjectName("outcome")
        self.outcome.setWordWrap(True)
        layout = QVBoxLayout(self)
        title = QLabel(contest.title)
        title.setObjectName("contestTitle")
        title.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(self.table)
        layout.addWidget(self.outcome)

    def show_recap(self, item: ContestRecap) -> None:
        self.model.set_table(RecapTable.from_recap(item.recap))
        self.table.fit_columns()
        outcome = item.recap.outcome
        if self.contest.is_party_list:
            seats = sum(d.seats for d in self.contest.districts)
            where = (
                "Perolehan kursi dan calon terpilih: tab «Perolehan kursi»."
                if outcome.decides_here
                else f"Perolehan kursi dan calon terpilih ditetapkan oleh "
                f"{deciding_body(self.contest.code)}; hasil ini diteruskan ke sana."
            )
            self.outcome.setText(
                f"Sumber: {source_label(item.source)} — jumlah per partai = suara partai + suara "
                f"calonnya; {len(self.contest.districts)} dapil, {seats} kursi. {where}"
            )
            return
        self.outcome.setText(f"Sumber: {source_label(item.source)} — {self._verdict(outcome)}")

    def _verdict(self, outcome: Outcome) -> str:
        """Who leads and what that means at this level: elected only where this meeting decides
        the contest; below it the leader only has the most votes here."""
        if outcome.number is None:
            return outcome.reason
        choice = self.contest.choice(outcome.number)
        if choice is not None and choice.blank_column:
            who = "Kolom Kosong"
        else:
            who = f"Nomor urut {outcome.number} {choice.name if choice else ''}".rstrip()
        if not outcome.decides_here:
            # the DPD elects persons, the other single-winner contests pairs
            elected = "calon" if self.contest.code == "dpd" else "pasangan calon"
            return (
                f"{who}: suara terbanyak di tingkat ini. Hasil rekapitulasi disampaikan kepada "
                f"{deciding_body(self.contest.code)}, yang menetapkan hasil pemilihan; rapat ini "
                f"tidak menetapkan {elected} terpilih."
            )
        if outcome.elected:
            state = "unggul"
        else:
            state = "tidak memenuhi syarat terpilih"
        return f"{who}: {state}. {outcome.reason}"


class RecapView(QWidget):
    """Source switch over one tab per contest."""

    def __init__(self, service: PlenoService, pleno: Pleno) -> None:
        super().__init__()
        self.service = service
        self.pages = {c.code: ContestPage(c) for c in pleno.contests}
        self._stale = set(self.pages)
        """Contests whose page is not computed for the latest change yet."""
        self.source_box = QComboBox()
        for label, source in SOURCE_CHOICES:
            self.source_box.addItem(label, source)
        self.source_box.currentIndexChanged.connect(self.refresh)
        self.tabs = QTabWidget()
        for contest in pleno.contests:
            self.tabs.addTab(self.pages[contest.code], contest.title)
        self.tabs.currentChanged.connect(self._refresh_shown_if_stale)
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
        """Every contest's page, now."""
        self._show(recap_contests(self.service, source=self.selected_source()))

    def refresh_when_shown(self) -> None:
        """Refresh the contest on screen now, the others when their tab is shown: the cockpit
        refreshes after every change, and a hidden page need not be recomputed each time."""
        self._stale = set(self.pages)
        if self.isVisible():
            self._refresh_shown_if_stale()

    def _refresh_shown_if_stale(self) -> None:
        page = self.tabs.currentWidget()
        if isinstance(page, ContestPage) and page.contest.code in self._stale:
            code = page.contest.code
            self._show(recap_contests(self.service, code, self.selected_source()))

    def _show(self, recaps: list[ContestRecap]) -> None:
        for item in recaps:
            self.pages[item.recap.contest.code].show_recap(item)
            self._stale.discard(item.recap.contest.code)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        self._refresh_shown_if_stale()
        super().showEvent(event)
