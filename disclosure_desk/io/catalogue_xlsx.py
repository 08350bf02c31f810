"""Excel (.xlsx) catalogues: each sheet's cells with merged ranges marked, for the table core.

A merged range's value belongs to every cell of the range. Workbooks written by `export_catalogue_xlsx`
carry a marker so that their blank hierarchy cells are read as blank (every row is written out in full).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from disclosure_desk.io.catalogue_errors import FormatProblem
from disclosure_desk.io.catalogue_table import Cell, Merge, Row, find_header

# Marks a workbook written by this program (core property "keywords").
EXPORT_MARKER = "disclosure-desk-catalogue"
VERSION_PROPERTY = "目录版本"
EFFECTIVE_PROPERTY = "生效日期"
# A catalogue has tens or hundreds of rows; a sheet claiming more is formatting debris, not data.
_MAX_ROWS = 20_000
_MAX_COLUMNS = 200


@dataclass(frozen=True)
class SheetRows:
    rows: list[Row]
    sheet_name: str
    ours: bool
    title: str
    version: str
    effective_on: str


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def _sheet_rows(sheet: Worksheet) -> list[list[Cell]]:
    last_row = min(sheet.max_row, _MAX_ROWS)
    last_column = min(sheet.max_column, _MAX_COLUMNS)
    grid = [
        [Cell(_text(v)) for v in values]
        for values in sheet.iter_rows(max_row=last_row, max_col=last_column, values_only=True)
    ]
    for merged in sheet.merged_cells.ranges:
        top, left = merged.min_row - 1, merged.min_col - 1
        if top >= len(grid) or left >= last_column:
            continue
        value = grid[top][left].text
        for r in range(top, min(merged.max_row, len(grid))):
            for c in range(left, min(merged.max_col, last_column)):
                if (r, c) != (top, left):
                    grid[r][c] = Cell(value, Merge.RIGHT if r == top else Merge.DOWN)
    # Trailing empty rows and columns (formatting reaches further than data) are dropped.
    while grid and not any(c.text.strip() for c in grid[-1]):
        grid.pop()
    used = max((i + 1 for row in grid for i, c in enumerate(row) if c.text.strip()), default=0)
    return [row[:used] for row in grid]


def _custom_properties(workbook: Any) -> dict[str, str]:
    properties = getattr(workbook, "custom_doc_props", None)
    if properties is None:
        return {}
    return {str(p.name): _text(p.value) for p in properties.props}


def rows_from_xlsx(data: bytes) -> SheetRows:
    """The rows of the first sheet that holds a catalogue table."""
    workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    try:
        ours = (workbook.properties.keywords or "") == EXPORT_MARKER
        custom = _custom_properties(workbook) if ours else {}
        for sheet in workbook.worksheets:
            if not isinstance(sheet, Worksheet):
                continue
            rows = _sheet_rows(sheet)
            if find_header(rows) is not None:
                return SheetRows(
                    rows=list(rows),
                    sheet_name=sheet.title,
                    ours=ours,
                    title=(workbook.properties.title or "") if ours else "",
                    version=custom.get(VERSION_PROPERTY, ""),
                    effective_on=custom.get(EFFECTIVE_PROPERTY, ""),
                )
    finally:
        workbook.close()
    raise FormatProblem(
        "Excel 工作簿中没有找到目录表格（表头至少应有“公开内容”以及“公开时限”或“公开依据”）。"
    )
