"""The 政府信息公开工作年度报告 in the store: each year's entered figures and text, and the sources a report
is built from (publications, applications, last year's exported table 三).

Everything the officer enters goes through the audit trail (entity "statutory_report", id = the year).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from disclosure_desk.domain.application_stats import application_period_stats
from disclosure_desk.domain.applications import Application
from disclosure_desk.domain.publication import DocumentKind, PublicationRecord
from disclosure_desk.domain.report_period import ReportPeriod
from disclosure_desk.domain.report_stats import ReportStats, compute_report
from disclosure_desk.domain.statutory_figures import EnteredFigures
from disclosure_desk.domain.statutory_prose import ReportProse
from disclosure_desk.domain.statutory_reminder import ReportProgress
from disclosure_desk.domain.statutory_report import (
    DocumentFact,
    ReportSources,
    StatutoryReport,
    report_checks,
)
from disclosure_desk.domain.statutory_table3 import Table3, Table3Entry
from disclosure_desk.store.applications import ApplicationRegister
from disclosure_desk.store.base import now
from disclosure_desk.store.models import StatutoryReportRow
from disclosure_desk.store.queries import report_input
from disclosure_desk.store.repository import Store

AUDIT_ENTITY = "statutory_report"


@dataclass(frozen=True)
class SavedYear:
    """What the store keeps for one report year."""

    year: int
    figures: EnteredFigures
    figures_saved: bool  # the officer has saved figures for this year (else: all zero, never entered)
    prose: ReportProse | None  # None until the officer saves text: the report shows a fresh draft
    exported_table3: Table3 | None
    exported_at: datetime | None


def _saved(row: StatutoryReportRow | None, year: int) -> SavedYear:
    if row is None:
        return SavedYear(year, EnteredFigures(), False, None, None, None)
    return SavedYear(
        year=year,
        figures=EnteredFigures.from_json(row.figures or {}),
        figures_saved=bool(row.figures),
        prose=ReportProse.from_json(row.prose) if row.prose else None,
        exported_table3=Table3.from_json(row.exported_table3) if row.exported_table3 else None,
        exported_at=row.exported_at,
    )


def report_progress(store: Store, year: int, today: date) -> ReportProgress:
    """How far `year`'s report is, for the start page's reminder: the saved row and the cross-checks as of
    `today` (no report built: the checks need neither the publications' statistics nor the prose)."""
    saved = saved_year(store, year)
    failed = 0
    if saved.exported_at is None:
        as_of = min(date(year, 12, 31), today)
        checks = report_checks(
            year,
            _documents(store.publication_records()),
            _table3_entries(ApplicationRegister(store).applications(), as_of),
            saved.figures,
            saved_year(store, year - 1).exported_table3,
        )
        failed = sum(not c.ok for c in checks)
    return ReportProgress(
        figures_saved=saved.figures_saved,
        prose_saved=saved.prose is not None,
        placeholders=len(saved.prose.placeholders()) if saved.prose is not None else 0,
        exported_at=saved.exported_at,
        failed_checks=failed,
    )


def _documents(records: Iterable[PublicationRecord]) -> list[DocumentFact]:
    """The publications marked 规章 or 规范性文件, as table 二 counts them."""
    return [
        DocumentFact(p.document_kind, p.formed_on or p.published_on, p.abolished_on)
        for p in (r.publication for r in records)
        if p.document_kind is not DocumentKind.OTHER
    ]


def _table3_entries(applications: Iterable[Application], as_of: date) -> list[Table3Entry]:
    """The applications received by `as_of`, as table 三 counts them."""
    return [
        Table3Entry(a.applicant_type, a.received_on, a.replied_on or a.withdrawn_on, a.result)
        for a in applications
        if a.received_on <= as_of
    ]


def saved_year(store: Store, year: int) -> SavedYear:
    with store.transaction() as session:
        return _saved(session.get(StatutoryReportRow, year), year)


def _update(store: Store, year: int, **values: Any) -> SavedYear:
    with store.transaction() as session:
        row = session.get(StatutoryReportRow, year)
        before = _audit_view(row)
        if row is None:
            row = StatutoryReportRow(year=year, figures={}, updated_at=now())
            session.add(row)
        for name, value in values.items():
            setattr(row, name, value)
        row.updated_at = now()
        session.flush()
        store._audit(
            session, AUDIT_ENTITY, year, "create" if before is None else "update", before, _audit_view(row)
        )
        return _saved(row, year)


def _audit_view(row: StatutoryReportRow | None) -> dict[str, Any] | None:
    if row is None:
        return None
    exported = row.exported_at.isoformat() if row.exported_at else None
    return {"figures": row.figures, "prose": row.prose, "exported_at": exported}


def save_figures(store: Store, year: int, figures: EnteredFigures) -> SavedYear:
    """Keep the officer's figures for `year` (already parsed and checked: domain.statutory_figures)."""
    return _update(store, year, figures=figures.to_json())


def save_prose(store: Store, year: int, prose: ReportProse | None) -> SavedYear:
    """Keep the officer's text; None discards it, so the report shows a fresh draft again."""
    return _update(store, year, prose=prose.to_json() if prose is not None else None)


def record_export(store: Store, report: StatutoryReport) -> SavedYear:
    """Remember what was exported: the text (next year's 雷同 check) and table 三 (next year's 上年结转)."""
    return _update(
        store,
        report.year,
        prose=report.prose.to_json(),
        exported_table3=report.table3.to_json(),
        exported_at=now(),
    )


def _year_stats(store: Store, year: int, generated_at: datetime) -> ReportStats:
    return compute_report(report_input(store, ReportPeriod.year(year), generated_at.date(), generated_at))


def report_sources(store: Store, year: int, generated_at: datetime) -> ReportSources:
    """Everything `year`'s report is made of, as of `generated_at` (a report drafted in December counts
    what is known that day; one made in January counts the whole year)."""
    data = report_input(store, ReportPeriod.year(year), generated_at.date(), generated_at)
    stats = compute_report(data)
    as_of = stats.as_of
    start = date(year, 1, 1)
    published = [
        r.publication
        for r in data.records
        if r.publication.published_on is not None and start <= r.publication.published_on <= as_of
    ]
    documents = _documents(data.records)
    applications = ApplicationRegister(store).applications()
    entries = _table3_entries(applications, as_of)
    yearly = application_period_stats(applications, start, min(date(year, 12, 31), as_of), store.calendar())
    saved, last_year = saved_year(store, year), saved_year(store, year - 1)
    last_stats = _year_stats(store, year - 1, datetime(year, 1, 1))
    return ReportSources(
        year=year,
        bureau=data.settings.bureau_name,
        publications=stats,
        last_year_publications=last_stats if last_stats.totals.published else None,
        catalogue_items=len(data.items),
        reviewed=sum(p.review_done for p in published),
        indexed=sum(bool(p.index_number.strip()) for p in published),
        documents=documents,
        applications=entries,
        late_replies=yearly.replied_late,
        figures=saved.figures,
        last_year_table3=last_year.exported_table3,
        prose=saved.prose,
    )
