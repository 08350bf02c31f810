"""The publication register as a table: one RegisterRow per row, prepared before it gets here.

Sorting happens here rather than in QSortFilterProxyModel: the proxy would call data() across the
Python boundary twice per comparison (over a second for 50,000 rows); sorting a Python list by a key is
a few tens of milliseconds. PublicationFilterProxy forwards sort() here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from disclosure_desk.domain.status import urgency
from disclosure_desk.ui.models.roles import ROW_ROLE, SEARCH_ROLE, SORT_ROLE
from disclosure_desk.ui.presenters import RegisterRow
from disclosure_desk.ui.texts import (
    STATUS_BACKGROUND,
    STATUS_FOREGROUND,
    due_tooltip,
    format_date,
    format_due,
    status_label,
    tr,
)

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    TITLE = 0
    ITEM = 1
    FORMED = 2
    DUE = 3
    PUBLISHED = 4
    STATUS = 5
    DOCUMENT = 6
    INDEX = 7
    DEPARTMENT = 8
    RESPONSIBLE = 9


def column_title(column: Column) -> str:
    titles = {
        Column.TITLE: tr("标题", "PublicationTable"),
        Column.ITEM: tr("公开事项", "PublicationTable"),
        Column.FORMED: tr("形成日期", "PublicationTable"),
        Column.DUE: tr("应公开日期", "PublicationTable"),
        Column.PUBLISHED: tr("公开日期", "PublicationTable"),
        Column.STATUS: tr("状态", "PublicationTable"),
        Column.DOCUMENT: tr("文号", "PublicationTable"),
        Column.INDEX: tr("索引号", "PublicationTable"),
        Column.DEPARTMENT: tr("承办科室", "PublicationTable"),
        Column.RESPONSIBLE: tr("责任人", "PublicationTable"),
    }
    return titles[column]


SortKey = str | int | date | None


_SORT_KEYS: dict[Column, Callable[[RegisterRow], SortKey]] = {
    Column.TITLE: lambda row: row.publication.title,
    Column.ITEM: lambda row: row.record.item.number,
    Column.FORMED: lambda row: row.publication.formed_on,
    Column.DUE: lambda row: row.record.due.due_on,
    Column.PUBLISHED: lambda row: row.publication.published_on,
    Column.STATUS: lambda row: urgency(row.status),  # by urgency: overdue first when ascending
    Column.DOCUMENT: lambda row: row.publication.document_number or None,
    Column.INDEX: lambda row: row.publication.index_number or None,
    Column.DEPARTMENT: lambda row: row.publication.department or None,
    Column.RESPONSIBLE: lambda row: row.publication.responsible or None,
}


def sort_key(row: RegisterRow, column: Column) -> SortKey:
    """A real date or number for sorting (never a display string); None for empty."""
    return _SORT_KEYS[column](row)


def _display(row: RegisterRow, column: Column) -> str:
    p = row.publication
    if column is Column.TITLE:
        return p.title
    if column is Column.ITEM:
        return row.item_label
    if column is Column.FORMED:
        return format_date(p.formed_on)
    if column is Column.DUE:
        return format_due(row.record.due)
    if column is Column.PUBLISHED:
        return format_date(p.published_on)
    if column is Column.STATUS:
        return status_label(row.status)
    if column is Column.DOCUMENT:
        return p.document_number
    if column is Column.INDEX:
        return p.index_number
    if column is Column.DEPARTMENT:
        return p.department
    return p.responsible


def _tooltip(row: RegisterRow, column: Column) -> str | None:
    if column is Column.DUE:
        return due_tooltip(row.record.due)
    if column is Column.TITLE:
        return row.publication.title or None
    if column is Column.ITEM:
        return row.record.item.content or None
    return None


class PublicationTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        # The rows in display order, replaced (never mutated in place) on reload and sort: the filter
        # proxy caches its verdicts against this list's identity. A plain attribute, read per row.
        self.rows: list[RegisterRow] = []
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    # --- contents ---------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[RegisterRow]) -> None:
        self.beginResetModel()
        self.rows = self._sorted(list(rows), *self._sort)
        self.endResetModel()

    def row_of(self, publication_id: int) -> int:
        """Source row of a publication, -1 when absent."""
        for number, row in enumerate(self.rows):
            if row.publication.id == publication_id:
                return number
        return -1

    # --- QAbstractItemModel -------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(Column)
        ):
            return column_title(Column(section))
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return sort_key(row, column)
        if role == SEARCH_ROLE:
            return row.search_text
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column in (Column.STATUS, Column.DUE):
            return STATUS_FOREGROUND.get(row.status)
        if role == Qt.ItemDataRole.BackgroundRole and column is Column.STATUS:
            return STATUS_BACKGROUND.get(row.status)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        if not 0 <= column < len(Column) or not self.rows:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.rows
        self.rows = self._sorted(old, column, order)
        persistent = self.persistentIndexList()
        if persistent:
            new_row = {id(row): number for number, row in enumerate(self.rows)}
            self.changePersistentIndexList(
                persistent,
                [self.index(new_row[id(old[i.row()])], i.column()) for i in persistent],
            )
        self.layoutChanged.emit()

    @staticmethod
    def _sorted(rows: list[RegisterRow], column: int, order: Qt.SortOrder) -> list[RegisterRow]:
        """Stable sort by the column's key; empty values always last, whichever the direction."""
        if not 0 <= column < len(Column):
            return rows
        key = _SORT_KEYS[Column(column)]
        keyed = [(key(row), row) for row in rows]
        present = [pair for pair in keyed if pair[0] is not None]
        present.sort(key=lambda pair: pair[0], reverse=order == Qt.SortOrder.DescendingOrder)  # type: ignore[arg-type,return-value]
        return [row for _, row in present] + [row for key, row in keyed if key is None]
