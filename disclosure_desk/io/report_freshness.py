"""栏目更新: the catalogue's columns that went too long without an update on the statistics day — stale,
never published (blank), or about to go stale — most urgent first, the same list as the start page's
栏目更新 tab (domain/freshness.py). District assessments mark a website down for exactly these. Landscape."""

from __future__ import annotations

from disclosure_desk.domain.freshness import Freshness, ItemFreshness
from disclosure_desk.io.report_layout import ReportBook, day_text, title_block
from disclosure_desk.io.xlsx_writer import LANDSCAPE_UNITS, Column, Fill, Kind, fit_widths

SHEET_FRESHNESS = "栏目更新"

_FILLS = {
    Freshness.STALE: Fill.OVERDUE,
    Freshness.BLANK: Fill.OVERDUE,
    Freshness.DUE_SOON: Fill.LATE,
    Freshness.FRESH: Fill.PLAIN,
}


def build_freshness(report: ReportBook) -> None:
    stats = report.stats
    rows = stats.freshness
    columns: list[Column[ItemFreshness]] = [
        Column("目录\n序号", Kind.INT, lambda f: f.item.number, 5, 5),
        Column("一级目录", Kind.TEXT, lambda f: f.item.category, 8, 10),
        Column("二级目录", Kind.TEXT, lambda f: f.item.subcategory, 8, 12),
        Column("公开内容（要素）", Kind.TEXT, lambda f: f.item.content, 16, 34),
        Column("最近一次\n公开日期", Kind.DATE, lambda f: f.last_published, 10, 10),
        Column("最长更新间隔", Kind.TEXT, lambda f: f"{f.limit.text()}（{f.limit.reason}）", 10, 16),
        Column("更新情况", Kind.TEXT, lambda f: f.state_text(), 10, 24),
    ]
    sheet = report.sheet(SHEET_FRESHNESS, fit_widths(columns, rows, LANDSCAPE_UNITS), landscape=True)
    sheet.freeze_below(3)
    stale = sum(1 for f in rows if f.status is Freshness.STALE)
    blank = sum(1 for f in rows if f.status is Freshness.BLANK)
    soon = sum(1 for f in rows if f.status is Freshness.DUE_SOON)
    title_block(
        sheet,
        f"{stats.bureau}栏目更新情况（{stats.label}）",
        f"截至 {day_text(stats.as_of)}：超期未更新 {stale} 个，空白栏目（从未公开）{blank} 个，"
        f"即将超期 {soon} 个。栏目默认6个月内须有更新，标为动态的栏目2周，"
        "公开时限规定了最低频次（如“至少1次/半年”）的按其频次；只依申请公开的事项不列入。",
    )
    sheet.table(
        columns,
        rows,
        fill_of=lambda f: _FILLS[f.status],
        empty_text="各栏目均在最长更新间隔内，没有空白栏目。",
        filter_and_freeze=True,
    )
