"""The start page's reminder of the annual report: 1 December to 31 January, until it is exported."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from disclosure_desk.domain.statutory_reminder import (
    ReportProgress,
    reminder_year,
    report_due_on,
    report_reminder,
)

NOTHING = ReportProgress(False, False, 0, None)


@pytest.mark.parametrize(
    ("today", "year"),
    [
        (date(2026, 11, 30), None),
        (date(2026, 12, 1), 2026),
        (date(2026, 12, 31), 2026),
        (date(2027, 1, 31), 2026),
        (date(2027, 2, 1), None),
    ],
)
def test_which_year_is_reminded_of(today: date, year: int | None) -> None:
    assert reminder_year(today) == year


def test_what_is_missing() -> None:
    reminder = report_reminder(date(2026, 12, 1), NOTHING)
    assert reminder is not None
    assert reminder.headline == "2026年度报告 应于 2027-01-31 前公开"
    assert reminder.missing == (
        "行政许可、处罚、强制、收费和复议诉讼数字尚未填写",
        "报告正文仍是程序草稿，尚未修改",
        "尚未导出 Word 文件",
    )
    half_done = report_reminder(date(2027, 1, 20), ReportProgress(True, True, 2, None))
    assert half_done is not None and half_done.missing == ("正文还有 2 处【请补充】", "尚未导出 Word 文件")
    assert report_reminder(date(2027, 1, 20), ReportProgress(True, True, 0, datetime(2027, 1, 19))) is None
    assert report_reminder(date(2026, 6, 1), NOTHING) is None
    failing = report_reminder(date(2026, 12, 2), ReportProgress(True, True, 0, None, failed_checks=3))
    assert failing is not None and failing.missing == ("3 项校验未通过", "尚未导出 Word 文件")
    assert report_due_on(2026) == date(2027, 1, 31)
