"""The report as a supervisor prints and forwards it, read back with openpyxl from a realistic register
(tests/report_scenario.py: 60+ publications a month, September–November 2026)."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from report_scenario import records, report_input  # tests/report_scenario.py

from disclosure_desk.domain.history import arisen_on
from disclosure_desk.domain.report_period import ReportPeriod
from disclosure_desk.domain.report_stats import compute_report
from disclosure_desk.io.excel_report import SHEETS, write_report
from disclosure_desk.io.xlsx_writer import FILL_HEADER, LANDSCAPE_UNITS, PORTRAIT_UNITS

MADE_ON = date(2026, 12, 1)


def _write(folder: Path, period: ReportPeriod, made_on: date = MADE_ON) -> Any:
    path = write_report(folder / f"{period.label}.xlsx", compute_report(report_input(period, made_on)))
    return load_workbook(path)


@pytest.fixture(scope="module")
def october(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return _write(tmp_path_factory.mktemp("oct"), ReportPeriod.month(2026, 10))


@pytest.fixture(scope="module")
def november(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return _write(tmp_path_factory.mktemp("nov"), ReportPeriod.month(2026, 11))


@pytest.fixture(scope="module")
def reports(october: Any, november: Any, tmp_path_factory: pytest.TempPathFactory) -> list[Any]:
    folder = tmp_path_factory.mktemp("more")
    mid = _write(folder, ReportPeriod.month(2026, 11), date(2026, 11, 15))
    year = _write(folder, ReportPeriod.year(2026), date(2026, 11, 30))
    return [october, november, mid, year]


def _header_row(ws: Any) -> int:
    rows = ws.print_title_rows
    assert rows, f"{ws.title}: no print titles"
    first, last = (int(part.replace("$", "")) for part in rows.split(":"))
    assert first == last, f"{ws.title}: print titles {rows} are more than the table's header row"
    return first


def _is_header(ws: Any, row: int) -> bool:
    cells = [c for c in ws[row] if c.value is not None]
    return bool(cells) and all(c.font.b and c.fill.fgColor.rgb.endswith(FILL_HEADER) for c in cells)


def test_every_sheet_prints_its_table_header_on_every_page(reports: list[Any]) -> None:
    for wb in reports:
        assert len(wb.sheetnames) >= len(SHEETS) - 1
        for ws in wb.worksheets:
            header = _header_row(ws)
            assert header > 1, f"{ws.title}: the title is not a table header"
            assert _is_header(ws, header), f"{ws.title}: row {header} is not the table's header"
            assert not any(_is_header(ws, r) for r in range(1, header)), ws.title
            # One table per sheet: no second header further down that the print titles would not repeat.
            assert not any(_is_header(ws, r) for r in range(header + 1, ws.max_row + 1)), ws.title
            assert not ws.row_breaks.brk, f"{ws.title}: a fixed page break would split the table"


def test_percent_formats_only_on_rates(reports: list[Any]) -> None:
    checked = 0
    for wb in reports:
        for ws in wb.worksheets:
            header = _header_row(ws)
            for row in ws.iter_rows():
                for cell in row:
                    if "%" not in cell.number_format:
                        continue
                    heading = str(ws.cell(row=header, column=cell.column).value or "")
                    label = str(ws.cell(row=cell.row, column=1).value or "")
                    assert "率" in heading + label, (ws.title, cell.coordinate, heading, label)
                    if isinstance(cell.value, int | float):  # a rate of 100 % reads back as the integer 1
                        assert 0 <= cell.value <= 1, (ws.title, cell.coordinate)
                        checked += 1
                    else:
                        assert cell.value in (None, "—"), (ws.title, cell.coordinate, cell.value)
    assert checked > 20


def test_sheets_fit_a4_at_full_size(reports: list[Any]) -> None:
    for wb in reports:
        for ws in wb.worksheets:
            assert int(ws.page_setup.paperSize) == 9
            assert ws.sheet_properties.pageSetUpPr.fitToPage and int(ws.page_setup.fitToWidth) == 1
            budget = LANDSCAPE_UNITS if ws.page_setup.orientation == "landscape" else PORTRAIT_UNITS
            header = _header_row(ws)
            used = [c.column_letter for c in ws[header] if c.value is not None]
            width = sum(ws.column_dimensions[letter].width for letter in used)
            assert width <= budget + 0.5, (ws.title, width)


def _open_titles(wb: Any) -> Counter[tuple[str, datetime]]:
    ws = wb["未公开"]
    header = _header_row(ws)
    names = [str(c.value).replace("\n", "") for c in ws[header]]
    title, due = names.index("标题"), names.index("应公开日期")
    return Counter(
        (row[title].value, row[due].value) for row in ws.iter_rows(min_row=header + 1) if row[title].value
    )


def test_october_lists_its_open_work_by_name(october: Any) -> None:
    # Worked out from the register directly, not through the report's own code.
    start, end = date(2026, 10, 1), date(2026, 10, 31)
    formed_and_open: Counter[tuple[str, datetime]] = Counter()
    due_in_november: Counter[tuple[str, datetime]] = Counter()
    for record in records():
        pub, due = record.publication, record.due.due_on
        still_open = pub.published_on is None or pub.published_on > end
        arisen = arisen_on(record, MADE_ON)
        if not still_open or due is None or (arisen is not None and arisen > end):
            continue
        key = (pub.title, datetime.combine(due, datetime.min.time()))
        if arisen is not None and start <= arisen <= end:
            formed_and_open[key] += 1
        if date(2026, 11, 1) <= due <= date(2026, 11, 30):
            due_in_november[key] += 1
    assert len(formed_and_open) > 20 and len(due_in_november) > 20
    listed = _open_titles(october)
    assert listed & formed_and_open == formed_and_open  # every one of them, by name
    assert listed & due_in_november == due_in_november
    assert "11月将有" in october["汇总"]["A5"].value


def _figures(wb: Any) -> list[tuple[Any, ...]]:
    ws = wb["汇总"]
    header = _header_row(ws)
    assert [c.value for c in ws[header]][:4] == ["指标", "本月", "上月", "增减"]
    rows = []
    for row in ws.iter_rows(min_row=header + 1, max_col=4):
        if not isinstance(row[0].value, str) or row[1].value is None:
            break
        rows.append(tuple(c.value for c in row))
    return rows


def test_last_month_figures_are_last_months_report(october: Any, november: Any) -> None:
    this_month, last_month = _figures(november), _figures(october)
    assert len(this_month) == len(last_month) >= 10
    for now, before in zip(this_month, last_month, strict=True):
        assert now[2] == before[1], (now, before)  # 上月 in November = 本月 in October
        if isinstance(now[1], int):
            assert now[3] == now[1] - now[2]  # 增减
    assert this_month[-1][0] == "12月到期（条）" and last_month[-1][0] == "11月到期（条）"


def test_a_report_made_mid_month_says_so(reports: list[Any]) -> None:
    mid = reports[2]["汇总"]
    assert mid["A2"].value == "2026年11月（截至11月15日）"
    assert "统计期间：2026-11-01 至 2026-11-15" in mid["A3"].value
    assert "统计截止：2026-11-15" in mid["A3"].value
    assert "生成时间：2026-12-01 10:05" in mid["A3"].value
    assert "11月16日至30日还有" in mid["A5"].value
    assert reports[3]["汇总"]["A2"].value == "2026年（截至11月30日）"
    assert "12月将有 " in reports[3]["汇总"]["A5"].value  # the annual headline looks at December
