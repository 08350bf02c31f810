"""The start page's list: every unpublished publication and every application waiting for a reply, by
due date, with its status word and how long is left.

Rows are OpenObligations (domain.open_work), already sorted by the domain; texts are made only for the
cells Qt paints, and catalogue paths once per item. An application shows its number and what was asked
for, never the applicant.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from disclosure_desk.domain.application_clock import ApplicationRecord
from disclosure_desk.domain.open_work import OpenObligation, WorkKind
from disclosure_desk.domain.status import Evaluated, Status
from disclosure_desk.ui.application_texts import application_place
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
    vocabulary,
)

AnyIndex = QModelIndex | QPersistentModelIndex
_CONTEXT = "DashboardModel"


class OpenColumn(IntEnum):
    LEFT = 0  # "还剩 3 个工作日" / "今天到期" / "逾期 3 个工作日" / "暂停计时"
    STATUS = 1  # the status word: 逾期未公开 / 即将到期 / 未到期 / 逾期未答复 / 办理中
    DUE = 2
    TITLE = 3  # a publication's title; an application's content
    PATH = 4  # a publication's catalogue path; "依申请公开 2026-003"
    RESPONSIBLE = 5


def column_title(column: OpenColumn) -> str:
    titles = {
        OpenColumn.LEFT: tr("期限", _CONTEXT),
        OpenColumn.STATUS: tr("状态", _CONTEXT),
        OpenColumn.DUE: tr("截止日期", _CONTEXT),
        OpenColumn.TITLE: tr("标题 / 申请内容", _CONTEXT),
        OpenColumn.PATH: tr("目录位置 / 申请编号", _CONTEXT),
        OpenColumn.RESPONSIBLE: tr("责任人", _CONTEXT),
    }
    return titles[column]


_HEADER_TIPS = {
    OpenColumn.DUE: "公开信息：应公开日期；依申请公开：答复期限（条例第33条）",
    OpenColumn.PATH: "公开信息：过程 / 一级目录 / 二级目录 / 事项序号；依申请公开：申请编号",
}


def time_left_text(obligation: OpenObligation, today: date) -> str:
    due = obligation.due_on
    if obligation.paused:
        return tr("暂停计时", _CONTEXT)
    if due is None:
        no_date = "未定应公开日期" if obligation.kind is WorkKind.PUBLICATION else "未定答复期限"
        return tr(no_date, _CONTEXT)
    if obligation.status is Status.OVERDUE:
        return days_late_label(obligation.days_late)
    if due == today:
        return tr("今天到期", _CONTEXT)
    left = obligation.working_days_left or 0
    if left <= 0:
        # a date the officer typed that falls on a rest day before the next working day
        return tr("休息日到期", _CONTEXT)
    return tr("还剩 {0} 个工作日", _CONTEXT).format(left)


class OpenWorkModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: Sequence[OpenObligation] = ()
        self._today = date.min
        self._paths: dict[int, str] = {}

    def set_obligations(self, obligations: Sequence[OpenObligation], today: date) -> None:
        self.beginResetModel()
        self._rows = obligations
        self._today = today
        self._paths = {}
        self.endResetModel()

    def obligation(self, row: int) -> OpenObligation | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, kind: WorkKind, record_id: int) -> int:
        for number, obligation in enumerate(self._rows):
            if obligation.kind is kind and obligation.id == record_id:
                return number
        return -1

    # --- QAbstractItemModel -------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(OpenColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(OpenColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column_title(OpenColumn(section))
        if role == Qt.ItemDataRole.ToolTipRole and section in _HEADER_TIPS:
            return tr(_HEADER_TIPS[OpenColumn(section)], _CONTEXT)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        obligation = self._rows[index.row()]
        column = OpenColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(obligation, column)
        if role == Qt.ItemDataRole.ForegroundRole and column in (
            OpenColumn.LEFT,
            OpenColumn.STATUS,
            OpenColumn.DUE,
        ):
            return STATUS_FOREGROUND.get(obligation.status)
        if role == Qt.ItemDataRole.BackgroundRole and column in (OpenColumn.LEFT, OpenColumn.STATUS):
            return STATUS_BACKGROUND.get(obligation.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(obligation, column)
        if role == ROW_ROLE:
            # what the row stands for: a DigestEntry (publication) or an ApplicationRecord
            return obligation.source
        if role == SORT_ROLE:
            return obligation.due_on
        return None

    def _display(self, obligation: OpenObligation, column: OpenColumn) -> str:
        if column is OpenColumn.LEFT:
            return time_left_text(obligation, self._today)
        if column is OpenColumn.STATUS:
            return vocabulary(obligation.word)
        if column is OpenColumn.DUE:
            return format_due(obligation.due)
        source = obligation.source
        if isinstance(source, ApplicationRecord):
            if column is OpenColumn.TITLE:
                return source.application.content
            return application_place(source.application) if column is OpenColumn.PATH else ""
        record = source.record
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
    def _tooltip(obligation: OpenObligation, column: OpenColumn) -> str | None:
        if column in (OpenColumn.LEFT, OpenColumn.STATUS, OpenColumn.DUE):
            return due_tooltip(obligation.due)
        source = obligation.source
        if isinstance(source, Evaluated):
            if column is OpenColumn.TITLE:
                return source.record.publication.title or None
            if column is OpenColumn.PATH:
                return item_tooltip(source.record.item)
            return None
        if column is OpenColumn.TITLE:
            return source.application.content or None
        if column is OpenColumn.PATH:
            return tr("政府信息公开申请 {0}（{1}）", _CONTEXT).format(
                source.application.number, source.application.applicant_type.label
            )
        return None
