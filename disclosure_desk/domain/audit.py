"""Audit trail entries: every create, change and delete of a record, with who and when."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from disclosure_desk.domain.applications import EventKind

ACTION_LABELS = {
    "create": "新建",
    "update": "修改",
    "delete": "删除（移入回收站）",
    "restore": "从回收站恢复",
    "purge": "彻底删除",
    "import": "导入",
}


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    os_user: str
    entity: str
    entity_id: int
    action: str
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None

    def changed_fields(self) -> tuple[str, ...]:
        """Names of the fields whose value differs between before and after."""
        before, after = self.before or {}, self.after or {}
        return tuple(k for k in dict.fromkeys([*before, *after]) if before.get(k) != after.get(k))


# The officer's words for every field an audit entry may name (publications, catalogue items and
# information requests).
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
    "department": "承办科室",
    "responsible": "责任人",
    "review_done": "保密审查",
    "reviewer": "审查人",
    "reviewed_on": "审查日期",
    "missing_channel_reason": "未用必选渠道的原因",
    "notes": "备注",
    "late_reason": "逾期原因",
    "document_kind": "文件类型",
    "abolished_on": "废止日期",
    "rule_override": "时限规则",
    "yearly_due": "年度事项截止日",
    "clause": "适用条款",
    "dynamic": "动态栏目",
    # information requests (依申请公开), as store/applications.snapshot names them
    "number": "申请编号",
    "received_on": "收到申请日期",
    "applicant_type": "申请人类型",
    "via": "提交方式",
    "content": "申请内容",
    "applicant_name": "申请人",
    "applicant_id_number": "证件号码",
    "applicant_contact": "联系方式",
    "replied_on": "答复日期",
    "result": "办理结果",
    "events": "办理过程",
}
# An applicant's name, ID number and contact are shown only in the application's editor: the history
# says that they changed, never what they were or became.
PERSONAL_FIELDS = frozenset({"applicant_name", "applicant_id_number", "applicant_contact"})
PERSONAL_CHANGED = "已修改（个人信息只在编辑窗口显示）"
# bookkeeping fields that change with every save and say nothing to the officer
HIDDEN_FIELDS = frozenset({"updated_at", "created_at", "id", "deleted_at"})
EMPTY_VALUE = "（空）"


def show_value(value: object) -> str:
    if value is None or value == "" or value == []:
        return EMPTY_VALUE
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list | tuple):
        return "、".join(_event_text(v) if isinstance(v, Mapping) else str(v) for v in value)
    return str(value)


def _event_text(event: Mapping[str, Any]) -> str:
    """An application's event as the snapshot keeps it, in words: "告知补正 2026-11-20（缺少身份证明）"."""
    kind = event.get("kind")
    word = EventKind(kind).label if kind in {k.value for k in EventKind} else str(kind or "")
    details = [str(event.get("note") or "")]
    if event.get("approved_by"):
        details.append(f"{event['approved_by']}批准")
    if event.get("notified_on"):
        details.append(f"{event['notified_on']}告知申请人")
    shown = "，".join(d for d in details if d)
    return f"{word} {event.get('on') or ''}".strip() + (f"（{shown}）" if shown else "")


def changes(entry: AuditEntry) -> list[tuple[str, object, object]]:
    """(field, before, after) of every field the officer would call changed, in field order."""
    before, after = entry.before or {}, entry.after or {}
    return [
        (name, before.get(name), after.get(name))
        for name in entry.changed_fields()
        if name not in HIDDEN_FIELDS
    ]


def describe_change(entry: AuditEntry) -> str:
    """One line: what an entry did, in the officer's words ("标题：旧 → 新；公开日期：（空） → 11-20")."""
    if entry.action in ("create", "import") and entry.after:
        title = entry.after.get("title") or entry.after.get("content")
        return f"新建“{title}”" if title else ""
    if entry.action in ("delete", "restore", "purge"):
        return ""
    parts = [
        f"{FIELD_LABELS.get(name, name)}：{PERSONAL_CHANGED}"
        if name in PERSONAL_FIELDS
        else f"{FIELD_LABELS.get(name, name)}：{show_value(old)} → {show_value(new)}"
        for name, old, new in changes(entry)
    ]
    return "；".join(parts) or "（无实质变化）"
