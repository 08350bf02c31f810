"""Publication status and days late."""

from __future__ import annotations

from datetime import date

import pytest

from disclosure_desk.domain.status import Status, days_late, publication_status
from disclosure_desk.io.holidays_import import bundled_calendar

CAL = bundled_calendar()
DUE = date(2026, 11, 4)  # a Wednesday


def status(due_on: date | None, published_on: date | None, today: date, soon: int = 3) -> Status:
    return publication_status(due_on, published_on, today, CAL, soon)


def test_published() -> None:
    assert status(DUE, date(2026, 11, 4), date(2026, 12, 1)) is Status.PUBLISHED_ON_TIME
    assert status(DUE, date(2026, 10, 1), date(2026, 12, 1)) is Status.PUBLISHED_ON_TIME
    assert status(DUE, date(2026, 11, 5), date(2026, 11, 5)) is Status.PUBLISHED_LATE
    assert status(None, date(2026, 11, 5), date(2026, 11, 5)) is Status.PUBLISHED


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 11, 5), Status.OVERDUE),
        (date(2026, 11, 4), Status.DUE_SOON),  # due today counts as due soon
        (date(2026, 11, 1), Status.DUE_SOON),  # Sunday: 11-02, 03, 04 — three working days
        (date(2026, 10, 30), Status.DUE_SOON),  # Friday: 11-02, 03, 04 again
        (date(2026, 10, 29), Status.PENDING),  # Thursday: four working days
        (date(2026, 10, 1), Status.PENDING),
    ],
)
def test_unpublished(today: date, expected: Status) -> None:
    assert status(DUE, None, today) is expected


def test_due_soon_counts_working_days_across_a_holiday() -> None:
    due = date(2026, 10, 9)  # Friday after National Day
    assert status(due, None, date(2026, 9, 30), soon=2) is Status.DUE_SOON  # 10-08, 10-09
    assert status(due, None, date(2026, 9, 29), soon=2) is Status.PENDING


def test_no_due_date_is_pending() -> None:
    assert status(None, None, date(2026, 11, 5)) is Status.PENDING


def test_days_late() -> None:
    assert days_late(DUE, date(2026, 11, 6), date(2027, 1, 1)) == 2
    assert days_late(DUE, date(2026, 11, 4), date(2027, 1, 1)) == 0
    assert days_late(DUE, None, date(2026, 11, 14)) == 10
    assert days_late(DUE, None, date(2026, 11, 1)) == 0
    assert days_late(None, None, date(2026, 11, 14)) == 0
