"""目录覆盖 (catalogue items with nothing published this year; landscape) and, in the annual report,
月度统计 (each month as its own monthly report gives it; portrait)."""

from __future__ import annotations

from datetime import date

from disclosure_desk.domain.report_rows import CoverageRow
from disclosure_desk.domain.report_stats import MonthRow
from disclosure_desk.domain.status import NO_DUE_DATE_WORD, ON_TIME_RATE_WORD, Status, status_word
from disclosure_desk.io.report_layout import ReportBook, day_text, title_block
from disclosure_desk.io.xlsx_writer import LANDSCAPE_UNITS, Column, Fill, Kind, fit_widths

SHEET_COVERAGE = "目录覆盖"
SHEET_MONTHLY = "月度统计"
TOTAL_YEAR = "全年"


def build_coverage(report: ReportBook) -> None:
    stats = report.stats
    rows = stats.coverage
    columns: list[Column[CoverageRow]] = [
        Column("目录\n序号", Kind.INT, lambda r: r.number, 5, 5),
        Column("过程", Kind.TEXT, lambda r: r.process, 6, 7),
        Column("一级目录", Kind.TEXT, lambda r: r.category, 8, 10),
        Column("二级目录", Kind.TEXT, lambda r: r.subcategory, 8, 12),
        Column("公开内容（要素）", Kind.TEXT, lambda r: r.content, 16, 38),
        Column("公开时限", Kind.TEXT, lambda r: r.time_limit, 10, 18),
        Column("最近一次\n公开日期", Kind.DATE, lambda r: r.last_published_on, 10, 10),
        Column(
            "说明", Kind.TEXT, lambda r: "从未公开" if r.last_published_on is None else "本年度未公开", 8, 8
        ),
    ]
    sheet = report.sheet(SHEET_COVERAGE, fit_widths(columns, rows, LANDSCAPE_UNITS), landscape=True)
    sheet.freeze_below(3)
    year_start = date(stats.period.end.year, 1, 1)
    title_block(
        sheet,
        f"{stats.bureau}本年度尚无公开记录的目录事项（{stats.label}）",
        f"自 {day_text(year_start)} 至 {day_text(stats.as_of)} 没有任何公开记录的目录事项共 {len(rows)} 项。"
        "部分事项只在特定时间或依申请公开，请结合公开时限判断。",
    )
    sheet.table(columns, rows, empty_text="本年度各目录事项均已有公开记录。", filter_and_freeze=True)


def _rate(row: MonthRow) -> float | str:
    rate = row.counts.on_time_rate
    return "—" if rate is None else rate


def build_monthly(report: ReportBook) -> None:
    stats = report.stats
    word = status_word
    columns: list[Column[MonthRow]] = [
        Column("月份", Kind.CENTER, lambda m: f"{m.month}月" if m.month else TOTAL_YEAR),
        Column("主动公开", Kind.INT, lambda m: m.counts.published),
        Column(word(Status.PUBLISHED_ON_TIME), Kind.INT, lambda m: m.counts.on_time),
        Column(word(Status.PUBLISHED_LATE), Kind.INT, lambda m: m.counts.late),
        Column(NO_DUE_DATE_WORD, Kind.INT, lambda m: m.counts.no_due_date),
        Column(ON_TIME_RATE_WORD, Kind.RATE, _rate),
        Column("公开前\n未审查", Kind.INT, lambda m: m.counts.unreviewed),
        Column("当月到期", Kind.INT, lambda m: m.counts.due),
        Column(
            f"月末{word(Status.OVERDUE)}",
            Kind.INT,
            lambda m: m.counts.overdue_open if m.ended else "—",
        ),
    ]
    sheet = report.sheet(SHEET_MONTHLY, (6.0, *([8.2] * 8)))
    title_block(
        sheet,
        f"{stats.bureau}政务公开月度统计（{stats.label}）",
        f"各月数字与该月月报一致；“月末{word(Status.OVERDUE)}”为各月最后一天已过应公开日期仍未公开的条数，"
        "尚未结束的月份显示“—”。",
    )
    year = MonthRow(0, stats.totals, ended=not stats.partial)
    sheet.table(columns, [*stats.monthly, year], fill_of=lambda m: Fill.PLAIN if m.month else Fill.TOTAL)
