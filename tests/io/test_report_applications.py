"""The monthly report's 依申请公开 sheet, read back with openpyxl: the counts, and no personal data."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from report_sample import october_input  # tests/report_sample.py

from disclosure_desk.domain.applications import (
    ApplicantType,
    Application,
    ApplicationEvent,
    EventKind,
    reply_result,
)
from disclosure_desk.domain.report_stats import compute_report
from disclosure_desk.io.excel_report import write_report

APPLICATIONS = (
    # received 2026-09-14, due 10-19 (National Day): replied late on 10-20
    Application(
        date(2026, 9, 14),
        ApplicantType.NATURAL_PERSON,
        "科技创新券名单",
        applicant_name="张三",
        applicant_id_number="370303199001011234",
        applicant_contact="13800000000",
        replied_on=date(2026, 10, 20),
        result=reply_result("部分公开"),
    ),
    Application(
        date(2026, 10, 12),
        ApplicantType.COMMERCIAL_ENTERPRISE,
        "专项资金分配结果",
        applicant_name="某某科技有限公司",
        replied_on=date(2026, 10, 30),
        result=reply_result("予以公开"),
    ),
    Application(
        date(2026, 10, 19), ApplicantType.LEGAL_SERVICE_INSTITUTION, "备案材料", applicant_name="李律师"
    ),
    Application(
        date(2026, 10, 20),
        ApplicantType.NATURAL_PERSON,
        "验收报告",
        applicant_name="王五",
        events=(ApplicationEvent(EventKind.WITHDRAWN, date(2026, 10, 22)),),
    ),
    Application(date(2026, 9, 1), ApplicantType.RESEARCH_INSTITUTION, "专家名单", applicant_name="赵六"),
)


def _counts(ws) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {
        str(row[0].value).strip(): row[1].value
        for row in ws.iter_rows()
        if row[0].value is not None and isinstance(row[1].value, int)
    }


def test_the_sheet_counts_the_month_and_names_nobody(tmp_path: Path) -> None:
    stats = compute_report(replace(october_input(), applications=APPLICATIONS))
    book = load_workbook(write_report(tmp_path / "月报.xlsx", stats))
    assert book.sheetnames[-2:] == ["依申请公开", "明细附注"]
    ws = book["依申请公开"]
    assert "依申请公开办理情况（2026年10月）" in str(ws["A1"].value)
    counts = _counts(ws)
    assert counts["本期收到申请"] == 3
    assert counts["其中：自然人"] == 1
    assert counts["商业企业"] == 1
    assert counts["本期答复"] == 2
    assert counts["其中：按时答复"] == 1
    assert counts["逾期答复"] == 1 and counts["法律服务机构"] == 1
    assert counts["办理结果：部分公开"] == 1 and counts["办理结果：予以公开"] == 1
    assert counts["本期撤回"] == 1
    # 10-19 (due 11-16) still open; 09-01 (due 09-29) open and overdue
    assert counts["截至统计日未答复"] == 2
    assert counts["其中：逾期未答复"] == 1
    text = "\n".join(
        str(c.value) for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value
    )
    for personal in (
        "张三",
        "370303199001011234",
        "13800000000",
        "某某科技有限公司",
        "李律师",
        "王五",
        "赵六",
    ):
        assert personal not in text


def test_a_month_without_requests_still_shows_the_sheet_with_zeros(tmp_path: Path) -> None:
    book = load_workbook(write_report(tmp_path / "月报.xlsx", compute_report(october_input())))
    counts = _counts(book["依申请公开"])
    assert counts["本期收到申请"] == 0 and counts["截至统计日未答复"] == 0
