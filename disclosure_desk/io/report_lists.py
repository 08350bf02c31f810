"""The report's lists of records, landscape A4: 未公开 (the open work, by name), 明细 (everything published or
due in the period) and 明细附注 (what does not fit a printed row: how each due date was computed, index
numbers, links, who reviewed). Only the columns that carry data in the period are printed.
"""

from __future__ import annotations

from collections.abc import Sequence

from disclosure_desk.domain.report_rows import UNCHECKED_MARK, DetailRow, OpenGroup, OpenRow, rest_of_month
from disclosure_desk.domain.report_stats import ReportStats
from disclosure_desk.domain.report_text import OPEN_SHEET
from disclosure_desk.domain.review import REVIEW_WORDS, ReviewState
from disclosure_desk.domain.status import DAYS_LATE_HEADING, DAYS_LATE_NOTE, GROUP_WORDS, Status, StatusGroup
from disclosure_desk.io.report_layout import FILL_LEGEND, ReportBook, day_text, status_fill, title_block
from disclosure_desk.io.xlsx_writer import (
    LANDSCAPE_UNITS,
    Column,
    Fill,
    Kind,
    Sheet,
    columns_with_data,
    fit_widths,
)

SHEET_OPEN = OPEN_SHEET
SHEET_DETAILS = "明细"
SHEET_NOTES = "明细附注"

_TITLE_ROWS = 2  # title and note: the table's header is the third row


def _table_sheet(
    report: ReportBook,
    name: str,
    title: str,
    note: str,
    columns: Sequence[Column[object]],
    rows: Sequence[object],
    fill_of: object,
    empty_text: str,
) -> Sheet:
    chosen = columns_with_data(columns, rows)
    sheet = report.sheet(name, fit_widths(chosen, rows, LANDSCAPE_UNITS), landscape=True)
    sheet.freeze_below(_TITLE_ROWS + 1)
    title_block(sheet, title, note)
    sheet.table(chosen, rows, fill_of, empty_text, filter_and_freeze=True)  # type: ignore[arg-type]
    return sheet


def _numbering(rows: Sequence[object]) -> dict[int, int]:
    return {id(r): n for n, r in enumerate(rows, start=1)}


def _rule_note(rows: Sequence[DetailRow]) -> str:
    if any(r.rule.endswith(UNCHECKED_MARK) for r in rows):
        return f"{UNCHECKED_MARK}所在年份的节假日安排尚未导入，应公开日期仅按周末推算。"
    return ""


# --- 明细 -----------------------------------------------------------------------------------------------


def detail_columns(number: dict[int, int]) -> list[Column[DetailRow]]:
    """明细's columns: what a supervisor reads on paper. The rest of a record (channels, who is responsible,
    index number, link, how the due date was computed) is in 明细附注, by the same 序号. Widths stay within
    LANDSCAPE_UNITS with the optional columns a month usually has."""
    return [
        Column("序号", Kind.INT, lambda r: number[id(r)], 4.5, 5),
        Column("一级目录", Kind.TEXT, lambda r: r.category, 9, 9),
        Column("标题", Kind.TEXT, lambda r: r.title, 18, 26),
        Column("形成\n日期", Kind.DATE, lambda r: r.formed_on, 10, 10, optional=True),
        Column("变更\n日期", Kind.DATE, lambda r: r.changed_on, 10, 10, optional=True),
        Column("批复\n日期", Kind.DATE, lambda r: r.approved_on, 10, 10, optional=True),
        Column("应公开\n日期", Kind.DATE, lambda r: r.due_on, 10, 10),
        Column("时限", Kind.TEXT, lambda r: r.rule, 10, 10),
        Column("公开\n日期", Kind.DATE, lambda r: r.published_on, 10, 10),
        Column("状态", Kind.TEXT, lambda r: r.status_text, 7.5, 7.5),
        Column(DAYS_LATE_HEADING, Kind.INT, lambda r: r.days_late or None, 5, 5, optional=True),
        Column("保密\n审查", Kind.TEXT, lambda r: REVIEW_WORDS[r.review], 6, 6),
        Column("逾期原因、备注", Kind.TEXT, lambda r: r.remarks, 10, 12, optional=True),
    ]


def build_details(report: ReportBook) -> None:
    stats = report.stats
    rows = stats.details
    counted = stats.counted
    note = (
        f"公开日期或应公开日期在 {day_text(counted.start)} 至 {day_text(counted.end)} 之间的信息"
        f"共 {len(rows)} 条，"
        f"按公开日期（未公开的按应公开日期）排列，状态截至 {day_text(stats.as_of)}。“时限”为简写，"
        f"应公开日期的计算过程、文号、公开链接等见“{SHEET_NOTES}”表（按序号对照）。{DAYS_LATE_NOTE}{FILL_LEGEND}{_rule_note(rows)}"
    )
    _table_sheet(
        report,
        SHEET_DETAILS,
        f"{stats.bureau}本期公开或到期的信息明细（{stats.label}）",
        note,
        detail_columns(_numbering(rows)),  # type: ignore[arg-type]
        rows,
        lambda r: status_fill(r.status),
        "本期没有公开或到期的信息。",
    )


