"""`history ID [--format json]`: who changed a record, when, and what it was before and after."""

from __future__ import annotations

import argparse
from typing import Any

from disclosure_desk.cli.context import CliContext, parse_number_arg
from disclosure_desk.cli.output import pad, print_json
from disclosure_desk.cli.publication_rows import history_row
from disclosure_desk.domain.audit import describe_change


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("history", help="显示一条公开信息的修改历史")
    parser.add_argument("id", metavar="编号", type=parse_number_arg, help="公开信息记录编号")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")
    parser.set_defaults(func=run_history)


def run_history(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store()
    store.publication(args.id)  # an unknown id is an error, not an empty history
    entries = store.audit_history("publication", args.id)
    if args.format == "json":
        print_json([history_row(e) for e in entries])
        return 0
    print("  ".join((pad("时间", 19), pad("操作人", 12), pad("操作", 18), "变化")))
    for entry in entries:
        row = history_row(entry)
        when = entry.at.strftime("%Y-%m-%d %H:%M:%S")
        print(
            "  ".join(
                (pad(when, 19), pad(entry.os_user, 12), pad(row["action_text"], 18), describe_change(entry))
            )
        )
    return 0
