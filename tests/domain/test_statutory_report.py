"""Assembling a year's report from its sources, and the JSON shape of `report statutory --format json`."""

from __future__ import annotations

import json
from datetime import date

from statutory_sample import sample_report  # tests/statutory_sample.py

from disclosure_desk.domain.publication import DocumentKind
from disclosure_desk.domain.statutory_prose import ReportProse
from disclosure_desk.domain.statutory_report import DocumentFact, count_documents, report_json
from disclosure_desk.domain.statutory_table3 import ROW_CARRIED_FORWARD, Table3
from disclosure_desk.domain.statutory_tables import DocumentCounts


def test_documents_issued_abolished_and_in_force_at_year_end() -> None:
    facts = [
        DocumentFact(DocumentKind.NORMATIVE, date(2025, 6, 1)),
        DocumentFact(DocumentKind.NORMATIVE, date(2026, 2, 1)),
        DocumentFact(DocumentKind.NORMATIVE, date(2026, 3, 1), date(2026, 11, 30)),
        DocumentFact(DocumentKind.NORMATIVE, date(2025, 1, 1), date(2027, 1, 5)),  # abolished next year
        DocumentFact(DocumentKind.NORMATIVE, date(2027, 1, 2)),  # next year's
        DocumentFact(DocumentKind.REGULATION, date(2026, 4, 1)),
        DocumentFact(DocumentKind.NORMATIVE, None),  # no date yet: not counted
    ]
    assert count_documents(facts, DocumentKind.NORMATIVE, 2026) == DocumentCounts(2, 1, 3)
    assert count_documents(facts, DocumentKind.NORMATIVE, 2026, unregistered=4) == DocumentCounts(2, 1, 7)
    assert count_documents(facts, DocumentKind.REGULATION, 2026) == DocumentCounts(1, 0, 1)
    # abolishing documents older than the register, with none entered as in force outside it
    only_abolished = [DocumentFact(DocumentKind.NORMATIVE, None, date(2026, 5, 1))]
    assert count_documents(only_abolished, DocumentKind.NORMATIVE, 2026).in_force == -1


def test_a_fresh_report_is_drafted_and_passes_its_checks() -> None:
    report = sample_report()
    assert report.title == "周村区科技局2026年政府信息公开工作年度报告"
    assert report.drafted
    assert report.failed_checks == []
    assert report.section2.normative_documents == DocumentCounts(1, 1, 7)
    assert report.section4.litigation_direct.total == 1


def test_the_officers_text_is_kept() -> None:
    prose = ReportProse("导语", "（一）主动公开情况\n正文", "问题", "无。")
    report = sample_report(prose=prose)
    assert report.prose == prose
    assert not report.drafted


def test_a_stale_carry_over_fails_the_report() -> None:
    report = sample_report(last_year_table3=Table3.zero())
    assert [c.column for c in report.failed_checks] == ["自然人", "总计"]


def test_json_shape() -> None:
    data = json.loads(json.dumps(report_json(sample_report()), ensure_ascii=False))
    assert list(data) == ["year", "section2", "section3", "section4", "checks"]
    assert data["year"] == 2026
    assert data["section2"] == {
        "regulations": {"issued": 0, "abolished": 0, "in_force": 0},
        "normative_documents": {"issued": 1, "abolished": 1, "in_force": 7},
        "licensing": 12,
        "penalty": 3,
        "coercion": 0,
        "fees_10k_yuan": 1.25,
    }
    rows = data["section3"]["rows"]
    assert len(rows) == 25
    assert rows["一、本年新收政府信息公开申请数量"] == {
        "自然人": 4, "商业企业": 1, "科研机构": 0, "社会公益组织": 0, "法律服务机构": 1, "其他": 0, "总计": 6,
    }  # fmt: skip
    assert rows["4.保护第三方合法权益"]["自然人"] == 1
    assert rows[ROW_CARRIED_FORWARD]["总计"] == 1
    assert data["section4"] == {
        "行政复议": {"结果维持": 1, "结果纠正": 0, "其他结果": 0, "尚未审结": 0, "总计": 1},
        "行政诉讼": {
            "未经复议直接起诉": {"结果维持": 0, "结果纠正": 0, "其他结果": 0, "尚未审结": 1, "总计": 1},
            "复议后起诉": {"结果维持": 0, "结果纠正": 0, "其他结果": 0, "尚未审结": 0, "总计": 0},
        },
    }
    assert all(set(c) == {"ok", "message"} and c["ok"] is True for c in data["checks"])
    assert len(data["checks"]) == 44
