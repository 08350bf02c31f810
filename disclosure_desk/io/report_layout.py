"""What every sheet of the monthly/annual report shares: the running header and footer, the title block,
the row colours of statuses, and the `ReportBook` the sheet builders write into (see io/excel_report.py for
how to add a sheet).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from disclosure_desk.domain.report_stats import ReportStats
from disclosure_desk.domain.status import Status, status_word
from disclosure_desk.io.xlsx_writer import (
    STYLE_NOTE,
    STYLE_SUBTITLE,
    Book,
    Fill,
    PageSetup,
    Sheet,
    TableRange,
    row_height,
    text_lines,
)

# Rows of these statuses are coloured in every list, the same way.
STATUS_FILLS: dict[Status, Fill] = {Status.OVERDUE: Fill.OVERDUE, Status.PUBLISHED_LATE: Fill.LATE}
FILL_LEGEND = f"底色：浅橙＝{status_word(Status.PUBLISHED_LATE)}，浅红＝{status_word(Status.OVERDUE)}。"


def status_fill(status: Status) -> Fill:
    return STATUS_FILLS.get(status, Fill.PLAIN)


def day_text(day: date) -> str:
    return f"{day:%Y-%m-%d}"


class ReportBook:
    """The workbook being written, with the statistics every sheet reads.

    Sheets are written one after another; a sheet can name its table (`tables`) so that a later step can
    refer to it, and `after` queues a step to run once every sheet is written (the summary's chart reads
    the 分类统计 table, which comes after the summary).
    """

    def __init__(self, stats: ReportStats) -> None:
        self.stats = stats
        self.book = Book(title=f"{stats.title}（{stats.label}）", creator=stats.bureau)
        self.tables: dict[str, tuple[Sheet, TableRange]] = {}
        self._after: list[Callable[[], None]] = []

    def sheet(
        self, name: str, widths: Sequence[float], *, landscape: bool = False, fit_height: bool = False
    ) -> Sheet:
        stats = self.stats
        page = PageSetup(
            landscape=landscape,
            header_right=f"{stats.title}　{stats.label}　{name}",
            footer_left=stats.bureau,
            footer_right=f"统计截止 {day_text(stats.as_of)}　生成于 {stats.generated_at:%Y-%m-%d %H:%M}",
            fit_height=fit_height,
        )
        return self.book.sheet(name, widths, page)

    def after(self, step: Callable[[], None]) -> None:
        self._after.append(step)

    def finish(self) -> None:
        for step in self._after:
            step()


def title_block(sheet: Sheet, title: str, note: str) -> None:
    """A sheet's title (bold, centred) and a note under it saying what the table holds."""
    sheet.title(title)
    if note:
        sheet.text(note, STYLE_NOTE)


def subtitle(sheet: Sheet, text: str) -> int:
    row = sheet.append(
        [sheet.cell(1, text, STYLE_SUBTITLE)], row_height(text_lines(text, sheet.total_width, 12), 12)
    )
    sheet.merge(row, 1, sheet.ncols)
    return row


def period_note(stats: ReportStats) -> str:
    counted = stats.counted
    return (
        f"统计期间：{day_text(counted.start)} 至 {day_text(counted.end)}　　统计截止：{day_text(stats.as_of)}"
        f"　　生成时间：{stats.generated_at:%Y-%m-%d %H:%M}"
    )
