"""The three tables of the 年度报告 as grids of cells with their merges, exactly as the format draws them.

One description serves every view: the .docx writer draws it with merged Word cells, the window's preview
with QTableView spans. Each number cell carries the (row, column) labels a check names, so a failed check
marks the cell it is about. docs/statutory-annual-report.md shows the three grids.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

from disclosure_desk.domain.applications import ResultCategory
from disclosure_desk.domain.statutory_checks import TABLE_2, TABLE_3, TABLE_4, Check
from disclosure_desk.domain.statutory_figures import format_figure
from disclosure_desk.domain.statutory_table3 import (
    APPLICANT_HEADER,
    COLUMNS,
    LEGAL_PERSON_HEADER,
    NOTE,
    ROW_CARRIED_FORWARD,
    ROW_CARRIED_OVER,
    ROW_NEW,
    ROW_RESULTS,
    ROW_TOTAL,
    TOTAL_COLUMN,
    Table3,
    group_label,
    rows_of_group,
)
from disclosure_desk.domain.statutory_tables import (
    ABOLISHED,
    COERCION,
    CONTENT,
    DECISIONS,
    FEE_AMOUNT,
    FEES,
    IN_FORCE,
    ISSUED,
    ITEM_1,
    ITEM_5,
    ITEM_6,
    ITEM_8,
    LICENSING,
    LITIGATION,
    LITIGATION_AFTER_REVIEW,
    LITIGATION_DIRECT,
    NORMATIVE_DOCUMENTS,
    OUTCOME_LABELS,
    PENALTY,
    REGULATIONS,
    REVIEW,
    TOTAL,
    Section2,
    Section4,
)

TEXT_WIDTH_MM = 156.0  # A4 less the 28 + 26 mm margins


class Role(Enum):
    HEADER = "header"  # a heading cell, centred
    LABEL = "label"  # a row's label, left-aligned
    NUMBER = "number"  # a figure, centred


@dataclass(frozen=True)
class GridCell:
    row: int
    column: int
    text: str
    role: Role
    rowspan: int = 1
    colspan: int = 1
    # For a number: the (row, column) a check names it by; None for headings and labels.
    key: tuple[str, str] | None = None


@dataclass(frozen=True)
class Grid:
    table: str  # TABLE_2 / TABLE_3 / TABLE_4, as checks name it
    widths_mm: tuple[float, ...]
    rows: int
    cells: tuple[GridCell, ...]
    header_rows: int = 0  # rows repeated at the top of each page the table runs onto
    keep_together: bool = True  # small tables stay on one page

    @property
    def columns(self) -> int:
        return len(self.widths_mm)

    def failed_cells(self, checks: tuple[Check, ...] | list[Check]) -> dict[tuple[int, int], list[str]]:
        """(row, column) of each number cell a failed check is about → the checks' messages."""
        marked: dict[tuple[int, int], list[str]] = {}
        by_key = {cell.key: cell for cell in self.cells if cell.key is not None}
        for check in checks:
            if check.ok or check.table != self.table:
                continue
            for key in _keys_of(check, by_key):
                cell = by_key[key]
                marked.setdefault((cell.row, cell.column), []).append(check.message)
        return marked


def _keys_of(check: Check, by_key: dict[tuple[str, str], GridCell]) -> Iterator[tuple[str, str]]:
    if check.row and check.column:
        if (check.row, check.column) in by_key:
            yield (check.row, check.column)
        return
    # a check about a whole column (表三 一+二 = （七）+四): its four cells
    for row in (ROW_NEW, ROW_CARRIED_OVER, ROW_TOTAL, ROW_CARRIED_FORWARD):
        if (row, check.column) in by_key:
            yield (row, check.column)


@dataclass
class _Builder:
    table: str
    widths_mm: tuple[float, ...]
    rows: int
    cells: list[GridCell] = field(default_factory=list)

    def put(
        self, row: int, column: int, text: str, role: Role = Role.HEADER, *, span: tuple[int, int] = (1, 1)
    ) -> None:
        self.cells.append(GridCell(row, column, text, role, span[0], span[1]))

    def number(self, row: int, column: int, value: str, key: tuple[str, str], *, colspan: int = 1) -> None:
        self.cells.append(GridCell(row, column, value, Role.NUMBER, 1, colspan, key))

    def grid(self, header_rows: int = 0, *, keep_together: bool = True) -> Grid:
        return Grid(self.table, self.widths_mm, self.rows, tuple(self.cells), header_rows, keep_together)


