"""A scroll area as tall as its content at its width: no inner scroll bar while there is room, one scroll
bar for the whole content once there is not (the catalogue details above an item's publications)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QWidget


class FitScrollArea(QScrollArea):
    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(content)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._width = -1

    def content_height(self, width: int) -> int:
        content = self.widget()
        if content is None:
            return 0
        if content.hasHeightForWidth():
            return content.heightForWidth(width)
        return content.sizeHint().height()

    def sizeHint(self) -> QSize:
        width = self.viewport().width() if self.isVisible() else self.width()
        return QSize(super().sizeHint().width(), self.content_height(max(width, 200)) + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.fontMetrics().height() * 4)

    def content_changed(self) -> None:
        """Call after the content's text changed: the new height is laid out now, not at the next event
        (a click right after a selection lands where the button is drawn)."""
        self.updateGeometry()
        for widget in (self.widget(), self.parentWidget()):
            layout = widget.layout() if widget is not None else None
            if layout is not None:
                layout.activate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != self._width:
            self._width = event.size().width()
            self.updateGeometry()  # wrapped text is taller when narrower
