"""The start page's list: every unpublished publication, by due date, with how long is left.

Rows are the digest's own entries (already sorted by the domain); texts are made only for the cells Qt
paints, and catalogue paths once per item.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from disclosure_desk.domain.digest import DigestEntry
from disclosure_desk.domain.status import Status
from disclosure_desk.ui.dashboard_presenter import item_tooltip
from disclosure_desk.ui.models.roles import ROW_ROLE, SORT_ROLE
from disclosure_desk.ui.presenters import item_label
from disclosure_desk.ui.texts import (
    STATUS_BACKGROUND,
    STATUS_FOREGROUND,
    days_late_label,
    due_tooltip,
    format_due,
    tr,
)

AnyIndex = QModelIndex | QPersistentModelIndex
_CONTEXT = "DashboardModel"


class OpenColumn(IntEnum):
    LEFT = 0  # "还剩 3 个工作日" / "今天到期" / "逾期 3 个工作日"
    DUE = 1
    TITLE = 2
    PATH = 3
    RESPONSIBLE = 4


def column_title(column: OpenColumn) -> str:
    titles = {
        OpenColumn.LEFT: tr("期限", _CONTEXT),
        OpenColumn.DUE: tr("应公开日期", _CONTEXT),
        OpenColumn.TITLE: tr("标题", _CONTEXT),
        OpenColumn.PATH: tr("目录位置", _CONTEXT),
        OpenColumn.RESPONSIBLE: tr("责任人", _CONTEXT),
    }
    return titles[column]


def time_left_text(entry: DigestEntry, today: date) -> str:
    due = entry.record.due.due_on
    if due is None:
        return tr("未定应公开日期", _CONTEXT)
    if entry.status is Status.OVERDUE:
        return days_late_label(entry.days_late)
    if due == today:
        return tr("今天到期", _CONTEXT)
    left = entry.working_days_left or 0
    if left <= 0:
        # a date the officer typed that falls on a rest day before the next working day
        return tr("休息日到期", _CONTEXT)
    return tr("还剩 {0} 个工作日", _CONTEXT).format(left)


class OpenWorkModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: Sequence[DigestEntry] = ()
        self._today = date.min
        self._paths: dict[int, str] = {}

    def set_entries(self, entries: Sequence[DigestEntry], today: date) -> None:
        self.beginResetModel()
        self._entries = entries
        self._today = today
        self._paths = {}
        self.endResetModel()

    def entry(self, row: int) -> DigestEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of(self, publication_id: int) -> int:
        for number, entry in enumerate(self._entries):
            if entry.record.publication.id == publication_id:
                return number
        return -1

    # --- QAbstractItemModel -------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(OpenColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(OpenColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column_title(OpenColumn(section))
        if role == Qt.ItemDataRole.ToolTipRole and section == OpenColumn.PATH:
            return tr("过程 / 一级目录 / 二级目录 / 事项序号", _CONTEXT)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = OpenColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ForegroundRole and column in (OpenColumn.LEFT, OpenColumn.DUE):
            return STATUS_FOREGROUND.get(entry.status)
        if role == Qt.ItemDataRole.BackgroundRole and column is OpenColumn.LEFT:
            return STATUS_BACKGROUND.get(entry.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        if role == ROW_ROLE:
            return entry
        if role == SORT_ROLE:
            return entry.record.due.due_on
        return None

    def _display(self, entry: DigestEntry, column: OpenColumn) -> str:
        record = entry.record
        if column is OpenColumn.LEFT:
            return time_left_text(entry, self._today)
        if column is OpenColumn.DUE:
            return format_due(record.due)
        if column is OpenColumn.TITLE:
            return record.publication.title
        if column is OpenColumn.PATH:
            item = record.item
            key = item.id or -item.number
            path = self._paths.get(key)
            if path is None:
                path = self._paths[key] = item_label(item)
            return path
        return record.publication.responsible

    @staticmethod
    def _tooltip(entry: DigestEntry, column: OpenColumn) -> str | None:
        record = entry.record
        if column in (OpenColumn.LEFT, OpenColumn.DUE):
            return due_tooltip(record.due)
        if column is OpenColumn.TITLE:
            return record.publication.title or None
        if column is OpenColumn.PATH:
            return item_tooltip(record.item)
        return None
