"""The Excel report, read back with openpyxl: figures, sheets, the sign-off, safety, saving."""

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
from disclosure_desk.io import atomic
from disclosure_desk.io.errors import ReportError
from disclosure_desk.io.excel_report import write_report
from disclosure_desk.io.xlsx_writer import FILL_LATE, FILL_OVERDUE, RATE_FORMAT, display_width, text_lines

MONTHLY_SHEETS = [
    "汇总", "未公开", "分类统计", "公开渠道", "明细", "目录覆盖", "栏目更新", "依申请公开", "明细附注",
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


def _header_row(ws: Any) -> int:
    return int(ws.print_title_rows.split(":")[0].replace("$", ""))


def _rows(ws: Any) -> list[dict[str, Any]]:
    header = _header_row(ws)
    names = [str(c.value).replace("\n", "") for c in ws[header] if c.value is not None]
    rows = []
    for row in ws.iter_rows(min_row=header + 1, max_col=len(names)):
        if all(c.value is None for c in row[1:]):
            break  # the table ends (a note, or nothing, below it)
        rows.append(dict(zip(names, (c.value for c in row), strict=True)))
    return rows


def _find(ws: Any, text: str, column: int = 1) -> int:
    for row in range(1, ws.max_row + 1):
        if ws.cell(row=row, column=column).value == text:
            return row
    raise AssertionError(f"{text!r} not found")


def test_sheets(workbook: Any, tmp_path: Path) -> None:
    assert workbook.sheetnames == MONTHLY_SHEETS
    annual = load_workbook(write_report(tmp_path / "年报.xlsx", compute_report(annual_input())))
    assert annual.sheetnames == [*MONTHLY_SHEETS[:4], "月度统计", *MONTHLY_SHEETS[4:]]


def test_summary_heading_and_times(workbook: Any) -> None:
    ws = workbook["汇总"]
    assert ws["A1"].value == "周村区科技局政务公开工作月报"
    assert ws["A1"].font.b and ws["A1"].font.sz >= 14
    assert ws["A2"].value == "2026年10月"
    # The statistics day and the real generation time, apart (the report day was 11-05).
    assert "统计截止：2026-10-31" in ws["A3"].value
    assert "生成时间：2026-12-01 10:05" in ws["A3"].value
    assert ws["A5"].value.startswith("2026年10月，周村区科技局主动公开政府信息 4 条")
    assert "生成于 2026-12-01 10:05" in ws.oddFooter.right.text


def test_summary_figures_against_last_month(workbook: Any) -> None:
    ws = workbook["汇总"]
    rows = {r["指标"]: r for r in _rows(ws)}
    assert (rows["主动公开信息（条）"]["本月"], rows["主动公开信息（条）"]["上月"]) == (4, 1)
    assert rows["主动公开信息（条）"]["增减"] == 3
    assert rows["逾期未公开（条）"]["本月"] == 3
    assert rows["11月到期（条）"]["本月"] == 1
    assert rows["公开前未记录保密审查（条）"]["本月"] == 3
    rate = ws.cell(row=_find(ws, "按时公开率"), column=2)
    assert rate.value == pytest.approx(2 / 3) and rate.number_format == RATE_FORMAT
    assert rows["按时公开率"]["增减"] == "-33.3个百分点"
    count = ws.cell(row=_find(ws, "主动公开信息（条）"), column=2)
    assert "%" not in count.number_format
    assert ws.cell(row=_find(ws, "逾期未公开（条）"), column=1).fill.fgColor.rgb.endswith(FILL_OVERDUE)


def test_summary_situation_and_sign_off(workbook: Any) -> None:
    ws = workbook["汇总"]
    texts = [str(c.value) for c in ws["A"] if c.value]
    assert "1. 本月逾期公开 1 条，原因：未填写逾期原因（1 条）。" in texts
    assert "报送单位：周村区科技局" in texts
    assert "填报人：王敏" in texts and "审核人：李强" in texts
    assert "单位负责人签字（盖章）：" in texts
    right = [str(c.value) for c in ws["D"] if c.value]
    assert "报送日期：2026年11月5日" in right and "联系电话：0533-6181234" in right
    assert ws.page_setup.orientation == "portrait" and int(ws.page_setup.fitToHeight) == 1


def test_summary_chart(report: Path) -> None:
    with zipfile.ZipFile(report) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 1
        xml = archive.read(charts[0]).decode("utf-8")
    assert "2026年10月各过程公开情况（条）" in xml  # its own title, inside the chart
    assert xml.count('<showVal val="1"/>') == 3  # a value on every bar of the three series
    assert 'sz="1000"' in xml  # 10 pt labels: readable on paper
    for series in ("按时公开", "逾期公开", "逾期未公开"):
        assert series in xml
    assert "'分类统计'!$D$9:$D$11" in xml  # the 过程 subtotals, not copied numbers


def test_breakdown_by_category_then_process(workbook: Any) -> None:
    ws = workbook["分类统计"]
    rows = [(r["过程"], r["一级目录"], r["主动公开"], r["逾期未公开"], r["按时公开率"]) for r in _rows(ws)]
    assert rows == [
        ("决策", "政策法规", 1, 0, 1),
        (None, "规划计划", 0, 2, "—"),
        ("执行", "财政资金", 1, 0, "—"),
        ("结果", "工作动态", 2, 1, 0.5),
        (None, "统计信息", 0, 0, "—"),
        ("决策", "小计", 1, 2, 1),
        ("执行", "小计", 1, 0, "—"),
        ("结果", "小计", 2, 1, 0.5),
        ("合计", None, 4, 3, pytest.approx(2 / 3)),
    ]
    assert "A4:A5" in {str(r) for r in ws.merged_cells.ranges}  # 决策 over its two categories
    total = _find(ws, "合计")
    assert [ws.cell(row=total, column=c).number_format for c in (3, 7)] == ["0", RATE_FORMAT]


def test_channels(workbook: Any) -> None:
    rows = {r["公开渠道"]: r for r in _rows(workbook["公开渠道"])}
    assert len(rows) == 13
    assert (rows["两微一端"]["使用次数"], rows["两微一端"]["未按目录要求使用"]) == (1, 1)
    ws = workbook["公开渠道"]
    assert ws.cell(row=_find(ws, "两微一端"), column=4).fill.fgColor.rgb.endswith(FILL_LATE)


def test_open_work(workbook: Any) -> None:
    ws = workbook["未公开"]
    assert ws["A1"].value == "周村区科技局截至2026年10月31日未公开的信息"
    rows = [(r["类别"], r["标题"], r["距应公开日期"]) for r in _rows(ws)]
    assert rows == [
        ("逾期未公开", "+86 123", "逾期 30 个工作日"),
        ("逾期未公开", "=SUM(A1:A2)", "逾期 8 个工作日"),
        ("逾期未公开", "周村区“十四五”科技创新规划中期评估报告", "逾期 5 个工作日"),
        ("11月到期", "-1", "还有 7 个工作日"),
    ]
    assert ws["B4"].fill.fgColor.rgb.endswith(FILL_OVERDUE)
    # "逾期 30 个工作日" on one printed line: at 9 units it broke as "逾期 30 个工 / 作日" on paper.
    column = next(c.column_letter for c in ws[3] if c.value == "距应公开日期")
    widest = max(display_width(when) for _, _, when in rows)
    assert ws.column_dimensions[column].width >= widest


def test_details_show_only_columns_with_data(workbook: Any) -> None:
    ws = workbook["明细"]
    assert ws["A1"].value == "周村区科技局本期公开或到期的信息明细（2026年10月）"
    header = [str(c.value).replace("\n", "") for c in ws[3] if c.value]
    # No 变更日期 (none was entered), no 文号/链接/责任 (moved to 明细附注, out of the printed row).
    assert header == [
        "序号", "一级目录", "标题", "形成日期", "批复日期", "应公开日期", "时限", "公开日期", "状态",
        "逾期工作日数", "保密审查", "逾期原因、备注",
    ]  # fmt: skip
    rows = {r["标题"]: r for r in _rows(ws)}
    assert [r["序号"] for r in _rows(ws)] == [1, 2, 3, 4, 5, 6]
    a = rows["关于印发《周村区科技创新券管理办法》的通知"]
    assert (a["形成日期"], a["应公开日期"], a["公开日期"]) == (
        datetime(2026, 9, 25),
        datetime(2026, 10, 29),
        datetime(2026, 10, 28),
    )
    assert (a["状态"], a["时限"], a["保密审查"]) == ("按时公开", "20个工作日", "已审查")
    assert a["逾期工作日数"] is None
    b = rows["2026年度区级科技计划项目申报指南"]
    assert (b["状态"], b["逾期工作日数"], b["保密审查"]) == ("逾期公开", 5, "未审查")
    assert rows["@foo"]["状态"] == "已公开（无时限）"
    h = rows["周村区“十四五”科技创新规划中期评估报告"]
    assert (h["状态"], h["公开日期"], h["逾期原因、备注"]) == ("逾期未公开", None, "11-03已公开")
    # The vertical tab pasted from Word is dropped: an .xlsx cannot hold it.
    assert "关于举办2026年科技活动周的通知（第二版）" in rows
    for row in range(4, 10):
        status = ws.cell(row=row, column=9).value
        colours = {ws.cell(row=row, column=c).fill.fgColor.rgb[-6:] for c in range(1, 13)}
        expected = {"逾期公开": {FILL_LATE}, "逾期未公开": {FILL_OVERDUE}}.get(status)
        if expected:
            assert colours == expected
        else:
            assert colours.isdisjoint({FILL_LATE, FILL_OVERDUE})


def test_detail_notes_hold_what_the_printed_row_leaves_out(workbook: Any) -> None:
    ws = workbook["明细附注"]
    assert [c.value for c in ws[3]] == ["序号", "标题与登记信息", "应公开日期的计算"]
    rows = {r["标题与登记信息"].split("\n")[0]: r for r in _rows(ws)}
    a = rows["关于印发《周村区科技创新券管理办法》的通知"]
    assert a["标题与登记信息"].split("\n")[1].split("；") == [
        "目录事项：1",
        "文号：周科发〔2026〕12号",
        "索引号：11370303MB2852471X/2026-00012",
        "公开渠道：政府网站、政府公报",
        "责任科室：综合科 王敏",
        "保密审查：已审查（李强 2026-10-27）",
        "公开链接：http://www.zhoucun.gov.cn/gongkai/site_zckjj/channel_01/doc_12.html",
    ]
    assert a["应公开日期的计算"].startswith("形成或变更后20个工作日：")
    b = rows["2026年度区级科技计划项目申报指南"]["标题与登记信息"]
    assert "未使用的目录渠道：两微一端" in b and "保密审查：未审查" in b


def test_dates_are_real_dates(workbook: Any) -> None:
    ws = workbook["明细"]
    seen = 0
    for col in ("D", "F", "H"):
        for cell in ws[col][3:]:
            if cell.value is not None:
                assert cell.is_date and isinstance(cell.value, datetime)
                assert cell.number_format == "yyyy-mm-dd"
                seen += 1
    assert seen >= 12


def test_coverage_sheet(workbook: Any) -> None:
    rows = _rows(workbook["目录覆盖"])
    assert [(r["目录序号"], r["说明"]) for r in rows] == [(2, "从未公开"), (5, "从未公开")]


def test_formula_like_text_stays_text(tmp_path: Path) -> None:
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
    assert (ws["C4"].value, ws["C4"].data_type) == ("#N/A", "s")


@pytest.mark.parametrize(
    ("sheet", "orientation"),
    [("汇总", "portrait"), ("未公开", "landscape"), ("分类统计", "portrait"), ("明细", "landscape")],
)
def test_print_settings(workbook: Any, sheet: str, orientation: str) -> None:
    ws = workbook[sheet]
    assert ws.page_setup.orientation == orientation
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert int(ws.page_setup.fitToWidth) == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    # The page number follows the bureau on the left: centred, it ran into the right-hand stamp (统计截止 …
    # 生成于 …) on a portrait page once the page count had two digits.
    assert ws.oddFooter.left.text == "周村区科技局　第 &P 页 / 共 &N 页"
    assert ws.oddFooter.center.text is None
    assert f"2026年10月　{sheet}" in ws.oddHeader.right.text
    assert 0.2 <= ws.page_margins.footer < ws.page_margins.bottom


@pytest.mark.parametrize(("sheet", "ref"), [("明细", "A3:L9"), ("未公开", "A3:I7"), ("目录覆盖", "A3:H5")])
def test_lists_freeze_header_and_filter(workbook: Any, sheet: str, ref: str) -> None:
    ws = workbook[sheet]
    assert ws.freeze_panes == "A4"
    assert ws.auto_filter.ref == ref
    assert ws.print_title_rows == "$3:$3"


def test_a_record_of_a_replaced_catalogue_names_its_item_as_the_window_does(tmp_path: Path) -> None:
    record = RECORDS["B"]
    old = replace(record, item=replace(record.item, old_version=2))
    others = [r for key, r in RECORDS.items() if key != "B"]
    book = load_workbook(write_report(tmp_path / "r.xlsx", compute_report(october_input([*others, old]))))
    rows = {r["标题与登记信息"].split("\n")[0]: r for r in _rows(book["明细附注"])}
    registered = rows["2026年度区级科技计划项目申报指南"]["标题与登记信息"].split("\n")[1]
    assert old.item.number_label == "4（旧版目录 第2版）"
    assert registered.split("；")[0] == f"目录事项：{old.item.number_label}"


def test_wrapped_rows_get_room(workbook: Any) -> None:
    ws = workbook["明细附注"]
    row = next(c.row for c in ws["B"] if str(c.value).startswith("关于印发《周村区科技创新券管理办法》"))
    assert ws.row_dimensions[row].height >= 4 * 13
    assert ws["B4"].alignment.wrap_text
    assert display_width("周村区") == 6
    assert display_width("abc") == 3
    assert text_lines("周" * 10, 11) == 2
    assert text_lines("周" * 5, 11) == 1
    assert text_lines("a\nb", 11) == 2


def test_empty_report(tmp_path: Path) -> None:
    wb = load_workbook(write_report(tmp_path / "空.xlsx", compute_report(october_input([]))))
    assert wb["明细"]["A4"].value == "本期没有公开或到期的信息。"
    assert wb["未公开"]["A4"].value == "截至统计截止日没有需要列出的未公开信息。"
    assert len(_rows(wb["目录覆盖"])) == 5
    assert wb["汇总"].cell(row=_find(wb["汇总"], "按时公开率"), column=2).value == "—"


def test_annual_month_sheet(tmp_path: Path) -> None:
    ws = load_workbook(write_report(tmp_path / "年报.xlsx", compute_report(annual_input())))["月度统计"]
    assert ws["A1"].value == "周村区科技局政务公开月度统计（2026年（截至11月5日））"
    rows = {r["月份"]: r for r in _rows(ws)}
    assert (rows["10月"]["主动公开"], rows["10月"]["按时公开"], rows["10月"]["逾期公开"]) == (4, 2, 1)
    assert rows["10月"]["月末逾期未公开"] == 3
    assert rows["10月"]["无时限"] == 1  # its own number beside the rate
    assert rows["11月"]["月末逾期未公开"] == "—"
    assert rows["全年"]["主动公开"] == 6
    assert rows["全年"]["按时公开率"] == pytest.approx(0.6)


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
