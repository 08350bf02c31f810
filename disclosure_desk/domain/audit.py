"""Audit trail entries: every create, change and delete of a record, with who and when."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

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
