"""One year's 政府信息公开工作年度报告, assembled from the registers and the officer's figures.

The store gathers the sources (`ReportSources`); this module turns them into the report's tables, runs
the checks, and drafts the prose when the officer has not written any yet. The JSON shape of the
`report statutory YEAR --format json` contract is defined here too (`report_json`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from disclosure_desk.domain.errors import ValidationError
from disclosure_desk.domain.publication import DocumentKind
from disclosure_desk.domain.report_stats import ReportStats
from disclosure_desk.domain.statutory_checks import Check, in_force_check, run_checks
from disclosure_desk.domain.statutory_figures import EnteredFigures
from disclosure_desk.domain.statutory_prose import ReportProse, draft_prose
from disclosure_desk.domain.statutory_table3 import Table3, Table3Entry, count_table3
from disclosure_desk.domain.statutory_tables import (
    COERCION,
    CORRECTED,
    FEES,
    LICENSING,
    LITIGATION,
    LITIGATION_AFTER_REVIEW,
    LITIGATION_DIRECT,
    MAINTAINED,
    NORMATIVE_DOCUMENTS,
    OTHER_RESULT,
    PENALTY,
    PENDING,
    REGULATIONS,
    REPORT_TITLE_SUFFIX,
    REVIEW,
    TOTAL,
    CaseCounts,
    DocumentCounts,
    Section2,
    Section4,
)
from disclosure_desk.domain.statutory_wording import ProseFacts


@dataclass(frozen=True)
class DocumentFact:
    """A publication marked 规章 or 规范性文件: when it was issued and, if so, abolished."""

    kind: DocumentKind
    issued_on: date | None  # 形成日期 (the day it was made), else its 公开日期
    abolished_on: date | None = None


def count_documents(
    facts: Iterable[DocumentFact], kind: DocumentKind, year: int, unregistered: int = 0
) -> DocumentCounts:
    """本年制发 / 本年废止 / 现行有效 at 31 December of `year` (plus those in force outside the register)."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    issued = abolished = issued_to_date = abolished_to_date = 0
    for fact in facts:
        if fact.kind is not kind:
            continue
        if fact.issued_on is not None and fact.issued_on <= end:
            issued_to_date += 1
            issued += fact.issued_on >= start
        if fact.abolished_on is not None and fact.abolished_on <= end:
            abolished_to_date += 1
            abolished += fact.abolished_on >= start
    return DocumentCounts(issued, abolished, unregistered + issued_to_date - abolished_to_date)


@dataclass(frozen=True)
class ReportSources:
    """Everything the report is made from, read out of the store for one year."""

    year: int
    bureau: str
    publications: ReportStats  # compute_report for the calendar year
    last_year_publications: ReportStats | None
    catalogue_items: int
    reviewed: int  # publications of the year with a confidentiality review recorded
    indexed: int  # … with an index number
    documents: Sequence[DocumentFact]
    applications: Sequence[Table3Entry]
    late_replies: int  # applications replied in the year after their due date
    figures: EnteredFigures
    last_year_table3: Table3 | None  # table 三 of last year's report, when it was exported here
    prose: ReportProse | None = None  # the officer's saved text; None → a fresh draft


@dataclass(frozen=True)
class StatutoryReport:
    year: int
    bureau: str
    section2: Section2
    table3: Table3
    section4: Section4
    prose: ReportProse
    checks: tuple[Check, ...]
    drafted: bool  # the prose is the program's draft, not yet edited and saved by the officer

    @property
    def title(self) -> str:
        return f"{self.bureau}{self.year}年{REPORT_TITLE_SUFFIX}"

    @property
    def failed_checks(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]


def build_section2(sources: ReportSources) -> Section2:
    return section2_of(sources.documents, sources.year, sources.figures)


def section2_of(documents: Sequence[DocumentFact], year: int, f: EnteredFigures) -> Section2:
    return Section2(
        regulations=count_documents(documents, DocumentKind.REGULATION, year, f.regulations_unregistered),
        normative_documents=count_documents(
            documents, DocumentKind.NORMATIVE, year, f.normative_unregistered
        ),
        licensing=f.licensing,
        penalty=f.penalty,
        coercion=f.coercion,
        fees_10k_yuan=f.fees_10k_yuan,
    )


