"""The report's cross-checks: they pass on a consistent report and name the cell when they fail."""

from __future__ import annotations

from datetime import date

from disclosure_desk.domain.applications import ApplicantType, reply_result
from disclosure_desk.domain.statutory_checks import failed, run_checks
from disclosure_desk.domain.statutory_table3 import (
    COLUMNS,
    ROW_CARRIED_FORWARD,
    ROW_CARRIED_OVER,
    ROW_NEW,
    Table3,
    Table3Entry,
    count_table3,
)
from disclosure_desk.domain.statutory_tables import CaseCounts, DocumentCounts, Section2, Section4


def sample_table() -> Table3:
    person, company = ApplicantType.NATURAL_PERSON, ApplicantType.COMMERCIAL_ENTERPRISE
    return count_table3(
        [
            Table3Entry(person, date(2025, 12, 20), date(2026, 1, 10), reply_result("予以公开")),
            Table3Entry(person, date(2026, 3, 1), date(2026, 3, 15), reply_result("不予公开-5")),
            Table3Entry(company, date(2026, 12, 25)),
        ],
        2026,
    )


def with_cell(table: Table3, row: str, column: str, value: int) -> Table3:
    cells = dict(table.cells)
    values = list(cells[row])
    values[COLUMNS.index(column)] = value
    cells[row] = tuple(values)
    return Table3(cells)


def test_a_register_count_passes_every_check() -> None:
    checks = run_checks(Section2(), sample_table(), Section4(), 2026)
    assert failed(checks) == []
    # 2 现行有效 + 7 columns × 2 + 25 rows + 3 groups of 表四
    assert len(checks) == 2 + 14 + 25 + 3
    assert "表三“自然人”列：一、本年新收 1 + 二、上年结转 1 = 2 = 三（七）总计 2 + 四、结转下年度 0 = 2" in [
        c.message for c in checks
    ]


def test_a_wrong_cell_is_named() -> None:
    table = with_cell(sample_table(), ROW_NEW, "自然人", 3)
    messages = [c.message for c in failed(run_checks(Section2(), table, Section4(), 2026))]
    assert (
        "表三“自然人”列：一、本年新收 3 + 二、上年结转 1 = 4，而 ≠ 三（七）总计 2 + 四、结转下年度 0 = 2"
        in messages
    )
    assert "表三“一、本年新收政府信息公开申请数量”行：总计列 2 ≠ 各类申请人之和 4" in messages
    assert len(messages) == 2


def test_a_total_that_is_not_the_sum_of_the_groups() -> None:
    table = with_cell(sample_table(), "5.属于三类内部事务信息", "自然人", 0)
    messages = [c.message for c in failed(run_checks(Section2(), table, Section4(), 2026))]
    assert any(
        m.startswith("表三“自然人”列：（七）总计 2 ≠ （一）予以公开 1 + （二）部分公开 0 + （三）不予公开 0")
        for m in messages
    )


def test_section4_totals_and_in_force() -> None:
    section4 = Section4(review=CaseCounts(1, 1, 0, 0, total=3), litigation_direct=CaseCounts.of(0, 0, 0, 1))
    section2 = Section2(normative_documents=DocumentCounts(0, 2, -2))
    messages = [c.message for c in failed(run_checks(section2, sample_table(), section4, 2026))]
    assert messages[0].startswith("表二“行政规范性文件”现行有效件数 -2，不能小于 0")
    assert messages[1] == "表四“行政复议”：总计 3 ≠ 结果维持、结果纠正、其他结果、尚未审结之和 2"
    assert len(messages) == 2


def test_last_years_carried_forward_must_be_this_years_carried_over() -> None:
    table = sample_table()
    last_year = Table3.zero()
    assert failed(run_checks(Section2(), table, Section4(), 2026, last_year)) != []
    agreeing = with_cell(
        with_cell(last_year, ROW_CARRIED_FORWARD, "自然人", 1), ROW_CARRIED_FORWARD, "总计", 1
    )
    assert table.value(ROW_CARRIED_OVER, "自然人") == 1
    checks = run_checks(Section2(), table, Section4(), 2026, agreeing)
    assert failed(checks) == []
    assert "表三“总计”列：2025年报告“四、结转下年度继续办理” 1 = 本年“二、上年结转” 1" in [
        c.message for c in checks
    ]
    wrong = failed(run_checks(Section2(), table, Section4(), 2026, last_year))
    assert [c.column for c in wrong] == ["自然人", "总计"]
    assert "上年报告导出后" in wrong[0].message
