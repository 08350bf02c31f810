"""SQLAlchemy 2 typed mappings: the latest schema.

Only portable types and constraints, so the same store runs on PostgreSQL. Lists (channels, audience,
mode) and the unknown catalogue columns are JSON. The ORM rows never leave the store: the repository
converts them to the domain's frozen dataclasses.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import Enum as SAEnum
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from disclosure_desk.domain.publication import DocumentKind

SCHEMA_VERSION = 11


def _enum_values(kinds: type[DocumentKind]) -> list[str]:
    return [kind.value for kind in kinds]


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        list[str]: JSON,
        dict[str, str]: JSON,
        dict[str, Any]: JSON,
    }


class SchemaInfo(Base):
    """One row: the schema version. A table rather than PRAGMA user_version, which PostgreSQL lacks."""

    __tablename__ = "schema_info"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)


class CatalogueRow(Base):
    __tablename__ = "catalogues"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(400), nullable=False, default="")
    version: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    effective_on: Mapped[date | None] = mapped_column(Date)
    imported_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    source: Mapped[str] = mapped_column(String(400), nullable=False, default="")
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    items: Mapped[list[CatalogueItemRow]] = relationship(
        back_populates="catalogue", order_by="CatalogueItemRow.position"
    )


class CatalogueItemRow(Base):
    __tablename__ = "catalogue_items"
    __table_args__ = (UniqueConstraint("catalogue_id", "position"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    catalogue_id: Mapped[int] = mapped_column(
        ForeignKey("catalogues.id", ondelete="RESTRICT"), nullable=False
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    process: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    category: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    subcategory: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    content: Mapped[str] = mapped_column(Text, nullable=False, default="")
    basis: Mapped[str] = mapped_column(Text, nullable=False, default="")
    time_limit: Mapped[str] = mapped_column(Text, nullable=False, default="")
    publisher: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    channels: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    audience: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    mode: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    extra: Mapped[dict[str, str]] = mapped_column(JSON, nullable=False, default=dict)
    # Added in schema 2: the officer's own rule (DeadlineRule JSON) overriding the parsed time limit.
    rule_override: Mapped[str | None] = mapped_column(Text)
    # Added in schema 4: "MM-DD" when the officer marks the item as a yearly obligation due by that day.
    yearly_due: Mapped[str | None] = mapped_column(String(5))
    # Added in schema 9: the officer marked the item's column 动态 (updated at least every two weeks).
    dynamic: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    catalogue: Mapped[CatalogueRow] = relationship(back_populates="items")


class PublicationRow(Base):
    __tablename__ = "publications"
    __table_args__ = (Index("ix_publications_item", "item_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("catalogue_items.id", ondelete="RESTRICT"), nullable=False
    )
    title: Mapped[str] = mapped_column(Text, nullable=False)
    formed_on: Mapped[date | None] = mapped_column(Date)
    changed_on: Mapped[date | None] = mapped_column(Date)
    approved_on: Mapped[date | None] = mapped_column(Date)
    published_on: Mapped[date | None] = mapped_column(Date)
    # The due date is not stored: it follows from the item's rule, the calendar and the settings, and is
    # computed by the domain (domain.due) whenever it is shown. Only the officer's own date is stored.
    due_on_manual: Mapped[date | None] = mapped_column(Date)
    document_number: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    index_number: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    channels: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    url: Mapped[str] = mapped_column(Text, nullable=False, default="")
    department: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    responsible: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    review_done: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    reviewer: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    reviewed_on: Mapped[date | None] = mapped_column(Date)
    missing_channel_reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # Added in schema 5: 逾期原因, why the publication is or was late.
    late_reason: Mapped[str] = mapped_column(Text, nullable=False, default="", server_default="")
    # Added in schema 8: 文件类型 (规章 / 规范性文件 / 其他) and 废止日期, counted in the annual report.
    document_kind: Mapped[DocumentKind] = mapped_column(
        # stored as the Chinese word (the enum's value), a plain VARCHAR on every database
        SAEnum(DocumentKind, native_enum=False, values_callable=_enum_values, length=10),
        nullable=False,
        default=DocumentKind.OTHER,
        server_default=DocumentKind.OTHER.value,
    )
    abolished_on: Mapped[date | None] = mapped_column(Date)
    # Added in schema 9: the clause of the item's 公开时限 it falls under (1-based); NULL: the default one.
    clause: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)


class SettingRow(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False, default="")


class HolidayYearRow(Base):
    """Added in schema 2: one official (or officer-entered) holiday schedule per notice year."""

    __tablename__ = "holiday_years"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    official: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    notice: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    source: Mapped[str] = mapped_column(String(400), nullable=False, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    days: Mapped[list[HolidayDayRow]] = relationship(
        back_populates="schedule", cascade="all, delete-orphan", order_by="HolidayDayRow.day"
    )


class HolidayDayRow(Base):
    __tablename__ = "holiday_days"
    __table_args__ = (UniqueConstraint("year", "day"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(ForeignKey("holiday_years.year", ondelete="CASCADE"), nullable=False)
    day: Mapped[date] = mapped_column(Date, nullable=False)
    # "holiday" (法定节假日, a rest day) or "workday" (调休上班日)
    kind: Mapped[str] = mapped_column(String(10), nullable=False)
    name: Mapped[str] = mapped_column(String(50), nullable=False, default="")
    schedule: Mapped[HolidayYearRow] = relationship(back_populates="days")


class AuditRow(Base):
    """Added in schema 3: who changed what and when, with the values before and after."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    os_user: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    entity: Mapped[str] = mapped_column(String(30), nullable=False)  # "publication", "catalogue_item", …
    entity_id: Mapped[int] = mapped_column(Integer, nullable=False)
    action: Mapped[str] = mapped_column(String(20), nullable=False)  # create, update, delete, restore, purge
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class ApplicationRow(Base):
    """Added in schema 6: a 政府信息公开申请 (依申请公开). Codes are domain.applications' words."""

    __tablename__ = "applications"
    __table_args__ = (Index("ix_applications_received", "received_on"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    received_on: Mapped[date] = mapped_column(Date, nullable=False)
    applicant_type: Mapped[str] = mapped_column(String(20), nullable=False)
    via: Mapped[str] = mapped_column(String(10), nullable=False)
    content: Mapped[str] = mapped_column(Text, nullable=False)
    # personal information: shown only in the editor
    applicant_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    applicant_id_number: Mapped[str] = mapped_column(String(50), nullable=False, default="")
    applicant_contact: Mapped[str] = mapped_column(Text, nullable=False, default="")
    replied_on: Mapped[date | None] = mapped_column(Date)
    result: Mapped[str | None] = mapped_column(String(20))
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    events: Mapped[list[ApplicationEventRow]] = relationship(
        back_populates="application",
        cascade="all, delete-orphan",
        order_by="(ApplicationEventRow.happened_on, ApplicationEventRow.id)",
    )


class ApplicationEventRow(Base):
    """Added in schema 6: one event of an application (补正, 延期, 征求意见, 收费, 撤回)."""

    __tablename__ = "application_events"
    __table_args__ = (Index("ix_application_events_application", "application_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), nullable=False
    )
    kind: Mapped[str] = mapped_column(String(30), nullable=False)
    happened_on: Mapped[date] = mapped_column(Date, nullable=False)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    approved_by: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    notified_on: Mapped[date | None] = mapped_column(Date)  # schema 11: extension told to the applicant
    application: Mapped[ApplicationRow] = relationship(back_populates="events")


class StatutoryReportRow(Base):
    """Added in schema 8: one 政府信息公开工作年度报告 year — what the officer entered and wrote, and table 三
    as it was last exported (next year's 上年结转 is checked against it)."""

    __tablename__ = "statutory_reports"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    figures: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    prose: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    exported_table3: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    exported_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class AddRequestRow(Base):
    """Added in schema 10: the id a script gave an add (`publication add --request-id`), so a retried add
    (the first one was saved, but its answer was lost) finds the publication instead of adding it twice."""

    __tablename__ = "add_requests"
    request_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    publication_id: Mapped[int] = mapped_column(
        ForeignKey("publications.id", ondelete="CASCADE"), nullable=False
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
