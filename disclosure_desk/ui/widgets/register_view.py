"""A table of publications (over a PublicationFilterProxy), set up the same way wherever it appears.

Columns are as wide as what they hold (a date with its ⚠, the longest status word, an index number); the
title takes the rest, so it is the one that grows on a wide screen. The catalogue path elides in the
middle: "1. 决策 › … › 部门文件" keeps the item's number and its own name — only where the room is short:
once the titles in view are shown in full, the path column takes what it needs from the spare width.
Tab leaves the table (the arrow keys move between rows); an empty table says why it is empty.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from disclosure_desk.domain.status import Status
from disclosure_desk.ui.models.publication_filter import PublicationFilterProxy
from disclosure_desk.ui.models.publication_table import Column, PublicationTableModel, column_title
from disclosure_desk.ui.models.roles import ROW_ROLE
from disclosure_desk.ui.presenters import RegisterRow
from disclosure_desk.ui.texts import UNCERTAIN_MARK, status_label
from disclosure_desk.ui.widgets.delegates import ElideLeftDelegate, ElideMiddleDelegate
from disclosure_desk.ui.widgets.empty_hint import EmptyHint

# What each column must show in full (the widest usual value); the title has no width: it stretches.
_SAMPLES: dict[Column, Callable[[], str]] = {
    Column.ITEM: lambda: "33. 管理和服务 › 监督保障",  # elided in the middle beyond this
    Column.FORMED: lambda: "2026-11-30",
    Column.DUE: lambda: "2026-11-30" + UNCERTAIN_MARK,
    Column.PUBLISHED: lambda: "2026-11-30",
    Column.STATUS: lambda: max((status_label(s) for s in Status), key=len),
    Column.DOCUMENT: lambda: "周科发〔2026〕12号",
    Column.INDEX: lambda: "…4721X/2026-00001",  # elided at the start: the year and serial stay
    Column.DEPARTMENT: lambda: "综合科",
    Column.RESPONSIBLE: lambda: "王丽",
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
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        metrics = self.fontMetrics()
        header_metrics = header.fontMetrics()
        for column, sample in _SAMPLES.items():
            title = header_metrics.horizontalAdvance(column_title(column))
            width = max(metrics.horizontalAdvance(sample()), title)
            self.setColumnWidth(column, width + 28)  # cell padding, and the sort arrow in the header
        self.title_floor = metrics.horizontalAdvance("中") * 16
        self._item_base = self.columnWidth(Column.ITEM)  # the path's share when the room is short
        self._item_by_hand = False  # a width the officer set is kept
        self._fitting = False
        header.sectionResized.connect(self._on_section_resized)
        self.setItemDelegateForColumn(Column.ITEM, ElideMiddleDelegate(self))
        self.setItemDelegateForColumn(Column.INDEX, ElideLeftDelegate(self))
        self.apply_column_modes()
        self.setTabKeyNavigation(False)
        self.empty_text: Callable[[], str] = lambda: self.tr("还没有登记公开信息。")
        self.empty_hint = EmptyHint(self, self._empty_text)
        self._hidden = tuple(hidden)
        for column in self._hidden:
            self.setColumnHidden(column, True)
        self.fit_title()
        self.setSortingEnabled(True)
        header.setSortIndicator(Column.DUE, Qt.SortOrder.AscendingOrder)
        # activated covers Enter and double-click (single click where the platform activates on it)
        self.activated.connect(self._on_activated)

    def apply_column_modes(self) -> None:
        """Every column resizable by hand; the title is then fitted to the spare width. Again after a saved
        header state is restored (it carries the resize modes of the version that saved it)."""
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("中") * 3)
        for column in getattr(self, "_hidden", ()):
            self.setColumnHidden(column, True)
        self.fit_title()

    def fit_title(self) -> None:
        """The title takes the width the other columns leave, but never less than a readable title
        (a narrow table scrolls sideways rather than show "周村区…"). Where that leaves more than the titles
        in view need, the catalogue path first gets its full width (up to what its rows need)."""
        header = self.horizontalHeader()
        self._fitting = True
        try:
            if not self._item_by_hand and not header.isSectionHidden(Column.ITEM):
                header.resizeSection(Column.ITEM, self._item_width())
            others = sum(
                header.sectionSize(c)
                for c in range(header.count())
                if c != Column.TITLE and not header.isSectionHidden(c)
            )
            width = max(self.viewport().width() - others, self.title_floor)
            if header.sectionSize(Column.TITLE) != width:
                header.resizeSection(Column.TITLE, width)
        finally:
            self._fitting = False

    def _item_width(self) -> int:
        """The path column's width: its base, plus what its rows in view still need, as far as the
        spare width (beyond what the titles in view need) allows."""
        header = self.horizontalHeader()
        base = self._item_base
        if self.proxy.rowCount() == 0 or header.isSectionHidden(Column.TITLE):
            return base
        fixed = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c not in (Column.TITLE, Column.ITEM) and not header.isSectionHidden(c)
        )
        spare = self.viewport().width() - fixed - base - max(self.sizeHintForColumn(Column.TITLE), 0)
        wanted = self.sizeHintForColumn(Column.ITEM) - base
        return base + max(min(wanted, spare), 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_title()

    def _on_section_resized(self, column: int, _old: int, new: int) -> None:
        # a column being hidden reports a size of 0 while Qt is still hiding it: resizing sections then
        # leaves a blank gap where the hidden column was; the caller fits the title once it is hidden
        if new == 0 or self.horizontalHeader().isSectionHidden(column):
            return
        if column != Column.TITLE and not self._fitting:
            if column == Column.ITEM and QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton:
                self._item_by_hand = True  # dragged by the officer (not a restored or fitted width)
            self.fit_title()  # another column changed by hand: the title gives or takes the difference

    def _empty_text(self) -> str:
        if self.source.rowCount() and not self.proxy.rowCount():
            return self.tr("没有符合筛选条件的公开信息。\n可修改筛选条件，或点击“清除筛选”显示全部。")
        return self.empty_text()

    def set_rows(self, rows: list[RegisterRow]) -> None:
        """Replace the contents, keeping the selected publication selected when it is still there."""
        current = self.current_row()
        self.source.set_rows(rows)
        if current is not None and current.publication.id is not None:
            self.select_publication(current.publication.id)
        self.fit_title()

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
