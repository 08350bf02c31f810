"""A publication (一条公开信息): one piece of information published against a catalogue item."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


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
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted_at: datetime | None = None
