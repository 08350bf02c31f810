"""`due --rule TEXT DATE...`: the due date a 公开时限 text gives from each start date.

Contract (scripts rely on it): one stdout line per DATE, in order — the ISO due date, or a line starting
with "-" that says why there is none (statutory, ongoing 长期公开, a period the rule leaves out). Warnings
(a year without a holiday schedule; a text with several clauses) and, with --explain, the explanation go
to stderr. A text that is not understood (or only a display period, or "同上"), a bad DATE or a --clause
the text does not have: Chinese message, exit 2, nothing on stdout.

Several clauses: the first clause's date is printed (as before issue 19) and a warning names every clause
with its date; `--clause N` prints clause N's date instead. Periodic rules: DATE is a day of the reported
period, the line is that period's due date ("次月上旬" 2026-03-10 → 2026-04-10).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from disclosure_desk.cli.context import CliContext
from disclosure_desk.domain.dates import parse_iso_date
from disclosure_desk.domain.deadlines import (
    DEFAULT_TIMELY_DAYS,
    AnchorDates,
    DeadlineRule,
    DueDate,
    RuleKind,
    compute_due,
)
from disclosure_desk.domain.time_limits import TimeLimit, read_time_limit
from disclosure_desk.domain.workdays import WorkdayCalendar

EXIT_OK = 0
EXIT_USAGE = 2
STATUTORY_LINE = "- 按法定时间公开：应公开日期需手工填写"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "due",
        help="按公开时限计算应公开日期",
        description="按公开时限文字计算应公开日期：每个起算日期输出一行（YYYY-MM-DD，或以“-”开头的说明）。",
    )
    parser.add_argument(
        "--rule",
        metavar="公开时限",
        required=True,
        help="公开时限文字，例如“自该信息形成或者变更之日起20个工作日内”",
    )
    parser.add_argument(
        "--clause",
        metavar="N",
        type=int,
        help="公开时限有多个条款时，按第 N 个条款计算（默认第 1 个，并在标准错误输出中列出各条款）",
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
    limit = read_time_limit(args.rule)
    rule = _chosen_rule(limit, args.rule, args.clause)
    if rule is None:
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
    timely_days = store.settings().timely_days if _uses_timely(limit) else DEFAULT_TIMELY_DAYS
    calendar = store.calendar()
    for start in starts:
        due = compute_due(rule, _dates(start), calendar, timely_days=timely_days)
        print(_line(rule.kind, due))
        if args.explain and due.explanation:
            print(f"{start.isoformat()}：{due.explanation}", file=sys.stderr)
        for warning in due.warnings:
            print(f"警告（{start.isoformat()}）：{warning}", file=sys.stderr)
        if limit.several and args.clause is None:
            note = _clauses_warning(limit, start, calendar, timely_days)
            print(f"警告（{start.isoformat()}）：{note}", file=sys.stderr)
    return EXIT_OK


def _chosen_rule(limit: TimeLimit, text: str, clause: int | None) -> DeadlineRule | None:
    """The rule to compute with, or None after a Chinese message on stderr."""
    if limit.same_as_above:
        print(f"错误：“{text.strip()}”指向目录中上一行的公开时限，请直接给出那一行的文字。", file=sys.stderr)
        return None
    if clause is not None and not 1 <= clause <= len(limit.clauses):
        count = len(limit.clauses)
        print(f"错误：该公开时限只有 {count} 个条款，没有条款{clause}。", file=sys.stderr)
        return None
    rule = limit.clause_rule(clause or 1)
    if rule.kind is RuleKind.DISPLAY_ONLY:
        reason = compute_due(rule, AnchorDates(), _NO_CALENDAR, timely_days=0).explanation
        print(f"错误：{reason}", file=sys.stderr)
        return None
    if rule.kind is RuleKind.UNKNOWN:
        print(
            f"错误：无法识别公开时限“{rule.source_text or text}”，"
            "请换一种写法，例如“收到申请之日起20个工作日内”。",
            file=sys.stderr,
        )
        return None
    return rule


_NO_CALENDAR = WorkdayCalendar([])


def _dates(start: date) -> AnchorDates:
    return AnchorDates(formed_on=start, approved_on=start, related_on=start, received_on=start)


def _uses_timely(limit: TimeLimit) -> bool:
    return any(c.rule.kind is RuleKind.TIMELY for c in limit.clauses)


def _clauses_warning(limit: TimeLimit, start: date, calendar: WorkdayCalendar, timely_days: int) -> str:
    parts = []
    for number, clause in enumerate(limit.clauses, start=1):
        due = compute_due(clause.rule, _dates(start), calendar, timely_days=timely_days)
        parts.append(f"{limit.clause_title(number)} → {_short(clause.rule.kind, due)}")
    return (
        f"该公开时限有 {len(limit.clauses)} 个条款，上面按条款1计算；"
        + "；".join(parts)
        + "。用 --clause N 按其他条款计算。"
    )


def _short(kind: RuleKind, due: DueDate) -> str:
    if due.due_on is not None:
        return due.due_on.isoformat()
    if kind is RuleKind.ONGOING:
        return "不设单条应公开日期"
    if kind is RuleKind.STATUTORY:
        return "需手工填写应公开日期"
    return "无法计算"


def _line(kind: RuleKind, due: DueDate) -> str:
    if due.due_on is not None:
        return due.due_on.isoformat()
    if kind is RuleKind.STATUTORY:
        return STATUTORY_LINE
    return f"- {due.explanation}"
