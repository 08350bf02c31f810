"""`publication add | list | show | edit | publish | delete`: the officer's daily jobs on the register.

Contracts (scripts rely on them): `add` prints the new id; `list --format json` prints a list of rows
(cli/publication_rows.py); `show ID --format json` prints one row with every field and its history.
Every refused command changes nothing and says why in Chinese (exit 1; exit 2 for bad arguments).
"""

from __future__ import annotations

import argparse
from typing import Any

from disclosure_desk.cli.context import CliContext, parse_date_arg, parse_number_arg
from disclosure_desk.cli.output import print_json, warn
from disclosure_desk.cli.publication_change_cmd import register_changes, save_checked
from disclosure_desk.cli.publication_options import add_field_options, field_values
from disclosure_desk.cli.publication_rows import (
    LIST_HEADER,
    full_row,
    history_row,
    list_line,
    publication_row,
    text_row,
)
from disclosure_desk.domain.audit import describe_change
from disclosure_desk.domain.dates import to_iso
from disclosure_desk.domain.errors import DisclosureDeskError, ValidationError
from disclosure_desk.domain.publication import Publication
from disclosure_desk.domain.selection import (
    DATE_FIELD_WORDS,
    DateField,
    in_date_range,
    parse_status_filter,
    record_date,
)
from disclosure_desk.domain.status import GROUP_WORDS, STATUS_WORDS, URGENCY_ORDER, Status, evaluate_records


