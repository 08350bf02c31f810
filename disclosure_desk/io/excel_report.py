"""The Excel report supervisors open in Excel or WPS and print on A4 (openpyxl; no Qt, no SQL).

Sheets: 汇总 (totals, breakdowns, channels, chart), 月度统计 (annual report only), 明细, 逾期, 目录覆盖.
Every text cell is written as text, never as a formula: a title such as "=SUM(A1:A2)" typed by the officer
must show as typed and must not run in the supervisor's spreadsheet program.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.chart import BarChart, Reference, Series
from openpyxl.chart.axis import ChartLines
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from disclosure_desk.domain.report_stats import (
    ChannelRow,
    CoverageRow,
    DetailRow,
    GroupRow,
    MonthRow,
    ReportStats,
)
from disclosure_desk.domain.status import (
    DAYS_LATE_HEADING,
    DAYS_LATE_NOTE,
    NO_DUE_DATE_WORD,
    ON_TIME_RATE_RULE,
    ON_TIME_RATE_WORD,
    Status,
    status_word,
)
from disclosure_desk.io.report_file import save_report_file, with_suffix

# The status words, from the one vocabulary (domain.status).
ON_TIME = status_word(Status.PUBLISHED_ON_TIME)
LATE = status_word(Status.PUBLISHED_LATE)
OVERDUE = status_word(Status.OVERDUE)
DAYS_LATE_HEADER = DAYS_LATE_HEADING.replace("逾期", "逾期\n")  # two lines in a narrow column

SHEET_SUMMARY = "汇总"
SHEET_MONTHLY = "月度统计"
SHEET_DETAILS = "明细"
SHEET_OVERDUE = "逾期"
SHEET_COVERAGE = "目录覆盖"

FONT_NAME = "微软雅黑"  # on every Windows desktop; LibreOffice/WPS substitute a CJK font elsewhere
FILL_LATE = "FCE4D6"  # light orange: published, but late
FILL_OVERDUE = "FFC7CE"  # light red: still not published, past due
FILL_HEADER = "DDEBF7"
DATE_FORMAT = "yyyy-mm-dd"
EXCEL_MAX_TEXT = 32767

_T = TypeVar("_T")


# --- styles --------------------------------------------------------------------------------------------
# Named styles are registered once per workbook and applied by name: assigning Font/Border/Alignment
# objects cell by cell hashes every object again and makes a 10,000-row month take many seconds.

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_BODY_FONT = Font(name=FONT_NAME, size=10)

# Body cell kinds: how a column's values are aligned and formatted.
TEXT, WRAP, CENTER, INT, DATE, PERCENT = "text", "wrap", "center", "int", "date", "percent"
LABEL = "label"  # a short left-aligned label over merged columns: never wraps
_KINDS = (TEXT, WRAP, CENTER, INT, DATE, PERCENT, LABEL)
_ROW_FILLS: dict[str, str | None] = {"": None, "late": FILL_LATE, "overdue": FILL_OVERDUE}


def _body_style(kind: str, fill: str) -> NamedStyle:
    horizontal = {TEXT: "left", WRAP: "left", LABEL: "left", CENTER: "center", DATE: "center"}
    style = NamedStyle(
        name=f"报表-{kind}-{fill or 'plain'}",
        font=_BODY_FONT,
        border=_BORDER,
        alignment=Alignment(
            horizontal=horizontal.get(kind, "right"), vertical="center", wrap_text=kind in (WRAP, TEXT)
        ),
        number_format={DATE: DATE_FORMAT, PERCENT: "0.0%", INT: "0", CENTER: "General"}.get(kind, "@"),
    )
    colour = _ROW_FILLS[fill]
    if colour:
        style.fill = PatternFill(fill_type="solid", start_color=colour, end_color=colour)
    return style


def _register_styles(wb: Workbook) -> None:
    for kind in _KINDS:
        for fill in _ROW_FILLS:
            wb.add_named_style(_body_style(kind, fill))
    header_fill = PatternFill(fill_type="solid", start_color=FILL_HEADER, end_color=FILL_HEADER)
    wb.add_named_style(
        NamedStyle(
            name="报表-表头",
            font=Font(name=FONT_NAME, size=10, bold=True),
            border=_BORDER,
            fill=header_fill,
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
        )
    )
    wb.add_named_style(
        NamedStyle(
            name="报表-合计",
            font=Font(name=FONT_NAME, size=10, bold=True),
            border=_BORDER,
            fill=PatternFill(fill_type="solid", start_color="F2F2F2", end_color="F2F2F2"),
            alignment=Alignment(horizontal="right", vertical="center"),
        )
    )
    wb.add_named_style(
        NamedStyle(
            name="报表-标题",
            font=Font(name=FONT_NAME, size=16, bold=True),
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
        )
    )
    wb.add_named_style(
        NamedStyle(
            name="报表-小节",
            font=Font(name=FONT_NAME, size=12, bold=True),
            alignment=Alignment(horizontal="left", vertical="center"),
        )
    )
    wb.add_named_style(
        NamedStyle(
            name="报表-要点",
            font=Font(name=FONT_NAME, size=11, bold=True),
            alignment=Alignment(horizontal="left", vertical="center", wrap_text=True),
        )
    )
    wb.add_named_style(
        NamedStyle(
            name="报表-说明",
            font=Font(name=FONT_NAME, size=10, color="404040"),
            alignment=Alignment(horizontal="left", vertical="center", wrap_text=True),
        )
    )
    # After registration each named style's array points at the workbook's own font/fill/border lists.
    _STYLE_ARRAYS[wb] = {style.name: StyleArray(style.as_tuple()) for style in wb._named_styles}


def _style_name(kind: str, fill: str = "") -> str:
    return f"报表-{kind}-{fill or 'plain'}"


# --- safe cell writing ------------------------------------------------------------------------------


def clean_text(value: str) -> str:
    """Drop what an .xlsx cannot hold (control characters pasted from Word); cut to Excel's cell limit."""
    cleaned: str = ILLEGAL_CHARACTERS_RE.sub("", value)
    return cleaned[:EXCEL_MAX_TEXT]


