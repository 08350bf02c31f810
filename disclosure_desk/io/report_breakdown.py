"""分类统计 (the figures by 一级目录, then by 过程, then in total: one table, so its header repeats on every
printed page) and 公开渠道 (channels used against the catalogue's). Portrait A4."""

from __future__ import annotations

from dataclasses import dataclass

from disclosure_desk.domain.report_rows import ChannelRow
from disclosure_desk.domain.report_stats import Counts, GroupRow, ReportStats
from disclosure_desk.domain.status import NO_DUE_DATE_WORD, ON_TIME_RATE_WORD, Status, status_word
from disclosure_desk.io.report_layout import ReportBook, title_block
from disclosure_desk.io.report_summary import PROCESS_TABLE
from disclosure_desk.io.xlsx_writer import STYLE_NOTE, Column, Fill, Kind, TableRange

SHEET_BREAKDOWN = "分类统计"
SHEET_CHANNELS = "公开渠道"

SUBTOTAL = "小计"
TOTAL = "合计"


@dataclass(frozen=True)
class _Line:
    process: str  # shown on the first row of its group only
    category: str
    counts: Counts
    fill: Fill = Fill.PLAIN


def _rate(counts: Counts) -> float | str:
    rate = counts.on_time_rate
    return "—" if rate is None else rate


def _columns(stats: ReportStats) -> list[Column[_Line]]:
    word = status_word
    return [
        Column("过程", Kind.TEXT, lambda r: r.process),
        Column("一级目录", Kind.TEXT, lambda r: r.category),
        Column("主动\n公开", Kind.INT, lambda r: r.counts.published),
        Column(word(Status.PUBLISHED_ON_TIME), Kind.INT, lambda r: r.counts.on_time),
        Column(word(Status.PUBLISHED_LATE), Kind.INT, lambda r: r.counts.late),
        Column(NO_DUE_DATE_WORD, Kind.INT, lambda r: r.counts.no_due_date),
        Column(ON_TIME_RATE_WORD, Kind.RATE, lambda r: _rate(r.counts)),
        Column("公开前\n未审查", Kind.INT, lambda r: r.counts.unreviewed),
        Column("新增", Kind.INT, lambda r: r.counts.arisen),
        Column("到期", Kind.INT, lambda r: r.counts.due),
        Column(word(Status.OVERDUE), Kind.INT, lambda r: r.counts.overdue_open),
        Column(f"{stats.next_month.short_label}到期", Kind.INT, lambda r: r.counts.due_next_month),
    ]


# Within PORTRAIT_UNITS: 过程, 一级目录, then ten figures.
_WIDTHS = (8.0, 10.0, 6.0, 6.0, 6.0, 6.0, 8.0, 6.0, 6.0, 6.0, 6.0, 6.0)


def _category_lines(rows: tuple[GroupRow, ...]) -> list[_Line]:
    lines, previous = [], None
    for row in rows:
        lines.append(_Line(row.process if row.process != previous else "", row.category, row.counts))
        previous = row.process
    return lines


def build_breakdown(report: ReportBook) -> None:
    stats = report.stats
    sheet = report.sheet(SHEET_BREAKDOWN, _WIDTHS)
    title_block(
        sheet,
        f"{stats.bureau}政务公开分类统计（{stats.label}）",
        f"按一级目录、过程统计，统计截止 {stats.as_of:%Y-%m-%d}。"
        f"“{ON_TIME_RATE_WORD}”不计{NO_DUE_DATE_WORD}的信息；"
        f"“{status_word(Status.OVERDUE)}”含以前各期到期的。",
    )
    categories = _category_lines(stats.by_category)
    subtotals = [_Line(g.process, SUBTOTAL, g.counts, Fill.TOTAL) for g in stats.by_process]
    total = _Line(TOTAL, "", stats.totals, Fill.TOTAL)
    table = sheet.table(_columns(stats), [*categories, *subtotals, total], fill_of=lambda line: line.fill)
    # Each 过程's name over its 一级目录 rows, and 合计 over the first two columns.
    first = table.first_row
    for n, line in enumerate(categories):
        if line.process:
            end = n + 1
            while end < len(categories) and not categories[end].process:
                end += 1
            sheet.merge(first + n, 1, 1, to_row=first + end - 1)
    sheet.merge(table.last_row, 1, 2)
    block_start = first + len(categories)
    report.tables[PROCESS_TABLE] = (
        sheet,
        TableRange(table.header_row, block_start, block_start + len(subtotals) - 1),
    )


def _channel_fill(row: ChannelRow) -> Fill:
    return Fill.LATE if row.missed else Fill.PLAIN


def build_channels(report: ReportBook) -> None:
    stats = report.stats
    sheet = report.sheet(SHEET_CHANNELS, (20.0, 10.0, 10.0, 10.0, 10.0))
    title_block(
        sheet,
        f"{stats.bureau}公开渠道使用情况（{stats.label}）",
        "统计期间内公开的信息使用各渠道的次数，与目录要求对照。",
    )
    columns: list[Column[ChannelRow]] = [
        Column("公开渠道", Kind.TEXT, lambda c: c.channel),
        Column("使用次数", Kind.INT, lambda c: c.used),
        Column("目录要求\n使用次数", Kind.INT, lambda c: c.required),
        Column("未按目录\n要求使用", Kind.INT, lambda c: c.missed),
        Column("其中已\n说明原因", Kind.INT, lambda c: c.missed_explained),
    ]
    sheet.table(columns, stats.channels, _channel_fill)
    sheet.text("注：“未按目录要求使用”指信息所属目录事项勾选了该渠道，但登记时未选用。", STYLE_NOTE)