def _status_arg(text: str) -> frozenset[Status]:
    try:
        return parse_status_filter(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("publication", help="登记、查看、修改公开信息")
    actions = parser.add_subparsers(dest="action", metavar="操作", required=True)

    add = actions.add_parser("add", help="登记一条公开信息，输出新记录编号")
    add.add_argument("--item", metavar="序号", type=parse_number_arg, required=True, help="目录事项的序号")
    add_field_options(add)
    add.add_argument(
        "--allow-duplicate", action="store_true", help="同一事项、标题和日期的记录已存在时仍然登记"
    )
    add.add_argument(
        "--request-id",
        metavar="文本",
        help="本次登记的请求编号（由脚本给出）：同一编号重复执行时不再重复登记，只输出已有记录的编号",
    )
    add.set_defaults(func=run_add)

    lst = actions.add_parser("list", help="列出公开信息（可按状态、事项、日期筛选）")
    lst.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")
    lst.add_argument(
        "--status",
        metavar="状态",
        type=_status_arg,
        action="append",
        help=f"只列出该状态（可重复）：{'、'.join(STATUS_WORDS[s] for s in URGENCY_ORDER)}，"
        f"或 {'/'.join(GROUP_WORDS.values())}；也可用 JSON 中的代码，如 {Status.OVERDUE.value}",
    )
    lst.add_argument("--item", metavar="序号", type=parse_number_arg, help="只列出该目录事项的记录")
    lst.add_argument("--from", dest="date_from", metavar="日期", type=parse_date_arg, help="日期不早于")
    lst.add_argument("--to", dest="date_to", metavar="日期", type=parse_date_arg, help="日期不晚于")
    lst.add_argument(
        "--by",
        choices=[f.value for f in DateField],
        default=DateField.DUE.value,
        help="--from/--to 所指的日期：due 应公开日期（默认）、formed 形成日期、published 公开日期",
    )
    lst.set_defaults(func=run_list)

    show = actions.add_parser("show", help="显示一条记录的全部内容、时限说明和修改历史")
    show.add_argument("id", metavar="编号", type=parse_number_arg)
    show.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")
    show.set_defaults(func=run_show)

    register_changes(actions)


def run_add(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store(writer=True)
    request_id = args.request_id.strip() if args.request_id is not None else None
    if request_id == "":
        raise ValidationError("请求编号不能为空。", "request_id")
    if request_id is not None:
        known = store.publication_for_request(request_id)
        if known is not None:
            warn(f"请求编号“{request_id}”已登记过（记录 {known.id}：{known.title}），未重复登记。")
            print(known.id)
            return 0
    item = store.active_catalogue().item_by_number(args.item)
    if item is None or item.id is None:
        raise DisclosureDeskError(f"当前目录中没有序号为 {args.item} 的事项。")
    publication = Publication(item_id=item.id, **field_values(args))
    saved = save_checked(
        store, publication, context.today, allow_duplicate=args.allow_duplicate, request_id=request_id
    )
    print(saved.id)
    return 0


def run_list(args: argparse.Namespace, context: CliContext) -> int:
    if args.date_from and args.date_to and args.date_from > args.date_to:
        # an empty list would read as "nothing due"; the dates are swapped or mistyped
        raise DisclosureDeskError(
            f"开始日期 {args.date_from.isoformat()}（--from）晚于"
            f"结束日期 {args.date_to.isoformat()}（--to），请检查日期。"
        )
    store = context.store()
    records = store.publication_records()
    if args.item is not None:
        item = store.active_catalogue().item_by_number(args.item)
        if item is None:
            raise DisclosureDeskError(f"当前目录中没有序号为 {args.item} 的事项。")
        records = [r for r in records if r.publication.item_id == item.id]
    evaluation = evaluate_records(records, context.today, store.calendar(), store.settings().due_soon_days)
    wanted = frozenset().union(*args.status) if args.status else None
    field = DateField(args.by)
    entries = [
        e
        for e in evaluation.entries
        if (wanted is None or e.status in wanted)
        and in_date_range(record_date(e.record, field), args.date_from, args.date_to)
    ]
    if args.format == "json":
        print_json([publication_row(e) for e in entries])
        return 0
    if not entries:
        print("（没有符合条件的公开信息）" if evaluation.entries else "（暂无公开信息）")
        return 0
    print(text_row(*LIST_HEADER))
    for entry in entries:
        print(list_line(entry))
    if args.date_from or args.date_to:
        span = f"{to_iso(args.date_from) or '…'} 至 {to_iso(args.date_to) or '…'}"
        print(f"（按{DATE_FIELD_WORDS[field]}筛选：{span}；共 {len(entries)} 条）")
    return 0


def run_show(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store()
    publication = store.publication(args.id)
    record = store.publication_records([publication])[0]
    entry = evaluate_records([record], context.today, store.calendar(), store.settings().due_soon_days)
    row = full_row(entry.entries[0])
    history = store.audit_history("publication", args.id)
    if args.format == "json":
        print_json({**row, "history": [history_row(h) for h in history]})
        return 0
    for label, value in _text_fields(row):
        print(f"{label}：{value}")
    print("修改历史：")
    for h in history:
        change = describe_change(h)
        print(f"  {h.at:%Y-%m-%d %H:%M:%S}  {h.os_user}  {history_row(h)['action_text']}  {change}".rstrip())
    return 0


def _text_fields(row: dict[str, Any]) -> list[tuple[str, str]]:
    def text(value: object) -> str:
        if value is None or value == "" or value == []:
            return "—"
        if isinstance(value, list):
            return "、".join(str(v) for v in value)
        if isinstance(value, bool):
            return "是" if value else "否"
        return str(value)

    trash = "（已在回收站，可用 trash restore 恢复）" if row["deleted_at"] else ""
    return [
        ("编号", f"{row['id']}{trash}"),
        ("目录事项", f"{row['item_label']} {' › '.join(row['item_path'])}：{row['item_content']}"),
        ("标题", row["title"]),
        ("状态", row["status_text"]),
        ("形成日期", text(row["formed_on"])),
        ("变更日期", text(row["changed_on"])),
        ("批复日期", text(row["approved_on"])),
        ("应公开日期", text(row["due_on"])),
        ("时限说明", text(row["due_explanation"])),
        ("公开日期", text(row["published_on"])),
        ("公开渠道", text(row["channels"])),
        ("文号", text(row["document_number"])),
        ("索引号", text(row["index_number"])),
        ("链接", text(row["url"])),
        ("承办科室", text(row["department"])),
        ("责任人", text(row["responsible"])),
        ("保密审查", f"{text(row['review_done'])} {row['reviewed_by']} {row['reviewed_on'] or ''}".strip()),
        ("逾期原因", text(row["late_reason"])),
        ("备注", text(row["notes"])),
        *(("警告", w) for w in row["warnings"]),
    ]
