"""The morning digest: what is overdue, what is coming due, how the month and year are going.

One computation serves the dashboard, the tray reminder and `disclosure-desk status`, so they can never
disagree.
"""

from __future__ import annotations

import calendar as calendar_module
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.publication import PublicationRecord
from disclosure_desk.domain.status import Status, days_late, publication_status
from disclosure_desk.domain.workdays import WorkdayCalendar

OPEN_STATUSES = frozenset({Status.PENDING, Status.DUE_SOON, Status.OVERDUE})


@dataclass(frozen=True)
class DigestEntry:
    record: PublicationRecord
    status: Status
    # working days from today to the due date: 0 = due today, negative = that many working days late;
    # None when there is no due date
    working_days_left: int | None
    days_late: int  # calendar days past due (0 when not late)


@dataclass(frozen=True)
class Digest:
    today: date
    overdue: tuple[DigestEntry, ...]  # oldest due first
    due_soon: tuple[DigestEntry, ...]  # soonest first
    open: tuple[DigestEntry, ...]  # every unpublished record: by due date, undated last
    published_this_month: int
    on_time_this_year: int
    late_this_year: int

    @property
    def on_time_rate_this_year(self) -> float | None:
        judged = self.on_time_this_year + self.late_this_year
        return self.on_time_this_year / judged if judged else None


def _sort_key(entry: DigestEntry) -> tuple[int, date, int]:
    due = entry.record.due.due_on
    return (due is None, due or date.max, entry.record.publication.id or 0)


def build_digest(
    records: Iterable[PublicationRecord], today: date, calendar: WorkdayCalendar, due_soon_days: int
) -> Digest:
    open_entries: list[DigestEntry] = []
    published_this_month = on_time = late = 0
    for record in records:
        publication, due_on = record.publication, record.due.due_on
        status = publication_status(due_on, publication.published_on, today, calendar, due_soon_days)
        published = publication.published_on
        if published is not None:
            if (published.year, published.month) == (today.year, today.month):
                published_this_month += 1
            if published.year == today.year and published <= today:
                on_time += status is Status.PUBLISHED_ON_TIME
                late += status is Status.PUBLISHED_LATE
            continue
        left = None if due_on is None else calendar.working_days_between(today, due_on)
        open_entries.append(DigestEntry(record, status, left, days_late(due_on, None, today)))
    open_entries.sort(key=_sort_key)
    return Digest(
        today=today,
        overdue=tuple(e for e in open_entries if e.status is Status.OVERDUE),
        due_soon=tuple(e for e in open_entries if e.status is Status.DUE_SOON),
        open=tuple(open_entries),
        published_this_month=published_this_month,
        on_time_this_year=on_time,
        late_this_year=late,
    )


@dataclass(frozen=True)
class YearlyObligation:
    """An item the officer marked as recurring yearly, and how this year stands."""

    item: CatalogueItem
    due_on: date
    met_on: date | None  # first publication for the item published this year, if any

    def is_overdue(self, today: date) -> bool:
        return self.met_on is None and today > self.due_on


@dataclass(frozen=True)
class Coverage:
    year: int
    uncovered: tuple[CatalogueItem, ...]  # nothing published this year, in catalogue order
    yearly: tuple[YearlyObligation, ...]  # by due date

    def yearly_open(self) -> tuple[YearlyObligation, ...]:
        return tuple(o for o in self.yearly if o.met_on is None)


def yearly_due_date(month_day: str, year: int) -> date:
    """ "MM-DD" in `year`; 02-29 falls on 02-28 in a common year."""
    month, day = (int(part) for part in month_day.split("-"))
    if (month, day) == (2, 29) and not calendar_module.isleap(year):
        day = 28
    return date(year, month, day)


def build_coverage(
    items: Iterable[CatalogueItem], records: Iterable[PublicationRecord], today: date
) -> Coverage:
    first_published: dict[int, date] = {}
    for record in records:
        published = record.publication.published_on
        if published is None or published.year != today.year or published > today:
            continue
        item_id = record.publication.item_id
        if item_id not in first_published or published < first_published[item_id]:
            first_published[item_id] = published
    items = tuple(items)
    uncovered = tuple(i for i in items if i.id not in first_published)
    yearly = sorted(
        (
            YearlyObligation(i, yearly_due_date(i.yearly_due, today.year), first_published.get(i.id or -1))
            for i in items
            if i.yearly_due
        ),
        key=lambda o: (o.due_on, o.item.number),
    )
    return Coverage(today.year, uncovered, tuple(yearly))
