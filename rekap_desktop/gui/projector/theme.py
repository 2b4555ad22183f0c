"""Projector themes (dark, light) in resources/styles, and the WCAG contrast ratio they must meet.

The colours live in the .qss files as ``qproperty-…`` values of the scene view; every text colour
must reach a contrast ratio of at least 7:1 (WCAG AAA) against the background it is drawn on.
"""

from __future__ import annotations

from rekap_desktop.resources import resource

THEMES = {"dark": "Gelap", "light": "Terang"}
DEFAULT_THEME = "dark"
MIN_CONTRAST = 7.0

TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("foreground", "background"),
    ("muted", "background"),
    ("accent", "background"),
    ("differs", "background"),
    ("foreground", "rowAlternate"),
    ("muted", "rowAlternate"),
    ("differs", "rowAlternate"),
    ("accent", "rowAlternate"),
    ("foreground", "rowRead"),
    ("simulasiText", "simulasiBackground"),
    ("draftText", "draftBackground"),
    ("officialText", "officialBackground"),
)
"""(text colour, background colour) pairs the scene view paints; each must reach MIN_CONTRAST."""


def theme_stylesheet(name: str) -> str:
    """The style sheet of a theme; an unknown name falls back to the default theme."""
    if name not in THEMES:
        name = DEFAULT_THEME
    return resource("styles", f"projector-{name}.qss").read_text(encoding="utf-8")


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    red, green, blue = linear
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours: 1.0 (same) to 21.0 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
