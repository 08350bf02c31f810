"""The register's counts for a month, as the monthly report's 依申请公开 sheet shows them."""

from __future__ import annotations

from datetime import date

from disclosure_desk.domain.application_stats import application_period_stats
from disclosure_desk.domain.applications import (
    ApplicantType,
    Application,
    ApplicationEvent,
    EventKind,
    ResultCategory,
    reply_result,
)
from disclosure_desk.io.holidays_import import bundled_calendar

CAL = bundled_calendar()
NOV = (date(2026, 11, 1), date(2026, 11, 30))


def app(received: str, kind: ApplicantType = ApplicantType.NATURAL_PERSON, **changes: object) -> Application:
    return Application(date.fromisoformat(received), kind, "内容", **changes)  # type: ignore[arg-type]


def test_november_counts() -> None:
    applications = [
        app("2026-09-28"),  # due 10-30, still open: overdue at the end of November
        app(
            "2026-10-12", replied_on=date(2026, 11, 20), result=reply_result("不予公开-4")
        ),  # due 11-09: late
        app(
            "2026-11-02",
            ApplicantType.COMMERCIAL_ENTERPRISE,
            replied_on=date(2026, 11, 27),
            result=reply_result("予以公开"),
        ),
        app("2026-11-06", ApplicantType.LEGAL_SERVICE_INSTITUTION),  # open, due 12-04
        app("2026-11-10", events=(ApplicationEvent(EventKind.WITHDRAWN, date(2026, 11, 12)),)),
        app(
            "2026-11-20", replied_on=date(2026, 12, 2), result=reply_result("予以公开")
        ),  # replied after the month
        app("2026-12-01"),  # after the month: not counted
    ]
    stats = application_period_stats(applications, *NOV, CAL)
    assert stats.received == 4
    assert dict(stats.received_by_type) == {
        ApplicantType.NATURAL_PERSON: 2,
        ApplicantType.COMMERCIAL_ENTERPRISE: 1,
        ApplicantType.RESEARCH_INSTITUTION: 0,
        ApplicantType.PUBLIC_INTEREST_ORGANIZATION: 0,
        ApplicantType.LEGAL_SERVICE_INSTITUTION: 1,
        ApplicantType.OTHER_ORGANIZATION: 0,
    }
    assert (stats.replied, stats.replied_on_time, stats.replied_late) == (2, 1, 1)
    assert dict(stats.replied_by_category)[ResultCategory.NOT_DISCLOSED] == 1
    assert dict(stats.replied_by_category)[ResultCategory.DISCLOSED] == 1
    assert stats.withdrawn == 1
    assert (stats.open_at_end, stats.overdue_at_end) == (3, 1)  # 09-28 (overdue), 11-06, 11-20
