"""A publication (一条公开信息): one piece of information published against a catalogue item."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.deadlines import DueDate


class DocumentKind(StrEnum):
    """文件类型: what the annual report's table 二 counts (第二十条第（一）项). Values are stored as is."""

    REGULATION = "规章"
    NORMATIVE = "规范性文件"
    OTHER = "其他"


@dataclass(frozen=True)
class Publication:
    """A register entry, as a plain value. The store hands these out detached from any session.

    `due_on_manual` is the officer's own due date, used for statutory (按照法定时间公开) items
    where the law, not the catalogue, fixes the day.
    """

    item_id: int
    title: str
    id: int | None = None
    formed_on: date | None = None
    changed_on: date | None = None
    approved_on: date | None = None
    published_on: date | None = None
    due_on_manual: date | None = None
    document_number: str = ""
    index_number: str = ""
    channels: tuple[str, ...] = ()
    url: str = ""
    department: str = ""
    responsible: str = ""
    review_done: bool = False
    reviewer: str = ""
    reviewed_on: date | None = None
    missing_channel_reason: str = ""
    notes: str = ""
    # 逾期原因: why it went out late (or is still open past its due date), and what is being done;
    # the monthly report's 情况说明 is built from these.
    late_reason: str = ""
    # 文件类型 and 废止日期: the annual report counts 规章 and 规范性文件 issued, abolished and in force.
    document_kind: DocumentKind = DocumentKind.OTHER
    abolished_on: date | None = None
    # Which clause of the item's 公开时限 it falls under (1-based, as the officer counts them), when the
    # text has several; None: the first general clause (time_limits.TimeLimit.default_index).
    clause: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted_at: datetime | None = None


@dataclass(frozen=True)
class PublicationRecord:
    """A publication with its catalogue item and computed due date: what views and reports show.

    Status is not stored here because it depends on the day it is evaluated on (today, or a month end
    for a report); compute it with `domain.status.publication_status`.
    """

    publication: Publication
    item: CatalogueItem
    due: DueDate


def duplicate_key(publication: Publication) -> tuple[object, ...]:
    """What makes two records the same entry: item, title (spacing aside) and the dates it counts from."""
    return (
        publication.item_id,
        " ".join(publication.title.split()),
        publication.formed_on,
        publication.changed_on,
        publication.approved_on,
    )


def find_duplicate(candidate: Publication, existing: Iterable[Publication]) -> Publication | None:
    """The first live record that is the same entry as `candidate` (never `candidate` itself)."""
    key = duplicate_key(candidate)
    for other in existing:
        if other.id != candidate.id and other.deleted_at is None and duplicate_key(other) == key:
            return other
    return None
