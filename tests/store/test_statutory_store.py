"""The annual report's data in the store: schema step 8 from schema 7, 文件类型/废止日期 on publications,
each year's figures and text with their audit trail, and the sources a report is built from."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import sqlalchemy as sa

from disclosure_desk.domain.applications import ApplicantType, Application
from disclosure_desk.domain.publication import DocumentKind, Publication
from disclosure_desk.domain.statutory_figures import EnteredFigures
from disclosure_desk.domain.statutory_prose import ReportProse
from disclosure_desk.domain.statutory_reminder import report_reminder
from disclosure_desk.domain.statutory_report import build_report
from disclosure_desk.domain.statutory_table3 import ROW_CARRIED_FORWARD, ROW_NEW
from disclosure_desk.store.applications import ApplicationRegister
from disclosure_desk.store.db import open_store
from disclosure_desk.store.repository import Store
from disclosure_desk.store.statutory import (
    record_export,
    report_progress,
    report_sources,
    save_figures,
    save_prose,
    saved_year,
)


def test_step_8_from_schema_7_keeps_publications_as_other_documents(db_path: Path) -> None:
    from old_databases import make_database_at  # tests/store/old_databases.py

    make_database_at(db_path, 7)  # the file exactly as a program of schema 7 left it
    engine = sa.create_engine(f"sqlite:///{db_path}")
    assert "statutory_reports" not in sa.inspect(engine).get_table_names()
    engine.dispose()
    store = open_store(str(db_path))
    try:
        assert store.migration.from_version == 7
        old = store.publication(3)
        assert (old.title, old.document_kind, old.abolished_on) == ("老记录", DocumentKind.OTHER, None)
        store.update_publication(replace(old, document_kind=DocumentKind.NORMATIVE))
        assert store.publication(3).document_kind is DocumentKind.NORMATIVE
        assert saved_year(store, 2026).figures_saved is False
    finally:
        store.close()


def test_document_fields_round_trip_in_every_read(store: Store) -> None:
    item = store.active_catalogue().items[0]
    assert item.id is not None
    saved = store.add_publication(
        Publication(item_id=item.id, title="规范性文件", formed_on=date(2026, 3, 1),
                    document_kind=DocumentKind.NORMATIVE, abolished_on=date(2027, 3, 1))
    )  # fmt: skip
    assert store.publication(saved.id or 0).abolished_on == date(2027, 3, 1)
    [record] = store.publication_records()
    assert record.publication.document_kind is DocumentKind.NORMATIVE
    assert record.publication.abolished_on == date(2027, 3, 1)


def test_figures_and_text_are_kept_per_year_with_an_audit_trail(store: Store) -> None:
    figures = EnteredFigures(licensing=7, fees_10k_yuan=Decimal("2.5"), review_corrected=1)
    save_figures(store, 2026, figures)
    saved = saved_year(store, 2026)
    assert (saved.figures, saved.figures_saved, saved.prose) == (figures, True, None)
    assert saved_year(store, 2025).figures == EnteredFigures()
    prose = ReportProse("导语", "（一）主动公开情况\n正文", "问题", "无。")
    assert save_prose(store, 2026, prose).prose == prose
    assert save_prose(store, 2026, None).prose is None  # back to a fresh draft
    history = store.audit_history("statutory_report", 2026)
    assert [entry.action for entry in history][:3] in (
        ["create", "update", "update"],
        ["update", "update", "create"],
    )


def test_sources_count_the_register_and_remember_the_export(store: Store) -> None:
    register = ApplicationRegister(store)
    today = date(2027, 1, 10)
    for received, kind in (
        (date(2025, 12, 20), ApplicantType.NATURAL_PERSON),
        (date(2026, 5, 5), ApplicantType.OTHER_ORGANIZATION),
    ):
        register.add(Application(received_on=received, applicant_type=kind, content="申请"), today)
    item = store.active_catalogue().items[0]
    assert item.id is not None
    store.add_publication(
        Publication(item_id=item.id, title="已公开", formed_on=date(2026, 3, 1),
                    published_on=date(2026, 3, 5), channels=("政府网站",), review_done=True,
                    index_number="X/2026-00001")
    )  # fmt: skip
    sources = report_sources(store, 2026, datetime(2027, 1, 10, 9))
    assert (sources.reviewed, sources.indexed, sources.late_replies) == (1, 1, 0)
    assert sources.publications.totals.published == 1
    assert sources.last_year_table3 is None
    report_2025 = build_report(report_sources(store, 2025, datetime(2027, 1, 10, 9)))
    assert report_2025.table3.value(ROW_CARRIED_FORWARD, "自然人") == 1
    record_export(store, report_2025)
    report_2026 = build_report(report_sources(store, 2026, datetime(2027, 1, 10, 9)))
    assert report_2026.table3.value(ROW_NEW, "其他") == 1
    assert [c.message for c in report_2026.failed_checks] == []
    assert any(
        "2025年报告“四、结转下年度继续办理” 1 = 本年“二、上年结转” 1" in c.message for c in report_2026.checks
    )
    assert saved_year(store, 2025).exported_at is not None


def test_the_reminder_counts_the_checks_that_fail_today(store: Store) -> None:
    # 2025's report was exported with one application carried forward; one more 2025 application entered
    # afterwards makes this year's 上年结转 disagree (自然人 and 总计 columns): the start page says so
    # before the officer tries to export.
    register = ApplicationRegister(store)
    today = date(2026, 12, 2)
    person = ApplicantType.NATURAL_PERSON
    register.add(Application(received_on=date(2025, 12, 20), applicant_type=person, content="申请"), today)
    assert report_progress(store, 2026, today).failed_checks == 0
    record_export(store, build_report(report_sources(store, 2025, datetime(2026, 1, 5, 9))))
    assert report_progress(store, 2026, today).failed_checks == 0
    register.add(Application(received_on=date(2025, 12, 28), applicant_type=person, content="补登"), today)
    progress = report_progress(store, 2026, today)
    assert progress.failed_checks == 2
    reminder = report_reminder(today, progress)
    assert reminder is not None and reminder.missing[0] == "2 项校验未通过"
    report = build_report(report_sources(store, 2026, datetime(2026, 12, 2, 9)))
    assert len(report.failed_checks) == progress.failed_checks  # the same checks as the export