def table2_grid(s2: Section2) -> Grid:
    b = _Builder(TABLE_2, (47.0, 36.3, 36.3, 36.4), 14)
    b.put(0, 0, ITEM_1, span=(1, 4))
    for column, text in enumerate((CONTENT, ISSUED, ABOLISHED, IN_FORCE)):
        b.put(1, column, text)
    for row, (label, counts) in enumerate(
        ((REGULATIONS, s2.regulations), (NORMATIVE_DOCUMENTS, s2.normative_documents)), start=2
    ):
        b.put(row, 0, label, Role.LABEL)
        for column, (heading, value) in enumerate(
            ((ISSUED, counts.issued), (ABOLISHED, counts.abolished), (IN_FORCE, counts.in_force)), start=1
        ):
            b.number(row, column, str(value), (label, heading))
    singles = (
        (4, ITEM_5, DECISIONS, ((LICENSING, str(s2.licensing)),)),
        (7, ITEM_6, DECISIONS, ((PENALTY, str(s2.penalty)), (COERCION, str(s2.coercion)))),
        (11, ITEM_8, FEE_AMOUNT, ((FEES, format_figure(s2.fees_10k_yuan)),)),
    )
    for row, item, heading, values in singles:
        b.put(row, 0, item, span=(1, 4))
        b.put(row + 1, 0, CONTENT)
        b.put(row + 1, 1, heading, span=(1, 3))
        for offset, (name, figure) in enumerate(values, start=2):
            b.put(row + offset, 0, name, Role.LABEL)
            b.number(row + offset, 1, figure, (name, heading), colspan=3)
    return b.grid()


def table3_grid(table3: Table3) -> Grid:
    width = (TEXT_WIDTH_MM - 9.0 - 16.0 - 48.0) / len(COLUMNS)
    b = _Builder(TABLE_3, (9.0, 16.0, 48.0, *([width] * len(COLUMNS))), 28)
    b.put(0, 0, NOTE, Role.LABEL, span=(3, 3))
    b.put(0, 3, APPLICANT_HEADER, span=(1, 7))
    b.put(1, 3, COLUMNS[0], span=(2, 1))
    b.put(1, 4, LEGAL_PERSON_HEADER, span=(1, 5))
    b.put(1, 9, TOTAL_COLUMN, span=(2, 1))
    for column, text in enumerate(COLUMNS[1:-1], start=4):
        b.put(2, column, text)

    def numbers(row: int, label: str) -> None:
        for column, (heading, value) in enumerate(zip(COLUMNS, table3.row(label), strict=True), start=3):
            b.number(row, column, str(value), (label, heading))

    b.put(3, 0, ROW_NEW, Role.LABEL, span=(1, 3))
    numbers(3, ROW_NEW)
    b.put(4, 0, ROW_CARRIED_OVER, Role.LABEL, span=(1, 3))
    numbers(4, ROW_CARRIED_OVER)
    b.put(5, 0, ROW_RESULTS, span=(22, 1))
    row = 5
    for category in ResultCategory:
        labels = rows_of_group(category)
        if labels == (group_label(category),):  # （一）（二）: no numbered rows
            b.put(row, 1, labels[0], Role.LABEL, span=(1, 2))
            numbers(row, labels[0])
            row += 1
            continue
        b.put(row, 1, group_label(category), Role.LABEL, span=(len(labels), 1))
        for label in labels:
            b.put(row, 2, label, Role.LABEL)
            numbers(row, label)
            row += 1
    b.put(row, 1, ROW_TOTAL, Role.LABEL, span=(1, 2))
    numbers(row, ROW_TOTAL)
    b.put(row + 1, 0, ROW_CARRIED_FORWARD, Role.LABEL, span=(1, 3))
    numbers(row + 1, ROW_CARRIED_FORWARD)
    return b.grid(header_rows=3, keep_together=False)


def table4_grid(s4: Section4) -> Grid:
    b = _Builder(TABLE_4, (TEXT_WIDTH_MM / 15,) * 15, 4)
    b.put(0, 0, REVIEW, span=(1, 5))
    b.put(0, 5, LITIGATION, span=(1, 10))
    labels = (*OUTCOME_LABELS, TOTAL)
    for column, text in enumerate(labels):
        b.put(1, column, text, span=(2, 1))
    b.put(1, 5, LITIGATION_DIRECT, span=(1, 5))
    b.put(1, 10, LITIGATION_AFTER_REVIEW, span=(1, 5))
    for column, text in enumerate(labels * 2, start=5):
        b.put(2, column, text)
    for (name, counts), start in zip(s4.groups(), (0, 5, 10), strict=True):
        for offset, (label, value) in enumerate(zip(labels, counts.cells, strict=True)):
            b.number(3, start + offset, str(value), (name, label))
    return b.grid()
