"""Publication status against its due date.

CONTRACT (implementation pending — see issue 3).
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
    raise NotImplementedError


def days_late(due_on: date | None, published_on: date | None, today: date) -> int:
    """Calendar days past due (as of publication, or today if unpublished); 0 when not late."""
    raise NotImplementedError
