"""`holidays list [YEAR]` and `holidays import FILE`: the working-day calendar in the store."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from disclosure_desk.cli.context import CliContext
from disclosure_desk.cli.output import print_json
from disclosure_desk.domain.workdays import YearSchedule

WEEKDAYS = "一二三四五六日"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("holidays", help="查看或导入法定节假日与调休安排")
    actions = parser.add_subparsers(dest="action", metavar="操作", required=True)

    lst = actions.add_parser(
        "list", help="列出某年的放假与调休上班日（不写年份则列出全部年份）"
    )
    lst.add_argument("year", metavar="年份", type=int, nargs="?")
    lst.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")
    lst.set_defaults(func=run_list)

    imp = actions.add_parser(
        "import", help="从文件导入（或更正）某年的安排，并立即重算所有应公开日期"
    )
    imp.add_argument("file", metavar="文件", type=Path)
    imp.set_defaults(func=run_import)


def _day(d: date, names: dict[date, str]) -> str:
    name = names.get(d, "")
    return f"{d.isoformat()}（星期{WEEKDAYS[d.weekday()]}）{name}"


def _describe(schedule: YearSchedule) -> str:
    kind = "官方" if schedule.official else "非官方（手工录入）"
    notice = schedule.notice or "未注明"
    return f"{schedule.year}年：{kind}；通知文号：{notice}；来源：{schedule.source or '未注明'}"


def _as_json(schedule: YearSchedule) -> dict[str, Any]:
    names = dict(schedule.names)
    return {
        "year": schedule.year,
        "official": schedule.official,
        "notice": schedule.notice,
        "source": schedule.source,
        "holidays": [{"date": d.isoformat(), "name": names.get(d, "")} for d in sorted(schedule.holidays)],
        "adjusted_workdays": [
            {"date": d.isoformat(), "name": names.get(d, "")} for d in sorted(schedule.adjusted_workdays)
        ],
    }


def run_list(args: argparse.Namespace, context: CliContext) -> int:
    schedules = context.store().holiday_schedules()
    if args.year is None:
        if args.format == "json":
            print_json([_as_json(s) for s in schedules])
        else:
            for schedule in schedules:
                print(
                    f"{_describe(schedule)}；放假 {len(schedule.holidays)} 天，"
                    f"调休上班 {len(schedule.adjusted_workdays)} 天"
                )
        return 0
    found = next((s for s in schedules if s.year == args.year), None)
    if found is None:
        print(
            f"{args.year}年的法定节假日安排尚未导入：该年的应公开日期只按周末推算，可能不准确。"
            f"请用“disclosure-desk holidays import 文件”导入国务院办公厅的通知。",
        )
        return 1
    schedule = found
    if args.format == "json":
        print_json(_as_json(schedule))
        return 0
    names = dict(schedule.names)
    print(_describe(schedule))
    print(f"放假（{len(schedule.holidays)} 天）：")
    for d in sorted(schedule.holidays):
        print(f"  {_day(d, names)}")
    print(f"调休上班（{len(schedule.adjusted_workdays)} 天）：")
    for d in sorted(schedule.adjusted_workdays):
        print(f"  {_day(d, names)}")
    return 0


def run_import(args: argparse.Namespace, context: CliContext) -> int:
    from disclosure_desk.io.holidays_import import read_holiday_file
    from disclosure_desk.store.backup import backup_now

    schedules = read_holiday_file(args.file)  # validates everything before anything is written
    store = context.store(writer=True)
    known = {s.year for s in store.holiday_schedules()}
    backup_now(store, reason="before-holidays-import")
    changed = store.save_holiday_schedules(schedules)
    for schedule in schedules:
        verb = "已更正" if schedule.year in known else "已导入"
        print(f"{verb} {_describe(schedule)}")
    print(f"已重新计算应公开日期：{changed} 条记录的应公开日期发生变化。")
    return 0
