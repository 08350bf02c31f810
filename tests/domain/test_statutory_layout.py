"""The tables' grids: every position covered exactly once, numbers keyed as the checks name them, and a
failed check marks the cells it is about."""

from __future__ import annotations

import pytest
from statutory_sample import sample_report  # tests/statutory_sample.py

from disclosure_desk.domain.statutory_checks import run_checks
from disclosure_desk.domain.statutory_layout import Grid, Role, table2_grid, table3_grid, table4_grid
from disclosure_desk.domain.statutory_table3 import COLUMNS, ROW_NEW, Table3
from disclosure_desk.domain.statutory_tables import CaseCounts, Section4

REPORT = sample_report()
GRIDS = {
    "二": table2_grid(REPORT.section2),
    "三": table3_grid(REPORT.table3),
    "四": table4_grid(REPORT.section4),
}


@pytest.mark.parametrize("name", list(GRIDS))
def test_every_position_is_covered_once(name: str) -> None:
    grid: Grid = GRIDS[name]
    covered: list[tuple[int, int]] = []
    for cell in grid.cells:
        covered += [
            (r, c)
            for r in range(cell.row, cell.row + cell.rowspan)
            for c in range(cell.column, cell.column + cell.colspan)
        ]
    assert sorted(covered) == [(r, c) for r in range(grid.rows) for c in range(grid.columns)]
    keys = [cell.key for cell in grid.cells if cell.key is not None]
    assert len(keys) == len(set(keys))
    assert all(cell.role is Role.NUMBER for cell in grid.cells if cell.key is not None)


def test_shapes() -> None:
    assert (GRIDS["二"].rows, GRIDS["二"].columns) == (14, 4)
    assert (GRIDS["三"].rows, GRIDS["三"].columns, GRIDS["三"].header_rows) == (28, 10, 3)
    assert (GRIDS["四"].rows, GRIDS["四"].columns) == (4, 15)
    assert sum(GRIDS["三"].widths_mm) == pytest.approx(156)


def test_failed_checks_mark_their_cells() -> None:
    cells = dict(REPORT.table3.cells)
    cells[ROW_NEW] = (9, *cells[ROW_NEW][1:])
    broken = Table3(cells)
    section4 = Section4(review=CaseCounts(1, 0, 0, 0, total=2))
    checks = run_checks(REPORT.section2, broken, section4, 2026)
    marked = table3_grid(broken).failed_cells(checks)
    # 一+二 = （七）+四 fails in the 自然人 column (four cells); the 一 row's 总计 fails too
    assert sorted(marked) == [(3, 3), (3, 9), (4, 3), (26, 3), (27, 3)]
    assert marked[(3, 9)] == ["表三“一、本年新收政府信息公开申请数量”行：总计列 6 ≠ 各类申请人之和 11"]
    assert list(table4_grid(section4).failed_cells(checks)) == [(3, 4)]
    assert table2_grid(REPORT.section2).failed_cells(checks) == {}
    assert COLUMNS[0] == "自然人"
