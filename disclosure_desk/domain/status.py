"""Publication status against its due date.

Published: on time when published on or before the due date, late after it, plain PUBLISHED when there
is no due date to judge against. Not published: OVERDUE once today is past the due date, DUE_SOON when
the due date is at most `due_soon_days` working days away (due today counts), else PENDING.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from disclosure_desk.domain.workdays import WorkdayCalendar


class Status(StrEnum):
    PENDING = "pending"  # not published, due date later than the due-soon window (or no due date)
    DUE_SOON = "due_soon"  # not published, due within `due_soon_days` working days (today counts)
    OVERDUE = "overdue"  # not published and the due date has passed
    PUBLISHED_ON_TIME = "published_on_time"
    PUBLISHED_LATE = "published_late"
    PUBLISHED = "published"  # published, but there is no due date to judge it against


def publication_status(
    due_on: date | None,
    published_on: date | None,
    today: date,
    calendar: WorkdayCalendar,
    due_soon_days: int,
) -> Status:
    if published_on is not None:
        if due_on is None:
            return Status.PUBLISHED
        return Status.PUBLISHED_ON_TIME if published_on <= due_on else Status.PUBLISHED_LATE
    if due_on is None:
        return Status.PENDING
    if today > due_on:
        return Status.OVERDUE
    if calendar.working_days_between(today, due_on) <= due_soon_days:
        return Status.DUE_SOON
    return Status.PENDING


def days_late(due_on: date | None, published_on: date | None, today: date) -> int:
    """Calendar days past due (as of publication, or today if unpublished); 0 when not late."""
    if due_on is None:
        return 0
    as_of = published_on if published_on is not None else today
    return max((as_of - due_on).days, 0)
