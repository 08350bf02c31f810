"""`trash list [--format json]` and `trash restore ID`: the register's recycle bin (回收站)."""

from __future__ import annotations

import argparse
from typing import Any

from disclosure_desk.cli.context import CliContext, parse_number_arg
from disclosure_desk.cli.output import pad, print_json, shorten
from disclosure_desk.cli.publication_rows import publication_row
from disclosure_desk.domain.errors import DisclosureDeskError
from disclosure_desk.domain.status import evaluate_records


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("trash", help="回收站：列出或恢复已删除的记录", add_help=False)
    parser.add_argument("-h", "--help", action="help", help="显示帮助")
    actions = parser.add_subparsers(dest="action", metavar="操作", required=True)

    lst = actions.add_parser("list", help="列出回收站中的记录", add_help=False)
    lst.add_argument("-h", "--help", action="help", help="显示帮助")
    lst.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")
    lst.set_defaults(func=run_list)

    restore = actions.add_parser("restore", help="把一条记录从回收站恢复到台账", add_help=False)
    restore.add_argument("-h", "--help", action="help", help="显示帮助")
    restore.add_argument("id", metavar="编号", type=parse_number_arg)
    restore.set_defaults(func=run_restore)


def run_list(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store()
    deleted = store.publications(deleted=True)
    evaluation = evaluate_records(
        store.publication_records(deleted), context.today, store.calendar(), store.settings().due_soon_days
    )
    if args.format == "json":
        print_json(
            [
                {**publication_row(e), "deleted_at": e.record.publication.deleted_at.isoformat()}
                for e in evaluation.entries
                if e.record.publication.deleted_at is not None
            ]
        )
        return 0
    if not deleted:
        print("（回收站是空的）")
        return 0
    print("  ".join((pad("编号", 5, right=True), pad("删除时间", 19), pad("事项", 4, right=True), "标题")))
    for p in deleted:
        when = p.deleted_at.strftime("%Y-%m-%d %H:%M:%S") if p.deleted_at else ""
        item = str(store.item(p.item_id).number)
        print(
            "  ".join(
                (pad(str(p.id), 5, right=True), pad(when, 19), pad(item, 4, right=True), shorten(p.title))
            )
        )
    return 0


def run_restore(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store(writer=True)
    publication = store.publication(args.id)
    if publication.deleted_at is None:
        raise DisclosureDeskError(f"记录 {args.id} 不在回收站中，无需恢复。")
    store.restore_publication(args.id)
    print(f"已恢复记录 {args.id}（“{shorten(publication.title, 40)}”）。")
    return 0
