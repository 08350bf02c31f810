"""The period a report covers, and how it is named on paper."""

from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass
from datetime import date, timedelta


def month_end(year: int, month: int) -> date:
    return date(year, month, _calendar.monthrange(year, month)[1])


def month_day(day: date) -> str:
    """ "11月15日" """
    return f"{day.month}月{day.day}日"


@dataclass(frozen=True)
class ReportPeriod:
    start: date
    end: date  # inclusive
    label: str  # "2026年10月" / "2026年"

    @classmethod
    def month(cls, year: int, month: int) -> ReportPeriod:
        if not 1 <= month <= 12:
            raise ValueError(f"月份“{month}”无效，应为 1–12。")
        return cls(date(year, month, 1), month_end(year, month), f"{year}年{month}月")

    @classmethod
    def month_of(cls, day: date) -> ReportPeriod:
        return cls.month(day.year, day.month)

    @classmethod
    def year(cls, year: int) -> ReportPeriod:
        return cls(date(year, 1, 1), date(year, 12, 31), f"{year}年")

    @property
    def is_annual(self) -> bool:
        return self.start.month == 1 and self.start.day == 1 and self.end == date(self.start.year, 12, 31)

    @property
    def short_label(self) -> str:
        """ "11月" for a month, "2027年1月" for a January (the month after a December or a year's report
        would otherwise read as January of the report's own year), "2026年" for a year."""
        if self.is_annual or self.start.month == 1:
            return self.label
        return f"{self.start.month}月"

    def contains(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def next_month(self) -> ReportPeriod:
        """The calendar month after the period end."""
        return ReportPeriod.month_of(self.end + timedelta(days=1))

    def previous(self) -> ReportPeriod:
        """The month (or year) before: what a report compares itself with."""
        if self.is_annual:
            return ReportPeriod.year(self.start.year - 1)
        return ReportPeriod.month_of(self.start - timedelta(days=1))

    def until(self, as_of: date) -> ReportPeriod:
        """The part of the period up to `as_of`: what a report made before the period ends can count.

        Labelled so on paper: "2026年11月（截至11月15日）".
        """
        if as_of >= self.end:
            return self
        return ReportPeriod(self.start, as_of, f"{self.label}（截至{month_day(as_of)}）")
