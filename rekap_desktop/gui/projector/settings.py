"""The projector's saved choices (QSettings): the screen, by QScreen.name(), the theme, and what
was live on which meeting (so a restart shows the room the same scene)."""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings

from rekap_desktop.gui.projector.theme import DEFAULT_THEME, THEMES

SCREEN_KEY = "projector/screen"
THEME_KEY = "projector/theme"
LIVE_KEY = "projector/live"


class ProjectorSettings:
    """Declared defaults: no saved screen (the first non-primary one is used), the dark theme."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings if settings is not None else QSettings()

    def screen_name(self) -> str:
        return str(self._settings.value(SCREEN_KEY, "") or "")

    def set_screen_name(self, name: str) -> None:
        self._settings.setValue(SCREEN_KEY, name)
        self._settings.sync()

    def theme(self) -> str:
        name = str(self._settings.value(THEME_KEY, DEFAULT_THEME) or DEFAULT_THEME)
        return name if name in THEMES else DEFAULT_THEME

    def set_theme(self, name: str) -> None:
        self._settings.setValue(THEME_KEY, name if name in THEMES else DEFAULT_THEME)
        self._settings.sync()

    def live(self, meeting: str) -> tuple[str, bool]:
        """(the live cue as ``cue_store`` wrote it, blanked) last saved for ``meeting``."""
        try:
            saved = json.loads(str(self._settings.value(LIVE_KEY, "") or "{}"))
        except ValueError:
            return "", False
        if not isinstance(saved, dict) or saved.get("rapat") != meeting:
            return "", False
        return str(saved.get("tayang", "")), saved.get("hitam") is True

    def set_live(self, meeting: str, cue: str, blanked: bool) -> None:
        saved = {"rapat": meeting, "tayang": cue, "hitam": blanked}
        self._settings.setValue(LIVE_KEY, json.dumps(saved, ensure_ascii=False))
        self._settings.sync()
