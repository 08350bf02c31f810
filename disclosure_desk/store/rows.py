"""The store's boundary: stored rows to plain domain values and back.

Values are converted and checked here, once, when they are read: a hand-set rule is a DeadlineRule and a
yearly mark a MonthDay on the CatalogueItem, never JSON text or "MM-DD" in a caller's hands. A stored
value that cannot be read (edited by hand, damaged) falls back to what the officer will notice and fix —
a rule that says it cannot be understood — and the fallback is logged.
"""

from __future__ import annotations

import logging
from dataclasses import fields
from datetime import date, datetime
from typing import Any

from disclosure_desk.domain.catalogue import CatalogueItem, MonthDay
from disclosure_desk.domain.deadlines import DeadlineRule, RuleKind
from disclosure_desk.domain.errors import DeadlineRuleError, ValidationError
from disclosure_desk.domain.publication import Publication
from disclosure_desk.store.models import CatalogueItemRow, PublicationRow

_log = logging.getLogger(__name__)

PUBLICATION_FIELDS = tuple(f.name for f in fields(Publication))
# What a save writes (the rest are the store's own: id, channels, timestamps).
EDITABLE_PUBLICATION_FIELDS = (
    "item_id",
    "title",
    "formed_on",
    "changed_on",
    "approved_on",
    "published_on",
    "due_on_manual",
    "document_number",
    "index_number",
    "url",
    "department",
    "responsible",
    "review_done",
    "reviewer",
    "reviewed_on",
    "missing_channel_reason",
    "notes",
    "late_reason",
    "document_kind",
    "abolished_on",
    "clause",
)


# --- the officer's settings on an item ---------------------------------------------------------------


def rule_text(rule: DeadlineRule | None) -> str | None:
    return rule.to_json() if rule is not None else None


def rule_from_text(text: str | None, item_id: int | None = None) -> DeadlineRule | None:
    if not text:
        return None
    try:
        return DeadlineRule.from_json(text)
    except DeadlineRuleError as error:
        # never guessed: the item shows as "not understood" until the officer sets the rule again
        _log.warning("Stored deadline rule of item %s cannot be read (%s): %r", item_id, error, text)
        return DeadlineRule(RuleKind.UNKNOWN, source_text=str(error))


def yearly_text(month_day: MonthDay | None) -> str | None:
    return f"{month_day.month:02d}-{month_day.day:02d}" if month_day is not None else None


def yearly_from_text(text: str | None, item_id: int | None = None) -> MonthDay | None:
    if not text:
        return None
    try:
        month, day = (int(part) for part in text.split("-"))
        return MonthDay(month, day)
    except (ValueError, ValidationError):
        _log.warning("Stored yearly date of item %s cannot be read, ignored: %r", item_id, text)
        return None


# --- rows to values ----------------------------------------------------------------------------------


def item_from_row(row: CatalogueItemRow, old_version: int | None = None) -> CatalogueItem:
    """`old_version`: the number of the replaced catalogue version the item belongs to (None: current)."""
    return CatalogueItem(
        number=row.number,
        process=row.process,
        category=row.category,
        subcategory=row.subcategory,
        content=row.content,
        basis=row.basis,
        time_limit=row.time_limit,
        publisher=row.publisher,
        channels=tuple(row.channels),
        audience=tuple(row.audience),
        mode=tuple(row.mode),
        extra=dict(row.extra),
        id=row.id,
        rule_override=rule_from_text(row.rule_override, row.id),
        yearly_due=yearly_from_text(row.yearly_due, row.id),
        dynamic=row.dynamic,
        old_version=old_version,
    )


def publication_from_row(row: PublicationRow) -> Publication:
    values = {name: getattr(row, name) for name in PUBLICATION_FIELDS}
    values["channels"] = tuple(row.channels)
    return Publication(**values)


def fill_publication_row(row: PublicationRow, publication: Publication) -> None:
    for name in EDITABLE_PUBLICATION_FIELDS:
        setattr(row, name, getattr(publication, name))
    row.channels = list(publication.channels)


def _jsonable(value: object) -> object:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    return value


def publication_snapshot(publication: Publication) -> dict[str, Any]:
    """A publication as the audit trail keeps it (JSON-ready)."""
    return {f.name: _jsonable(getattr(publication, f.name)) for f in fields(publication)}
