"""The coverage lists of the start page: catalogue items with nothing published this year, and the items
the officer marked as yearly obligations with how each stands."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.digest import YearlyObligation
from disclosure_desk.domain.status import Status, StatusGroup
from disclosure_desk.ui.dashboard_presenter import item_brief, item_tooltip
from disclosure_desk.ui.models.roles import ITEM_ROLE, ROW_ROLE
from disclosure_desk.ui.texts import (
    STATUS_FOREGROUND,
    days_late_label,
    format_date,
    group_label,
    status_label,
    tr,
)

AnyIndex = QModelIndex | QPersistentModelIndex
_CONTEXT = "CoverageModel"
MET_FOREGROUND = QColor("#1b5e20")


class UncoveredModel(QAbstractListModel):
    """Items with nothing published this year, in catalogue order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: Sequence[CatalogueItem] = ()

    def set_items(self, items: Sequence[CatalogueItem]) -> None:
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item_brief(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return item_tooltip(item)
        if role in (ITEM_ROLE, ROW_ROLE):
            return item
        return None


class YearlyColumn(IntEnum):
    ITEM = 0
    DUE = 1
    STATE = 2


class YearlyModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._obligations: Sequence[YearlyObligation] = ()
        self._today = date.min

    def set_obligations(self, obligations: Sequence[YearlyObligation], today: date) -> None:
        self.beginResetModel()
        self._obligations = obligations
        self._today = today
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._obligations)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(YearlyColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (tr("年度事项", _CONTEXT), tr("本年截止", _CONTEXT), tr("完成情况", _CONTEXT))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._obligations):
            return None
        obligation = self._obligations[index.row()]
        column = YearlyColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column is YearlyColumn.ITEM:
                return item_brief(obligation.item)
            if column is YearlyColumn.DUE:
                return format_date(obligation.due_on)
            return self.state_text(obligation)
        if role == Qt.ItemDataRole.ForegroundRole and column is YearlyColumn.STATE:
            if obligation.met_on is not None:
                late = obligation.days_late > 0
                return STATUS_FOREGROUND[Status.PUBLISHED_LATE] if late else MET_FOREGROUND
            if obligation.is_overdue(self._today):
                return STATUS_FOREGROUND[Status.OVERDUE]
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column is YearlyColumn.ITEM:
            return item_tooltip(obligation.item)
        if role in (ITEM_ROLE, ROW_ROLE):
            return obligation.item if role == ITEM_ROLE else obligation
        return None

    def state_text(self, obligation: YearlyObligation) -> str:
        if obligation.met_on is not None:
            met = tr("已于 {0} 公开", _CONTEXT).format(format_date(obligation.met_on))
            if obligation.days_late:
                met += tr("（{0}）", _CONTEXT).format(days_late_label(obligation.days_late))
            return met
        if obligation.is_overdue(self._today):
            return tr("{0}，{1}", _CONTEXT).format(
                status_label(Status.OVERDUE), days_late_label(obligation.days_late)
            )
        if obligation.due_on == self._today:
            return tr("今天到期", _CONTEXT)
        return tr("{0}，还剩 {1} 个工作日", _CONTEXT).format(
            group_label(StatusGroup.OPEN), max(obligation.working_days_left, 0)
        )
