"""Table 三: the format's labels, counting a year of applications, and the JSON shape."""

from __future__ import annotations

from datetime import date

import pytest

from disclosure_desk.domain.applications import ApplicantType, reply_result
from disclosure_desk.domain.statutory_table3 import (
    COLUMNS,
    ROW_CARRIED_FORWARD,
    ROW_CARRIED_OVER,
    ROW_NEW,
    ROW_TOTAL,
    ROWS,
    Table3,
    Table3Entry,
    count_table3,
    group_totals,
)

# The rows exactly as 国办公开办函〔2021〕30号 prints them (docs/statutory-annual-report.md).
FORMAT_ROWS = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
    "（七）总计",
    "四、结转下年度继续办理",
]


def test_rows_and_columns_are_the_formats_own_labels() -> None:
    assert list(ROWS) == FORMAT_ROWS
    assert list(COLUMNS) == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]


PERSON, COMPANY, LAWYER = (
    ApplicantType.NATURAL_PERSON,
    ApplicantType.COMMERCIAL_ENTERPRISE,
    (ApplicantType.LEGAL_SERVICE_INSTITUTION),
)


def entry(
    kind: ApplicantType, received: date, closed: date | None = None, result: str | None = None
) -> Table3Entry:
    return Table3Entry(kind, received, closed, reply_result(result) if result else None)


def test_a_year_of_applications_fills_every_row() -> None:
    entries = [
        entry(PERSON, date(2025, 3, 1), date(2025, 3, 20), "予以公开"),  # finished in 2025: not counted
        entry(PERSON, date(2025, 12, 10), date(2026, 1, 8), "部分公开"),  # 上年结转, replied in 2026
        entry(COMPANY, date(2025, 12, 28)),  # 上年结转, still open at the end of 2026
        entry(PERSON, date(2026, 2, 3), date(2026, 2, 20), "予以公开"),
        entry(PERSON, date(2026, 5, 6), date(2026, 6, 1), "不予公开-4"),
        entry(COMPANY, date(2026, 7, 1), date(2026, 7, 9), "无法提供-1"),
        entry(LAWYER, date(2026, 8, 1), date(2026, 8, 5), "不予处理-2"),
        entry(PERSON, date(2026, 9, 1), date(2026, 9, 30), "其他处理-1"),
        entry(PERSON, date(2026, 10, 8), date(2026, 10, 9)),  # withdrawn → （六）3.其他
        entry(PERSON, date(2026, 12, 21)),  # open at year end → 结转下年度
        entry(PERSON, date(2026, 12, 22), date(2027, 1, 5), "予以公开"),  # replied next year → 结转
        entry(PERSON, date(2027, 1, 4)),  # next year's
    ]
    table = count_table3(entries, 2026)
    p, c, law, total = "自然人", "商业企业", "法律服务机构", "总计"

    expected = {
        (ROW_NEW, p): 6,
        (ROW_NEW, c): 1,
        (ROW_NEW, law): 1,
        (ROW_NEW, total): 8,
        (ROW_CARRIED_OVER, p): 1,
        (ROW_CARRIED_OVER, c): 1,
        (ROW_CARRIED_OVER, total): 2,
        ("（一）予以公开", p): 1,
        ("（一）予以公开", total): 1,
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", p): 1,
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", total): 1,
        ("4.保护第三方合法权益", p): 1,
        ("4.保护第三方合法权益", total): 1,
        ("1.本机关不掌握相关政府信息", c): 1,
        ("1.本机关不掌握相关政府信息", total): 1,
        ("2.重复申请", law): 1,
        ("2.重复申请", total): 1,
        ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", p): 1,
        ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", total): 1,
        ("3.其他", p): 1,
        ("3.其他", total): 1,
        (ROW_TOTAL, p): 5,
        (ROW_TOTAL, c): 1,
        (ROW_TOTAL, law): 1,
        (ROW_TOTAL, total): 7,
        (ROW_CARRIED_FORWARD, p): 2,
        (ROW_CARRIED_FORWARD, c): 1,
        (ROW_CARRIED_FORWARD, total): 3,
    }
    # every one of the 25 × 7 cells: the listed ones as above, all others zero
    for row in ROWS:
        for column in COLUMNS:
            assert table.value(row, column) == expected.get((row, column), 0), (row, column)


def test_groups_sum_their_numbered_rows() -> None:
    entries = [
        entry(PERSON, date(2026, 2, 1), date(2026, 2, 5), "不予公开-1"),
        entry(PERSON, date(2026, 2, 1), date(2026, 2, 5), "不予公开-8"),
        entry(PERSON, date(2026, 2, 1), date(2026, 2, 5), "无法提供-3"),
    ]
    totals = group_totals(count_table3(entries, 2026), "自然人")
    assert [totals[c] for c in totals] == [0, 0, 2, 1, 0, 0]


def test_json_round_trip_uses_the_labels_as_keys() -> None:
    table = count_table3([entry(PERSON, date(2026, 3, 1))], 2026)
    data = table.to_json()
    assert list(data["rows"]) == FORMAT_ROWS
    assert data["rows"]["一、本年新收政府信息公开申请数量"]["自然人"] == 1
    assert data["rows"]["四、结转下年度继续办理"]["总计"] == 1
    assert Table3.from_json(data) == table


def test_a_broken_stored_table_is_refused() -> None:
    with pytest.raises(ValueError):
        Table3.from_json({"rows": []})
