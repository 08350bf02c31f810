"""The 依申请公开 register as a table, and its filter proxy.

Rows are ApplicationRecords (application + clock, computed before they get here), so data() never asks
the store anything. No personal data is shown: the number, type, content, dates, status and result only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from disclosure_desk.domain.application_clock import ApplicationRecord
from disclosure_desk.domain.applications import ApplicantType, ApplicationStatus
from disclosure_desk.ui.application_texts import (
    APPLICATION_STATUS_ORDER,
    application_status_background,
    application_status_foreground,
    application_status_label,
)
from disclosure_desk.ui.models.roles import ROW_ROLE, SEARCH_ROLE, SORT_ROLE
from disclosure_desk.ui.models.sort_proxy import ValueSortProxy
from disclosure_desk.ui.texts import due_tooltip, format_date, format_due, tr

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NUMBER = 0
    RECEIVED = 1
    TYPE = 2
    CONTENT = 3
    DUE = 4
    LEFT = 5
    STATUS = 6
    REPLIED = 7
    RESULT = 8


def column_title(column: Column) -> str:
    return {
        Column.NUMBER: tr("申请编号", "ApplicationTable"),
        Column.RECEIVED: tr("收到日期", "ApplicationTable"),
        Column.TYPE: tr("申请人类型", "ApplicationTable"),
        Column.CONTENT: tr("申请内容", "ApplicationTable"),
        Column.DUE: tr("答复期限", "ApplicationTable"),
        Column.LEFT: tr("剩余工作日", "ApplicationTable"),
        Column.STATUS: tr("状态", "ApplicationTable"),
        Column.REPLIED: tr("答复日期", "ApplicationTable"),
        Column.RESULT: tr("办理结果", "ApplicationTable"),
    }[column]


def _left(record: ApplicationRecord) -> str:
    clock = record.clock
    if clock.days_left is None:
        return ""
    if clock.paused:
        return tr("暂停（剩{0}）", "ApplicationTable").format(clock.days_left)
    if clock.days_left < 0:
        return tr("逾期{0}", "ApplicationTable").format(-clock.days_left)
    return str(clock.days_left)


def _display(record: ApplicationRecord, column: Column) -> str:
    a, clock = record.application, record.clock
    if column is Column.NUMBER:
        return a.number
    if column is Column.RECEIVED:
        return format_date(a.received_on)
    if column is Column.TYPE:
        return a.applicant_type.value
    if column is Column.CONTENT:
        return a.content
    if column is Column.DUE:
        return format_due(clock.due)
    if column is Column.LEFT:
        return _left(record)
    if column is Column.STATUS:
        return application_status_label(clock.status, clock.paused)
    if column is Column.REPLIED:
        return format_date(a.replied_on)
    return a.result.label if a.result else ""


SortKey = str | int | date | None


def sort_key(record: ApplicationRecord, column: Column) -> SortKey:
    a, clock = record.application, record.clock
    keys: dict[Column, SortKey] = {
        Column.NUMBER: a.number,
        Column.RECEIVED: a.received_on,
        Column.TYPE: list(ApplicantType).index(a.applicant_type),
        Column.CONTENT: a.content,
        Column.DUE: clock.due_on,
        Column.LEFT: clock.days_left,
        Column.STATUS: APPLICATION_STATUS_ORDER[clock.status],
        Column.REPLIED: a.replied_on,
        Column.RESULT: a.result.code if a.result else None,
    }
    return keys[column]


class ApplicationTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[ApplicationRecord] = []

    def set_rows(self, rows: Sequence[ApplicationRecord]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, application_id: int) -> int:
        return next((n for n, r in enumerate(self.rows) if r.application.id == application_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_title(Column(section)) if 0 <= section < len(Column) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        record = self.rows[index.row()]
        column = Column(index.column())
        status = record.clock.status
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(record, column)
        if role == ROW_ROLE:
            return record
        if role == SORT_ROLE:
            return sort_key(record, column)
        if role == SEARCH_ROLE:
            a = record.application
            return f"{a.number} {a.content} {a.result.label if a.result else ''}".lower()
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (Column.DUE, Column.LEFT, Column.STATUS):
                return due_tooltip(record.clock.due)
            if column is Column.CONTENT:
                return record.application.content
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column in (Column.STATUS, Column.DUE, Column.LEFT):
            return application_status_foreground(status)
        if role == Qt.ItemDataRole.BackgroundRole and column is Column.STATUS:
            return application_status_background(status)
        return None


@dataclass(frozen=True)
class ApplicationFilter:
    statuses: frozenset[ApplicationStatus] | None = None  # None: any
    applicant_type: ApplicantType | None = None
    text: str = ""
    year: int | None = None  # year of receipt

    def accepts(self, record: ApplicationRecord) -> bool:
        a = record.application
        if self.statuses is not None and record.clock.status not in self.statuses:
            return False
        if self.applicant_type is not None and a.applicant_type is not self.applicant_type:
            return False
        if self.year is not None and a.received_on.year != self.year:
            return False
        words = self.text.strip().lower().split()
        haystack = f"{a.number} {a.content} {a.result.label if a.result else ''}".lower()
        return all(word in haystack for word in words)


class ApplicationFilterProxy(ValueSortProxy):
    def __init__(self, source: ApplicationTableModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._filter = ApplicationFilter()
        self.setSourceModel(source)

    @property
    def application_filter(self) -> ApplicationFilter:
        return self._filter

    def set_filter(self, new: ApplicationFilter) -> None:
        if new == self._filter:
            return
        self.beginFilterChange()
        self._filter = new
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        record = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        return isinstance(record, ApplicationRecord) and self._filter.accepts(record)
