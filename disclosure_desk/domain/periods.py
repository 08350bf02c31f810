"""Reporting periods of recurring obligations: week, month, quarter, half-year, year.

Weeks run Monday to Sunday (as Chinese offices count them); the others are calendar periods. Pure
calendar arithmetic: no holidays here, a due date of a periodic rule is a fixed day (see recurring.py).
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum


class Period(StrEnum):
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"


# How a rule names its period: "每季度", "每半年", "每月" …
PERIOD_NAMES: dict[Period, str] = {
    Period.WEEK: "周",
    Period.MONTH: "月",
    Period.QUARTER: "季度",
    Period.HALF: "半年",
    Period.YEAR: "年",
}

MONTHS_IN: dict[Period, int] = {Period.MONTH: 1, Period.QUARTER: 3, Period.HALF: 6, Period.YEAR: 12}
QUARTER_NAMES = ("一", "二", "三", "四")


def month_length(year: int, month: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def period_containing(period: Period, day: date) -> tuple[date, date]:
    """First and last day of the period that `day` falls in."""
    if period is Period.WEEK:
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    size = MONTHS_IN[period]
    first_month = (day.month - 1) // size * size + 1
    last_year, last_month = add_months(day.year, first_month, size - 1)
    return date(day.year, first_month, 1), date(last_year, last_month, month_length(last_year, last_month))


def next_period(period: Period, start: date) -> tuple[date, date]:
    """The period after the one starting on `start`."""
    if period is Period.WEEK:
        following = start + timedelta(days=7)
        return following, following + timedelta(days=6)
    year, month = add_months(start.year, start.month, MONTHS_IN[period])
    return period_containing(period, date(year, month, 1))


def period_label(period: Period, start: date) -> str:
    """ "2026年3月", "2026年第一季度", "2026年上半年", "2026年", "2026年3月9日至15日这一周"."""
    if period is Period.MONTH:
        return f"{start.year}年{start.month}月"
    if period is Period.QUARTER:
        return f"{start.year}年第{QUARTER_NAMES[(start.month - 1) // 3]}季度"
    if period is Period.HALF:
        return f"{start.year}年{'上' if start.month == 1 else '下'}半年"
    if period is Period.YEAR:
        return f"{start.year}年"
    end = start + timedelta(days=6)
    tail = f"{end.day}日" if end.month == start.month else f"{end.month}月{end.day}日"
    return f"{start.year}年{start.month}月{start.day}日至{tail}这一周"