def _review_record(row: DetailRow) -> str:
    if row.review is ReviewState.NOT_RECORDED:
        return REVIEW_WORDS[row.review]
    who = " ".join(x for x in (row.reviewer, day_text(row.reviewed_on) if row.reviewed_on else "") if x)
    return f"{REVIEW_WORDS[row.review]}（{who}）" if who else REVIEW_WORDS[row.review]


def _registered(row: DetailRow) -> str:
    """The title, then what the register holds beyond the printed row, one labelled line each (only what
    was entered)."""
    lines = [
        ("目录事项", row.item_label),
        ("文号", row.document_number),
        ("索引号", row.index_number),
        ("公开渠道", row.channels),
        ("未使用的目录渠道", row.missed_channels),
        ("责任科室", " ".join(x for x in (row.department, row.responsible) if x)),
        ("保密审查", _review_record(row)),
        ("公开链接", row.url),
    ]
    registered = "；".join(f"{label}：{value}" for label, value in lines if value)
    return f"{row.title}\n{registered}" if registered else row.title


def build_notes(report: ReportBook) -> None:
    stats = report.stats
    rows = stats.details
    number = _numbering(rows)
    columns: list[Column[DetailRow]] = [
        Column("序号", Kind.INT, lambda r: number[id(r)], 4.5, 5),
        Column("标题与登记信息", Kind.TEXT, _registered, 30, 56),
        Column("应公开日期的计算", Kind.TEXT, lambda r: r.explanation, 30, 56),
    ]
    _table_sheet(
        report,
        SHEET_NOTES,
        f"{stats.bureau}信息明细附注（{stats.label}）",
        f"与“{SHEET_DETAILS}”表按序号一一对应：所属目录事项的序号、登记的文号、索引号、公开渠道（及未使用的目录要求渠道）、"
        "责任科室、保密审查记录和公开链接，以及应公开日期的计算过程（起算日期、遇到的节假日和调休）。",
        columns,  # type: ignore[arg-type]
        rows,
        None,
        "本期没有公开或到期的信息。",
    )


# --- 未公开 ---------------------------------------------------------------------------------------------


def open_columns(number: dict[int, int]) -> list[Column[OpenRow]]:
    return [
        Column("序号", Kind.INT, lambda r: number[id(r)], 4.5, 5),
        Column("类别", Kind.TEXT, lambda r: r.group_text, 8, 8),
        Column("一级目录", Kind.TEXT, lambda r: r.detail.category, 9, 9),
        Column("标题", Kind.TEXT, lambda r: r.detail.title, 18, 26),
        Column("责任科室", Kind.TEXT, lambda r: r.detail.responsible_text, 9.5, 9.5, optional=True),
        Column("形成\n日期", Kind.DATE, lambda r: r.detail.formed_on, 10, 10, optional=True),
        Column("批复\n日期", Kind.DATE, lambda r: r.detail.approved_on, 10, 10, optional=True),
        Column("应公开\n日期", Kind.DATE, lambda r: r.detail.due_on, 10, 10),
        Column("时限", Kind.TEXT, lambda r: r.detail.rule, 10, 10),
        Column("距应公开日期", Kind.TEXT, lambda r: r.when_text, 9, 16),
        Column("逾期原因、备注", Kind.TEXT, lambda r: r.detail.remarks, 10, 22, optional=True),
    ]


def _group_list(stats: ReportStats) -> list[str]:
    """What the list holds, group by group, in the words of its 类别 column."""
    groups = ["已逾期的（不论何时形成）"]
    if stats.totals.due_rest_of_month or stats.open_in(OpenGroup.DUE_REST_OF_MONTH):
        groups.append(f"{rest_of_month(stats.as_of)}到期的")
    groups.append(f"{stats.next_month.short_label}到期的")
    groups.append(f"{stats.period.short_label}形成、以后到期或无应公开日期的")
    return groups


def build_open(report: ReportBook) -> None:
    stats = report.stats
    rows = stats.open_items
    open_word = GROUP_WORDS[StatusGroup.OPEN]
    _table_sheet(
        report,
        SHEET_OPEN,
        f"{stats.bureau}截至{stats.as_of_text}{open_word}的信息",
        f"共 {len(rows)} 条，按类别排列：{'；'.join(_group_list(stats))}。同一条只列一次。"
        "距应公开日期按工作日计算。"
        f"{_rule_note([r.detail for r in rows])}",
        open_columns(_numbering(rows)),  # type: ignore[arg-type]
        rows,
        lambda r: Fill.OVERDUE if r.detail.status is Status.OVERDUE else Fill.PLAIN,
        f"截至统计截止日没有需要列出的{open_word}信息。",
    )
