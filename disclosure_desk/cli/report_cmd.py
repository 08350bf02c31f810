"""`report monthly YYYY-MM -o FILE.xlsx` and `report annual YYYY -o FILE.xlsx`."""

from __future__ import annotations

import argparse
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from disclosure_desk.cli import statutory_cmd
from disclosure_desk.cli.context import CliContext
from disclosure_desk.domain.report_period import ReportPeriod
from disclosure_desk.domain.report_stats import compute_report
from disclosure_desk.domain.status import NO_DUE_DATE_WORD, Status, status_word

_MONTH = re.compile(r"^\s*(\d{4})[-/.年](\d{1,2})月?\s*$")
_YEAR = re.compile(r"^\s*(\d{4})年?\s*$")


def parse_month_arg(text: str) -> ReportPeriod:
    """argparse type for YYYY-MM (also 2026/10, 2026年10月)."""
    match = _MONTH.match(text)
    if not match:
        raise argparse.ArgumentTypeError(f"“{text}”不是有效月份，请使用 YYYY-MM 格式，例如 2026-10。")
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        raise argparse.ArgumentTypeError(f"月份“{text}”不存在：月份应在 1 到 12 之间。")
    if not 2000 <= year <= 2100:
        raise argparse.ArgumentTypeError(f"年份“{year}”超出范围（2000–2100）。")
    return ReportPeriod.month(year, month)


def parse_year_arg(text: str) -> ReportPeriod:
    match = _YEAR.match(text)
    if not match:
        raise argparse.ArgumentTypeError(f"“{text}”不是有效年份，请使用 YYYY 格式，例如 2026。")
    year = int(match.group(1))
    if not 2000 <= year <= 2100:
        raise argparse.ArgumentTypeError(f"年份“{year}”超出范围（2000–2100）。")
    return ReportPeriod.year(year)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report", help="导出月度、年度 Excel 工作报表和政府信息公开工作年度报告"
    )
    kinds = parser.add_subparsers(dest="kind", metavar="报表类型", required=True)

    monthly = kinds.add_parser("monthly", help="月报：report monthly 2026-10 -o 月报.xlsx")
    monthly.add_argument("period", metavar="YYYY-MM", type=parse_month_arg, help="月份，例如 2026-10")
    _output_arg(monthly)
    monthly.set_defaults(func=run_report)

    annual = kinds.add_parser("annual", help="年报：report annual 2026 -o 年报.xlsx")
    annual.add_argument("period", metavar="YYYY", type=parse_year_arg, help="年份，例如 2026")
    _output_arg(annual)
    annual.set_defaults(func=run_report)

    statutory_cmd.register_kinds(kinds, parse_year_arg)


def _output_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        metavar="文件.xlsx",
        type=Path,
        required=True,
        help="保存到的 Excel 文件（已存在则覆盖）",
    )


def run_report(args: argparse.Namespace, context: CliContext) -> int:
    # Imported here so `--help` and the other commands do not pay for loading openpyxl.
    from disclosure_desk.io.excel_report import write_report
    from disclosure_desk.store.queries import report_input

    store = context.store()
    period: ReportPeriod = args.period
    # --today fixes the day the report is made (what it counts); the file is stamped with the real clock.
    generated_at = datetime.now().replace(microsecond=0)
    stats = compute_report(report_input(store, period, context.today, generated_at))
    written = write_report(args.output, stats)
    t = stats.totals
    print(
        f"已导出{stats.label}报表：{written}\n"
        f"本期公开 {t.published} 条（{status_word(Status.PUBLISHED_ON_TIME)} {t.on_time}、"
        f"{status_word(Status.PUBLISHED_LATE)} {t.late}、{NO_DUE_DATE_WORD} {t.no_due_date}），"
        f"{status_word(Status.OVERDUE)} {t.overdue_open} 条，明细 {len(stats.details)} 条。"
    )
    return 0
