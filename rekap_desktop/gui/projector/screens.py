"""The screens: ONE object owns the list and is the only listener of Qt's screen hot-plug signals.

The projector screen is matched by ``QScreen.name()`` (geometry changes when monitors are
rearranged; the name does not). A missing saved screen is a normal case: the first non-primary
screen is used and the operator is told; with a single screen the projector stays hidden.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication, QScreen

from rekap_desktop.gui.projector.settings import ProjectorSettings


@dataclass(frozen=True)
class ScreenChoice:
    name: str | None
    """The projector screen's name; None keeps the projector hidden."""
    message: str


def choose_projector(names: list[str], primary: str, saved: str) -> ScreenChoice:
    """Which screen the projector uses, by name, and what to tell the operator about it."""
    others = [n for n in names if n != primary]
    if len(names) < 2 or not others:
        return ScreenChoice(
            None,
            "Hanya ada satu layar: tampilan proyektor disembunyikan sampai diminta "
            "(latihan di layar yang sama).",
        )
    if saved in names:
        return ScreenChoice(saved, f'Proyektor memakai layar "{saved}".')
    if saved:
        return ScreenChoice(
            others[0],
            f'Layar proyektor "{saved}" tidak ditemukan; proyektor memakai layar "{others[0]}".',
        )
    return ScreenChoice(others[0], f'Proyektor memakai layar "{others[0]}" (layar kedua).')


class ScreenManager(QObject):
    """Owner of the screen list; tells the projector where to be, or to hide."""

    projector_screen_changed = Signal(object)
    """The projector's screen (QScreen) or None when there is none to use."""
    projector_geometry_changed = Signal(object)
    notice = Signal(str)
    """An Indonesian message for the operator."""

    def __init__(self, settings: ProjectorSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        app = QGuiApplication.instance()
        if not isinstance(app, QGuiApplication):
            raise RuntimeError("ScreenManager needs a running QGuiApplication")
        self._app = app
        self._projector: QScreen | None = None
        self.choice = ScreenChoice(None, "")
        self._app.screenAdded.connect(self._on_screen_added)
        self._app.screenRemoved.connect(self._on_screen_removed)
        self._app.primaryScreenChanged.connect(self._on_primary_changed)
        self._evaluate(announce=True)

    # -- reading -----------------------------------------------------------------------------

    def screens(self) -> list[QScreen]:
        return list(QGuiApplication.screens())

    def projector_screen(self) -> QScreen | None:
        return self._projector

    def operator_screen(self) -> QScreen:
        return QGuiApplication.primaryScreen()

    # -- changing ----------------------------------------------------------------------------

    def choose(self, name: str) -> None:
        """Save ``name`` as the projector screen and move there when it is connected."""
        self._settings.set_screen_name(name)
        self._evaluate(announce=True)

    def close(self) -> None:
        """Stop listening (the application outlives this object in tests)."""
        self._app.screenAdded.disconnect(self._on_screen_added)
        self._app.screenRemoved.disconnect(self._on_screen_removed)
        self._app.primaryScreenChanged.disconnect(self._on_primary_changed)
        self._watch(None)

    # -- Qt signals (bound methods only: a lambda would outlive its owner) --------------------

    def _on_screen_added(self, screen: QScreen) -> None:
        self._evaluate(announce=True)

    def _on_screen_removed(self, screen: QScreen) -> None:
        if screen is self._projector:
            self._watch(None)
            self._projector = None
            self.projector_screen_changed.emit(None)
            self.notice.emit(
                f'Layar proyektor "{screen.name()}" terlepas; tampilan proyektor disembunyikan.'
            )
        self._evaluate(announce=False, gone=screen)

    def _on_primary_changed(self, screen: QScreen) -> None:
        self._evaluate(announce=True)

    def _on_geometry_changed(self) -> None:
        if self._projector is not None:
            self.projector_geometry_changed.emit(self._projector)

    # -- inside ------------------------------------------------------------------------------

    def _evaluate(self, announce: bool, gone: QScreen | None = None) -> None:
        screens = [s for s in QGuiApplication.screens() if s is not gone]
        primary = QGuiApplication.primaryScreen()
        primary_name = primary.name() if primary is not None and primary is not gone else ""
        if not primary_name and screens:
            primary_name = screens[0].name()
        choice = choose_projector(
            [s.name() for s in screens], primary_name, self._settings.screen_name()
        )
        screen = next((s for s in screens if s.name() == choice.name), None)
        self.choice = choice
        if screen is self._projector:
            return
        self._watch(screen)
        self._projector = screen
        self.projector_screen_changed.emit(screen)
        if announce or screen is not None:
            self.notice.emit(choice.message)

    def _watch(self, screen: QScreen | None) -> None:
        if self._projector is not None:
            self._projector.geometryChanged.disconnect(self._on_geometry_changed)
        if screen is not None:
            screen.geometryChanged.connect(self._on_geometry_changed)
