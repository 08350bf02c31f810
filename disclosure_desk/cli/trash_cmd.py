"""`trash list [--format json]` and `trash restore ID`: the register's recycle bin (回收站).

Publications only (issue 13's contract); deleted applications have their own `application trash
list|restore` (cli/application_cmd.py), and the text list and a refused restore point to it.
"""

from __future__ import annotations

import argparse
from typing import Any

from disclosure_desk.cli.context import CliContext, parse_number_arg
from disclosure_desk.cli.output import pad, print_json, shorten
from disclosure_desk.cli.publication_rows import publication_row
from disclosure_desk.domain.errors import DisclosureDeskError
from disclosure_desk.domain.status import evaluate_records
from disclosure_desk.store.applications import ApplicationRegister
from disclosure_desk.store.repository import Store


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("trash", help="回收站：列出或恢复已删除的记录")
    actions = parser.add_subparsers(dest="action", metavar="操作", required=True)

    lst = actions.add_parser("list", help="列出回收站中的记录")
    lst.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")
    lst.set_defaults(func=run_list)

    restore = actions.add_parser("restore", help="把一条记录从回收站恢复到台账")
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
    applications = len(ApplicationRegister(store).applications(deleted=True))
    if not deleted:
        print("（回收站中没有公开信息）" if applications else "（回收站是空的）")
        _mention_applications(applications)
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
    _mention_applications(applications)
    return 0


def _mention_applications(count: int) -> None:
    if count:
        print(f"另有 {count} 件依申请公开申请在回收站中，可用 application trash list 查看。")


def _application_hint(store: Store, application_id: int) -> str:
    """When the id names a deleted application, how to restore that instead."""
    try:
        application = ApplicationRegister(store).application(application_id)
    except DisclosureDeskError:
        return ""
    if application.deleted_at is None:
        return ""
    return (
        f"申请 {application_id}（{application.number}）在回收站中；恢复申请请用 "
        f"application trash restore {application_id}。"
    )


def run_restore(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store(writer=True)
    try:
        publication = store.publication(args.id)
    except DisclosureDeskError as error:
        hint = _application_hint(store, args.id)
        if hint:
            raise DisclosureDeskError(f"{error}{hint}") from error
        raise
    if publication.deleted_at is None:
        hint = _application_hint(store, args.id)
        raise DisclosureDeskError(f"记录 {args.id} 不在回收站中，无需恢复。{hint}")
    store.restore_publication(args.id)
    print(f"已恢复记录 {args.id}（“{shorten(publication.title, 40)}”）。")
    return 0
