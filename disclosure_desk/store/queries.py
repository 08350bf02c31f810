"""Store helpers the window needs beyond repository.Store, as functions taking a Store."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from datetime import date, datetime

from sqlalchemy import insert

from disclosure_desk.domain.publication import Publication
from disclosure_desk.domain.report_period import ReportPeriod
from disclosure_desk.domain.report_stats import ReportInput
from disclosure_desk.store.applications import ApplicationRegister
from disclosure_desk.store.models import PublicationRow
from disclosure_desk.store.repository import Store
from disclosure_desk.store.rows import EDITABLE_PUBLICATION_FIELDS

_BATCH = 5000
_PUBLICATION_FIELDS = tuple(f.name for f in fields(Publication))


def bulk_add_publications(
    store: Store, publications: Iterable[Publication], *, today: date | None = None
) -> int:
    """Insert many publications in one transaction, each checked as add_publication checks it (the first
    one refused stops the whole insert: nothing is written).

    For imports and benchmarks: tens of thousands of rows in seconds instead of one transaction each.
    """
    now = datetime.now().replace(microsecond=0)
    count = 0
    with store.transaction() as session:
        batch: list[dict[str, object]] = []
        for publication in publications:
            store.check_publication(publication, today)
            row: dict[str, object] = {
                name: getattr(publication, name) for name in EDITABLE_PUBLICATION_FIELDS
            }
            row.update(channels=list(publication.channels), created_at=now, updated_at=now)
            batch.append(row)
            if len(batch) >= _BATCH:
                session.execute(insert(PublicationRow), batch)
                count += len(batch)
                batch = []
        if batch:
            session.execute(insert(PublicationRow), batch)
            count += len(batch)
    return count


def report_input(store: Store, period: ReportPeriod, report_day: date, generated_at: datetime) -> ReportInput:
    """Everything a monthly or annual report needs, read from the store in one place (CLI and window).

    `report_day` is the day the report is made (today, or the day the officer pins); `generated_at` the
    clock's time, only printed.
    """
    return ReportInput(
        settings=store.settings(),
        period=period,
        report_day=report_day,
        generated_at=generated_at,
        items=store.active_catalogue().items,
        records=store.publication_records(),
        calendar=store.calendar(),
        applications=tuple(ApplicationRegister(store).applications()),
    )
