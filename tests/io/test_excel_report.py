"""The Excel report, read back with openpyxl: figures, layout, print settings, safety."""

from __future__ import annotations

import os
import zipfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from report_sample import RECORDS, annual_input, october_input  # tests/report_sample.py

from disclosure_desk.domain.report_stats import ReportStats, compute_report
from disclosure_desk.io import atomic, excel_report
from disclosure_desk.io.errors import ReportError
from disclosure_desk.io.excel_report import (
    FILL_LATE,
    FILL_OVERDUE,
    display_width,
    text_lines,
    write_report,
)

DETAIL_HEADERS = [
    "序号", "过程", "一级目录", "二级目录", "标题", "文号", "索引号", "形成日期", "变更日期", "批复日期",
    "应公开日期", "公开日期", "公开渠道", "链接", "责任部门", "责任人", "保密审查", "状态", "逾期工作日数",
    "备注", "时限说明",
]  # fmt: skip
FORMULA_LIKE = ("=SUM(A1:A2)", "+86 123", "@foo", "-1")


@pytest.fixture(scope="module")
def october() -> ReportStats:
    return compute_report(october_input())


@pytest.fixture(scope="module")
def report(october: ReportStats, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_report(tmp_path_factory.mktemp("rep") / "月报.xlsx", october)


@pytest.fixture(scope="module")
def workbook(report: Path) -> Any:
    return load_workbook(report)


def _header(ws: Any, row: int = 3) -> list[str]:
    return [str(c.value).replace("\n", "") for c in ws[row] if c.value is not None]


def _rows(ws: Any, first: int = 4) -> list[dict[str, Any]]:
    names = _header(ws)
    return [
        dict(zip(names, (c.value for c in row), strict=False))
        for row in ws.iter_rows(min_row=first, max_col=len(names))
    ]


def _find(ws: Any, text: str, column: int = 1) -> int:
    for row in range(1, ws.max_row + 1):
        if ws.cell(row=row, column=column).value == text:
            return row
    raise AssertionError(f"{text!r} not found")


def test_sheets(workbook: Any, tmp_path: Path) -> None:
    assert workbook.sheetnames == ["汇总", "明细", "逾期", "目录覆盖"]
    annual = load_workbook(write_report(tmp_path / "年报.xlsx", compute_report(annual_input())))
    assert annual.sheetnames == ["汇总", "月度统计", "明细", "逾期", "目录覆盖"]


def test_summary_title_and_totals(workbook: Any) -> None:
    ws = workbook["汇总"]
    assert ws["A1"].value == "周村区科技局政务公开工作月报（2026年10月）"
    assert ws["A1"].font.b and ws["A1"].font.sz >= 14
    assert "A1:J1" in {str(r) for r in ws.merged_cells.ranges}
    assert "生成时间：2026-11-05 09:30" in ws["A2"].value
    assert "状态统计截至：2026-10-31" in ws["A2"].value
    assert "按时公开率 66.7%" in ws["A3"].value
    expected = {
        "本期公开信息（条）": 4,
        "　其中：按时公开": 2,
        "　　　　逾期公开": 1,
        "　　　　无时限": 1,
        "本期到期（条）": 5,
        "逾期未公开（条）": 3,
        "2026年11月到期（条）": 1,
    }
    for label, value in expected.items():
        assert ws.cell(row=_find(ws, label), column=3).value == value, label
    rate = ws.cell(row=_find(ws, "按时公开率"), column=3)
    assert rate.value == pytest.approx(2 / 3)
    assert rate.number_format == "0.0%"
    assert ws.cell(row=_find(ws, "逾期未公开（条）"), column=1).fill.fgColor.rgb.endswith(FILL_OVERDUE)


def test_summary_by_process(workbook: Any) -> None:
    ws = workbook["汇总"]
    header = _find(ws, "二、按过程统计") + 1
    names = [str(ws.cell(row=header, column=c).value or "").replace("\n", "") for c in range(1, 11)]
    assert names == [
        "过程", "", "本期公开", "其中按时公开", "其中逾期公开", "其中无时限", "本期到期",
        "逾期未公开（截至期末）", "下月到期（尚未公开）", "按时公开率",
    ]  # fmt: skip
    rows = {
        ws.cell(row=r, column=1).value: [ws.cell(row=r, column=c).value for c in range(3, 11)]
        for r in range(header + 1, header + 5)
    }
    assert rows == {
        "决策": [1, 1, 0, 0, 2, 2, 1, 1.0],
        "执行": [1, 0, 0, 1, 0, 0, 0, "—"],
        "结果": [2, 1, 1, 0, 3, 1, 0, 0.5],
        "合计": [4, 2, 1, 1, 5, 3, 1, pytest.approx(2 / 3)],
    }


def test_summary_by_category_and_channels(workbook: Any) -> None:
    ws = workbook["汇总"]
    header = _find(ws, "三、按一级目录统计") + 1
    categories = [
        (ws.cell(row=r, column=1).value, ws.cell(row=r, column=2).value)
        for r in range(header + 1, header + 6)
    ]
    assert categories == [
        ("决策", "政策法规"),
        ("决策", "规划计划"),
        ("执行", "财政资金"),
        ("结果", "工作动态"),
        ("结果", "统计信息"),
    ]
    assert [ws.cell(row=header + 2, column=c).value for c in range(3, 10)] == [0, 0, 0, 0, 1, 2, 0]
    assert ws.cell(row=header + 6, column=1).value == "合计"

    header = _find(ws, "四、公开渠道使用情况（本期公开的信息）") + 1
    channels = {
        ws.cell(row=r, column=1).value: [ws.cell(row=r, column=c).value for c in range(3, 7)]
        for r in range(header + 1, header + 14)
    }
    assert len(channels) == 13
    assert channels["政府网站"] == [4, 4, 0, 0]
    assert channels["两微一端"] == [1, 2, 1, 0]
    assert channels["社区/企事业单位/村公示栏（电子屏）"] == [0, 0, 0, 0]
    assert ws.cell(row=_find(ws, "两微一端"), column=5).fill.fgColor.rgb.endswith(FILL_LATE)


def test_summary_chart(report: Path) -> None:
    with zipfile.ZipFile(report) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 1
        xml = archive.read(charts[0]).decode("utf-8")
    for series in ("按时公开", "逾期公开", "逾期未公开"):
        assert series in xml
    assert "汇总" in xml  # the bars are references to the by-过程 table, not copied numbers


def test_details(workbook: Any) -> None:
    ws = workbook["明细"]
    assert ws["A1"].value == "周村区科技局本期公开或到期的信息明细（2026年10月）"
    assert _header(ws) == DETAIL_HEADERS
    rows = _rows(ws)
    assert len(rows) == 6
    assert [r["序号"] for r in rows] == [1, 2, 3, 4, 5, 6]
    by_title = {r["标题"]: r for r in rows}
    a = by_title["关于印发《周村区科技创新券管理办法》的通知"]
    assert a["形成日期"] == datetime(2026, 9, 25)
    assert a["应公开日期"] == datetime(2026, 10, 29)
    assert a["公开日期"] == datetime(2026, 10, 28)
    assert a["状态"] == "按时公开"
    assert a["公开渠道"] == "政府网站、政府公报"
    assert a["保密审查"] == "已审查（李强，2026-10-27）"
    assert a["文号"] == "周科发〔2026〕12号"
    assert a["逾期工作日数"] is None
    b = by_title["2026年度区级科技计划项目申报指南"]
    assert (b["状态"], b["逾期工作日数"]) == ("逾期公开", 5)
    assert "两微一端" in b["备注"]
    assert by_title["@foo"]["状态"] == "已公开（无时限）"
    assert by_title["@foo"]["应公开日期"] is None
    h = by_title["周村区“十四五”科技创新规划中期评估报告"]
    assert (h["状态"], h["逾期工作日数"], h["公开日期"]) == ("逾期未公开", 5, None)
    # The vertical tab pasted from Word is dropped: an .xlsx cannot hold it.
    assert "关于举办2026年科技活动周的通知（第二版）" in by_title


def test_detail_row_colours(workbook: Any) -> None:
    ws = workbook["明细"]
    status_col = DETAIL_HEADERS.index("状态") + 1
    for row in range(4, 10):
        status = ws.cell(row=row, column=status_col).value
        colours = {ws.cell(row=row, column=c).fill.fgColor.rgb[-6:] for c in range(1, 22)}
        if status == "逾期公开":
            assert colours == {FILL_LATE}
        elif status == "逾期未公开":
            assert colours == {FILL_OVERDUE}
        else:
            assert colours.isdisjoint({FILL_LATE, FILL_OVERDUE})


def test_dates_are_real_dates(workbook: Any) -> None:
    ws = workbook["明细"]
    seen = 0
    for col in ("H", "K", "L"):
        for cell in ws[col][3:]:
            if cell.value is not None:
                assert cell.is_date and isinstance(cell.value, datetime)
                assert cell.number_format == "yyyy-mm-dd"
                seen += 1
    assert seen >= 12


def test_overdue_sheet_oldest_first(workbook: Any) -> None:
    ws = workbook["逾期"]
    rows = _rows(ws)
    assert [(r["标题"], r["应公开日期"], r["逾期工作日数"]) for r in rows] == [
        ("+86 123", datetime(2026, 9, 15), 30),
        ("=SUM(A1:A2)", datetime(2026, 10, 20), 8),
        ("周村区“十四五”科技创新规划中期评估报告", datetime(2026, 10, 25), 5),
    ]
    assert "截至2026年10月31日" in ws["A1"].value


def test_coverage_sheet(workbook: Any) -> None:
    rows = _rows(workbook["目录覆盖"])
    assert [(r["目录序号"], r["说明"]) for r in rows] == [(2, "从未公开"), (5, "从未公开")]


def test_formula_like_text_stays_text(tmp_path: Path) -> None:
    # The annual report lists all four (F, titled "-1", is only due in November).
    report = write_report(tmp_path / "年报.xlsx", compute_report(annual_input()))
    workbook = load_workbook(report)
    found = set()
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if cell.value in FORMULA_LIKE:
                    assert cell.data_type == "s"
                    found.add(cell.value)
    assert found == set(FORMULA_LIKE)
    with zipfile.ZipFile(report) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert "<f>" not in archive.read(name).decode("utf-8"), name


def test_error_code_like_text_stays_text(tmp_path: Path) -> None:
    record = RECORDS["C"]
    odd = replace(record, publication=replace(record.publication, title="#N/A"))
    ws = load_workbook(write_report(tmp_path / "r.xlsx", compute_report(october_input([odd]))))["明细"]
    assert (ws["E4"].value, ws["E4"].data_type) == ("#N/A", "s")


@pytest.mark.parametrize("sheet", ["汇总", "明细", "逾期", "目录覆盖"])
def test_print_settings(workbook: Any, sheet: str) -> None:
    ws = workbook[sheet]
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert int(ws.page_setup.fitToWidth) == 1
    assert int(ws.page_setup.fitToHeight) == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_title_rows
    assert "周村区科技局" in ws.oddFooter.left.text
    assert ws.oddFooter.center.text == "第 &P 页 / 共 &N 页"
    assert 0.2 <= ws.page_margins.footer < ws.page_margins.bottom


@pytest.mark.parametrize(("sheet", "ref"), [("明细", "A3:U9"), ("逾期", "A3:O6"), ("目录覆盖", "A3:H5")])
def test_tables_freeze_header_and_filter(workbook: Any, sheet: str, ref: str) -> None:
    ws = workbook[sheet]
    assert ws.freeze_panes == "A4"
    assert ws.auto_filter.ref == ref
    assert ws.print_title_rows == "$3:$3"


def test_column_widths_fit_cjk(workbook: Any) -> None:
    ws = workbook["明细"]
    # 标题 is as wide as allowed and wraps; a date column fits yyyy-mm-dd.
    assert ws.column_dimensions["E"].width == 22
    assert ws["E4"].alignment.wrap_text
    assert 10 <= ws.column_dimensions["K"].width <= 11
    assert display_width("周村区") == 6
    assert display_width("abc") == 3
    assert text_lines("周" * 10, 11) == 2
    assert text_lines("周" * 5, 11) == 1
    assert text_lines("a\nb", 11) == 2


def test_wrapped_rows_get_room(workbook: Any) -> None:
    ws = workbook["明细"]
    row = _find(ws, "关于印发《周村区科技创新券管理办法》的通知", column=5)
    assert ws.row_dimensions[row].height >= 3 * excel_report.LINE_HEIGHT


def test_empty_report(tmp_path: Path) -> None:
    wb = load_workbook(write_report(tmp_path / "空.xlsx", compute_report(october_input([]))))
    assert wb["明细"]["A4"].value == "本期没有公开或到期的信息。"
    assert wb["逾期"]["A4"].value == "截至统计日没有逾期未公开的信息。"
    assert len(_rows(wb["目录覆盖"])) == 5


def test_adds_xlsx_suffix(tmp_path: Path, october: ReportStats) -> None:
    written = write_report(tmp_path / "十月报表", october)
    assert written == tmp_path / "十月报表.xlsx"
    assert written.exists()


def _leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_locked_target_is_left_untouched(
    tmp_path: Path, october: ReportStats, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "月报.xlsx"
    target.write_bytes(b"the report the supervisor has open")

    def locked(src: Any, dst: Any) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", locked)
    with pytest.raises(ReportError, match="正被其他程序（如 Excel/WPS/Word）打开，无法覆盖") as error:
        write_report(target, october)
    assert str(target) in str(error.value)
    assert target.read_bytes() == b"the report the supervisor has open"
    assert _leftovers(tmp_path, {"月报.xlsx"}) == []


def test_crash_while_saving_leaves_no_half_report(
    tmp_path: Path, october: ReportStats, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "月报.xlsx"
    target.write_bytes(b"old")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    with pytest.raises(ReportError, match="原有文件未被改动"):
        write_report(target, october)
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path, {"月报.xlsx"}) == []


def test_missing_folder(tmp_path: Path, october: ReportStats) -> None:
    with pytest.raises(ReportError, match="不存在"):
        write_report(tmp_path / "没有这个文件夹" / "月报.xlsx", october)


def test_read_only_folder(tmp_path: Path, october: ReportStats, monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulated: tests often run as root, for whom chmod does not stop a write.
    def denied(**kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", denied)
    with pytest.raises(ReportError, match="检查权限"):
        write_report(tmp_path / "月报.xlsx", october)
    assert list(tmp_path.iterdir()) == []


def test_overwrites_an_existing_report(tmp_path: Path, october: ReportStats) -> None:
    target = tmp_path / "月报.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_report(target, october)
    assert load_workbook(target).sheetnames[0] == "汇总"
    assert _leftovers(tmp_path, {"月报.xlsx"}) == []
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o640  # not the temporary file's private 0600


def test_new_report_is_readable_like_a_document(tmp_path: Path, october: ReportStats) -> None:
    written = write_report(tmp_path / "月报.xlsx", october)
    if os.name == "posix":
        assert written.stat().st_mode & 0o777 == 0o644


def test_annual_month_sheet(tmp_path: Path) -> None:
    ws = load_workbook(write_report(tmp_path / "年报.xlsx", compute_report(annual_input())))["月度统计"]
    assert ws["A1"].value == "周村区科技局政务公开月度统计（2026年）"
    rows = {r["月份"]: r for r in _rows(ws)}
    assert (rows["10月"]["公开"], rows["10月"]["其中按时公开"], rows["10月"]["其中逾期公开"]) == (4, 2, 1)
    assert rows["10月"]["其中无时限"] == 1  # its own number beside the rate
    assert rows["10月"]["月末逾期未公开"] == 3
    assert rows["11月"]["月末逾期未公开"] == "—"
    assert rows["全年"]["公开"] == 6
    assert rows["全年"]["按时公开率"] == pytest.approx(0.6)
