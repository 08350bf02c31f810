"""The start page's reminder of the 政府信息公开工作年度报告: due by 31 January (条例 第49条).

From 1 December the coming report is announced with what is still missing; it goes away once the report
is exported, or after 31 January.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

REMIND_FROM = (12, 1)  # month, day of the report year


def report_due_on(year: int) -> date:
    """条例 第49条: the report of `year` is published by 31 January of the next year."""
    return date(year + 1, 1, 31)


def reminder_year(today: date) -> int | None:
    """The report year the start page reminds of on `today`, or None outside 1 December – 31 January."""
    if (today.month, today.day) >= REMIND_FROM:
        return today.year
    if today.month == 1:
        return today.year - 1
    return None


@dataclass(frozen=True)
class ReportProgress:
    """What the store knows about one report year, cheaply (no report is built for the start page)."""

    figures_saved: bool
    prose_saved: bool
    placeholders: int  # 【请补充】 still in the saved text (the fresh draft always has some)
    exported_at: datetime | None
    failed_checks: int = 0  # cross-checks (勾稽关系) failing today: the export is refused until they pass


@dataclass(frozen=True)
class ReportReminder:
    year: int
    due_on: date
    missing: tuple[str, ...]

    @property
    def headline(self) -> str:
        return f"{self.year}年度报告 应于 {self.due_on.isoformat()} 前公开"


def report_reminder(today: date, progress: ReportProgress) -> ReportReminder | None:
    """The reminder for `today` (the year of reminder_year(today), whose progress is given), or None."""
    year = reminder_year(today)
    if year is None:
        return None
    if progress.exported_at is not None:
        return None
    missing: list[str] = []
    if progress.failed_checks:
        missing.append(f"{progress.failed_checks} 项校验未通过")
    if not progress.figures_saved:
        missing.append("行政许可、处罚、强制、收费和复议诉讼数字尚未填写")
    if not progress.prose_saved:
        missing.append("报告正文仍是程序草稿，尚未修改")
    elif progress.placeholders:
        missing.append(f"正文还有 {progress.placeholders} 处【请补充】")
    missing.append("尚未导出 Word 文件")
    return ReportReminder(year, report_due_on(year), tuple(missing))