# Each workbook's named styles as ready-made style arrays. `cell.style = name` looks the name up in a list
# and copies its array; copying the array directly makes a 10,000-row month twice as fast to build.
_STYLE_ARRAYS: weakref.WeakKeyDictionary[Workbook, dict[str, StyleArray]] = weakref.WeakKeyDictionary()


_new_cell = Cell.__new__


def _put(ws: Worksheet, row: int, column: int, value: object, style: str | StyleArray) -> Any:
    """Write one cell. Text is always stored as text: openpyxl would turn "=…" into a formula and "#N/A"
    into an error value, and a formula in a report could run code in the reader's spreadsheet program.

    The cell is built and its value bound directly (type known, text already cleaned) rather than through
    `ws.cell()` and `cell.value`, whose look-ups and type sniffing cost half the time of a 10,000-row
    export. Only ever called before the cell is merged over.
    """
    array = _STYLE_ARRAYS[ws.parent][style] if isinstance(style, str) else style
    # Cell.__init__ copies the style array; cells of one style may share it, as nothing here changes a
    # cell's style after writing it. The slots set here are exactly those Cell.__init__ sets.
    cell = _new_cell(Cell)
    cell.parent = ws
    cell._style = array
    cell.row = row
    cell.column = column
    cell._value = None
    cell._hyperlink = None
    cell._comment = None
    cell.data_type = "n"
    if isinstance(value, str):
        if value:
            cell._value = clean_text(value)
            cell.data_type = "s"
    elif isinstance(value, bool) or not isinstance(value, int | float | date):
        cell.value = value
    else:
        # date (and datetime, a subclass) in a cell whose named style already has a date format
        cell._value = value
        cell.data_type = "d" if isinstance(value, date) else "n"
    ws._cells[(row, column)] = cell
    return cell


def display_width(text: str) -> int:
    """Width in Excel column units: CJK and full-width characters take about two, ASCII one.

    Counted from the UTF-8 length (one extra unit per two extra bytes) because it runs on every cell of a
    10,000-row report; for the CJK fonts used that is as close as a per-character table (“” and — are
    full width in 微软雅黑 too).
    """
    return len(text) + (len(text.encode("utf-8")) - len(text)) // 2


