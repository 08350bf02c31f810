"""Frozen migration steps. Never import the models here: a step must do today what it did when written."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.operations import Operations


def v2_holidays_and_rule_override(op: Operations) -> None:
    """Schema 2: holiday schedules in the database, and a per-item deadline rule override."""
    op.add_column("catalogue_items", sa.Column("rule_override", sa.Text(), nullable=True))
    op.create_table(
        "holiday_years",
        sa.Column("year", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("official", sa.Boolean(), nullable=False),
        sa.Column("notice", sa.String(200), nullable=False),
        sa.Column("source", sa.String(400), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "holiday_days",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "year", sa.Integer(), sa.ForeignKey("holiday_years.year", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("name", sa.String(50), nullable=False),
        sa.UniqueConstraint("year", "day"),
    )


def v3_audit_log(op: Operations) -> None:
    """Schema 3: the audit trail."""
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("os_user", sa.String(200), nullable=False),
        sa.Column("entity", sa.String(30), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
    )
    op.create_index("ix_audit_entity", "audit_log", ["entity", "entity_id"])


def v4_yearly_obligations(op: Operations) -> None:
    """Schema 4: items the officer marks as recurring yearly, with the day they are due by."""
    op.add_column("catalogue_items", sa.Column("yearly_due", sa.String(5), nullable=True))


def v5_late_reason(op: Operations) -> None:
    """Schema 5: 逾期原因 (late reason) on every publication; existing rows get an empty one."""
    op.add_column(
        "publications", sa.Column("late_reason", sa.Text(), nullable=False, server_default="")
    )


def v6_applications(op: Operations) -> None:
    """Schema 6: the register of information requests (依申请公开) and their events."""
    op.create_table(
        "applications",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("number", sa.String(100), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("applicant_type", sa.String(20), nullable=False),
        sa.Column("via", sa.String(10), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("applicant_name", sa.String(200), nullable=False),
        sa.Column("applicant_id_number", sa.String(50), nullable=False),
        sa.Column("applicant_contact", sa.Text(), nullable=False),
        sa.Column("replied_on", sa.Date(), nullable=True),
        sa.Column("result", sa.String(20), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_applications_received", "applications", ["received_on"])
    op.create_table(
        "application_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "application_id",
            sa.Integer(),
            sa.ForeignKey("applications.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("approved_by", sa.String(200), nullable=False),
    )
    op.create_index("ix_application_events_application", "application_events", ["application_id"])


def v7_drop_cached_due_date(op: Operations) -> None:
    """Schema 7: publications no longer cache their computed due date (nothing read it; the domain
    computes it with its explanation whenever it is shown), so a changed calendar or rule can never leave
    a stale one behind."""
    op.drop_index("ix_publications_due", table_name="publications")
    op.drop_column("publications", "due_on")


def v8_statutory_report(op: Operations) -> None:
    """Schema 8: 文件类型 and 废止日期 on publications (the annual report's table 二), and per year the
    officer's figures and text of the 政府信息公开工作年度报告, with table 三 as last exported."""
    op.add_column(
        "publications", sa.Column("document_kind", sa.String(10), nullable=False, server_default="其他")
    )
    op.add_column("publications", sa.Column("abolished_on", sa.Date(), nullable=True))
    op.create_table(
        "statutory_reports",
        sa.Column("year", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("prose", sa.JSON(), nullable=True),
        sa.Column("exported_table3", sa.JSON(), nullable=True),
        sa.Column("exported_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )


def v9_clauses_and_dynamic_columns(op: Operations) -> None:
    """Schema 9: a publication's clause of a several-clause 公开时限, and the officer's 动态 mark on items."""
    op.add_column("publications", sa.Column("clause", sa.Integer(), nullable=True))
    op.add_column(
        "catalogue_items", sa.Column("dynamic", sa.Boolean(), nullable=False, server_default=sa.false())
    )


def v11_extension_notified(op: Operations) -> None:
    """Schema 11: the day the applicant was told of an extension (条例第33条: approved and told)."""
    op.add_column("application_events", sa.Column("notified_on", sa.Date(), nullable=True))


def v10_add_requests(op: Operations) -> None:
    """Schema 10: request ids of command-line adds, so a retried add is recognised."""
    op.create_table(
        "add_requests",
        sa.Column("request_id", sa.String(200), primary_key=True),
        sa.Column(
            "publication_id",
            sa.Integer(),
            sa.ForeignKey("publications.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
