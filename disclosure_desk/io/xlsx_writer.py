"""The one way this program writes an Excel workbook a supervisor opens in Excel or WPS and prints on A4.

Shared by the monthly/annual report (io/excel_report.py and its sheet modules) and the catalogue export:
- **safe cells**: text is always stored as text — a title typed as "=SUM(A1:A2)", "+86 123" or "#N/A" shows
  as typed and never becomes a formula or an error value in the reader's spreadsheet program; control
  characters pasted from Word are dropped; text is cut to Excel's cell limit;
- **one look**: the house font and sizes, borders and header colour, as named styles registered once per
  workbook; only a column or cell of kind RATE carries a percent format;
- **paper**: A4, fit to the page width, margins, a running header and page numbers, and print titles that
  are the table's own header row (`Sheet.table`), so every printed page of a table starts with its headings;
- **saving**: atomic (a crash, a full disk or a locked file never leaves half a file, and an existing file
  is replaced only by a complete new one), with Chinese messages — among them the one for a file that is
  open in Excel/WPS.

Only openpyxl's public API is used, in its write-only mode (rows are streamed to the file as they are
appended, which keeps a 10,000-row report fast): a `Sheet` writes top to bottom, so column widths and frozen
panes are given when the sheet is opened, and every row's height before the row is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Generic, TypeVar

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart.bar_chart import BarChart
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from disclosure_desk.io.errors import ExportError
from disclosure_desk.io.report_file import save_report_file, with_suffix

_T = TypeVar("_T")

FONT_NAME = "微软雅黑"  # on every Windows desktop; LibreOffice/WPS substitute a CJK font elsewhere
BODY_SIZE = 10  # points; printed at ≥ 9 pt because every sheet is laid out to print at ≥ 90 %
FILL_HEADER = "DDEBF7"
FILL_TOTAL = "F2F2F2"
FILL_LATE = "FCE4D6"  # light orange: published, but late
FILL_OVERDUE = "FFC7CE"  # light red: still not published, past due
DATE_FORMAT = "yyyy-mm-dd"
RATE_FORMAT = "0.0%"
# A change from last month: "+3", "-2", "0" (a count, so never a percent).
CHANGE_FORMAT = '+0;-0;"0"'
EXCEL_MAX_TEXT = 32767

# Characters an .xlsx cannot hold (XML 1.0 forbids them): tabs and line breaks are kept.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class Kind(StrEnum):
    """How a column's values are aligned and formatted."""

    TEXT = "text"  # left, wraps
    LABEL = "label"  # left, never wraps (a short label over merged columns)
    CENTER = "center"  # centred text
    INT = "int"  # a count
    DATE = "date"
    RATE = "rate"  # a share in 0…1, shown as a percent: the only percent format there is
    CHANGE = "change"  # a signed change of a count


# Row fills: a whole table row is coloured by what it says (late, overdue) or by what it is (a total).
class Fill(StrEnum):
    PLAIN = "plain"
    LATE = "late"
    OVERDUE = "overdue"
    TOTAL = "total"


_FILL_COLOURS = {Fill.PLAIN: None, Fill.LATE: FILL_LATE, Fill.OVERDUE: FILL_OVERDUE, Fill.TOTAL: FILL_TOTAL}
_NUMBER_FORMATS = {
    Kind.DATE: DATE_FORMAT,
    Kind.RATE: RATE_FORMAT,
    Kind.INT: "0",
    Kind.CHANGE: CHANGE_FORMAT,
}
_HORIZONTAL = {
    Kind.TEXT: "left",
    Kind.LABEL: "left",
    Kind.CENTER: "center",
    Kind.DATE: "center",
}

# Free-standing text styles (titles, notes): name → (size, bold, colour, horizontal alignment).
STYLE_TITLE = "标题"
STYLE_SUBTITLE = "副标题"
STYLE_SECTION = "小节"
STYLE_LEAD = "要点"
STYLE_NOTE = "说明"
STYLE_PARAGRAPH = "正文"
STYLE_HEADER = "表头"
_TEXT_STYLES: dict[str, tuple[float, bool, str, str]] = {
    STYLE_TITLE: (16, True, "000000", "center"),
    STYLE_SUBTITLE: (12, True, "000000", "center"),
    STYLE_SECTION: (12, True, "000000", "left"),
    STYLE_LEAD: (11, True, "000000", "left"),
    STYLE_NOTE: (BODY_SIZE, False, "404040", "left"),
    STYLE_PARAGRAPH: (11, False, "000000", "left"),
}

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def cell_style(kind: Kind, fill: Fill = Fill.PLAIN) -> str:
    """The name of the body-cell style for a kind of value on a row fill."""
    return f"单元格-{kind}-{fill}"


