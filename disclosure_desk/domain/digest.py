"""The morning digest: what is overdue, what is coming due, how the month and year are going.

One computation serves the dashboard, the tray reminder and `disclosure-desk status`, so they can never
disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

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
