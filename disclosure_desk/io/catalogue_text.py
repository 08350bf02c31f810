"""Text files: a Word table flattened to text (the seed's shape), or tab/comma separated rows from Excel.

Flattened Word text puts every cell on a line starting with a TAB; the cell's further paragraphs follow on
lines without a tab; rows are separated by blank lines. A blank line can also sit inside a cell (an empty
paragraph), so rows are rebuilt from the column count and the 序号 numbering, not from blank lines alone.
Merges are lost in this format: a merged cell's continuation is just blank, and the table core's
merged-cell rule fills it.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field

from disclosure_desk.io.catalogue_errors import FormatProblem
from disclosure_desk.io.catalogue_fields import clean_cell
from disclosure_desk.io.catalogue_table import Cell, Row

# Excel copies a block as tab separated lines; a few such lines mean the text is not flattened Word.
_DELIMITED_MIN_LINES = 3


@dataclass
class _Segment:
    """Lines between two blank lines: free paragraphs first, then table cells (each a list of lines)."""

    paragraphs: list[list[str]] = field(default_factory=list)
    cells: list[list[str]] = field(default_factory=list)


def _segments(lines: list[str]) -> list[_Segment]:
    segments: list[_Segment] = []
    current = _Segment()
    after_blank = True
    for line in lines:
        starts_cell = line.startswith("\t")
        if not starts_cell and not line.strip():
            after_blank = True
            continue
        if after_blank and (current.cells or (starts_cell and current.paragraphs)):
            segments.append(current)
            current = _Segment()
        if starts_cell:
            current.cells.append([line[1:]])
        elif current.cells:
            current.cells[-1].append(line)
        elif current.paragraphs and not after_blank:
            current.paragraphs[-1].append(line)
        else:
            current.paragraphs.append([line])
        after_blank = False
    if current.cells or current.paragraphs:
        segments.append(current)
    return segments


def _width(segments: list[_Segment]) -> int:
    """The table's column count: the most common number of cells in a segment (ties: the larger)."""
    counts = Counter(len(s.cells) for s in segments if len(s.cells) >= 2)
    if not counts:
        raise FormatProblem(
            "文本中没有找到表格（应是从 Word 表格另存的文本，每个单元格占一行、以制表符开头）。"
        )
    return max(counts, key=lambda n: (counts[n], n))


def _number(text: str) -> int | None:
    value = clean_cell(text)
    return int(value) if value.isdigit() and len(value) <= 6 else None


def _starts_next_row(row: list[str], cells: list[str]) -> bool:
    current, following = _number(row[0]), _number(cells[0]) if cells else None
    return current is not None and following == current + 1


def _flattened_rows(lines: list[str]) -> list[list[str]]:
    segments = _segments(lines)
    width = _width(segments)
    rows: list[list[str]] = []
    row: list[str] | None = None
    for segment in segments:
        paragraphs = ["\n".join(p) for p in segment.paragraphs]
        cells = ["\n".join(c) for c in segment.cells]
        continues = (
            row is not None
            and len(row) < width
            and len(row) + len(cells) <= width
            and not _starts_next_row(row, cells)
        )
        if row is not None and continues:
            # The blank line was inside a cell: the row goes on.
            if paragraphs:
                row[-1] += "\n" + "\n".join(paragraphs)
            row += cells
            continue
        if row is not None:
            rows.append(row)
            row = None
        rows += [[p] for p in paragraphs]
        # Rows not separated by blank lines at all arrive as one long run of cells.
        while len(cells) > width and len(cells) % width == 0:
            rows.append(cells[:width])
            cells = cells[width:]
        row = cells or None
    if row is not None:
        rows.append(row)
    return rows


def _is_delimited(lines: list[str]) -> bool:
    interior = sum(1 for line in lines if "\t" in line.lstrip("\t"))
    leading = sum(1 for line in lines if line.startswith("\t"))
    return interior >= _DELIMITED_MIN_LINES and interior > leading


def _delimited_rows(text: str, delimiter: str) -> list[list[str]]:
    try:
        return [
            row for row in csv.reader(io.StringIO(text), delimiter=delimiter) if any(c.strip() for c in row)
        ]
    except csv.Error as error:
        raise FormatProblem(f"文本的分隔格式有误（{error}）。") from error


def rows_from_text(text: str, *, delimiter: str | None = None) -> list[Row]:
    """Rows of cells from catalogue text; `delimiter` forces CSV-style reading (e.g. "," for .csv)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if delimiter is None and _is_delimited(lines):
        delimiter = "\t"
    rows = _delimited_rows(text, delimiter) if delimiter else _flattened_rows(lines)
    return [[Cell(t) for t in row] for row in rows]
