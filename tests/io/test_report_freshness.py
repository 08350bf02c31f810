"""The report's 栏目更新 sheet, read back with openpyxl from the small known register (tests/report_sample.py,
October 2026 as of 10-31) with item 4 (工作动态) marked 动态 by the officer."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from report_sample import ITEMS, october_input  # tests/report_sample.py

from disclosure_desk.domain.due import rule_of
from disclosure_desk.domain.report_stats import compute_report
from disclosure_desk.io.excel_report import write_report
from disclosure_desk.io.report_freshness import SHEET_FRESHNESS
from disclosure_desk.io.xlsx_writer import FILL_OVERDUE
from disclosure_desk.ui.dashboard_presenter import build_dashboard


def _sheet(tmp_path: Path, dynamic: bool) -> Any:
    items = tuple(replace(i, dynamic=dynamic and i.number == 4) for i in ITEMS)
    stats = compute_report(replace(october_input(), items=items))
    return load_workbook(write_report(tmp_path / "月报.xlsx", stats))[SHEET_FRESHNESS]


def _table(ws: Any) -> tuple[int, list[list[Any]]]:
    header = int(ws.print_title_rows.split(":")[0].replace("$", ""))
    rows = []
    for row in ws.iter_rows(min_row=header + 1):
        if row[0].value is None:
            break
        rows.append([c.value for c in row])
    return header, rows


def test_stale_then_blank_columns_as_of_the_statistics_day(tmp_path: Path) -> None:
    ws = _sheet(tmp_path, dynamic=True)
    assert ws["A1"].value == "周村区科技局栏目更新情况（2026年10月）"
    note = str(ws["A2"].value)
    assert note.startswith("截至 2026-10-31：超期未更新 1 个，空白栏目（从未公开）2 个，即将超期 0 个。")
    header, rows = _table(ws)
    assert [str(c.value).replace("\n", "") for c in ws[header] if c.value] == [
        "目录序号", "一级目录", "二级目录", "公开内容（要素）", "最近一次公开日期", "最长更新间隔",
        "更新情况",
    ]  # fmt: skip
    # item 4, 动态: last published 10-15, two weeks run to 10-29, stale from 10-30
    number, category, _sub, content, last, limit, state = rows[0]
    assert (number, category, content) == (4, "工作动态", "事项4的公开内容")
    assert isinstance(last, datetime) and last.date().isoformat() == "2026-10-15"
    assert limit == "2周（动态栏目）"
    assert state == "超期未更新（2026-10-30起）"
    # item 2's only record went out on 11-03, after the statistics day; item 5 has none at all
    assert [(r[0], r[4], r[6]) for r in rows[1:]] == [(2, None, "空白栏目"), (5, None, "空白栏目")]
    assert all(ws.cell(header + n, 1).fill.fgColor.rgb.endswith(FILL_OVERDUE) for n in (1, 2, 3))


def test_without_the_mark_the_six_month_default_leaves_only_the_blank_columns(tmp_path: Path) -> None:
    _header, rows = _table(_sheet(tmp_path, dynamic=False))
    assert [r[0] for r in rows] == [2, 5]


@pytest.mark.parametrize("dynamic", [True, False])
def test_the_sheet_lists_what_the_start_page_lists(dynamic: bool) -> None:
    items = tuple(replace(i, dynamic=dynamic and i.number == 4) for i in ITEMS)
    data = replace(october_input(), items=items)
    stats = compute_report(data)
    page = build_dashboard(
        data.records, items, data.as_of, data.calendar, data.settings.due_soon_days, rule_of
    )
    assert stats.freshness == page.stale_columns()
    assert (4 in [f.item.number for f in stats.freshness]) is dynamic
