"""A 2026 statutory annual report whose every figure is known (tests/domain, tests/io share it).

Publications: tests/report_sample.py's annual register (6 published in 2026, 3 on time, 2 late).
Applications (table 三): one carried over from 2025 and replied in January; six received in 2026, five of
them replied (予以公开, 部分公开, 无法提供-1, 不予公开-4, 不予处理-1) and one still open at year end.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from report_sample import annual_input  # tests/report_sample.py

from disclosure_desk.domain.applications import ApplicantType, reply_result
from disclosure_desk.domain.publication import DocumentKind
from disclosure_desk.domain.report_stats import compute_report
from disclosure_desk.domain.statutory_figures import EnteredFigures
from disclosure_desk.domain.statutory_report import DocumentFact, ReportSources, StatutoryReport, build_report
from disclosure_desk.domain.statutory_table3 import Table3Entry

PERSON = ApplicantType.NATURAL_PERSON

APPLICATIONS = (
    Table3Entry(PERSON, date(2025, 12, 20), date(2026, 1, 12), reply_result("予以公开")),
    Table3Entry(PERSON, date(2026, 3, 2), date(2026, 3, 20), reply_result("予以公开")),
    Table3Entry(PERSON, date(2026, 4, 2), date(2026, 4, 28), reply_result("部分公开")),
    Table3Entry(
        ApplicantType.COMMERCIAL_ENTERPRISE, date(2026, 5, 6), date(2026, 5, 30), reply_result("无法提供-1")
    ),
    Table3Entry(PERSON, date(2026, 6, 1), date(2026, 6, 19), reply_result("不予公开-4")),
    Table3Entry(
        ApplicantType.LEGAL_SERVICE_INSTITUTION,
        date(2026, 8, 3),
        date(2026, 8, 4),
        reply_result("不予处理-1"),
    ),
    Table3Entry(PERSON, date(2026, 12, 21)),
)

DOCUMENTS = (
    DocumentFact(DocumentKind.NORMATIVE, date(2026, 3, 1)),
    DocumentFact(DocumentKind.NORMATIVE, date(2024, 3, 1), date(2026, 9, 1)),
    DocumentFact(DocumentKind.OTHER, date(2026, 5, 1)),
)

FIGURES = EnteredFigures(
    normative_unregistered=6,
    licensing=12,
    penalty=3,
    fees_10k_yuan=Decimal("1.25"),
    review_maintained=1,
    direct_pending=1,
    info_fee_yuan=Decimal(0),
)


def sources(**changes: object) -> ReportSources:
    base = ReportSources(
        year=2026,
        bureau="周村区科技局",
        publications=compute_report(annual_input()),
        last_year_publications=None,
        catalogue_items=33,
        reviewed=1,
        indexed=1,
        documents=DOCUMENTS,
        applications=APPLICATIONS,
        late_replies=0,
        figures=FIGURES,
        last_year_table3=None,
    )
    from dataclasses import replace

    return replace(base, **changes)  # type: ignore[arg-type]


def sample_report(**changes: object) -> StatutoryReport:
    return build_report(sources(**changes))
