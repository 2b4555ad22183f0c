"""The dialog and page classes of rekap_desktop/gui, and the ones tests drive."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import rekap_desktop.gui
import tests.gui

GUI_ROOT = "rekap_desktop.gui."


def gui_widget_classes() -> list[type]:
    """Every QWidget subclass defined in rekap_desktop/gui (its modules imported)."""
    from PySide6.QtWidgets import QWidget

    found: list[type] = []
    for module_info in pkgutil.walk_packages(rekap_desktop.gui.__path__, GUI_ROOT):
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            if (
                inspect.isclass(value)
                and value.__module__ == module_info.name
                and issubclass(value, QWidget)
            ):
                found.append(value)
    return found


def dialog_and_page_classes() -> set[str]:
    """The dialogs (QDialog subclasses) and the procedure's pages (the AgendaPage subclasses
    and the other pages of rekap_desktop/gui/pages, not the item views inside them) that a
    person opens and accepts."""
    from PySide6.QtWidgets import QAbstractItemView, QDialog

    from rekap_desktop.gui.pages.base import AgendaPage

    names: set[str] = set()
    for cls in gui_widget_classes():
        if cls is AgendaPage:
            continue  # the base of the pages, never shown itself
        page = cls.__module__.startswith(f"{GUI_ROOT}pages.") and not issubclass(
            cls, QAbstractItemView
        )
        if issubclass(cls, QDialog) or page:
            names.add(cls.__name__)
    return names


def driven_classes() -> dict[str, list[str]]:
    """Class name → the tests under tests/gui marked as driving it (``@drives``)."""
    driven: dict[str, list[str]] = {}
    root = Path(tests.gui.__file__).parent
    for path in sorted(root.rglob("test_*.py")):
        name = ".".join(path.relative_to(root.parent.parent).with_suffix("").parts)
        module = importlib.import_module(name)
        for attribute, value in vars(module).items():
            if not attribute.startswith("test_") or not callable(value):
                continue
            for mark in getattr(value, "pytestmark", []):
                if mark.name == "drives":
                    for cls in mark.args:
                        driven.setdefault(cls, []).append(f"{name}::{attribute}")
    return driven
