"""`publication add …` and `publication list [--format json]`."""

from __future__ import annotations

import argparse
from typing import Any

from disclosure_desk.cli.context import CliContext
from disclosure_desk.cli.output import pad, print_json, warn
from disclosure_desk.cli.publication_options import add_field_options, field_values
from disclosure_desk.domain.dates import to_iso
from disclosure_desk.domain.errors import DisclosureDeskError, ValidationError
from disclosure_desk.domain.publication import Publication
from disclosure_desk.domain.status import evaluate_records, status_word
from disclosure_desk.domain.validation import missing_required_channels, validate_publication


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("publication", help="登记或列出公开信息", add_help=False)
    parser.add_argument("-h", "--help", action="help", help="显示帮助")
    actions = parser.add_subparsers(dest="action", metavar="操作", required=True)

    add = actions.add_parser("add", help="登记一条公开信息，输出新记录编号", add_help=False)
    add.add_argument("-h", "--help", action="help", help="显示帮助")
    add.add_argument("--item", metavar="序号", type=int, required=True, help="目录事项的序号")
    add_field_options(add)
    add.set_defaults(func=run_add)

    lst = actions.add_parser("list", help="列出全部公开信息", add_help=False)
    lst.add_argument("-h", "--help", action="help", help="显示帮助")
    lst.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")
    lst.set_defaults(func=run_list)


def run_add(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store(writer=True)
    item = store.active_catalogue().item_by_number(args.item)
    if item is None or item.id is None:
        raise DisclosureDeskError(f"当前目录中没有序号为 {args.item} 的事项。")
    publication = Publication(item_id=item.id, **field_values(args))
    problems = validate_publication(publication, context.today)
    if problems:
        raise ValidationError("；".join(str(p) for p in problems), problems[0].field)
    if publication.published_on is not None:
        missing = missing_required_channels(publication, item)
        if missing:
            warn(f"提示：目录要求的公开渠道未使用：{'、'.join(missing)}。")
    saved = store.add_publication(publication)
    print(saved.id)
    return 0


def run_list(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store()
    evaluation = evaluate_records(
        store.publication_records(), context.today, store.calendar(), store.settings().due_soon_days
    )
    rows = []
    for entry in evaluation.entries:
        record, p = entry.record, entry.record.publication
        rows.append(
            {
                "id": p.id,
                "item": record.item.number,
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
                "due_explanation": record.due.explanation,
                "warnings": list(record.due.warnings),
            }
        )
    if args.format == "json":
        print_json(rows)
        return 0
    if not rows:
        print("（暂无公开信息）")
        return 0
    print(_text_row("编号", "事项", "应公开日期", "公开日期", "状态", "标题"))
    for entry in evaluation.entries:
        p = entry.record.publication
        print(
            _text_row(
                str(p.id),
                str(entry.record.item.number),
                to_iso(entry.due_on) or "—",
                to_iso(p.published_on) or "—",
                status_word(entry.status),
                p.title,
            )
        )
    return 0


def _text_row(number: str, item: str, due: str, published: str, status: str, title: str) -> str:
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
