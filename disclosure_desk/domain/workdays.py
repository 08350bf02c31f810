"""China's working-day calendar: Monday–Friday, minus statutory holidays, plus 调休 working weekends.

CONTRACT (implementation pending — see issue 3). Signatures here are relied on by the store, io and ui.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class YearSchedule:
    """One year's official schedule as announced by the 国务院办公厅 notice for `year`.

    The notice for year Y may name days outside Y (e.g. 2005-12-31, a 调休 Saturday of the 2006
    New Year holiday), so the sets are not restricted to `year`.
    """

    year: int
    holidays: frozenset[date]  # statutory rest days, including weekend days inside a holiday block
    adjusted_workdays: frozenset[date]  # 调休上班日: weekend days made working days
    official: bool = True
    notice: str = ""  # e.g. 国办发明电〔2025〕7号
    source: str = ""  # where it came from: "chinesecalendar 1.11", a file name, "手工录入"
    names: tuple[tuple[date, str], ...] = ()  # optional holiday names per day (元旦, 春节…)


class WorkdayCalendar:
    """Answers working-day questions over the schedules it was given. Immutable after creation."""

    def __init__(self, schedules: Iterable[YearSchedule]) -> None:
        raise NotImplementedError

    @property
    def years(self) -> tuple[int, ...]:
        raise NotImplementedError

    def has_schedule(self, year: int) -> bool:
        raise NotImplementedError

    def is_working_day(self, day: date) -> bool:
        raise NotImplementedError

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after `start` (start itself not counted)."""
        raise NotImplementedError

    def next_working_day(self, day: date) -> date:
        """`day` itself if it is a working day, else the first working day after it."""
        raise NotImplementedError

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative when end < start (days in (end, start])."""
        raise NotImplementedError
