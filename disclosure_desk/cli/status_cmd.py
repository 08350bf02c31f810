"""`status [--format json]`: the same digest as the dashboard, for scripts and scheduled tasks."""

from __future__ import annotations

import argparse
from typing import Any

from disclosure_desk.cli.context import CliContext
from disclosure_desk.cli.output import print_json
from disclosure_desk.domain.dates import to_iso
from disclosure_desk.domain.digest import DigestEntry, build_digest


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "status", help="列出逾期和即将到期的公开事项（与首页一致）", add_help=False
    )
    parser.add_argument("-h", "--help", action="help", help="显示帮助")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")
    parser.set_defaults(func=run_status)


def _entry(entry: DigestEntry) -> dict[str, Any]:
    record = entry.record
    return {
        "id": record.publication.id,
        "item": record.item.number,
        "title": record.publication.title,
        "due_on": to_iso(record.due.due_on),
        "status": str(entry.status),
        "working_days_left": entry.working_days_left,
        "days_late": entry.days_late,
        "path": list(record.item.path),
        "warnings": list(record.due.warnings),
    }


def _line(entry: DigestEntry) -> str:
    record = entry.record
    if entry.days_late:
        when = f"已逾期 {entry.days_late} 天"
    elif entry.working_days_left == 0:
        when = "今天到期"
    else:
        when = f"还剩 {entry.working_days_left} 个工作日"
    path = " / ".join(record.item.path)
    title = f"[{record.publication.id}] {record.publication.title}"
    return f"  {title}（事项{record.item.number} {path}）应公开日期 {record.due.due_on}，{when}"


def run_status(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store()
    settings = store.settings()
    digest = build_digest(
        store.publication_records(), context.today, store.calendar(), settings.due_soon_days
    )
    if args.format == "json":
        rate = digest.on_time_rate_this_year
        print_json(
            {
                "today": context.today.isoformat(),
                "overdue": [_entry(e) for e in digest.overdue],
                "due_soon": [_entry(e) for e in digest.due_soon],
                "published_this_month": digest.published_this_month,
                "on_time_rate_this_year": None if rate is None else round(rate, 4),
            }
        )
        return 0
    print(f"{settings.bureau_name} 政务公开提醒（{context.today.isoformat()}）")
    if not digest.overdue and not digest.due_soon:
        print("没有逾期或即将到期的公开事项。")
    if digest.overdue:
        print(f"逾期未公开：{len(digest.overdue)} 条")
        for entry in digest.overdue:
            print(_line(entry))
    if digest.due_soon:
        print(f"{settings.due_soon_days} 个工作日内到期：{len(digest.due_soon)} 条")
        for entry in digest.due_soon:
            print(_line(entry))
    return 0
