"""A publication as the command line prints it: the JSON row scripts read (`publication list`, `show`,
`trash list`) and the text table's columns. One definition, so the commands never drift apart."""

from __future__ import annotations

from typing import Any

from disclosure_desk.cli.output import pad, shorten
from disclosure_desk.domain.audit import ACTION_LABELS, FIELD_LABELS, AuditEntry, changes, describe_change
from disclosure_desk.domain.dates import to_iso
from disclosure_desk.domain.status import Evaluated, status_word


def publication_row(entry: Evaluated) -> dict[str, Any]:
    """The `publication list --format json` contract (keys never renamed or removed)."""
    record, p = entry.record, entry.record.publication
    return {
        "id": p.id,
        "item": record.item.number,
        "item_old_version": record.item.old_version,
        "title": p.title,
        "formed_on": to_iso(p.formed_on),
        "changed_on": to_iso(p.changed_on),
        "approved_on": to_iso(p.approved_on),
        "published_on": to_iso(p.published_on),
        "due_on": to_iso(record.due.due_on),
        "status": str(entry.status),
        "channels": list(p.channels),
        "document_number": p.document_number,
        "index_number": p.index_number,
        "url": p.url,
        "review_done": p.review_done,
        "reviewed_by": p.reviewer,
        "reviewed_on": to_iso(p.reviewed_on),
        "late_reason": p.late_reason,
        "document_kind": p.document_kind.value,
        "abolished_on": to_iso(p.abolished_on),
        "clause": p.clause,
        "due_explanation": record.due.explanation,
        "warnings": list(record.due.warnings),
    }


def full_row(entry: Evaluated) -> dict[str, Any]:
    """Every field of one record: the list row plus what only `show` prints."""
    record, p = entry.record, entry.record.publication
    return {
        **publication_row(entry),
        "status_text": status_word(entry.status),
        "days_late": entry.days_late,
        "working_days_left": entry.working_days_left,
        "item_label": record.item.number_label,
        "item_content": record.item.content,
        "item_path": list(record.item.path),
        "due_on_manual": to_iso(p.due_on_manual),
        "department": p.department,
        "responsible": p.responsible,
        "missing_channel_reason": p.missing_channel_reason,
        "notes": p.notes,
        "created_at": p.created_at.isoformat() if p.created_at else None,
        "updated_at": p.updated_at.isoformat() if p.updated_at else None,
        "deleted_at": p.deleted_at.isoformat() if p.deleted_at else None,
    }


def history_row(entry: AuditEntry) -> dict[str, Any]:
    """One audit entry for `history --format json` and `publication show --format json`."""
    return {
        "at": entry.at.isoformat(),
        "user": entry.os_user,
        "action": entry.action,
        "action_text": ACTION_LABELS.get(entry.action, entry.action),
        "changes": [
            {"field": name, "label": FIELD_LABELS.get(name, name), "before": before, "after": after}
            for name, before, after in changes(entry)
        ],
        "description": describe_change(entry),
    }


LIST_HEADER = ("编号", "事项", "应公开日期", "公开日期", "状态", "标题")


def text_row(number: str, item: str, due: str, published: str, status: str, title: str) -> str:
    return "  ".join(
        (
            pad(number, 5, right=True),
            pad(item, 4, right=True),
            pad(due, 10),
            pad(published, 10),
            pad(status, 16),
            title,
        )
    )


def list_line(entry: Evaluated) -> str:
    p = entry.record.publication
    return text_row(
        str(p.id),
        entry.record.item.number_label,
        to_iso(entry.due_on) or "—",
        to_iso(entry.published_on) or "—",
        status_word(entry.status),
        shorten(p.title),
    )
