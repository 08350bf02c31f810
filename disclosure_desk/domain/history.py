"""The last twelve months at a glance: what went out on time or late each month, and what was still
waiting at each month end. Feeds the dashboard's chart; one pass over the records, whatever their number.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from disclosure_desk.domain.publication import PublicationRecord


@dataclass(frozen=True, slots=True)
class MonthHistory:
    year: int
    month: int
    # Published in this month (up to today): on time, or after the due date. A publication with no due
    # date has nothing to be late against and counts as on time.
    published_on_time: int
    published_late: int
    # Arisen by the month's end (today, for the current month) and not yet published then.
    open_at_end: int

    @property
    def published(self) -> int:
        return self.published_on_time + self.published_late


def _month_number(day: date) -> int:
    return day.year * 12 + day.month - 1


def arisen_on(record: PublicationRecord, today: date) -> date | None:
    """When the obligation to publish arose: the earliest date the officer entered (formed, changed,
    approved), else the day the record was entered — never later than today, since a record entered is
    open now even when the day is pinned in the past; None when nothing is known."""
    p = record.publication
    earliest = p.formed_on
    for day in (p.changed_on, p.approved_on):  # a loop, not min() over a list: 50,000 calls per refresh
        if day is not None and (earliest is None or day < earliest):
            earliest = day
    if earliest is not None:
        return earliest
    return min(p.created_at.date(), today) if p.created_at is not None else None


def monthly_history(
    records: Iterable[PublicationRecord], today: date, months: int = 12
) -> tuple[MonthHistory, ...]:
    """`months` months ending with today's, oldest first.

    "Open at month end" is counted with a difference array: each record adds +1 at the first month end
    it is open and -1 at the first month end it is published by, so the cost is one pass plus `months`.
    """
    last = _month_number(today)
    first = last - months + 1
    on_time = [0] * months
    late = [0] * months
    delta = [0] * (months + 1)
    for record in records:
        publication = record.publication
        published = publication.published_on
        if published is not None and published > today:
            published = None  # a date still to come: not published as of today
        if published is not None:
            k = published.year * 12 + published.month - 1 - first
            if k >= 0:
                due = record.due.due_on
                if due is not None and published > due:
                    late[k] += 1
                else:
                    on_time[k] += 1
        arisen = arisen_on(record, today)
        if arisen is not None and arisen > today:
            continue
        start = 0 if arisen is None else max(arisen.year * 12 + arisen.month - 1 - first, 0)
        # month end k is on or after the publication day from the publication's month on
        stop = months if published is None else min(published.year * 12 + published.month - 1 - first, months)
        if start < stop:
            delta[start] += 1
            delta[stop] -= 1
    history = []
    running = 0
    for k in range(months):
        running += delta[k]
        year, month0 = divmod(first + k, 12)
        history.append(MonthHistory(year, month0 + 1, on_time[k], late[k], running))
    return tuple(history)
