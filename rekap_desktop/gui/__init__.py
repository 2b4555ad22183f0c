"""PySide6 windows and widgets: the only floor with Qt."""
