"""The audit trail of one record as a table: when, who, what was done, what changed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from disclosure_desk.domain.audit import ACTION_LABELS, AuditEntry, describe_change

HEADERS = ("时间", "操作人", "操作", "变化")


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryModel", text)


class HistoryModel(QAbstractTableModel):
    def __init__(self, entries: Sequence[AuditEntry] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str, str]] = []
        self.set_entries(entries)

    def set_entries(self, entries: Sequence[AuditEntry]) -> None:
        self.beginResetModel()
        self._rows = [
            (
                e.at.strftime("%Y-%m-%d %H:%M:%S"),
                e.os_user,
                _tr(ACTION_LABELS.get(e.action, e.action)),
                describe_change(e),
            )
            for e in entries
        ]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self._rows[index.row()][index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(HEADERS[section])
        return None
