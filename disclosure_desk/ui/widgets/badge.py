"""The application icon with a red count badge, for the system tray."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap

BADGE_COLOR = QColor("#d32f2f")
SIZE = 64


def badge_text(count: int) -> str:
    return "99+" if count > 99 else str(count)


def badge_pixmap(base: QPixmap, count: int, size: int = SIZE) -> QPixmap:
    """`base` scaled to `size`; with a count above zero, a red disc bearing it in the top-right corner."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    if not base.isNull():
        painter.drawPixmap(pixmap.rect(), base)
    if count > 0:
        text = badge_text(count)
        # large enough to read at tray size (16-24 px on screen): the badge covers over half the icon
        height = size * 0.56
        width = height if len(text) == 1 else height * (0.6 + 0.34 * len(text))
        width = min(width, float(size))
        rect = QRectF(size - width, 0, width, height)
        painter.setPen(QPen(QColor("white"), size / 32))
        painter.setBrush(BADGE_COLOR)
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), height / 2 - 1, height / 2 - 1)
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(int(height * (0.72 if len(text) < 3 else 0.56)))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap
