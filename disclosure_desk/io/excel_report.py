"""The monthly and annual Excel report supervisors open in Excel or WPS, print on A4 and forward.

Sheets, in order (`SHEETS`): 汇总 (headline, key figures against last month, 情况说明, chart,
sign-off; one portrait page), 未公开 (the open work by name), 分类统计, 公开渠道, 月度统计 (annual
report only), 明细, 目录覆盖, 栏目更新 (columns stale, blank or soon stale), 依申请公开 (counts of
information requests only), 明细附注 (what does not fit 明细 on paper). Each sheet is built by a
function in its own module, from `ReportStats` (domain/report_stats.py), through the shared writer core
(io/xlsx_writer.py): safe text cells, the house fonts, A4 page setup with the sheet's table header as
print titles, atomic saving.

How to add a sheet (as 依申请公开 and 栏目更新 were added):
1. Put what the sheet shows into the statistics: a field on `ReportStats` filled by `compute_report` (or a
   statistics object of your own that `write_report`'s caller passes in; keep counting out of io).
2. Write `build_xxx(report: ReportBook) -> None` in a module io/report_xxx.py. Open the sheet with
   `sheet = report.sheet(NAME, widths, landscape=...)`, call `title_block(sheet, title, note)`, then write
   exactly one table with `sheet.table(columns, rows, ...)` — its header row becomes the print titles, so
   every printed page of it starts with its headings; a sheet never holds a second table. `Column` says
   each column's heading, kind (only Kind.RATE carries a percent format), getter and width bounds;
   `columns_with_data` drops optional columns no row fills; `fit_widths` sizes the rest.
3. Add `ReportSheet(NAME, build_xxx)` to `SHEETS` where it should appear (with `include=` when it is only
   in some reports). tests/io/test_report_paper.py then checks its print titles and percent formats.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from disclosure_desk.domain.report_stats import ReportStats
from disclosure_desk.io import (
    report_applications,
    report_breakdown,
    report_coverage,
    report_freshness,
    report_lists,
    report_summary,
)
from disclosure_desk.io.errors import ReportError
from disclosure_desk.io.report_layout import ReportBook
from disclosure_desk.io.xlsx_writer import Book


def _always(_stats: ReportStats) -> bool:
    return True


@dataclass(frozen=True)
class ReportSheet:
    name: str
    build: Callable[[ReportBook], None]
    include: Callable[[ReportStats], bool] = _always


SHEETS: tuple[ReportSheet, ...] = (
    ReportSheet(report_summary.SHEET_SUMMARY, report_summary.build),
    ReportSheet(report_lists.SHEET_OPEN, report_lists.build_open),
    ReportSheet(report_breakdown.SHEET_BREAKDOWN, report_breakdown.build_breakdown),
    ReportSheet(report_breakdown.SHEET_CHANNELS, report_breakdown.build_channels),
    ReportSheet(report_coverage.SHEET_MONTHLY, report_coverage.build_monthly, lambda s: s.period.is_annual),
    ReportSheet(report_lists.SHEET_DETAILS, report_lists.build_details),
    ReportSheet(report_coverage.SHEET_COVERAGE, report_coverage.build_coverage),
    ReportSheet(report_freshness.SHEET_FRESHNESS, report_freshness.build_freshness),
    ReportSheet(report_applications.SHEET_APPLICATIONS, report_applications.build_applications),
    # Last: an appendix to 明细 that a supervisor reads on screen more than on paper.
    ReportSheet(report_lists.SHEET_NOTES, report_lists.build_notes),
)


def build_report(stats: ReportStats) -> Book:
    report = ReportBook(stats)
    for sheet in SHEETS:
        if sheet.include(stats):
            sheet.build(report)
    report.finish()
    return report.book


def write_report(path: Path, stats: ReportStats) -> Path:
    """Write the report to `path` (".xlsx" added if missing) atomically: a crash or a locked file never
    leaves half a report, and an existing file is replaced only by a complete new one. Raises ReportError
    with a Chinese message."""
    return build_report(stats).save(Path(path), what="报表", error=ReportError)
