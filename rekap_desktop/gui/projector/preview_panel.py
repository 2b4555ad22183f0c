"""PreviewPanel: the cockpit's projector pane — preview and live side by side, and the controls.

Both panes are SceneView, the same widget the projector window uses. The panel's actions carry
the shortcuts F5 (tayangkan), B (layar hitam), F6 (bekukan) and [ / ] (previous / next page or
party of the preview); add them to the cockpit window
with ``window.addActions(panel.actions())`` so they work wherever the focus is.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rekap_desktop.gui.keys import BLANK, bind
from rekap_desktop.gui.projector.controller import ProjectorController
from rekap_desktop.gui.projector.scenes import Scene
from rekap_desktop.gui.projector.theme import THEMES
from rekap_desktop.gui.projector.view import SceneView

MIN_VIEW_WIDTH = 240
"""The narrowest a preview may be drawn: the panel must fit beside the cockpit on a laptop."""


class AspectSceneView(SceneView):
    """A SceneView that keeps the 16:9 shape of a projector screen."""

    def __init__(self, theme: str) -> None:
        super().__init__(None, theme)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(MIN_VIEW_WIDTH, MIN_VIEW_WIDTH * 9 // 16)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt name)
        return width * 9 // 16


class PreviewPanel(QWidget):
    def __init__(self, controller: ProjectorController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        theme = controller.settings.theme()
        self.preview_view = AspectSceneView(theme)
        self.live_view = AspectSceneView(theme)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.go_live_action = self._action("Tayangkan (F5)", "F5", controller.go_live)
        self.blank_action = bind(
            self._action(f"Layar hitam ({BLANK.letter})", BLANK.letter, controller.toggle_blank),
            BLANK,
        )
        self.freeze_action = self._action("Bekukan (F6)", "F6", self._toggle_freeze)
        self.previous_action = self._action(
            "◀ Halaman/partai sebelumnya ([)", "[", lambda: controller.step_preview(-1)
        )
        self.next_action = self._action(
            "Halaman/partai berikutnya (]) ▶", "]", lambda: controller.step_preview(1)
        )
        self.blank_action.setCheckable(True)
        self.freeze_action.setCheckable(True)
        self.screen_box = QComboBox()
        self.theme_box = QComboBox()
        for key, label in THEMES.items():
            self.theme_box.addItem(label, key)
        self.theme_box.setCurrentIndex(list(THEMES).index(theme))
        self._build_layout()
        controller.preview_changed.connect(self._on_preview)
        controller.live_changed.connect(self._on_live)
        controller.state_changed.connect(self._on_state)
        controller.notice.connect(self.status.setText)
        self.theme_box.currentIndexChanged.connect(self._on_theme)
        self.screen_box.activated.connect(self._on_screen_chosen)
        self._on_preview(controller.preview_scene())
        self._on_live(controller.live_scene())
        self._on_state()
        self.status.setText(controller.screens.choice.message)

    def _action(self, text: str, key: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_layout(self) -> None:
        """Preview above live, the buttons two to a row: the panel stays narrow enough to sit
        beside the cockpit on a 1366×768 laptop (each view keeps the projector's 16:9 shape)."""
        buttons = QGridLayout()
        steps = (
            (self.previous_action, "◀ Sebelumnya ([)"),
            (self.next_action, "Berikutnya (]) ▶"),
        )
        for column, (action, text) in enumerate(steps):
            button = QPushButton(text)
            button.setToolTip(action.text())
            button.clicked.connect(action.trigger)
            buttons.addWidget(button, 0, column)
        for number, action in enumerate((self.go_live_action, self.blank_action)):
            buttons.addWidget(self._toggle_button(action), 1, number)
        buttons.addWidget(self._toggle_button(self.freeze_action), 2, 0)
        rehearse = QPushButton("Latihan di layar ini")
        rehearse.clicked.connect(self.controller.show_rehearsal)
        identify = QPushButton("Kenali layar")
        identify.clicked.connect(self.controller.identify_screens)
        buttons.addWidget(rehearse, 2, 1)
        buttons.addWidget(identify, 3, 0)
        settings = QGridLayout()
        settings.addWidget(QLabel("Layar proyektor:"), 0, 0)
        settings.addWidget(self.screen_box, 0, 1)
        settings.addWidget(QLabel("Tema:"), 1, 0)
        settings.addWidget(self.theme_box, 1, 1)
        settings.setColumnStretch(1, 1)
        for box in (self.screen_box, self.theme_box):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(8)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Pratinjau</b>"))
        layout.addWidget(self.preview_view)
        layout.addWidget(QLabel("<b>Tayang di proyektor</b>"))
        layout.addWidget(self.live_view)
        layout.addLayout(buttons)
        layout.addLayout(settings)
        layout.addWidget(self.status)
        layout.addStretch(1)

    @staticmethod
    def _toggle_button(action: QAction) -> QPushButton:
        button = QPushButton(action.text())
        button.setCheckable(action.isCheckable())
        button.clicked.connect(action.trigger)
        action.toggled.connect(button.setChecked)
        return button

    def _toggle_freeze(self) -> None:
        self.controller.set_frozen(not self.controller.frozen)

    def _on_preview(self, scene: Scene) -> None:
        self.preview_view.set_scene(scene)

    def _on_live(self, scene: Scene) -> None:
        self.live_view.set_scene(scene)

    def _on_state(self) -> None:
        self.blank_action.setChecked(self.controller.blanked)
        self.freeze_action.setChecked(self.controller.frozen)
        current = self.controller.screens.projector_screen()
        names = [s.name() for s in self.controller.screens.screens()]
        self.screen_box.blockSignals(True)
        self.screen_box.clear()
        self.screen_box.addItems(names)
        if current is not None:
            self.screen_box.setCurrentIndex(names.index(current.name()))
        self.screen_box.blockSignals(False)

    def _on_theme(self, index: int) -> None:
        name = str(self.theme_box.itemData(index))
        self.controller.set_theme(name)
        self.preview_view.set_theme(name)
        self.live_view.set_theme(name)

    def _on_screen_chosen(self, index: int) -> None:
        self.controller.choose_screen(self.screen_box.itemText(index))
