"""Window geometry, splitter sizes and column widths remembered between runs (QSettings).

The QSettings object is injected: the application passes `open_ui_settings()`, tests a temporary INI file.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter, QWidget

from disclosure_desk import paths


def open_ui_settings() -> QSettings:
    """Beside the data when DISCLOSURE_DESK_HOME moves it (a USB stick, a test folder); else the platform's
    own place (the registry on Windows)."""
    file = paths.ui_settings_file()
    if file is not None:
        return QSettings(str(file), QSettings.Format.IniFormat)
    return QSettings()


class UiState:
    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window(self, key: str, window: QMainWindow) -> None:
        self.settings.setValue(f"{key}/geometry", window.saveGeometry())
        self.settings.setValue(f"{key}/state", window.saveState())

    def restore_window_state(self, key: str, window: QMainWindow) -> None:
        """Tool bars and docks; the geometry is window_geometry's to decide."""
        state = self._bytes(f"{key}/state")
        if state is not None:
            window.restoreState(state)

    def save_geometry(self, key: str, widget: QWidget) -> None:
        self.settings.setValue(f"{key}/geometry", widget.saveGeometry())

    def restore_geometry(self, key: str, widget: QWidget) -> bool:
        geometry = self._bytes(f"{key}/geometry")
        return geometry is not None and widget.restoreGeometry(geometry)

    def save_splitter(self, key: str, splitter: QSplitter) -> None:
        self.settings.setValue(f"{key}/splitter", splitter.saveState())

    def restore_splitter(self, key: str, splitter: QSplitter) -> None:
        state = self._bytes(f"{key}/splitter")
        if state is not None:
            splitter.restoreState(state)

    def save_header(self, key: str, header: QHeaderView) -> None:
        self.settings.setValue(f"{key}/header", header.saveState())
        self.settings.setValue(f"{key}/columns", header.count())

    def restore_header(self, key: str, header: QHeaderView) -> None:
        """Column widths and order as saved — unless the table has gained or lost a column since: Qt
        would give each saved width to whichever column now sits at its place."""
        state = self._bytes(f"{key}/header")
        if state is not None and self.value(f"{key}/columns", -1) in (-1, header.count()):
            header.restoreState(state)

    def size(self, key: str) -> QSize | None:
        value = self.settings.value(f"{key}/size")
        return value if isinstance(value, QSize) and value.isValid() and not value.isEmpty() else None

    def set_size(self, key: str, size: QSize) -> None:
        self.settings.setValue(f"{key}/size", size)

    def value(self, key: str, default: int) -> int:
        raw = self.settings.value(key, default)
        try:
            return int(str(raw))
        except (TypeError, ValueError):
            return default

    def set_value(self, key: str, value: int) -> None:
        self.settings.setValue(key, value)

    def sync(self) -> None:
        self.settings.sync()
