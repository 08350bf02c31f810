"""Windows that fit the screen they open on, and dialogs that come back at the size the officer gave them.

- First start: the main window fills the screen's available area (work area: the screen without the
  taskbar) — never more, so the status bar is never off screen; on a very large screen it stops at
  LARGEST_FIRST_SIZE and is centred.
- Later starts: the saved geometry is used only when it still fits one of the current screens (a laptop
  taken off its big monitor gets a fitting window, not one hanging off the edge).
- Once shown, the frame the window manager adds (the title bar) is checked too, and the window shrunk to
  fit when it does not.
- Dialogs: the `RemembersSize` mixin (one place, as Picard's PreserveGeometry) restores each kind of
  dialog's last size, clipped to the screen, and saves it when the dialog closes.

`available_areas` is the one place that asks Qt for the screens; tests replace it to fake a 1366×768 laptop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, QTimer
from PySide6.QtGui import QGuiApplication, QHideEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QHeaderView, QMainWindow, QTableView, QWidget

from disclosure_desk.ui.persistence import UiState

PREFERRED_MAIN_SIZE = QSize(1280, 800)  # where no screen can be asked
LARGEST_FIRST_SIZE = QSize(1920, 1200)  # a 4K screen does not need a 4K register
# What a title bar and borders usually take before the window manager says (Windows 10 at 100 %).
ESTIMATED_FRAME = QSize(16, 39)


def available_areas() -> list[QRect]:
    """Each screen's available geometry (without taskbars and docks), primary screen first."""
    primary = QGuiApplication.primaryScreen()
    screens = QGuiApplication.screens()
    ordered = ([primary] if primary is not None else []) + [s for s in screens if s is not primary]
    return [screen.availableGeometry() for screen in ordered]


def area_for(widget: QWidget) -> QRect:
    """The available area of the screen the widget is on (the primary screen's when it is nowhere)."""
    areas = available_areas()
    if not areas:
        return QRect(0, 0, PREFERRED_MAIN_SIZE.width(), PREFERRED_MAIN_SIZE.height())
    parent = widget.parentWidget()
    anchor = (parent.window() if parent is not None else widget).frameGeometry().center()
    return next((area for area in areas if area.contains(anchor)), areas[0])


def fitted(size: QSize, area: QRect, frame: QSize = ESTIMATED_FRAME) -> QSize:
    """`size`, made smaller where it and its frame would not fit in `area`."""
    return QSize(
        max(min(size.width(), area.width() - frame.width()), 200),
        max(min(size.height(), area.height() - frame.height()), 150),
    )


def place_first_time(window: QWidget, largest: QSize = LARGEST_FIRST_SIZE) -> None:
    """The first-start size: the available area of the primary screen (up to `largest`), centred."""
    areas = available_areas()
    area = areas[0] if areas else QRect(QPoint(0, 0), PREFERRED_MAIN_SIZE)
    size = fitted(largest, area)
    window.resize(size)
    # a window's position is its frame's: centre the frame in the area
    x = area.left() + max((area.width() - size.width() - ESTIMATED_FRAME.width()) // 2, 0)
    y = area.top() + max((area.height() - size.height() - ESTIMATED_FRAME.height()) // 2, 0)
    window.move(x, y)


def fits_a_screen(rect: QRect) -> bool:
    return any(area.contains(rect) for area in available_areas())


def restore_main_window(window: QMainWindow, state: UiState, key: str) -> None:
    """Tool bars and docks as saved; geometry as saved only when it fits a current screen."""
    state.restore_window_state(key, window)
    if state.restore_geometry(key, window) and fits_a_screen(window.geometry()):
        return
    place_first_time(window)


def keep_on_screen(window: QWidget) -> None:
    """Shrink and move a shown window so that its frame (title bar included) lies in its screen's area."""
    if window.isMaximized() or window.isFullScreen():
        return
    area = area_for(window)
    frame = window.frameGeometry()
    if area.contains(frame):
        return
    extra = QSize(frame.width() - window.width(), frame.height() - window.height())
    size = fitted(window.size(), area, extra)
    if size != window.size():
        window.resize(size)
    frame = window.frameGeometry()
    x = min(max(frame.left(), area.left()), area.right() + 1 - frame.width())
    y = min(max(frame.top(), area.top()), area.bottom() + 1 - frame.height())
    window.move(max(x, area.left()), max(y, area.top()))


class _ScreenGuard(QObject):
    """After the first show, once the window manager has framed the window (the frame is known only
    then, a little later on X11), keep the window and its frame on screen."""

    ATTEMPTS = 20
    INTERVAL_MS = 100

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            watched.removeEventFilter(self)
            self._check(watched, self.ATTEMPTS)
        return False

    def _check(self, window: QWidget, attempts: int) -> None:
        framed = window.frameGeometry() != window.geometry()
        if not framed and attempts > 0:
            QTimer.singleShot(self.INTERVAL_MS, window, lambda: self._check(window, attempts - 1))
            return
        keep_on_screen(window)


def guard_on_screen(window: QWidget) -> None:
    guard = _ScreenGuard(window)
    window.installEventFilter(guard)


def ui_state_of(widget: QWidget) -> UiState | None:
    """The UiState of the window a dialog belongs to (the main window offers it as `ui_state`)."""
    current: QWidget | None = widget
    while current is not None:
        state = getattr(current, "ui_state", None)
        if isinstance(state, UiState):
            return state
        current = current.parentWidget()
    return None


if TYPE_CHECKING:
    _Base = QDialog
else:
    _Base = object


class RemembersSize(_Base):
    """Mixin for a QDialog (put it first: `class X(RemembersSize, QDialog)`), with `size_key` set.

    The first show restores the size last saved under `size_key` (or keeps the default), fitted to the
    screen; closing saves the size. Nothing is stored for a dialog without a window to ask.
    """

    size_key = ""

    def showEvent(self, event: QShowEvent) -> None:
        if not getattr(self, "_size_restored", False):
            self._size_restored = True
            state = ui_state_of(self)
            saved = state.size(f"dialogs/{self.size_key}") if state is not None and self.size_key else None
            wanted = saved if saved is not None else self.size()
            self.resize(fitted(wanted.expandedTo(self.minimumSizeHint()), area_for(self)))
            if state is not None and self.size_key:
                for name, header in self._named_headers():
                    state.restore_header(f"dialogs/{self.size_key}/{name}", header)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        state = ui_state_of(self)
        if state is not None and self.size_key and getattr(self, "_size_restored", False):
            state.set_size(f"dialogs/{self.size_key}", self.size())
            for name, header in self._named_headers():
                state.save_header(f"dialogs/{self.size_key}/{name}", header)
        super().hideEvent(event)

    def _named_headers(self) -> list[tuple[str, QHeaderView]]:
        """Column widths persist too: every table with an object name keeps its header's state."""
        return [
            (view.objectName(), view.horizontalHeader())
            for view in self.findChildren(QTableView)
            if view.objectName()
        ]
