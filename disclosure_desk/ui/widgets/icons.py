"""Small icons drawn in code: no image files to bundle, sharp at any scale factor."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap


def calendar_icon(size: int = 32) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = size / 16
    body = QRectF(1.5 * unit, 3 * unit, 13 * unit, 11.5 * unit)
    painter.setPen(QPen(QColor("#44546a"), 1.2 * unit))
    painter.setBrush(QColor("white"))
    painter.drawRoundedRect(body, 1.5 * unit, 1.5 * unit)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#c0392b"))
    painter.drawRect(QRectF(body.left(), body.top(), body.width(), 3 * unit))
    painter.setBrush(QColor("#44546a"))
    for row in range(2):
        for column in range(3):
            painter.drawRect(QRectF((4 + 3 * column) * unit, (8 + 3 * row) * unit, 2 * unit, 2 * unit))
    painter.end()
    return QIcon(pixmap)