def figure_problems(sources: ReportSources, figures: EnteredFigures) -> list[ValidationError]:
    """What makes `figures` impossible beside the register: 现行有效 below zero (more abolished than the
    register and the officer's count of older documents hold). Each names the field to correct."""
    section2 = build_section2(replace(sources, figures=figures))
    problems = []
    for label, counts, field in (
        (REGULATIONS, section2.regulations, "regulations_unregistered"),
        (NORMATIVE_DOCUMENTS, section2.normative_documents, "normative_unregistered"),
    ):
        check = in_force_check(label, counts)
        if not check.ok:
            problems.append(ValidationError(check.message, field))
    return problems


def report_checks(
    year: int,
    documents: Sequence[DocumentFact],
    applications: Sequence[Table3Entry],
    figures: EnteredFigures,
    last_year_table3: Table3 | None,
) -> list[Check]:
    """The report's cross-checks from the few sources they depend on, without the publications' statistics
    (the start page's reminder counts the failing ones); build_report runs the same checks."""
    section2 = section2_of(documents, year, figures)
    return run_checks(section2, count_table3(applications, year), figures.section4(), year, last_year_table3)


def build_report(sources: ReportSources) -> StatutoryReport:
    section2 = build_section2(sources)
    table3 = count_table3(sources.applications, sources.year)
    section4 = sources.figures.section4()
    prose = sources.prose
    if prose is None:
        prose = draft_prose(
            ProseFacts(
                year=sources.year,
                bureau=sources.bureau,
                publications=sources.publications,
                last_year_publications=sources.last_year_publications,
                catalogue_items=sources.catalogue_items,
                reviewed=sources.reviewed,
                indexed=sources.indexed,
                section2=section2,
                table3=table3,
                late_replies=sources.late_replies,
                section4=section4,
                info_fee_yuan=sources.figures.info_fee_yuan,
            )
        )
    checks = run_checks(section2, table3, section4, sources.year, sources.last_year_table3)
    return StatutoryReport(
        year=sources.year,
        bureau=sources.bureau,
        section2=section2,
        table3=table3,
        section4=section4,
        prose=prose,
        checks=tuple(checks),
        drafted=sources.prose is None,
    )


# --- the JSON contract -----------------------------------------------------------------------------


def _number(value: Decimal) -> int | float:
    """万元 as a JSON number: whole amounts as integers, others as the shortest exact decimal."""
    return int(value) if value == value.to_integral_value() else float(value)


def _documents_json(counts: DocumentCounts) -> dict[str, int]:
    return {"issued": counts.issued, "abolished": counts.abolished, "in_force": counts.in_force}


def _cases_json(counts: CaseCounts) -> dict[str, int]:
    labels = (MAINTAINED, CORRECTED, OTHER_RESULT, PENDING, TOTAL)
    return dict(zip(labels, counts.cells, strict=True))


def report_json(report: StatutoryReport) -> dict[str, Any]:
    """The shape `report statutory YEAR --format json` prints (a contract: keys never change).

    section3 and section4 use the format's own Chinese labels as keys, so a reader can match them to
    the printed table without a dictionary.
    """
    s2, s4 = report.section2, report.section4
    return {
        "year": report.year,
        "section2": {
            "regulations": _documents_json(s2.regulations),
            "normative_documents": _documents_json(s2.normative_documents),
            "licensing": s2.licensing,
            "penalty": s2.penalty,
            "coercion": s2.coercion,
            "fees_10k_yuan": _number(s2.fees_10k_yuan),
        },
        "section3": report.table3.to_json(),
        "section4": {
            REVIEW: _cases_json(s4.review),
            LITIGATION: {
                LITIGATION_DIRECT: _cases_json(s4.litigation_direct),
                LITIGATION_AFTER_REVIEW: _cases_json(s4.litigation_after_review),
            },
        },
        "checks": [c.to_json() for c in report.checks],
    }


# Section 二's row labels, for readers of the JSON keys (kept beside the keys they explain).
SECTION2_KEYS: dict[str, str] = {
    "regulations": REGULATIONS,
    "normative_documents": NORMATIVE_DOCUMENTS,
    "licensing": LICENSING,
    "penalty": PENALTY,
    "coercion": COERCION,
    "fees_10k_yuan": FEES,
}
