"""A table of publications (over a PublicationFilterProxy), set up the same way wherever it appears."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from disclosure_desk.ui.models.publication_filter import PublicationFilterProxy
from disclosure_desk.ui.models.publication_table import Column, PublicationTableModel
from disclosure_desk.ui.models.roles import ROW_ROLE
from disclosure_desk.ui.presenters import RegisterRow

# Default widths in average character widths: wide enough for a date, a status, a typical 文号.
_WIDTHS = {
    Column.TITLE: 24,
    Column.ITEM: 16,
    Column.FORMED: 8,
    Column.DUE: 8,
    Column.PUBLISHED: 8,
    Column.STATUS: 6,
    Column.DOCUMENT: 10,
    Column.INDEX: 17,
    Column.DEPARTMENT: 8,
    Column.RESPONSIBLE: 6,
}


class RegisterView(QTableView):
    """Emits rowActivated(RegisterRow) on double-click or Enter."""

    rowActivated = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, hidden: Iterable[Column] = ()) -> None:
        super().__init__(parent)
        self.source = PublicationTableModel(self)
        self.proxy = PublicationFilterProxy(self.source, self)
        self.setModel(self.proxy)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setCornerButtonEnabled(False)
        self.verticalHeader().setVisible(False)
        # fixed row heights: a 50,000-row table must never measure its rows
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        average = self.fontMetrics().averageCharWidth()
        wide = self.fontMetrics().horizontalAdvance("中")
        for column, chars in _WIDTHS.items():
            per_char = (
                average if column in (Column.FORMED, Column.DUE, Column.PUBLISHED, Column.INDEX) else wide
            )
            self.setColumnWidth(column, per_char * chars + 16)
        for column in hidden:
            self.setColumnHidden(column, True)
        self.setSortingEnabled(True)
        header.setSortIndicator(Column.DUE, Qt.SortOrder.AscendingOrder)
        # activated covers Enter and double-click (single click where the platform activates on it)
        self.activated.connect(self._on_activated)

    def set_rows(self, rows: list[RegisterRow]) -> None:
        """Replace the contents, keeping the selected publication selected when it is still there."""
        current = self.current_row()
        self.source.set_rows(rows)
        if current is not None and current.publication.id is not None:
            self.select_publication(current.publication.id)

    def row_at(self, index: QModelIndex) -> RegisterRow | None:
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, RegisterRow) else None

    def current_row(self) -> RegisterRow | None:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        row = index.data(ROW_ROLE)
        return row if isinstance(row, RegisterRow) else None

    def select_publication(self, publication_id: int) -> bool:
        source_row = self.source.row_of(publication_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.source.index(source_row, 0))
        if not index.isValid():
            return False
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.scrollTo(index)
        return True

    def _on_activated(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, RegisterRow):
            self.rowActivated.emit(row)
