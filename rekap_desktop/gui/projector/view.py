"""SceneView: the one widget that paints any scene, in the cockpit's preview and on the projector.

Colours come from the theme's .qss (``qproperty-…``); sizes are fractions of the widget height.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QRect, QRectF, QSize, QTimer
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QPainter,
    QPaintEvent,
    QPixmap,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import QWidget

from rekap_desktop.domain import clock
from rekap_desktop.gui.error_path import paint_safe_card, report_current_error
from rekap_desktop.gui.projector.canvas import (
    Canvas,
    Palette,
    Step,
    forget_measurements,
)
from rekap_desktop.gui.projector.paint_cards import (
    paint_agenda,
    paint_incident,
    paint_logo,
    paint_pause,
    paint_photo,
    paint_title,
)
from rekap_desktop.gui.projector.paint_tables import (
    paint_recap,
    paint_seats,
    paint_tally,
    recap_chart_rect,
)
from rekap_desktop.gui.projector.scenes import (
    AgendaTextScene,
    Banner,
    BlankScene,
    IncidentScene,
    LogoScene,
    PauseScene,
    PhotoScene,
    RecapScene,
    Scene,
    SeatScene,
    TallyScene,
    TitleScene,
)
from rekap_desktop.gui.projector.theme import DEFAULT_THEME, theme_stylesheet
from rekap_desktop.resources import resource

if TYPE_CHECKING:
    from rekap_desktop.gui.charts.bar_chart import BarChart

PAUSE_TICK_MS = 15_000
COLOUR_NAMES = (
    "background",
    "foreground",
    "muted",
    "accent",
    "differs",
    "rule",
    "rowAlternate",
    "rowRead",
    "bar",
    "simulasiBackground",
    "simulasiText",
    "draftBackground",
    "draftText",
    "officialBackground",
    "officialText",
)
"""Theme colours the .qss sets as ``qproperty-<name>``."""
CANVAS_ONLY = (TallyScene, RecapScene, SeatScene)
"""The number scenes, painted through the Canvas alone and from the scene only: each is laid out
once into a Frame, and a new one repaints only where its frame differs from the one on screen.
(Word-wrapped text scenes are left out: measured before the paint, Qt places the glyphs of a
wrapped text a little differently.)"""
_fonts_loaded = False


def load_fonts() -> None:
    """Register the bundled DejaVu Sans, so every machine draws the same glyphs (≠, ✓ …)."""
    global _fonts_loaded
    if _fonts_loaded:
        return
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        path = resource("fonts", name)
        if path.exists():
            QFontDatabase.addApplicationFont(str(path))
    forget_measurements()  # anything measured before was measured in another font
    _fonts_loaded = True


@dataclass(frozen=True)
class Frame:
    """A CANVAS_ONLY scene laid out at one size in one palette: the steps that draw it."""

    scene: Scene
    size: QSize
    colours: tuple[int, ...]
    steps: list[Step]
    texts: list[str]
    body_px: float


def _colour_property(name: str) -> Property:
    def getter(self: SceneView) -> QColor:
        return self._colours[name]

    def setter(self: SceneView, value: QColor) -> None:
        self._colours[name] = QColor(value)
        self.update()

    return Property(QColor, getter, setter)


class SceneView(QWidget):
    """Paints one scene filling the widget; ``rendered_texts()`` lists what the last paint drew."""

    background = _colour_property("background")
    foreground = _colour_property("foreground")
    muted = _colour_property("muted")
    accent = _colour_property("accent")
    differs = _colour_property("differs")
    rule = _colour_property("rule")
    rowAlternate = _colour_property("rowAlternate")  # noqa: N815 (qss property name)
    rowRead = _colour_property("rowRead")  # noqa: N815
    bar = _colour_property("bar")
    simulasiBackground = _colour_property("simulasiBackground")  # noqa: N815
    simulasiText = _colour_property("simulasiText")  # noqa: N815
    draftBackground = _colour_property("draftBackground")  # noqa: N815
    draftText = _colour_property("draftText")  # noqa: N815
    officialBackground = _colour_property("officialBackground")  # noqa: N815
    officialText = _colour_property("officialText")  # noqa: N815

    def __init__(self, parent: QWidget | None = None, theme: str = DEFAULT_THEME) -> None:
        super().__init__(parent)
        load_fonts()
        self._colours: dict[str, QColor] = {name: QColor("#000000") for name in COLOUR_NAMES}
        self._scene: Scene = BlankScene()
        self._texts: list[str] = []
        self._pixmaps: dict[str, tuple[float, QPixmap]] = {}
        self.paint_count = 0
        self.body_px = 0.0
        self.clock: Callable[[], datetime] = clock.now
        self._chart: BarChart | None = None
        self._painted = False
        self._shown: Frame | None = None
        """The frame on screen, when a CANVAS_ONLY scene is."""
        self._planned: Frame | None = None
        """The frame of the current scene, laid out when it was set (or at the next paint)."""
        self._pause_timer = QTimer(self)
        self._pause_timer.setInterval(PAUSE_TICK_MS)
        self._pause_timer.timeout.connect(self.update)
        self.theme = ""
        self.set_theme(theme)

    # -- public ------------------------------------------------------------------------------

    def scene(self) -> Scene:
        return self._scene

    def set_scene(self, scene: Scene) -> None:
        if scene == self._scene:
            return
        self._scene = scene
        if isinstance(scene, PauseScene):
            self._pause_timer.start()
        else:
            self._pause_timer.stop()
        self._place_chart()
        changed = self._changed_region(self._frame_of_scene())
        if changed is None:
            self.update()
        elif not changed.isEmpty():
            self.update(changed)

    def set_theme(self, name: str) -> None:
        self.theme = name
        self.setStyleSheet(theme_stylesheet(name))
        self.ensurePolished()
        self.style().unpolish(self)
        self.style().polish(self)
        self._place_chart()
        self.update()

    def colour(self, name: str) -> QColor:
        return QColor(self._colours[name])

    @property
    def chart(self) -> BarChart:
        """The recapitulation's bar chart, made when first needed: pyqtgraph is loaded then."""
        if self._chart is None:
            from rekap_desktop.gui.charts.bar_chart import BarChart

            self._chart = BarChart(self)
            self._chart.hide()
        return self._chart

    def rendered_texts(self) -> list[str]:
        """Every text the last paint drew (chart values included)."""
        shown = self._chart is not None and self._chart.isVisible()
        chart = self.chart.value_texts() if shown else []
        return [*self._texts, *chart]

    # -- Qt ----------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        try:
            scene = self._paint_scene(painter, event)
        except Exception:
            # A scene that cannot be painted: a plain card in its place, the error to the one
            # error path, and the painter always ended (one left open crashed the program).
            self._shown = self._planned = None
            try:
                self._texts = paint_safe_card(painter, QRectF(self.rect()))
            finally:
                report_current_error()
            return
        finally:
            if painter.isActive():
                painter.end()
        self.paint_count += 1
        if not self._painted:
            self._painted = True
            if isinstance(scene, RecapScene) and self._chart is None:
                # The chart (pyqtgraph) comes right after the first frame: the window is
                # never held back by it.
                QTimer.singleShot(0, self, self._place_chart)

    def _paint_scene(self, painter: QPainter, event: QPaintEvent) -> Scene:
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        rect = QRectF(self.rect())
        scene = self._scene
        frame = self._frame_of_scene()
        if isinstance(scene, BlankScene):
            painter.fillRect(rect, QColor("#000000"))
            self._texts = []
        else:
            painter.fillRect(rect, self._colours["background"])
            canvas = Canvas(painter, rect, self._palette(), event.region())
            if frame is None:
                self.body_px = self._paint(canvas, scene)
                self._texts = canvas.texts
            else:
                canvas.replay(frame.steps)
                self.body_px = frame.body_px
                self._texts = frame.texts  # of the whole frame, also when a part was painted
        self._shown = frame
        return scene

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._place_chart()

    # -- inside ------------------------------------------------------------------------------

    def _paint(self, canvas: Canvas, scene: Scene) -> float:
        if isinstance(scene, TallyScene):
            return paint_tally(canvas, scene)
        if isinstance(scene, RecapScene):
            return paint_recap(canvas, scene)
        if isinstance(scene, SeatScene):
            return paint_seats(canvas, scene)
        if isinstance(scene, TitleScene):
            paint_title(canvas, scene)
        elif isinstance(scene, AgendaTextScene):
            paint_agenda(canvas, scene)
        elif isinstance(scene, IncidentScene):
            paint_incident(canvas, scene)
        elif isinstance(scene, PauseScene):
            paint_pause(canvas, scene, self.clock())
        elif isinstance(scene, PhotoScene):
            paint_photo(canvas, scene, self._pixmap)
        elif isinstance(scene, LogoScene):
            paint_logo(canvas, scene)
        return 0.0

    def _frame_of_scene(self) -> Frame | None:
        """The current scene's frame at the current size and colours (None: not CANVAS_ONLY),
        laid out by a dry run of the painting code unless it already was."""
        scene = self._scene
        if not isinstance(scene, CANVAS_ONLY):
            return None
        colours = tuple(c.rgba() for c in self._colours.values())
        planned = self._planned
        if (
            planned is not None
            and planned.scene is scene
            and planned.size == self.size()
            and planned.colours == colours
        ):
            return planned
        canvas = Canvas(None, QRectF(self.rect()), self._palette())
        body_px = self._paint(canvas, scene)
        self._planned = Frame(scene, self.size(), colours, canvas.steps, canvas.texts, body_px)
        return self._planned

    def _changed_region(self, frame: Frame | None) -> QRegion | None:
        """Where ``frame`` differs from the frame on screen (full-width bands), or None when it
        is to be painted whole. A step added, removed or changed marks where it was or is now;
        the steps in common keep their order, so every pixel outside the bands stays as it was."""
        shown = self._shown
        if (
            frame is None
            or shown is None
            or (shown.size, shown.colours)
            != (
                frame.size,
                frame.colours,
            )
        ):
            return None
        changed: list[Step] = []
        if len(shown.steps) == len(frame.steps):  # the usual case: numbers changed in place
            for old, new in zip(shown.steps, frame.steps, strict=True):
                if old != new:
                    changed += (old, new)
        else:
            matcher = SequenceMatcher(None, shown.steps, frame.steps, autojunk=False)
            for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
                if tag != "equal":
                    changed += shown.steps[old_start:old_end] + frame.steps[new_start:new_end]
        if len(changed) > len(frame.steps) // 2:
            return None  # a new layout: paint it whole
        region = QRegion()
        for step in changed:
            top = math.floor(step.top)
            region = region.united(QRect(0, top, self.width(), math.ceil(step.bottom) - top + 1))
        return region

    def _place_chart(self) -> None:
        scene = self._scene
        if not isinstance(scene, RecapScene):
            if self._chart is not None:
                self._chart.hide()
            return
        if self._chart is None and not self._painted:
            return  # see paintEvent
        self.chart.setGeometry(recap_chart_rect(QRectF(self.rect()), scene).toRect())
        c = self._colours
        self.chart.set_colours(c["background"], c["foreground"], c["bar"])
        self.chart.set_bars(scene.bars)
        self.chart.show()

    def _palette(self) -> Palette:
        c = self._colours
        return Palette(
            c["background"],
            c["foreground"],
            c["muted"],
            c["accent"],
            c["differs"],
            c["rule"],
            c["rowAlternate"],
            c["rowRead"],
            c["bar"],
            {
                Banner.SIMULASI: (c["simulasiBackground"], c["simulasiText"]),
                Banner.BELUM_DITETAPKAN: (c["draftBackground"], c["draftText"]),
                Banner.DITETAPKAN: (c["officialBackground"], c["officialText"]),
            },
        )

    def _pixmap(self, path: str) -> QPixmap | None:
        """The photo at ``path``, read again only when the file changed."""
        file = Path(path)
        try:
            stamp = file.stat().st_mtime
        except OSError:
            return None
        cached = self._pixmaps.get(path)
        if cached is None or cached[0] != stamp:
            cached = (stamp, QPixmap(str(file)))
            self._pixmaps = {path: cached}
        return cached[1]
