"""Item delegates shared by the lists."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem


class _ElideDelegate(QStyledItemDelegate):
    mode = Qt.TextElideMode.ElideRight

    # paint, not initStyleOption: PySide hands initStyleOption a copy, so a change there is lost
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        elided = QStyleOptionViewItem(option)
        elided.textElideMode = self.mode
        super().paint(painter, elided, index)


class ElideLeftDelegate(_ElideDelegate):
    """Cuts a long text at its start: an index number keeps its year and serial ("…/2026-00012")."""

    mode = Qt.TextElideMode.ElideLeft


class ElideMiddleDelegate(_ElideDelegate):
    """Cuts a long text in its middle: the start (a number) and the end (a name) stay readable."""

    mode = Qt.TextElideMode.ElideMiddle