def _register_styles(wb: Workbook) -> None:
    for kind in Kind:
        for fill in Fill:
            colour = _FILL_COLOURS[fill]
            style = NamedStyle(
                name=cell_style(kind, fill),
                font=Font(name=FONT_NAME, size=BODY_SIZE, bold=fill is Fill.TOTAL),
                border=_BORDER,
                alignment=Alignment(
                    horizontal=_HORIZONTAL.get(kind, "right"), vertical="center", wrap_text=kind is Kind.TEXT
                ),
                number_format=_NUMBER_FORMATS.get(kind, "General" if kind is Kind.CENTER else "@"),
            )
            if colour:
                style.fill = PatternFill(fill_type="solid", start_color=colour, end_color=colour)
            wb.add_named_style(style)
    wb.add_named_style(
        NamedStyle(
            name=STYLE_HEADER,
            font=Font(name=FONT_NAME, size=BODY_SIZE, bold=True),
            border=_BORDER,
            fill=PatternFill(fill_type="solid", start_color=FILL_HEADER, end_color=FILL_HEADER),
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
        )
    )
    for name, (size, bold, colour, horizontal) in _TEXT_STYLES.items():
        wb.add_named_style(
            NamedStyle(
                name=name,
                font=Font(name=FONT_NAME, size=size, bold=bold, color=colour),
                alignment=Alignment(horizontal=horizontal, vertical="center", wrap_text=True),
            )
        )


# --- paper ---------------------------------------------------------------------------------------------
# A column `w` units wide is 7w + 5 px in Excel (units of the default font's digit, Calibri 11) but 7 pt in
# LibreOffice where Calibri is not installed (DejaVu Sans stands in): a third wider. Sheets are laid out for
# both: widths within these budgets print at ≥ 95 % in LibreOffice (≥ 100 % in Excel), and text is wrapped
# and rows sized by Excel's narrower columns, so nothing is cut off in either.
PORTRAIT_UNITS = 80.0
LANDSCAPE_UNITS = 118.0


# --- text measure ------------------------------------------------------------------------------------
# Row heights are set by the program: Excel, WPS and LibreOffice do not reliably re-measure wrapped text
# in a file they did not write, so a long title would otherwise spill over the next row or be cut.

LINE_HEIGHT = 13.2  # points per line of 10 pt 微软雅黑 (its ascent and descent are 1.32 em)
ROW_PADDING = 3.0


def clean_text(value: str) -> str:
    """Drop what an .xlsx cannot hold (control characters pasted from Word); cut to Excel's cell limit."""
    if _ILLEGAL.search(value):
        value = _ILLEGAL.sub("", value)
    return value if len(value) <= EXCEL_MAX_TEXT else value[:EXCEL_MAX_TEXT]


def _set_value(cell: WriteOnlyCell, value: object) -> None:
    if isinstance(value, str):
        if not value:
            cell.value = None
            return
        try:
            cell.value = value  # openpyxl cuts text to Excel's cell limit itself
        except IllegalCharacterError:
            cell.value = clean_text(value)
        if cell.data_type != "s":
            cell.data_type = "s"  # "=…" would be a formula, "#N/A" an error value
    else:
        cell.value = value


def display_width(text: str) -> int:
    """Width in Excel column units: CJK and full-width characters take about two, ASCII one.

    Counted from the UTF-8 length (one extra unit per two extra bytes) because it runs on every cell of a
    10,000-row report; for the CJK fonts used that is as close as a per-character table (“” and — are
    full width in 微软雅黑 too).
    """
    return len(text) + (len(text.encode("utf-8")) - len(text)) // 2


