"""Left of the catalogue tab (and the editor's item chooser): a search box over the catalogue tree.

Down or Enter in the search box moves into the results, onto the first item that matches, as a file
dialog's search does; Enter or a double-click on an item activates it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.status import StatusGroup
from disclosure_desk.ui.models.catalogue_tree import CatalogueTreeModel, TreeColumn
from disclosure_desk.ui.models.roles import ITEM_ROLE, SEARCH_ROLE
from disclosure_desk.ui.presenters import OpenWork
from disclosure_desk.ui.texts import group_label


class CataloguePanel(QWidget):
    """Emits itemSelected(CatalogueItem | None) when the selection changes, itemActivated(CatalogueItem)
    on Enter or a double-click on an item."""

    itemSelected = Signal(object)
    itemActivated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("查找公开事项（名称、内容、依据）  Ctrl+F"))
        self.search.setClearButtonEnabled(True)

        self.model = CatalogueTreeModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        # a matching category shows all its items: searching "预算" should reveal what is filed under it
        self.proxy.setAutoAcceptChildRows(True)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterKeyColumn(TreeColumn.NAME)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAnimated(False)
        # four levels deep: the default 20 px per level eats a quarter of a narrow tree
        self.tree.setIndentation(14)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TreeColumn.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(TreeColumn.OPEN, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(
            TreeColumn.OPEN, self.fontMetrics().horizontalAdvance(group_label(StatusGroup.OPEN)) + 24
        )
        self.tree.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.tree.activated.connect(self._on_activated)
        self.search.textChanged.connect(self._on_search)
        self.search.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)

    def set_items(self, items: Sequence[CatalogueItem]) -> None:
        self.model.set_items(items)
        self.tree.expandAll()

    def set_open_work(self, work: Mapping[int, OpenWork]) -> None:
        self.model.set_open_work(work)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def current_item(self) -> CatalogueItem | None:
        indexes = self.tree.selectionModel().selectedRows(TreeColumn.NAME)
        item = indexes[0].data(ITEM_ROLE) if indexes else None
        return item if isinstance(item, CatalogueItem) else None

    def select_item(self, item_id: int) -> bool:
        index = self.view_index_of_item(item_id)
        if not index.isValid():
            return False
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.tree.scrollTo(index)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        keys = (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.search and isinstance(event, QKeyEvent) and event.key() in keys:
            if event.type() == QEvent.Type.KeyPress:
                self.focus_results()
            return True
        return super().eventFilter(watched, event)

    def focus_results(self) -> None:
        """Into the tree: onto the selected item when it is still shown, else the first item shown."""
        current = self.tree.currentIndex()
        if not (current.isValid() and current.data(ITEM_ROLE) is not None):
            first = self._first_item(QModelIndex())
            if first.isValid():
                self.tree.selectionModel().setCurrentIndex(
                    first,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.tree.scrollTo(first)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _first_item(self, parent: QModelIndex) -> QModelIndex:
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, TreeColumn.NAME, parent)
            if index.data(ITEM_ROLE) is not None:
                return index
            found = self._first_item(index)
            if found.isValid():
                return found
        return QModelIndex()

    def _on_activated(self, index: QModelIndex) -> None:
        item = index.siblingAtColumn(TreeColumn.NAME).data(ITEM_ROLE)
        if isinstance(item, CatalogueItem):
            self.itemActivated.emit(item)

    def _on_search(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self.tree.expandAll()

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.itemSelected.emit(self.current_item())

    def view_index_of_item(self, item_id: int) -> QModelIndex:
        """The tree view's index of an item (invalid when filtered out)."""
        return self.proxy.mapFromSource(self.model.index_of_item(item_id))
