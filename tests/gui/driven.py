"""Dialogs and pages driven through their widgets.

A test that opens a dialog or page and works it as a person does (typing into its fields,
pressing its buttons and keys) says so with ``@drives(SomeDialog, ...)``. While it runs, the
``driven_classes`` fixture of tests/gui/conftest.py watches the application: the test fails
unless every class it names was shown, and every dialog among them was accepted. The registry
test (test_every_dialog_is_driven.py) reads these marks: a dialog or page class no test drives
fails it.

:class:`Modals` answers the modal dialogs a key opens (each runs its own event loop).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

VIEWERS = frozenset(
    {
        "AuditLogWindow",
        "DrillDownDialog",
        "HelpWindow",
        "InstallationKeyDialog",
        "PackageReportDialog",
        "PrintCentreDialog",
    }
)
"""Dialogs that only show something, or are a workspace with nothing to accept (the print
centre): for them, being closed by their own key or button (Esc, Tutup) counts as accepted."""


def drives(*classes: type[QWidget]) -> pytest.MarkDecorator:
    """Mark a test as driving ``classes`` through their widgets."""
    return pytest.mark.drives(*[c.__name__ for c in classes])


class ShownWatcher(QObject):
    """Records the class names of the widgets shown and the dialogs accepted."""

    def __init__(self, names: set[str]) -> None:
        super().__init__()
        self.names = names
        self.shown: set[str] = set()
        self.accepted: set[str] = set()
        self._watched: set[int] = set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            # A dialog counts for each watched class it is (its own and a shared base).
            names = [c.__name__ for c in type(watched).__mro__ if c.__name__ in self.names]
            self.shown.update(names)
            if names and isinstance(watched, QDialog) and id(watched) not in self._watched:
                self._watched.add(id(watched))
                done = watched.finished if names[0] in VIEWERS else watched.accepted
                done.connect(self._accepted_by(names))
        return False

    def _accepted_by(self, names: list[str]) -> Callable[..., None]:
        def record(*_result: object) -> None:
            self.accepted.update(names)

        return record


@dataclass
class Modals:
    """Answers the modal dialogs that open while a test runs.

    ``expect(cls, handler)`` queues a handler for the next modal of ``cls``; handlers run in
    order. Any message box is recorded in ``messages`` and closed. A dialog that is still open
    after its handler ran, or one nobody expected, is recorded in ``left_open`` and cancelled,
    so a test fails instead of hanging on a modal event loop."""

    handlers: list[tuple[type[QWidget], Callable[[QWidget], None]]] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    left_open: list[str] = field(default_factory=list)
    handled: list[QWidget] = field(default_factory=list)
    running: list[QWidget] = field(default_factory=list)
    timer: QTimer = field(default_factory=QTimer)

    def __post_init__(self) -> None:
        self.timer.setInterval(20)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def expect(self, cls: type[QWidget], handler: Callable[[QWidget], None]) -> None:
        self.handlers.append((cls, handler))

    def tick(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or not modal.isVisible():
            return
        if isinstance(modal, QMessageBox):
            self.messages.append(modal.text())
            modal.done(0)
            return
        if self.handlers and isinstance(modal, self.handlers[0][0]) and modal not in self.handled:
            _cls, handler = self.handlers.pop(0)
            self.handled.append(modal)
            # Run outside this tick: a handler that opens the next modal (its own event loop)
            # must let this timer tick there, and Qt does not re-enter a running timer.
            self.running.append(modal)
            QTimer.singleShot(0, lambda: self._run(handler, modal))
            return
        if modal in self.running:
            return
        self.left_open.append(type(modal).__name__)
        if isinstance(modal, QDialog):
            modal.reject()
        else:
            modal.close()

    def _run(self, handler: Callable[[QWidget], None], modal: QWidget) -> None:
        try:
            handler(modal)
        finally:
            self.running.remove(modal)

    def stop(self) -> None:
        self.timer.stop()
