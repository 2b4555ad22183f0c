"""A tab whose page is built the first time it is shown (or asked for), not at start-up: the
cockpit's secondary tabs cost the first screen nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

Page = TypeVar("Page", bound=QWidget)


class LazyTab(QWidget, Generic[Page]):
    def __init__(self, build: Callable[[], Page], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._page: Page | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._page is not None

    def page(self) -> Page:
        if self._page is None:
            self._page = self._build()
            self._layout.addWidget(self._page)
            self._page.show()  # at once: a layout would show it only after the next event round
        return self._page

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        self.page()
        super().showEvent(event)
