"""PySide6 windows and widgets: the only floor with Qt."""

from rekap_desktop.gui.qt_imports import skip_feature_import_hook

skip_feature_import_hook()
