"""Filtering proxy for PublicationTableModel.

Speed at 50,000 rows: the predicate runs once per row in one Python list comprehension and its result
is cached against the identity of the source's row list (replaced on every reload and sort), so Qt's
per-row filterAcceptsRow() calls are a list look-up. Sorting is forwarded to the source model (see
publication_table.py for why).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from disclosure_desk.ui.models.publication_table import PublicationTableModel
from disclosure_desk.ui.models.roles import SORT_ROLE
from disclosure_desk.ui.presenters import RegisterRow
from disclosure_desk.ui.register_filter import RegisterFilter


class PublicationFilterProxy(QSortFilterProxyModel):
    def __init__(self, source: PublicationTableModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self._filter = RegisterFilter()
        self._active = False  # False: every row passes (checked per row, so not a property)
        self._mask: list[bool] = []
        self._mask_rows: list[RegisterRow] | None = None
        self.setSortRole(SORT_ROLE)
        self.setSourceModel(source)

    @property
    def register_filter(self) -> RegisterFilter:
        return self._filter

    def set_filter(self, new: RegisterFilter) -> None:
        if new == self._filter:
            return
        self.beginFilterChange()
        self._filter = new
        self._active = not new.is_empty
        self._mask_rows = None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._active:
            return True
        rows = self._source.rows
        if self._mask_rows is not rows:
            self._mask = self._filter.mask(rows)
            self._mask_rows = rows
        return self._mask[source_row]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._source.sort(column, order)
