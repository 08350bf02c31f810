"""`report statutory YEAR -o FILE.docx | --format json` and `report figures YEAR [项=值 …]`.

The 政府信息公开工作年度报告 (docs/statutory-annual-report.md). Writing the .docx is refused while a
cross-check fails — every failed check is listed — unless --force; the JSON output is a contract.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from disclosure_desk.cli.context import CliContext
from disclosure_desk.cli.output import print_json, warn
from disclosure_desk.domain.errors import DisclosureDeskError, ValidationError
from disclosure_desk.domain.report_period import ReportPeriod
from disclosure_desk.domain.similarity import compare_reports, split_sections
from disclosure_desk.domain.statutory_figures import (
    FIELDS_BY_KEY,
    FIGURE_FIELDS,
    format_figure,
    parse_figures,
)
from disclosure_desk.domain.statutory_report import (
    StatutoryReport,
    build_report,
    figure_problems,
    report_json,
)

EXIT_CHECKS_FAILED = 1


def register_kinds(kinds: Any, year_type: Any) -> None:
    """Add `statutory` and `figures` to the `report` command's kinds."""
    statutory = kinds.add_parser(
        "statutory",
        help="政府信息公开工作年度报告：report statutory 2026 -o 年度报告.docx 或 --format json",
    )
    statutory.add_argument("period", metavar="YYYY", type=year_type, help="报告年度，例如 2026")
    statutory.add_argument(
        "-o", "--output", metavar="文件.docx", type=Path, help="保存为 Word 文件（已存在则覆盖）"
    )
    statutory.add_argument(
        "--format", choices=("json",), help="json：在标准输出打印各表数据和校验结果（不写文件）"
    )
    statutory.add_argument("--force", action="store_true", help="校验未通过时仍然导出（不建议）")
    statutory.add_argument(
        "--last-year",
        metavar="文件.docx",
        type=Path,
        help="上年度报告的 Word 文件，用于检查内容雷同（默认用本程序导出的上年报告）",
    )
    statutory.set_defaults(func=run_statutory)

    keys = "；".join(f"{f.key}＝{f.cell}（{f.unit}）" for f in FIGURE_FIELDS)
    figures = kinds.add_parser(
        "figures",
        help="年度报告中需手工填写的数字：report figures 2026 licensing=12 penalty=3",
        description=f"不带“项=值”时列出已填写的数字。可填写的项：{keys}",
    )
    figures.add_argument("period", metavar="YYYY", type=year_type, help="报告年度，例如 2026")
    figures.add_argument("values", metavar="项=值", nargs="*", help="例如 licensing=12 fees_10k_yuan=1.5")
    figures.set_defaults(func=run_figures)


def _year(args: argparse.Namespace) -> int:
    period: ReportPeriod = args.period
    return period.start.year


def _generated_at(context: CliContext) -> datetime:
    # --today fixes "now" for a reproducible report; the clock time only labels it.
    return datetime.combine(context.today, datetime.now().time().replace(microsecond=0))


def _build(context: CliContext, year: int, *, writer: bool) -> StatutoryReport:
    from disclosure_desk.store.statutory import report_sources

    return build_report(report_sources(context.store(writer=writer), year, _generated_at(context)))


def run_statutory(args: argparse.Namespace, context: CliContext) -> int:
    year = _year(args)
    if args.output is None and args.format is None:
        raise DisclosureDeskError("请用 -o 指定要保存的 .docx 文件，或用 --format json 输出各表数据。")
    report = _build(context, year, writer=args.output is not None)
    if args.format == "json":
        print_json(report_json(report))
    if args.output is None:
        return 0
    return _export(args, context, report)


def _export(args: argparse.Namespace, context: CliContext, report: StatutoryReport) -> int:
    from disclosure_desk.io.statutory_docx import write_statutory_docx
    from disclosure_desk.store.statutory import record_export

    failed = report.failed_checks
    if failed and not args.force:
        lines = "\n".join(f"  ✗ {c.message}" for c in failed)
        print(
            f"{report.year}年度报告有 {len(failed)} 项校验未通过，未写入文件：\n{lines}\n"
            "请核对数据后重试；如确需导出，请加 --force。",
            file=sys.stderr,
        )
        return EXIT_CHECKS_FAILED
    for message in _similarity_warnings(args, context, report):
        warn(f"提示：{message}")
    placeholders = report.prose.placeholders()
    if placeholders:
        warn(f"提示：正文中还有 {len(placeholders)} 处“【请补充：…】”需要填写，例如{placeholders[0]}。")
    written = write_statutory_docx(args.output, report)
    record_export(context.store(writer=True), report)
    if failed:
        warn(f"警告：已按 --force 导出，{len(failed)} 项校验未通过。")
    print(f"已导出{report.title}：{written}")
    return 0


def _similarity_warnings(args: argparse.Namespace, context: CliContext, report: StatutoryReport) -> list[str]:
    from disclosure_desk.store.statutory import saved_year

    if args.last_year is not None:
        from disclosure_desk.io.statutory_docx_read import read_report_text

        last = split_sections(read_report_text(args.last_year))
    else:
        saved = saved_year(context.store(), report.year - 1)
        if saved.exported_at is None or saved.prose is None:
            return []
        last = saved.prose.sections()
    return [r.message for r in compare_reports(report.prose.sections(), last) if r.too_similar]


def run_figures(args: argparse.Namespace, context: CliContext) -> int:
    from disclosure_desk.store.statutory import report_sources, save_figures, saved_year

    year = _year(args)
    if not args.values:
        saved = saved_year(context.store(), year)
        if not saved.figures_saved:
            print(f"（{year}年度尚未填写，以下均为 0）")
        for field in FIGURE_FIELDS:
            value = format_figure(getattr(saved.figures, field.key))
            print(f"{field.key:<24} {value:>10} {field.unit}  {field.cell}")
        return 0
    texts: dict[str, str] = {}
    for pair in args.values:
        key, sep, value = pair.partition("=")
        if not sep:
            raise ValidationError(f"“{pair}”应写成“项=值”，例如 licensing=12。")
        texts[key.strip()] = value
    store = context.store(writer=True)
    figures, problems = parse_figures(texts, saved_year(store, year).figures)
    if figures is not None:
        problems = figure_problems(report_sources(store, year, _generated_at(context)), figures)
    if figures is None or problems:
        raise ValidationError("".join(str(p) for p in problems) + "未保存任何数字。", problems[0].field)
    save_figures(store, year, figures)
    changed = "，".join(f"{FIELDS_BY_KEY[k].cell} {format_figure(getattr(figures, k))}" for k in texts)
    print(f"已保存{year}年度报告数字：{changed}")
    return 0
