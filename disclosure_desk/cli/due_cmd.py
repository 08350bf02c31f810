"""`due --rule TEXT DATE...`: the due date a 公开时限 text gives from each start date.

Contract (scripts rely on it): one stdout line per DATE, in order — the ISO due date, or a line starting
with "-" that says why there is none. Warnings (a year without a holiday schedule) and, with --explain,
the explanation go to stderr. A text that is not understood, or a bad DATE: Chinese message, exit 2,
nothing on stdout.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from disclosure_desk.cli.context import CliContext
from disclosure_desk.domain.dates import parse_iso_date
from disclosure_desk.domain.deadlines import (
    DEFAULT_TIMELY_DAYS,
    AnchorDates,
    DueDate,
    RuleKind,
    compute_due,
    parse_time_limit,
)

EXIT_OK = 0
EXIT_USAGE = 2
STATUTORY_LINE = "- 按法定时间公开：应公开日期需手工填写"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "due",
        help="按公开时限计算应公开日期",
        description="按公开时限文字计算应公开日期：每个起算日期输出一行（YYYY-MM-DD，或以“-”开头的说明）。",
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="显示帮助")
    parser.add_argument(
        "--rule",
        metavar="公开时限",
        required=True,
        help="公开时限文字，例如“自该信息形成或者变更之日起20个工作日内”",
    )
    parser.add_argument("--explain", action="store_true", help="在标准错误输出中说明每个日期的计算过程")
    parser.add_argument(
        "dates",
        metavar="日期",
        nargs="+",
        help="起算日期 YYYY-MM-DD（同时作为形成、批复、关联文件公开、收到申请日期）",
    )
    parser.set_defaults(func=run_due)


def run_due(args: argparse.Namespace, context: CliContext) -> int:
    rule = parse_time_limit(args.rule)
    if rule.kind is RuleKind.UNKNOWN:
        print(
            f"错误：无法识别公开时限“{args.rule}”，请换一种写法，例如“收到申请之日起20个工作日内”。",
            file=sys.stderr,
        )
        return EXIT_USAGE
    starts = []
    for text in args.dates:
        try:
            starts.append(parse_iso_date(text))
        except ValueError as error:
            print(f"错误：{error}", file=sys.stderr)
            return EXIT_USAGE
    # the store's calendar includes the officer's own corrections and added years
    store = context.store()
    timely_days = store.settings().timely_days if rule.kind is RuleKind.TIMELY else DEFAULT_TIMELY_DAYS
    calendar = store.calendar()
    for start in starts:
        dates = AnchorDates(formed_on=start, approved_on=start, related_on=start, received_on=start)
        due = compute_due(rule, dates, calendar, timely_days=timely_days)
        print(_line(rule.kind, due))
        if args.explain and due.explanation:
            print(f"{start.isoformat()}：{due.explanation}", file=sys.stderr)
        for warning in due.warnings:
            print(f"警告（{start.isoformat()}）：{warning}", file=sys.stderr)
    return EXIT_OK


def _line(kind: RuleKind, due: DueDate) -> str:
    if due.due_on is not None:
        return due.due_on.isoformat()
    if kind is RuleKind.STATUTORY:
        return STATUTORY_LINE
    return f"- {due.explanation}"

