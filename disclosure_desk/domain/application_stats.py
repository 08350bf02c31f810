"""Counts of the 依申请公开 register for a period (a month for the monthly report): no personal data.

Each application is judged as of the period's last day: replied within the period counts as replied (on
time or late against its clock), otherwise it is open at the period's end, and overdue if its clock had
run out by then.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from disclosure_desk.domain.application_clock import reply_clock
from disclosure_desk.domain.applications import (
    APPLICANT_TYPES,
    ApplicantType,
    Application,
    ApplicationStatus,
    ResultCategory,
)
from disclosure_desk.domain.workdays import WorkdayCalendar


@dataclass(frozen=True)
class ApplicationPeriodStats:
    first: date
    last: date
    received: int
    received_by_type: tuple[tuple[ApplicantType, int], ...]  # table 三's column order
    replied: int
    replied_on_time: int
    replied_late: int
    replied_by_category: tuple[tuple[ResultCategory, int], ...]  # table order
    withdrawn: int
    open_at_end: int
    overdue_at_end: int


def application_period_stats(
    applications: Iterable[Application], first: date, last: date, calendar: WorkdayCalendar
) -> ApplicationPeriodStats:
    received_by_type = dict.fromkeys(APPLICANT_TYPES, 0)
    by_category = dict.fromkeys(ResultCategory, 0)
    received = replied = on_time = late = withdrawn = open_at_end = overdue = 0
    for application in applications:
        if application.received_on > last:
            continue
        if application.received_on >= first:
            received += 1
            received_by_type[application.applicant_type] += 1
        replied_on = (
            application.replied_on if application.replied_on and application.replied_on <= last else None
        )
        events = [e for e in application.events if e.on <= last]
        clock = reply_clock(application.received_on, events, calendar, last, replied_on=replied_on)
        if replied_on is not None:
            if replied_on >= first:
                replied += 1
                on_time += clock.status is ApplicationStatus.REPLIED_ON_TIME
                late += clock.status is ApplicationStatus.REPLIED_LATE
                if application.result is not None:
                    by_category[application.result.category] += 1
            continue
        if clock.status is ApplicationStatus.WITHDRAWN:
            withdrawn += application.withdrawn_on is not None and application.withdrawn_on >= first
            continue
        open_at_end += 1
        overdue += clock.status is ApplicationStatus.OVERDUE
    return ApplicationPeriodStats(
        first,
        last,
        received,
        tuple(received_by_type.items()),
        replied,
        on_time,
        late,
        tuple(by_category.items()),
        withdrawn,
        open_at_end,
        overdue,
    )
