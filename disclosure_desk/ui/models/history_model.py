"""The audit trail of one record as a table: when, who, what was done, what changed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from disclosure_desk.domain.audit import ACTION_LABELS, AuditEntry

FIELD_LABELS = {
    "title": "标题",
    "item_id": "目录事项",
    "formed_on": "形成日期",
    "changed_on": "变更日期",
    "approved_on": "批复日期",
    "published_on": "公开日期",
    "due_on_manual": "应公开日期（手工）",
    "document_number": "文号",
    "index_number": "索引号",
    "channels": "公开渠道",
    "url": "链接",
    "department": "责任部门",
    "responsible": "责任人",
    "review_done": "保密审查",
    "reviewer": "审查人",
    "reviewed_on": "审查日期",
    "missing_channel_reason": "未用必选渠道的原因",
    "notes": "备注",
    "rule_override": "时限规则",
    "yearly_due": "年度事项截止日",
}
# bookkeeping fields that change with every save and say nothing to the officer
HIDDEN_FIELDS = {"updated_at", "created_at", "id"}
HEADERS = ("时间", "操作人", "操作", "变化")


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryModel", text)


def _show(value: object) -> str:
    if value is None or value == "" or value == []:
        return _tr("（空）")
    if isinstance(value, bool):
        return _tr("是") if value else _tr("否")
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def describe_change(entry: AuditEntry) -> str:
    if entry.action in ("create", "import") and entry.after:
        title = entry.after.get("title")
        return _tr("新建“{0}”").format(title) if title else ""
    if entry.action in ("delete", "restore", "purge"):
        return ""
    before, after = entry.before or {}, entry.after or {}
    parts = [
        f"{_tr(FIELD_LABELS.get(name, name))}：{_show(before.get(name))} → {_show(after.get(name))}"
        for name in entry.changed_fields()
        if name not in HIDDEN_FIELDS
    ]
    return "；".join(parts) or _tr("（无实质变化）")


class HistoryModel(QAbstractTableModel):
    def __init__(self, entries: Sequence[AuditEntry] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str, str]] = []
        self.set_entries(entries)

    def set_entries(self, entries: Sequence[AuditEntry]) -> None:
        self.beginResetModel()
        self._rows = [
            (
                e.at.strftime("%Y-%m-%d %H:%M:%S"),
                e.os_user,
                _tr(ACTION_LABELS.get(e.action, e.action)),
                describe_change(e),
            )
            for e in entries
        ]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self._rows[index.row()][index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(HEADERS[section])
        return None
