"""Table 三 (收到和处理政府信息公开申请情况): its rows and columns as the format prints them, and its counts.

The applicant types (columns) and reply results (rows under 三、本年度办理结果) are the 依申请公开
register's own vocabulary (domain/applications.py); this module only arranges them the way the format
does — numbering the groups （一）…（六）, the reasons 1. 2. …, and adding the table's own rows (一、二、
（七）总计、四) and the 总计 column.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from disclosure_desk.domain.applications import (
    APPLICANT_TYPES,
    LEGAL_PERSON_GROUP,
    REPLY_RESULTS,
    ApplicantType,
    ReplyResult,
    ResultCategory,
)

NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANT_HEADER = "申请人情况"
LEGAL_PERSON_HEADER = LEGAL_PERSON_GROUP
TOTAL_COLUMN = "总计"
# The JSON column keys and the table's leaf columns, left to right.
COLUMNS: tuple[str, ...] = (*(t.value for t in APPLICANT_TYPES), TOTAL_COLUMN)

ROW_NEW = "一、本年新收政府信息公开申请数量"
ROW_CARRIED_OVER = "二、上年结转政府信息公开申请数量"
ROW_RESULTS = "三、本年度办理结果"
ROW_TOTAL = "（七）总计"
ROW_CARRIED_FORWARD = "四、结转下年度继续办理"

_NUMERALS = "一二三四五六七"
# The format's gloss on 部分公开, printed in the row label only.
_PARTLY_NOTE = "（区分处理的，只计这一情形，不计其他情形）"


def group_label(category: ResultCategory) -> str:
    """“（三）不予公开”: a result group as the table labels it."""
    number = _NUMERALS[list(ResultCategory).index(category)]
    note = _PARTLY_NOTE if category is ResultCategory.PARTLY_DISCLOSED else ""
    return f"（{number}）{category.value}{note}"


def result_row_label(result: ReplyResult) -> str:
    """The row a result is counted in: the group's label, or “1.属于国家秘密” for a numbered reason."""
    return group_label(result.category) if result.number == 0 else f"{result.number}.{result.reason}"


RESULT_ROWS: tuple[str, ...] = tuple(result_row_label(r) for r in REPLY_RESULTS)
# Every row with numbers, top to bottom: the JSON row keys.
ROWS: tuple[str, ...] = (ROW_NEW, ROW_CARRIED_OVER, *RESULT_ROWS, ROW_TOTAL, ROW_CARRIED_FORWARD)
_RESULT_ROW_OF: dict[str, str] = {r.code: result_row_label(r) for r in REPLY_RESULTS}


def rows_of_group(category: ResultCategory) -> tuple[str, ...]:
    return tuple(result_row_label(r) for r in REPLY_RESULTS if r.category is category)


@dataclass(frozen=True)
class Table3:
    """Every number of table 三: row label → one value per column of `COLUMNS` (总计 last).

    A value, not a computation: a table read back from a stored report may be inconsistent, and the
    checks (domain/statutory_checks.py) say where.
    """

    cells: Mapping[str, tuple[int, ...]]

    def value(self, row: str, column: str) -> int:
        return self.cells[row][COLUMNS.index(column)]

    def row(self, row: str) -> tuple[int, ...]:
        return self.cells[row]

    def column(self, column: str) -> dict[str, int]:
        index = COLUMNS.index(column)
        return {row: values[index] for row, values in self.cells.items()}

    @classmethod
    def zero(cls) -> Table3:
        return cls({row: (0,) * len(COLUMNS) for row in ROWS})

    def to_json(self) -> dict[str, dict[str, dict[str, int]]]:
        return {"rows": {row: dict(zip(COLUMNS, self.cells[row], strict=True)) for row in ROWS}}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Table3:
        """The shape `to_json` writes; a missing cell reads as 0."""
        rows = data.get("rows", {})
        if not isinstance(rows, Mapping):
            raise ValueError("rows")
        cells = {}
        for row in ROWS:
            values = rows.get(row, {})
            if not isinstance(values, Mapping):
                raise ValueError(row)
            cells[row] = tuple(int(values.get(column, 0)) for column in COLUMNS)
        return cls(cells)


@dataclass(frozen=True)
class Table3Entry:
    """An application as table 三 sees it: who applied, when it came in, and how and when it ended.

    `closed_on` is the reply day, or the day it was withdrawn (then `result` is None and it counts
    under （六）其他处理 3.其他, the format's only place for it); None while it is still open.
    """

    applicant_type: ApplicantType
    received_on: date
    closed_on: date | None = None
    result: ReplyResult | None = None


WITHDRAWN_RESULT_CODE = "其他处理-3"


def count_table3(entries: Iterable[Table3Entry], year: int) -> Table3:
    """Table 三 for `year`. By construction 一 + 二 = （七） + 四 in every column:

    received in the year → 一; received earlier and still open on 1 January → 二; closed in the year →
    its result row; received by 31 December and still open on it → 四.
    """
    start, end = date(year, 1, 1), date(year, 12, 31)
    counts: dict[str, list[int]] = {row: [0] * len(COLUMNS) for row in ROWS}
    total = len(COLUMNS) - 1

    def add(row: str, column: int) -> None:
        counts[row][column] += 1
        counts[row][total] += 1

    for entry in entries:
        if entry.received_on > end:
            continue
        closed = entry.closed_on
        if closed is not None and closed < start:
            continue  # finished before the year: not this year's business
        column = APPLICANT_TYPES.index(entry.applicant_type)
        add(ROW_NEW if entry.received_on >= start else ROW_CARRIED_OVER, column)
        if closed is None or closed > end:
            add(ROW_CARRIED_FORWARD, column)
            continue
        code = entry.result.code if entry.result is not None else WITHDRAWN_RESULT_CODE
        add(_RESULT_ROW_OF[code], column)
        add(ROW_TOTAL, column)
    return Table3({row: tuple(values) for row, values in counts.items()})


def group_totals(table: Table3, column: str) -> dict[ResultCategory, int]:
    """Each result group's count in a column: （一）, （二) and the sums of （三）…（六）'s numbered rows."""
    values = table.column(column)
    return {c: sum(values[row] for row in rows_of_group(c)) for c in ResultCategory}