# Row heights are set by the program: Excel, WPS and LibreOffice do not reliably re-measure wrapped text
# in a file they did not write, so a long title would otherwise spill over the next row or be cut.
LINE_HEIGHT = 14.0  # points per line of 10 pt 微软雅黑
ROW_PADDING = 4.0


def text_lines(text: str, width: float) -> int:
    """How many lines `text` takes when wrapped in a column `width` units wide.

    In Excel a column `width` units wide shows about 7 × width + 1 px of text, and a 10 pt CJK character
    is 13.3 px wide, so a line holds that many whole CJK characters (two units each); the 14 pt line
    height is a little more than 微软雅黑 needs, which absorbs the space lost where Latin words wrap.
    """
    per_line = max(2, int((7 * width + 1) / 13.4) * 2)
    return sum(max(1, -(-display_width(line) // per_line)) for line in text.split("\n"))


def row_height(lines: int) -> float | None:
    """None (the default height) for a single line."""
    return None if lines <= 1 else lines * LINE_HEIGHT + ROW_PADDING


# --- tables -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column(Generic[_T]):
    header: str
    kind: str
    get: Callable[[_T], object]
    min_width: float = 6
    max_width: float = 40


# Headers may wrap (two CJK characters a line) rather than widen a column of short or empty values.
_HEADER_LINE = 4


def _cell_width(value: object, kind: str) -> int:
    if value is None:
        return 0
    if kind == DATE:
        return 9  # yyyy-mm-dd in 10 pt 微软雅黑 is about 60 px
    if kind == PERCENT:
        return 6
    text = value if isinstance(value, str) else str(value)
    # A wrapped cell is as wide as its longest line.
    return max(display_width(line) for line in text.split("\n")) if text else 0


def fit_widths(columns: Sequence[Column[_T]], rows: Sequence[_T]) -> list[float]:
    widths = []
    for col in columns:
        widest = min(max(display_width(w) for w in col.header.split("\n")), _HEADER_LINE)
        # A few thousand rows are enough to size a column and keep a 10,000-row export fast.
        for row in rows[:3000]:
            widest = max(widest, _cell_width(col.get(row), col.kind))
        widths.append(min(max(widest + 1.5, col.min_width), col.max_width))
    return widths


def _write_table(
    ws: Worksheet,
    header_row: int,
    columns: Sequence[Column[_T]],
    rows: Sequence[_T],
    widths: Sequence[float],
    fill_of: Callable[[_T], str] | None = None,
    empty_text: str = "（无）",
) -> int:
    """Header plus rows from column A, with column widths and row heights; returns the last row written."""
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    for c, col in enumerate(columns, start=1):
        _put(ws, header_row, c, col.header, "报表-表头")
    header_lines = max(text_lines(col.header, w) for col, w in zip(columns, widths, strict=True))
    ws.row_dimensions[header_row].height = row_height(max(header_lines, 2))
    r = header_row
    arrays = _STYLE_ARRAYS[ws.parent]
    styles = [{fill: arrays[_style_name(col.kind, fill)] for fill in _ROW_FILLS} for col in columns]
    centred = {fill: arrays[_style_name(CENTER, fill)] for fill in _ROW_FILLS}
    # Wrapped columns, with the length below which a text surely fits on one line (skips measuring).
    wrapped = [(c, widths[c] // 2 - 1) for c, col in enumerate(columns) if col.kind in (TEXT, WRAP)]
    for r, row in enumerate(rows, start=header_row + 1):
        fill = fill_of(row) if fill_of else ""
        values = [col.get(row) for col in columns]
        for c, value in enumerate(values, start=1):
            # "—" (no rate) sits in the middle of a figure column rather than against its right edge.
            _put(ws, r, c, value, styles[c - 1][fill] if value != "—" else centred[fill])
        lines = 1
        for c, short in wrapped:
            value = values[c]
            if isinstance(value, str) and (len(value) > short or "\n" in value):
                lines = max(lines, text_lines(value, widths[c]))
        if lines > 1:
            ws.row_dimensions[r].height = row_height(lines)
    if not rows:
        r = header_row + 1
        _put(ws, r, 1, empty_text, _style_name(TEXT))
        for c in range(2, len(columns) + 1):
            _put(ws, r, c, None, _style_name(TEXT))
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(columns))
    return r


def _title_block(ws: Worksheet, title: str, note: str, width: float, ncols: int) -> None:
    """Title (row 1) and a note (row 2), merged across the table's `ncols` columns, `width` units in all."""
    _put(ws, 1, 1, title, "报表-标题")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.row_dimensions[1].height = 30
    _put(ws, 2, 1, note, "报表-说明")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncols)
    # Merged cells never grow to fit wrapped text, so the height is worked out here.
    ws.row_dimensions[2].height = row_height(max(text_lines(note, width), 1)) or 18


def _escape_header_footer(text: str) -> str:
    return text.replace("&", "&&")


def _page_setup(ws: Worksheet, stats: ReportStats, title_rows: str | None) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddHeader.right.text = _escape_header_footer(f"{stats.period.label}　{ws.title}")
    ws.oddHeader.right.font = f"{FONT_NAME},常规"
    ws.oddHeader.right.size = 9
    ws.oddFooter.left.text = _escape_header_footer(stats.bureau)
    ws.oddFooter.center.text = "第 &P 页 / 共 &N 页"
    ws.oddFooter.right.text = _escape_header_footer(f"生成时间：{stats.generated_at:%Y-%m-%d %H:%M}")
    for part in (ws.oddFooter.left, ws.oddFooter.center, ws.oddFooter.right):
        part.font = f"{FONT_NAME},常规"
        part.size = 9


# --- sheets -------------------------------------------------------------------------------------------


def _rate(value: float | None) -> float | str:
    return "—" if value is None else value


# 汇总 columns: A 过程, B 一级目录, C–J figures. Fixed widths so the page prints at full size on A4.
_SUMMARY_COLS = 10
_FIGURE_WIDTH = 13.0
_FIGURE_COLS = _SUMMARY_COLS - 2


def _count_columns(first: Sequence[Column[GroupRow]], annual: bool) -> list[Column[GroupRow]]:
    next_month = "次年1月" if annual else "下月"
    return [
        *first,
        Column("本期公开", INT, lambda g: g.counts.published),
        Column(f"其中\n{ON_TIME}", INT, lambda g: g.counts.on_time),
        Column(f"其中\n{LATE}", INT, lambda g: g.counts.late),
        Column(f"其中\n{NO_DUE_DATE_WORD}", INT, lambda g: g.counts.no_due_date),
        Column("本期到期", INT, lambda g: g.counts.due),
        Column(f"{OVERDUE}\n（截至期末）", INT, lambda g: g.counts.overdue_open),
        Column(f"{next_month}到期\n（尚未公开）", INT, lambda g: g.counts.due_next_month),
        Column(ON_TIME_RATE_WORD, PERCENT, lambda g: _rate(g.counts.on_time_rate)),
    ]


def _summary_widths(stats: ReportStats) -> list[float]:
    a = max([10, *(display_width(g.process) + 2 for g in stats.by_process)])
    b = max([20, *(display_width(g.category) + 2 for g in stats.by_category)])
    # Channel names share A:B; the longest is 社区/企事业单位/村公示栏（电子屏）.
    b = max(b, max((display_width(c.channel) + 2 for c in stats.channels), default=0) - a)
    return [min(a, 24), min(b, 40), *([_FIGURE_WIDTH] * _FIGURE_COLS)]


def _summary_sheet(ws: Worksheet, stats: ReportStats) -> None:
    t, period = stats.totals, stats.period
    widths = _summary_widths(stats)
    total_width = sum(widths)
    rate = t.on_time_rate
    rate_text = "—" if rate is None else f"{rate:.1%}"
    as_of = f"{stats.as_of.month}月{stats.as_of.day}日"
    _title_block(
        ws,
        stats.title,
        f"统计期间：{period.start:%Y-%m-%d} 至 {period.end:%Y-%m-%d}　　状态统计截至：{stats.as_of:%Y-%m-%d}"
        f"　　生成时间：{stats.generated_at:%Y-%m-%d %H:%M}",
        total_width,
        _SUMMARY_COLS,
    )
    published = (
        f"本期公开信息 {t.published} 条，其中{ON_TIME} {t.on_time} 条、{LATE} {t.late} 条、"
        f"{NO_DUE_DATE_WORD} {t.no_due_date} 条，{ON_TIME_RATE_WORD} {rate_text}"
        if t.published
        else "本期没有公开信息"
    )
    overdue = (
        f"截至{as_of}仍有 {t.overdue_open} 条{OVERDUE}（详见“{SHEET_OVERDUE}”表）"
        if t.overdue_open
        else f"截至{as_of}没有{OVERDUE}的信息"
    )
    lead = f"{published}；{overdue}；{stats.next_month_label}将有 {t.due_next_month} 条到期。"
    _put(ws, 3, 1, lead, "报表-要点")
    ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=_SUMMARY_COLS)
    ws.row_dimensions[3].height = row_height(max(text_lines(lead, total_width * 0.9), 2))

    # 一、总体情况: label (A:B) · figure (C) · what it means (D:J)
    row = 5
    _put(ws, row, 1, "一、总体情况", "报表-小节")
    row += 1
    for c, text in ((1, "指标"), (3, "数量"), (4, "说明")):
        _put(ws, row, c, text, "报表-表头")
    _merge_row(ws, row, "报表-表头")
    lines: list[tuple[str, object, str, str]] = [
        (
            "本期公开信息（条）",
            t.published,
            f"公开日期在 {period.start:%Y-%m-%d} 至 {period.end:%Y-%m-%d} 之间",
            "",
        ),
        (f"　其中：{ON_TIME}", t.on_time, "公开日期不晚于应公开日期", ""),
        (f"　　　　{LATE}", t.late, "公开日期晚于应公开日期", "late" if t.late else ""),
        (
            f"　　　　{NO_DUE_DATE_WORD}",
            t.no_due_date,
            f"目录未规定时限或未填应公开日期，既非{ON_TIME}也非{LATE}，不计入{ON_TIME_RATE_WORD}",
            "",
        ),
        ("本期到期（条）", t.due, "应公开日期在本期内的信息，不论是否已公开", ""),
        (
            f"{OVERDUE}（条）",
            t.overdue_open,
            f"截至{as_of}已过应公开日期仍未公开，含以前各期到期的",
            "overdue" if t.overdue_open else "",
        ),
        (f"{stats.next_month_label}到期（条）", t.due_next_month, "尚未公开、应公开日期在下月的信息", ""),
        (ON_TIME_RATE_WORD, _rate(rate), f"{ON_TIME_RATE_RULE}；无可评价信息时显示“—”", ""),
    ]
    for label, value, meaning, fill in lines:
        row += 1
        kind = PERCENT if label == ON_TIME_RATE_WORD else INT
        _put(ws, row, 1, label, _style_name(TEXT, fill))
        _put(ws, row, 3, value, _style_name(CENTER if value == "—" else kind, fill))
        _put(ws, row, 4, meaning, _style_name(TEXT, fill))
        _merge_row(ws, row, _style_name(TEXT, fill))

    # 二、按过程统计
    row += 2
    _put(ws, row, 1, "二、按过程统计", "报表-小节")
    row += 1
    process_header = row
    process_cols = _count_columns(
        [Column("过程", LABEL, lambda g: g.process), Column("", LABEL, lambda g: "")], period.is_annual
    )
    process_last = _write_table(ws, row, process_cols, stats.by_process, widths)
    # An empty table is one merged "（无）" row already; merging A:B again would corrupt the file.
    for r in range(process_header, process_header + 1 + len(stats.by_process)):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
    row = _total_row(ws, process_last + 1, stats)

    # 三、按一级目录统计
    row += 1
    _put(ws, row, 1, "三、按一级目录统计", "报表-小节")
    row += 1
    cat_cols = _count_columns(
        [Column("过程", TEXT, lambda g: g.process), Column("一级目录", TEXT, lambda g: g.category)],
        period.is_annual,
    )
    row = _write_table(ws, row, cat_cols, stats.by_category, widths)
    row = _total_row(ws, row + 1, stats)

    # 四、公开渠道使用 and 五、chart start a new page: a table split over two pages loses its header.
    ws.row_breaks.append(Break(id=row))
    row += 1
    _put(ws, row, 1, "四、公开渠道使用情况（本期公开的信息）", "报表-小节")
    row += 1
    channel_header = row
    channel_cols: list[Column[ChannelRow]] = [
        Column("公开渠道", LABEL, lambda c: c.channel),
        Column("", LABEL, lambda c: ""),
        Column("使用次数", INT, lambda c: c.used),
        Column("目录要求\n使用次数", INT, lambda c: c.required),
        Column("未按目录\n要求使用", INT, lambda c: c.missed),
        Column("其中已\n说明原因", INT, lambda c: c.missed_explained),
    ]
    row = _write_table(
        ws, row, channel_cols, stats.channels, widths[:6], lambda c: "late" if c.missed else ""
    )
    for r in range(channel_header, channel_header + 1 + len(stats.channels)):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
    row += 1
    _put(ws, row, 1, "注：“未按目录要求使用”指信息所属目录事项勾选了该渠道，但登记时未选用。", "报表-说明")
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=_SUMMARY_COLS)

    row += 2
    _put(ws, row, 1, f"五、各过程{ON_TIME}、{LATE}与{OVERDUE}条数", "报表-小节")
    if stats.by_process:
        _process_chart(ws, process_header, process_last, f"A{row + 1}", total_width)
    _page_setup(ws, stats, "1:2")


def _merge_row(ws: Worksheet, row: int, style: str) -> None:
    """Label over A:B and explanation over D:J, on the 总体情况 table."""
    ws.cell(row=row, column=2).style = style
    for c in range(5, _SUMMARY_COLS + 1):
        ws.cell(row=row, column=c).style = style
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    ws.merge_cells(start_row=row, start_column=4, end_row=row, end_column=_SUMMARY_COLS)


def _total_row(ws: Worksheet, row: int, stats: ReportStats) -> int:
    t = stats.totals
    values: list[object] = ["合计", "", t.published, t.on_time, t.late, t.no_due_date, t.due, t.overdue_open]
    values += [t.due_next_month, _rate(t.on_time_rate)]
    for c, value in enumerate(values, start=1):
        _put(ws, row, c, value, "报表-合计")
    if t.on_time_rate is not None:
        ws.cell(row=row, column=10).number_format = "0.0%"
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    ws.cell(row=row, column=1).alignment = Alignment(horizontal="center", vertical="center")
    return row + 1


def _process_chart(ws: Worksheet, header_row: int, last_row: int, anchor: str, page_width: float) -> None:
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = None  # the section heading above says what it shows
    chart.y_axis.majorGridlines = ChartLines()
    chart.y_axis.number_format = "0"
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    # Columns D (on time), E (late), H (overdue) of the by-过程 table.
    for col, name, colour in (
        (4, ON_TIME, "70AD47"),
        (5, LATE, "ED7D31"),
        (8, OVERDUE, "C00000"),
    ):
        series = Series(Reference(ws, min_col=col, min_row=header_row + 1, max_row=last_row), title=name)
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = colour
        chart.series.append(series)
    chart.set_categories(Reference(ws, min_col=1, min_row=header_row + 1, max_row=last_row))
    chart.legend.position = "b"
    chart.height = 7.5  # cm
    # About two thirds of the printed table width (a column unit is ~0.19 cm).
    chart.width = page_width * 0.19 * 0.66
    ws.add_chart(chart, anchor)


def _row_fill(row: DetailRow) -> str:
    if row.status is Status.OVERDUE:
        return "overdue"
    if row.status is Status.PUBLISHED_LATE:
        return "late"
    return ""


def _detail_columns(numbered: Sequence[DetailRow]) -> list[Column[DetailRow]]:
    index = {id(r): n for n, r in enumerate(numbered, start=1)}
    # Maximum widths are what keeps 21 columns legible on one A4 width: long texts wrap instead.
    return [
        Column("序号", INT, lambda r: index[id(r)], 5, 6),
        Column("过程", WRAP, lambda r: r.process, 5, 8),
        Column("一级\n目录", WRAP, lambda r: r.category, 5, 10),
        Column("二级\n目录", WRAP, lambda r: r.subcategory, 5, 10),
        Column("标题", WRAP, lambda r: r.title, 16, 22),
        Column("文号", WRAP, lambda r: r.document_number, 5, 10),
        Column("索引号", WRAP, lambda r: r.index_number, 5, 10),
        Column("形成\n日期", DATE, lambda r: r.formed_on, 6, 10.5),
        Column("变更\n日期", DATE, lambda r: r.changed_on, 6, 10.5),
        Column("批复\n日期", DATE, lambda r: r.approved_on, 6, 10.5),
        Column("应公开\n日期", DATE, lambda r: r.due_on, 6, 10.5),
        Column("公开\n日期", DATE, lambda r: r.published_on, 6, 10.5),
        Column("公开\n渠道", WRAP, lambda r: r.channels, 5, 10),
        Column("链接", WRAP, lambda r: r.url, 5, 16),
        Column("责任\n部门", WRAP, lambda r: r.department, 5, 8.5),
        Column("责任人", WRAP, lambda r: r.responsible, 6, 7.5),
        Column("保密\n审查", WRAP, lambda r: r.review, 5, 9),
        Column("状态", WRAP, lambda r: r.status_text, 9, 9),
        Column(DAYS_LATE_HEADER, INT, lambda r: r.days_late or None, 5, 5.5),
        Column("备注", WRAP, lambda r: r.notes, 5, 12),
        Column("时限说明", WRAP, lambda r: r.due_explanation, 8, 20),
    ]


def _table_sheet(
    ws: Worksheet,
    stats: ReportStats,
    title: str,
    note: str,
    columns: Sequence[Column[_T]],
    rows: Sequence[_T],
    fill_of: Callable[[_T], str] | None = None,
    empty_text: str = "（无）",
) -> None:
    """Title, note, one table with frozen header and autofilter, printed with the header on every page."""
    widths = fit_widths(columns, rows)
    _title_block(ws, title, note, sum(widths), len(columns))
    last = _write_table(ws, 3, columns, rows, widths, fill_of, empty_text)
    ws.freeze_panes = "A4"
    ws.auto_filter.ref = f"A3:{get_column_letter(len(columns))}{max(last, 4)}"
    _page_setup(ws, stats, "3:3")


def _detail_sheet(ws: Worksheet, stats: ReportStats) -> None:
    rows = stats.details
    _table_sheet(
        ws,
        stats,
        f"{stats.bureau}本期公开或到期的信息明细（{stats.period.label}）",
        f"公开日期或应公开日期在 {stats.period.start:%Y-%m-%d} 至 {stats.period.end:%Y-%m-%d} 之间的信息共 "
        f"{len(rows)} 条，按公开日期（未公开的按应公开日期）排列；状态截至 {stats.as_of:%Y-%m-%d}，"
        f"{DAYS_LATE_NOTE}底色：浅橙＝{LATE}，浅红＝{OVERDUE}。",
        _detail_columns(rows),
        rows,
        _row_fill,
        "本期没有公开或到期的信息。",
    )


def _overdue_sheet(ws: Worksheet, stats: ReportStats) -> None:
    rows = stats.overdue
    detail = {c.header: c for c in _detail_columns(rows)}
    columns = [
        *(detail[h] for h in ("序号", "过程", "一级\n目录", "二级\n目录", "标题", "文号")),
        *(detail[h] for h in ("形成\n日期", "变更\n日期", "批复\n日期", "应公开\n日期")),
        Column[DetailRow](DAYS_LATE_HEADER, INT, lambda r: r.days_late, 5, 7),
        *(detail[h] for h in ("责任\n部门", "责任人", "备注", "时限说明")),
    ]
    _table_sheet(
        ws,
        stats,
        f"{stats.bureau}{OVERDUE}信息（截至{stats.as_of.year}年{stats.as_of.month}月{stats.as_of.day}日）",
        f"已过应公开日期、截至 {stats.as_of:%Y-%m-%d} 仍未公开的信息共 {len(rows)} 条（含以前各期到期的），"
        f"按应公开日期从早到晚排列；{DAYS_LATE_NOTE}",
        columns,
        rows,
        lambda r: "overdue",
        f"截至统计日没有{OVERDUE}的信息。",
    )


def _coverage_sheet(ws: Worksheet, stats: ReportStats) -> None:
    rows = stats.coverage
    columns: list[Column[CoverageRow]] = [
        Column("目录\n序号", INT, lambda r: r.number, 5, 6),
        Column("过程", WRAP, lambda r: r.process, 5, 10),
        Column("一级目录", WRAP, lambda r: r.category, 8, 16),
        Column("二级目录", WRAP, lambda r: r.subcategory, 8, 22),
        Column("公开内容（要素）", WRAP, lambda r: r.content, 16, 50),
        Column("公开时限", WRAP, lambda r: r.time_limit, 10, 30),
        Column("最近一次\n公开日期", DATE, lambda r: r.last_published_on, 10, 11),
        Column(
            "说明", CENTER, lambda r: "从未公开" if r.last_published_on is None else "本年度未公开", 13, 14
        ),
    ]
    year_start = date(stats.period.end.year, 1, 1)
    _table_sheet(
        ws,
        stats,
        f"{stats.bureau}本年度尚无公开记录的目录事项（{stats.period.label}）",
        f"自 {year_start:%Y-%m-%d} 至 {stats.as_of:%Y-%m-%d} 没有任何公开记录的目录事项共 {len(rows)} 项。"
        "部分事项只在特定时间或依申请公开，请结合公开时限判断。",
        columns,
        rows,
        empty_text="本年度各目录事项均已有公开记录。",
    )


def _monthly_sheet(ws: Worksheet, stats: ReportStats) -> None:
    rows = stats.monthly
    columns: list[Column[MonthRow]] = [
        Column("月份", CENTER, lambda m: f"{m.month}月"),
        Column("公开", INT, lambda m: m.published),
        Column(f"其中\n{ON_TIME}", INT, lambda m: m.on_time),
        Column(f"其中\n{LATE}", INT, lambda m: m.late),
        Column(f"其中\n{NO_DUE_DATE_WORD}", INT, lambda m: m.no_due_date),
        Column(ON_TIME_RATE_WORD, PERCENT, lambda m: _rate(m.on_time_rate)),
        Column("当月到期", INT, lambda m: m.due),
        Column(
            f"月末\n{OVERDUE}",
            INT,
            lambda m: "—" if m.overdue_at_month_end is None else m.overdue_at_month_end,
        ),
    ]
    widths = [14.0] * len(columns)
    _title_block(
        ws,
        f"{stats.bureau}政务公开月度统计（{stats.period.label}）",
        f"“月末{OVERDUE}”为各月最后一天已过应公开日期仍未公开的条数；尚未结束的月份显示“—”。",
        sum(widths),
        len(columns),
    )
    last = _write_table(ws, 3, columns, rows, widths)
    t = stats.totals
    total: list[object] = [
        "全年",
        t.published,
        t.on_time,
        t.late,
        t.no_due_date,
        _rate(t.on_time_rate),
        t.due,
        "",
    ]
    for c, value in enumerate(total, start=1):
        _put(ws, last + 1, c, value, "报表-合计")
    ws.cell(row=last + 1, column=1).alignment = Alignment(horizontal="center", vertical="center")
    if t.on_time_rate is not None:
        ws.cell(row=last + 1, column=6).number_format = "0.0%"
    ws.freeze_panes = "A4"
    _page_setup(ws, stats, "3:3")


# --- the workbook -----------------------------------------------------------------------------------


def build_workbook(stats: ReportStats) -> Workbook:
    wb = Workbook()
    _register_styles(wb)
    summary = wb.active
    summary.title = SHEET_SUMMARY
    _summary_sheet(summary, stats)
    if stats.period.is_annual:
        _monthly_sheet(wb.create_sheet(SHEET_MONTHLY), stats)
    _detail_sheet(wb.create_sheet(SHEET_DETAILS), stats)
    _overdue_sheet(wb.create_sheet(SHEET_OVERDUE), stats)
    _coverage_sheet(wb.create_sheet(SHEET_COVERAGE), stats)
    wb.properties.title = stats.title
    wb.properties.creator = stats.bureau
    return wb


def write_report(path: Path, stats: ReportStats) -> Path:
    """Write the report to `path` (".xlsx" added if missing) atomically: a crash or a locked file never
    leaves half a report. Raises ReportError with a Chinese message."""
    return save_report_file(with_suffix(path, ".xlsx"), build_workbook(stats).save)
