"""Word (.docx) catalogues: the table's real grid, with merged cells marked, for the table core.

The grid is read from the XML (w:gridSpan, w:vMerge) rather than python-docx's `row.cells`, which repeats
one cell object for every grid column and row it covers and so hides which cells are continuations.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import docx
from docx.oxml.ns import qn

from disclosure_desk.io.catalogue_errors import FormatProblem
from disclosure_desk.io.catalogue_table import Cell, Merge, Row, find_header

# Bounds a damaged or hostile file's w:gridSpan / w:gridBefore; real catalogues have about a dozen columns.
_MAX_COLUMNS = 200
# Paragraphs just above the table that may hold the title ("附件1", "XX局政务公开基本目录").
_TITLE_PARAGRAPHS = 3


def _cell_text(tc: Any) -> str:
    return "\n".join(str(p.text) for p in tc.iterchildren(qn("w:p")))


def _grid_before(tr: Any) -> int:
    tr_pr = tr.find(qn("w:trPr"))
    before = tr_pr.find(qn("w:gridBefore")) if tr_pr is not None else None
    value = before.get(qn("w:val")) if before is not None else None
    return min(int(value), _MAX_COLUMNS) if value and value.isdigit() else 0


def _table_rows(tbl: Any) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for tr in tbl.iterchildren(qn("w:tr")):
        row = [Cell("") for _ in range(_grid_before(tr))]
        for tc in tr.iterchildren(qn("w:tc")):
            column = len(row)
            if column >= _MAX_COLUMNS:
                break
            above = rows[-1][column] if rows and column < len(rows[-1]) else None
            if tc.vMerge == "continue":
                # Continuation of a vertical merge: the value is the merged cell's, found in the row above.
                first = Cell(above.text if above is not None else "", Merge.DOWN)
            else:
                first = Cell(_cell_text(tc))
            span = min(max(1, tc.grid_span), _MAX_COLUMNS)
            row.append(first)
            row += [Cell(first.text, Merge.RIGHT if first.merge is Merge.NONE else Merge.DOWN)] * (span - 1)
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    return [r + [Cell("")] * (width - len(r)) for r in rows]


def _body_blocks(document: Any) -> Iterator[tuple[str, Any]]:
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield "p", child
        elif child.tag == qn("w:tbl"):
            yield "tbl", child


def rows_from_docx(data: bytes) -> list[Row]:
    """Title paragraphs, then the rows of the catalogue table (and of same-width tables that continue it)."""
    document = docx.Document(io.BytesIO(data))
    paragraphs: list[str] = []
    found: list[Row] = []
    title_rows: list[Row]
    width = 0
    for kind, element in _body_blocks(document):
        if kind == "p":
            if not found:
                text = str(element.text).strip()
                if text:
                    paragraphs = [*paragraphs, text][-_TITLE_PARAGRAPHS:]
            continue
        rows = _table_rows(element)
        if not rows:
            continue
        if not found:
            if find_header(rows) is not None:
                title_rows = [[Cell(p)] for p in paragraphs]
                found = [*title_rows, *rows]
                width = len(rows[0])
        elif len(rows[0]) == width:
            # A catalogue split over several tables (one per page or per process) goes on in the next one.
            found += rows
    if not found:
        raise FormatProblem(
            "Word 文档中没有找到目录表格（表头至少应有“公开内容”以及“公开时限”或“公开依据”）。"
        )
    return found
