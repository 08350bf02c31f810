"""`application add | event | reply | list | delete | trash`: the 依申请公开 register from the command line.

Contracts (issue 17): `add` prints the new id; `list --format json` gives exactly the keys id, number,
received_on, applicant_type, content, due_on, status, paused, replied_on, result, explanation — never the
applicant's personal data. `delete ID` moves an application to its own trash; `trash list --format json`
gives the same keys plus deleted_at, and `trash restore ID` brings one back. Applications have a trash of
their own, beside the publications' `trash list|restore`, because the two number their ids apart: an id
alone could name one of each, and scripts reading `trash list --format json` keep getting publications
only.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from disclosure_desk.cli.context import CliContext, parse_date_arg, parse_number_arg
from disclosure_desk.cli.output import pad, print_json, shorten, warn
from disclosure_desk.domain.application_clock import ApplicationRecord
from disclosure_desk.domain.applications import (
    APPLICANT_TYPES,
    Application,
    ApplicationEvent,
    EventKind,
    ReceiptChannel,
    applicant_type,
    event_kind,
    receipt_channel,
)
from disclosure_desk.domain.dates import to_iso
from disclosure_desk.domain.errors import DisclosureDeskError
from disclosure_desk.store.applications import ApplicationRegister


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("application", help="依申请公开：登记申请、事件和答复")
    actions = parser.add_subparsers(dest="action", metavar="操作", required=True)

    add = actions.add_parser("add", help="登记一件政府信息公开申请，输出新申请的编号（id）")
    add.add_argument("--received", metavar="日期", type=parse_date_arg, required=True, help="收到申请日期")
    add.add_argument(
        "--applicant-type",
        metavar="类型",
        required=True,
        help=f"申请人类型：{'、'.join(t.value for t in APPLICANT_TYPES)}",
    )
    add.add_argument("--content", metavar="文字", required=True, help="申请公开的政府信息")
    add.add_argument(
        "--applicant", metavar="姓名", default="", help="申请人姓名或名称（个人信息，只在编辑窗口显示）"
    )
    add.add_argument(
        "--via",
        metavar="方式",
        default=ReceiptChannel.IN_PERSON.value,
        help=f"提交方式：{'|'.join(c.value for c in ReceiptChannel)}（默认：当面）",
    )
    add.add_argument(
        "--number", metavar="文字", default="", help="申请编号（默认按年份自动编号，如 2026-001）"
    )
    add.set_defaults(func=run_add)

    event = actions.add_parser("event", help="登记补正、延期、征求意见、收费等事件")
    event.add_argument("id", metavar="ID", type=int, help="申请的 id")
    event.add_argument("kind", metavar="KIND", help=f"事件：{'、'.join(k.value for k in EventKind)}")
    event.add_argument("date", metavar="DATE", type=parse_date_arg, help="事件日期 YYYY-MM-DD")
    event.add_argument("--note", metavar="文字", default="", help="说明")
    event.add_argument("--approved-by", metavar="姓名", default="", help="延期的批准人（条例第33条）")
    event.add_argument(
        "--notified", metavar="日期", type=parse_date_arg, help="延期告知申请人的日期（条例第33条）"
    )
    event.set_defaults(func=run_event)

    reply = actions.add_parser("reply", help="登记答复日期和办理结果")
    reply.add_argument("id", metavar="ID", type=int, help="申请的 id")
    reply.add_argument("--on", metavar="日期", type=parse_date_arg, required=True, help="答复日期")
    reply.add_argument(
        "--result",
        metavar="结果",
        required=True,
        help="办理结果，如 予以公开、部分公开、不予公开-4、无法提供-1",
    )
    reply.set_defaults(func=run_reply)

    lst = actions.add_parser("list", help="列出全部申请及答复期限")
    lst.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")
    lst.set_defaults(func=run_list)

    delete = actions.add_parser("delete", help="把一件申请移入回收站（可恢复）")
    delete.add_argument("id", metavar="ID", type=parse_number_arg, help="申请的 id")
    delete.set_defaults(func=run_delete)

    trash = actions.add_parser("trash", help="申请的回收站：列出或恢复已删除的申请")
    trash_actions = trash.add_subparsers(dest="trash_action", metavar="操作", required=True)
    trash_list = trash_actions.add_parser("list", help="列出回收站中的申请")
    trash_list.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")
    trash_list.set_defaults(func=run_trash_list)
    restore = trash_actions.add_parser("restore", help="把一件申请从回收站恢复到登记簿")
    restore.add_argument("id", metavar="ID", type=parse_number_arg, help="申请的 id")
    restore.set_defaults(func=run_trash_restore)


def _register(context: CliContext, *, writer: bool = False) -> ApplicationRegister:
    return ApplicationRegister(context.store(writer=writer))


def _warn_about(register: ApplicationRegister, saved: Application, context: CliContext) -> None:
    for warning in register.record(saved, context.today).clock.due.warnings:
        warn(f"提示：{warning}")


def run_add(args: argparse.Namespace, context: CliContext) -> int:
    application = Application(
        received_on=args.received,
        applicant_type=applicant_type(args.applicant_type),
        content=args.content.strip(),
        number=args.number.strip(),
        via=receipt_channel(args.via),
        applicant_name=args.applicant.strip(),
    )
    register = _register(context, writer=True)
    saved = register.add(application, context.today)
    print(saved.id)
    return 0


def _live(register: ApplicationRegister, application_id: int) -> Application:
    """The application, refused (in Chinese, naming the way back) when it is in the trash."""
    application = register.application(application_id)
    if application.deleted_at is not None:
        raise DisclosureDeskError(
            f"申请 {application_id}（{application.number}）在回收站中：请先用 "
            f"application trash restore {application_id} 恢复。"
        )
    return application


def run_event(args: argparse.Namespace, context: CliContext) -> int:
    event = ApplicationEvent(
        event_kind(args.kind),
        args.date,
        args.note.strip(),
        args.approved_by.strip(),
        notified_on=args.notified,
    )
    register = _register(context, writer=True)
    _live(register, args.id)
    saved = register.add_event(args.id, event, context.today)
    _warn_about(register, saved, context)
    return 0


def run_reply(args: argparse.Namespace, context: CliContext) -> int:
    register = _register(context, writer=True)
    _live(register, args.id)
    register.reply(args.id, args.on, args.result, context.today)
    return 0


def record_json(record: ApplicationRecord) -> dict[str, Any]:
    """One application as `application list --format json` gives it: no personal data."""
    application, clock = record.application, record.clock
    return {
        "id": application.id,
        "number": application.number,
        "received_on": to_iso(application.received_on),
        "applicant_type": application.applicant_type.value,
        "content": application.content,
        "due_on": to_iso(clock.due_on),
        "status": clock.status.value,
        "paused": clock.paused,
        "replied_on": to_iso(application.replied_on),
        "result": application.result.code if application.result else None,
        "explanation": clock.due.explanation,
    }


def run_list(args: argparse.Namespace, context: CliContext) -> int:
    records = _register(context).records(context.today)
    if args.format == "json":
        print_json([record_json(r) for r in records])
        return 0
    if not records:
        print("尚未登记政府信息公开申请。")
        return 0
    for record in records:
        a, clock = record.application, record.clock
        due = to_iso(clock.due_on) or "—"
        paused = f"，暂停计时（{clock.pause_reason}）" if clock.paused else ""
        result = f"，{a.result.code}" if a.result else ""
        print(f"[{a.id}] {a.number} 收到 {a.received_on} 答复期限 {due} {clock.status.label}{paused}{result}")
        print(f"    {a.applicant_type.label}：{a.content}")
    return 0


def run_delete(args: argparse.Namespace, context: CliContext) -> int:
    register = _register(context, writer=True)
    current = _live(register, args.id)
    register.delete(args.id)
    print(
        f"已将申请 {args.id}（{current.number}）移入回收站；可用 application trash restore {args.id} 恢复。"
    )
    return 0


def run_trash_list(args: argparse.Namespace, context: CliContext) -> int:
    register = _register(context)
    deleted = register.applications(deleted=True)
    records = register.records(context.today, deleted)
    if args.format == "json":
        print_json(
            [
                {**record_json(r), "deleted_at": to_iso(r.application.deleted_at)}
                for r in records
                if r.application.deleted_at is not None
            ]
        )
        return 0
    if not records:
        print("（申请回收站是空的）")
        return 0
    print("  ".join((pad("ID", 5, right=True), pad("申请编号", 10), pad("删除时间", 19), "申请内容")))
    for a in sorted(deleted, key=lambda a: a.deleted_at or datetime.min, reverse=True):  # newest first
        when = a.deleted_at.strftime("%Y-%m-%d %H:%M:%S") if a.deleted_at else ""
        columns = (pad(str(a.id), 5, right=True), pad(a.number, 10), pad(when, 19), shorten(a.content))
        print("  ".join(columns))
    return 0


def run_trash_restore(args: argparse.Namespace, context: CliContext) -> int:
    register = _register(context, writer=True)
    application = register.application(args.id)
    if application.deleted_at is None:
        raise DisclosureDeskError(f"申请 {args.id}（{application.number}）不在回收站中，无需恢复。")
    register.restore(args.id)
    print(f"已恢复申请 {args.id}（{application.number}）。")
    return 0
