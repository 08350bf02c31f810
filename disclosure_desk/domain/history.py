"""The last twelve months at a glance: what went out on time or late each month, and what was still
waiting at each month end. Feeds the dashboard's chart; one pass over the records, whatever their number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from disclosure_desk.domain.publication import PublicationRecord
from disclosure_desk.domain.status import Evaluation, Figures


@dataclass(frozen=True, slots=True)
class MonthHistory:
    year: int
    month: int
    # Published in this month (up to the evaluation day), as the status module judges them: the same
    # figures as the start page's "this month" card for the current month.
    figures: Figures
    # Arisen by the month's end (today, for the current month) and not yet published then.
    open_at_end: int


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


def monthly_history(evaluation: Evaluation, months: int = 12) -> tuple[MonthHistory, ...]:
    """`months` months ending with the evaluation day's, oldest first.

    What was published each month is the evaluation's own figures. "Open at month end" is counted with a
    difference array: each record adds +1 at the first month end it is open and -1 at the first month end
    it is published by, so the cost is one pass plus `months`.
    """
    today = evaluation.as_of
    last = _month_number(today)
    first = last - months + 1
    delta = [0] * (months + 1)
    for entry in evaluation.entries:
        published = entry.published_on  # None when published after the evaluation day
        # a record dated ahead (a plan) is open work today, as the start page lists it, but not before
        arisen = arisen_on(entry.record, today)
        if arisen is not None and arisen > today:
            arisen = today
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
        history.append(MonthHistory(year, month0 + 1, evaluation.month_figures(year, month0 + 1), running))
    return tuple(history)
