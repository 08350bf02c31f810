"""Store helpers the window needs beyond repository.Store, as functions taking a Store."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from datetime import datetime

from sqlalchemy import insert

from disclosure_desk.domain.publication import Publication
from disclosure_desk.domain.report_stats import ReportInput, ReportPeriod
from disclosure_desk.store.models import PublicationRow
from disclosure_desk.store.repository import Store

_BATCH = 5000
_PUBLICATION_FIELDS = tuple(f.name for f in fields(Publication))


def bulk_add_publications(store: Store, publications: Iterable[Publication]) -> int:
    """Insert many publications in one transaction, due dates computed as add_publication does.

    For imports and benchmarks: tens of thousands of rows in seconds instead of one transaction each.
    """
    now = datetime.now().replace(microsecond=0)
    items = store.items_by_id()
    count = 0
    with store.transaction() as session:
        batch: list[dict[str, object]] = []
        for publication in publications:
            due = store.evaluate(publication, items[publication.item_id])
            batch.append(
                {
                    "item_id": publication.item_id,
                    "title": publication.title,
                    "formed_on": publication.formed_on,
                    "changed_on": publication.changed_on,
                    "approved_on": publication.approved_on,
                    "published_on": publication.published_on,
                    "due_on": due.due_on,
                    "due_on_manual": publication.due_on_manual,
                    "document_number": publication.document_number,
                    "index_number": publication.index_number,
                    "channels": list(publication.channels),
                    "url": publication.url,
                    "department": publication.department,
                    "responsible": publication.responsible,
                    "review_done": publication.review_done,
                    "reviewer": publication.reviewer,
                    "reviewed_on": publication.reviewed_on,
                    "missing_channel_reason": publication.missing_channel_reason,
                    "notes": publication.notes,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            if len(batch) >= _BATCH:
                session.execute(insert(PublicationRow), batch)
                count += len(batch)
                batch = []
        if batch:
            session.execute(insert(PublicationRow), batch)
            count += len(batch)
    return count


def report_input(store: Store, period: ReportPeriod, generated_at: datetime) -> ReportInput:
    """Everything a monthly or annual report needs, read from the store in one place (CLI and window)."""
    return ReportInput(
        bureau=store.bureau_name(),
        period=period,
        generated_at=generated_at,
        items=store.active_catalogue().items,
        records=store.publication_records(),
        calendar=store.calendar(),
        due_soon_days=store.settings().due_soon_days,
    )