def text_lines(text: str, width: float, size: float = BODY_SIZE) -> int:
    """How many lines `text` takes when wrapped in a column (or merged columns) `width` units wide.

    A column `width` units wide shows about 7 × width + 1 px of text, and a CJK character of `size` points
    is 1.34 × size px wide, so a line holds that many whole CJK characters (two units each); the line
    height is a little more than 微软雅黑 needs, which absorbs the space lost where Latin words wrap.
    """
    per_line = max(2, int((7 * width + 1) / (1.34 * size)) * 2)
    return sum(max(1, -(-display_width(line) // per_line)) for line in text.split("\n"))


def row_height(lines: int, size: float = BODY_SIZE) -> float:
    return lines * LINE_HEIGHT * size / BODY_SIZE + ROW_PADDING


# --- tables ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column(Generic[_T]):
    """One column of a table: its heading, kind, how to get a row's value, and its width bounds (units)."""

    header: str
    kind: Kind
    get: Callable[[_T], object]
    min_width: float = 6
    max_width: float = 40
    # When the kind differs from row to row (a rate among counts): the row's kind, else `kind`.
    kind_of: Callable[[_T], Kind] | None = None
    # Left out of a table where no row has a value in it (see columns_with_data).
    optional: bool = False


def columns_with_data(columns: Sequence[Column[_T]], rows: Sequence[_T]) -> list[Column[_T]]:
    """The columns to print: every required one, and the optional ones some row has a value in."""

    def has_data(col: Column[_T]) -> bool:
        return any(col.get(row) not in (None, "", 0) for row in rows)

    return [col for col in columns if not col.optional or has_data(col)]


# Headers may wrap (two CJK characters a line) rather than widen a column of short or empty values.
_HEADER_LINE = 4


def _value_width(value: object, kind: Kind) -> int:
    if value is None:
        return 0
    if kind is Kind.DATE:
        return 9  # yyyy-mm-dd in 10 pt 微软雅黑 is about 60 px
    if kind is Kind.RATE:
        return 6
    text = value if isinstance(value, str) else str(value)
    # A wrapped cell is as wide as its longest line.
    return max(display_width(line) for line in text.split("\n")) if text else 0


def fit_widths(columns: Sequence[Column[_T]], rows: Sequence[_T], total: float | None = None) -> list[float]:
    """Each column as wide as its widest value (a few thousand rows are enough), within its bounds; then,
    if they add up to more than `total` (the page's budget), the text columns give up what they have
    above their minimum, in proportion, so the sheet still prints at full size."""
    widths = []
    for col in columns:
        widest = min(max(display_width(w) for w in col.header.split("\n")), _HEADER_LINE)
        for row in rows[:3000]:
            widest = max(widest, _value_width(col.get(row), col.kind))
        widths.append(min(max(widest + 1.5, col.min_width), col.max_width))
    excess = sum(widths) - total if total is not None else 0
    slack = [
        w - col.min_width if col.kind is Kind.TEXT else 0.0 for col, w in zip(columns, widths, strict=True)
    ]
    if excess > 0 and sum(slack) > 0:
        share = min(excess / sum(slack), 1.0)
        widths = [round(w - s * share, 1) for w, s in zip(widths, slack, strict=True)]
    return widths


@dataclass(frozen=True)
class TableRange:
    header_row: int
    first_row: int  # first data row
    last_row: int  # last data row (the "（无）" row of an empty table)


# --- sheets ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageSetup:
    """How a sheet prints: A4, portrait or landscape, fitted to the page width, never to its height."""

    landscape: bool = False
    header_right: str = ""  # the running header, e.g. "2026年10月　明细"
    footer_left: str = ""  # the bureau
    footer_right: str = ""  # the generation time
    fit_height: bool = False  # one page tall as well (a one-page summary), else as many as needed


def _escape_header_footer(text: str) -> str:
    return text.replace("&", "&&")


class Sheet:
    """One worksheet written top to bottom: text blocks, one table, merged cells, page setup.

    A sheet holds at most one table (`table`): its header row is the sheet's print titles, so every
    printed page of the table starts with its headings, and nothing else can be repeated by mistake.
    """

    def __init__(self, book: Book, title: str, widths: Sequence[float], page: PageSetup) -> None:
        self.book = book
        self.ws: Any = book.wb.create_sheet(title=title)
        self.widths = list(widths)
        self.page = page
        self.row = 0  # the last row written
        self.table_range: TableRange | None = None
        self.headers: list[str] = []  # the table's column headings
        # Reused cells (see `cell`), by column and style name or by column, kind and fill.
        self._cells: dict[tuple[object, ...], WriteOnlyCell] = {}
        self._heights: dict[float, RowDimension] = {}
        for c, width in enumerate(self.widths, start=1):
            self.ws.column_dimensions[get_column_letter(c)].width = width
        # Written with the sheet's first row (the rest of the page setup goes at the end of the sheet).
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True

    @property
    def ncols(self) -> int:
        return len(self.widths)

    @property
    def total_width(self) -> float:
        return sum(self.widths)

    def freeze_below(self, row: int) -> None:
        """Keep rows 1…row in view while scrolling; call before anything is written."""
        self.ws.freeze_panes = f"A{row + 1}"

    # --- cells -------------------------------------------------------------------------------------

    def cell(self, column: int, value: object, style: str) -> WriteOnlyCell:
        """A styled cell for the next row. Text stays text: see the module docstring.

        One cell object per column and style is reused row after row: a write-only sheet writes a row to
        the file when it is appended, and styling a new cell costs more than writing it.
        """
        cell = self._cells.get((column, style))
        if cell is None:
            cell = self._cells[(column, style)] = WriteOnlyCell(self.ws)
            cell.style = style
        _set_value(cell, value)
        return cell

    def append(self, cells: Iterable[object], height: float | None = None) -> int:
        """Write the next row (cells or plain values); returns its number."""
        self.row += 1
        if height is not None:
            # One dimension object per height, shared by every row of that height (it holds no row number).
            height = round(height, 1)
            dimension = self._heights.get(height)
            if dimension is None:
                dimension = self._heights[height] = RowDimension(self.ws, ht=height, customHeight=True)
            self.ws.row_dimensions[self.row] = dimension
        self.ws.append(list(cells))
        return self.row

    def merge(self, row: int, first: int, last: int, *, to_row: int | None = None) -> None:
        if last > first or (to_row is not None and to_row > row):
            self.ws.merged_cells.add(
                f"{get_column_letter(first)}{row}:{get_column_letter(last)}{to_row or row}"
            )

    def blank(self, height: float | None = None) -> int:
        return self.append([], height)

    def text(self, text: str, style: str = STYLE_NOTE, *, size: float = BODY_SIZE, min_lines: int = 1) -> int:
        """A line or paragraph across the whole sheet width, as tall as its wrapped text."""
        lines = max(text_lines(text, self.total_width * 0.96, size), min_lines)
        row = self.append([self.cell(1, text, style)], row_height(lines, size))
        self.merge(row, 1, self.ncols)
        return row

    def title(self, text: str) -> int:
        row = self.append([self.cell(1, text, STYLE_TITLE)], 30)
        self.merge(row, 1, self.ncols)
        return row

    # --- the table ---------------------------------------------------------------------------------

    def table(
        self,
        columns: Sequence[Column[_T]],
        rows: Sequence[_T],
        fill_of: Callable[[_T], Fill] | None = None,
        empty_text: str = "（无）",
        *,
        filter_and_freeze: bool = False,
    ) -> TableRange:
        """The sheet's table: header row (the print titles), then one row per item, heights fitted.

        Row heights are worked out here (by Excel's column widths, the narrower: see PORTRAIT_UNITS):
        LibreOffice does not fit a row to wrapped text in a file it opens, and a row too short cuts text.
        With `filter_and_freeze` the header gets an autofilter; the panes must then have been frozen
        below it (`freeze_below`) before the sheet's first row was written.
        """
        if self.table_range is not None:
            raise ValueError("A sheet holds one table: its header row is the sheet's print titles.")
        widths = self.widths[: len(columns)]
        self.headers = [col.header for col in columns]
        header_lines = max(text_lines(col.header, w) for col, w in zip(columns, widths, strict=True))
        header = self.append(
            [self.cell(c, col.header, STYLE_HEADER) for c, col in enumerate(columns, start=1)],
            row_height(max(header_lines, 2)),
        )
        # Per column: its getter, a fixed kind (or None when it varies by row), how long a text surely
        # fits on one line (shorter ones are not measured: that would slow a 10,000-row sheet).
        plan = [
            (c, col.get, None if col.kind_of else col.kind, col.kind_of, width * 0.375 - 1, width)
            for c, (col, width) in enumerate(zip(columns, widths, strict=True), start=1)
        ]
        templates = self._cells
        for row in rows:
            fill = fill_of(row) if fill_of else Fill.PLAIN
            lines = 1
            cells = []
            for c, get, fixed_kind, kind_of, short, width in plan:
                value = get(row)
                kind = fixed_kind or kind_of(row)  # type: ignore[misc]
                if value.__class__ is str:
                    if value == "—":
                        kind = Kind.CENTER  # no figure: in the middle of the column, not against its edge
                    elif kind is Kind.TEXT and (len(value) > short or "\n" in value):
                        lines = max(lines, text_lines(value, width))
                cell = templates.get((c, kind, fill))
                if cell is None:
                    cell = templates[(c, kind, fill)] = WriteOnlyCell(self.ws)
                    cell.style = cell_style(kind, fill)
                _set_value(cell, value)
                cells.append(cell)
            self.append(cells, row_height(lines) if lines > 1 else None)
        if not rows:
            style = cell_style(Kind.CENTER)
            empty_row = self.append(
                [self.cell(c, empty_text if c == 1 else None, style) for c in range(1, len(columns) + 1)]
            )
            self.merge(empty_row, 1, len(columns))
        self.table_range = TableRange(header, header + 1, self.row)
        if filter_and_freeze:
            self.ws.auto_filter.ref = (
                f"A{header}:{get_column_letter(len(columns))}{max(self.row, header + 1)}"
            )
        return self.table_range

    def page_break(self) -> None:
        """Start a new printed page after the last row written."""
        self.ws.row_breaks.append(Break(id=self.row))

    def add_chart(self, chart: BarChart, anchor: str) -> None:
        self.ws.add_chart(chart, anchor)

    # --- paper -------------------------------------------------------------------------------------

    def finish(self) -> None:
        """Page setup; the table's header row becomes the print titles."""
        ws, page = self.ws, self.page
        ws.page_setup.orientation = "landscape" if page.landscape else "portrait"
        ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 1 if page.fit_height else 0
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.35
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        ws.page_margins.header = ws.page_margins.footer = 0.25
        if self.table_range is not None:
            ws.print_title_rows = f"{self.table_range.header_row}:{self.table_range.header_row}"
        # The page number goes after the bureau on the left, not in the centre: a centred one ran into the
        # right-hand stamp on a portrait page once the count had two digits ("第 13 页 / 共 16 页统计截止").
        page_number = "第 &P 页 / 共 &N 页"
        bureau = _escape_header_footer(page.footer_left)
        left = f"{bureau}　{page_number}" if bureau else page_number
        parts = [
            (ws.oddHeader.right, _escape_header_footer(page.header_right)),
            (ws.oddFooter.left, left),
            (ws.oddFooter.right, _escape_header_footer(page.footer_right)),
        ]
        for part, text in parts:
            if text:
                part.text = text
                part.font = f"{FONT_NAME},常规"
                part.size = 10


class Book:
    """A write-only workbook with the house styles; sheets are added in the order they appear."""

    def __init__(self, *, title: str, creator: str) -> None:
        self.wb = Workbook(write_only=True)
        _register_styles(self.wb)
        self.wb.properties.title = title
        self.wb.properties.creator = creator
        self.sheets: list[Sheet] = []

    def sheet(self, title: str, widths: Sequence[float], page: PageSetup) -> Sheet:
        sheet = Sheet(self, title, widths, page)
        self.sheets.append(sheet)
        return sheet

    def save(self, path: Path, *, what: str = "文件", error: type[ExportError] = ExportError) -> Path:
        """Finish every sheet and write the workbook to `path` (".xlsx" added if missing) atomically
        (io/report_file.py, shared with the .docx report). Raises `error` with a Chinese message naming
        `what` ("报表", "目录"); any file that was at `path` is left as it was.
        """
        for sheet in self.sheets:
            sheet.finish()
        try:
            return save_report_file(with_suffix(Path(path), ".xlsx"), self.wb.save, what=what, error=error)
        finally:
            self.close()

    def close(self) -> None:
        """End every sheet's stream (rows are streamed to temporary files as they are written)."""
        for ws in self.wb.worksheets:
            if not ws.closed:
                ws.close()
