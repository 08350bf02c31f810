"""The coverage lists of the start page: catalogue items with nothing published this year, the yearly and
periodic obligations with how each stands, and the columns going stale (栏目更新)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.digest import Obligation
from disclosure_desk.domain.freshness import Freshness, ItemFreshness
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
Row = TypeVar("Row")


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


class _RowsTable(QAbstractTableModel, Generic[Row]):
    """A read-only table of one kind of row, as of a day: the start page's two coverage tables."""

    columns: type[IntEnum]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: Sequence[Row] = ()
        self._today = date.min

    def _set(self, rows: Sequence[Row], today: date) -> None:
        self.beginResetModel()
        self._rows = rows
        self._today = today
        self.endResetModel()

    def titles(self) -> tuple[str, ...]:
        raise NotImplementedError

    def _row(self, index: AnyIndex) -> Row | None:
        return self._rows[index.row()] if index.isValid() and index.row() < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = self.titles()
        return titles[section] if 0 <= section < len(titles) else None


class YearlyColumn(IntEnum):
    ITEM = 0
    PERIOD = 1
    DUE = 2
    STATE = 3


class YearlyModel(_RowsTable[Obligation]):
    """Yearly obligations (items the officer marked) and periodic ones (items whose rule is periodic)."""

    columns = YearlyColumn

    def set_obligations(self, obligations: Sequence[Obligation], today: date) -> None:
        self._set(obligations, today)

    def titles(self) -> tuple[str, ...]:
        return (
            tr("年度和周期事项", _CONTEXT),
            tr("报告期", _CONTEXT),
            tr("截止日期", _CONTEXT),
            tr("完成情况", _CONTEXT),
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        obligation = self._row(index)
        if obligation is None:
            return None
        column = YearlyColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column is YearlyColumn.ITEM:
                return item_brief(obligation.item)
            if column is YearlyColumn.PERIOD:
                return obligation.period_label
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

    def state_text(self, obligation: Obligation) -> str:
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


class FreshnessColumn(IntEnum):
    ITEM = 0
    LAST = 1
    LIMIT = 2
    STATE = 3


FRESHNESS_FOREGROUND: dict[Freshness, QColor] = {
    Freshness.STALE: STATUS_FOREGROUND[Status.OVERDUE],
    Freshness.BLANK: STATUS_FOREGROUND[Status.OVERDUE],
    Freshness.DUE_SOON: STATUS_FOREGROUND[Status.DUE_SOON],
    Freshness.FRESH: MET_FOREGROUND,
}


class FreshnessModel(_RowsTable[ItemFreshness]):
    """Columns that are stale, blank or soon stale, most urgent first (栏目更新)."""

    columns = FreshnessColumn

    def set_rows(self, rows: Sequence[ItemFreshness], today: date) -> None:
        self._set(rows, today)

    def titles(self) -> tuple[str, ...]:
        return (
            tr("栏目（目录事项）", _CONTEXT),
            tr("最近公开", _CONTEXT),
            tr("最长间隔", _CONTEXT),
            tr("更新情况", _CONTEXT),
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row(index)
        if row is None:
            return None
        column = FreshnessColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column is FreshnessColumn.ITEM:
                return item_brief(row.item)
            if column is FreshnessColumn.LAST:
                return format_date(row.last_published) if row.last_published else tr("从未公开", _CONTEXT)
            if column is FreshnessColumn.LIMIT:
                return row.limit.text()
            return self.state_text(row)
        if role == Qt.ItemDataRole.ForegroundRole and column is FreshnessColumn.STATE:
            return FRESHNESS_FOREGROUND[row.status]
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join((item_tooltip(row.item), row.describe()))
        if role in (ITEM_ROLE, ROW_ROLE):
            return row.item if role == ITEM_ROLE else row
        return None

    def state_text(self, row: ItemFreshness) -> str:
        return row.state_text()
