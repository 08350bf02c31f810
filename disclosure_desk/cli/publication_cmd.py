"""`publication add …` and `publication list [--format json]`."""

from __future__ import annotations

import argparse
from typing import Any

from disclosure_desk.cli.context import CliContext, parse_date_arg
from disclosure_desk.cli.output import print_json, warn
from disclosure_desk.domain.catalogue import CHANNELS
from disclosure_desk.domain.dates import to_iso
from disclosure_desk.domain.errors import DisclosureDeskError, ValidationError
from disclosure_desk.domain.publication import Publication
from disclosure_desk.domain.validation import missing_required_channels, validate_publication


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("publication", help="登记或列出公开信息", add_help=False)
    parser.add_argument("-h", "--help", action="help", help="显示帮助")
    actions = parser.add_subparsers(dest="action", metavar="操作", required=True)

    add = actions.add_parser("add", help="登记一条公开信息，输出新记录编号", add_help=False)
    add.add_argument("-h", "--help", action="help", help="显示帮助")
    add.add_argument("--item", metavar="序号", type=int, required=True, help="目录事项的序号")
    add.add_argument("--title", metavar="标题", required=True)
    add.add_argument("--formed", metavar="日期", type=parse_date_arg, help="形成日期 YYYY-MM-DD")
    add.add_argument("--changed", metavar="日期", type=parse_date_arg, help="变更日期")
    add.add_argument("--approved", metavar="日期", type=parse_date_arg, help="批复日期")
    add.add_argument("--published", metavar="日期", type=parse_date_arg, help="公开日期")
    add.add_argument(
        "--due", metavar="日期", type=parse_date_arg, help="应公开日期（仅“按法定时间公开”的事项）"
    )
    add.add_argument(
        "--channel",
        metavar="渠道",
        action="append",
        default=[],
        help=f"公开渠道，可重复：{'、'.join(CHANNELS)}",
    )
    add.add_argument("--doc-number", metavar="文号", default="")
    add.add_argument("--index-number", metavar="索引号", default="")
    add.add_argument("--url", metavar="链接", default="")
    add.add_argument("--department", metavar="部门", default="")
    add.add_argument("--responsible", metavar="责任人", default="")
    add.add_argument("--notes", metavar="备注", default="")
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
    publication = Publication(
        item_id=item.id,
        title=args.title.strip(),
        formed_on=args.formed,
        changed_on=args.changed,
        approved_on=args.approved,
        published_on=args.published,
        due_on_manual=args.due,
        document_number=args.doc_number.strip(),
        index_number=args.index_number.strip(),
        channels=tuple(dict.fromkeys(args.channel)),
        url=args.url.strip(),
        department=args.department.strip(),
        responsible=args.responsible.strip(),
        notes=args.notes,
    )
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
    records = store.publication_records()
    rows = []
    for record in records:
        p = record.publication
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
                "status": str(store.status(record, context.today)),
                "channels": list(p.channels),
                "document_number": p.document_number,
                "index_number": p.index_number,
                "url": p.url,
                "due_explanation": record.due.explanation,
                "warnings": list(record.due.warnings),
            }
        )
    if args.format == "json":
        print_json(rows)
        return 0
    if not rows:
        print("（暂无公开信息）")
    for row in rows:
        print(
            f"{row['id']:>5}  事项{row['item']:>3}  {row['due_on'] or '—':<10}  "
            f"{row['published_on'] or '未公开':<10}  {row['status']:<18} {row['title']}"
        )
    return 0
